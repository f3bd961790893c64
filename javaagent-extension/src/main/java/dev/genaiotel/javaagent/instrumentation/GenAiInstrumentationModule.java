package dev.genaiotel.javaagent.instrumentation;

import io.opentelemetry.javaagent.extension.instrumentation.InstrumentationModule;
import io.opentelemetry.javaagent.extension.instrumentation.internal.ExperimentalInstrumentationModule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What every instrumentation of this extension shares. Its helper classes (the provider module of the library it
 * instruments, and its advice) are loaded into an isolated class loader per application class loader, which sees the
 * application's copy of the client library; they are never injected into the application. The engine they record
 * through ({@code GenAiAgent}, genai-core) is loaded once, by the extension's class loader: the agent's isolated
 * loaders delegate names under {@code io.opentelemetry.javaagent} there, which is why this jar relocates genai-otel
 * under that prefix.
 *
 * <p>Every module is also named {@code genai}, so {@code otel.instrumentation.genai.enabled=false} switches them all
 * off, and each can be switched on or off by its own name.
 */
public abstract class GenAiInstrumentationModule extends InstrumentationModule
        implements ExperimentalInstrumentationModule {

    private final String helperList;

    /**
     * A module named {@code name} and {@code genai}.
     *
     * @param helperList the file under {@code META-INF/genai-otel/} that lists the module's helper classes, written
     *     by the build from the relocated jar
     */
    protected GenAiInstrumentationModule(String name, String helperList) {
        super(name, "genai");
        this.helperList = helperList;
    }

    /**
     * The name of one of this extension's advice classes, such as {@code openai.OpenAiClientBuildAdvice}, as it is
     * named in this jar (relocated): worked out from this class's own name, which the build relocated alike.
     */
    static String advice(String relativeName) {
        String instrumentation = GenAiInstrumentationModule.class.getPackageName();
        return instrumentation.substring(0, instrumentation.lastIndexOf('.') + 1) + relativeName;
    }

    @Override
    public HelperClassStrategy helperClassStrategy() {
        return HelperClassStrategy.ISOLATED;
    }

    @Override
    public List<String> getAdditionalHelperClassNames() {
        return read("META-INF/genai-otel/" + helperList);
    }

    private static List<String> read(String resource) {
        try (InputStream in = GenAiInstrumentationModule.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the extension jar has no " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim).filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

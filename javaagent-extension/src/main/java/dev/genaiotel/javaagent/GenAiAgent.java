package dev.genaiotel.javaagent;

import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.InstrumentationFailures;
import io.opentelemetry.api.GlobalOpenTelemetry;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The one {@link GenAiTelemetry} of the process under the Java agent, shared by every instrumentation of this
 * extension. It records through the agent's SDK ({@link GlobalOpenTelemetry}) with the settings the agent resolved
 * ({@code otel.instrumentation.genai.*} from system properties, environment variables and the agent's configuration
 * file). Built on first use, which is after the agent has configured its SDK.
 *
 * <p>This class lives in the extension's class loader and is shared by the instrumentations of every application
 * class loader, so there is one engine, one set of metric instruments and one content setting per process, and an
 * inference started by one layer (a LangChain4j model) is seen by the next (the HTTP client under it).
 */
public final class GenAiAgent {

    private static final Logger LOGGER = Logger.getLogger(GenAiAgent.class.getName());

    private static volatile Function<String, String> settings;

    private GenAiAgent() {}

    /**
     * Where the settings come from: the agent's resolved configuration. Called once by
     * {@link GenAiAgentCustomizer} while the agent configures its SDK; before that (or if it never happens) the
     * system properties and environment variables are read directly.
     */
    static void useSettings(Function<String, String> source) {
        settings = source;
    }

    /** The telemetry every instrumentation records through; never null. */
    public static GenAiTelemetry telemetry() {
        return Holder.TELEMETRY;
    }

    private static GenAiTelemetry build() {
        Function<String, String> source = settings;
        // Completion-hook providers (the upload hook) are registered in this jar under relocated service names: look
        // them up in this class loader, not in the application's.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(GenAiAgent.class.getClassLoader());
        try {
            var builder = GenAiTelemetry.builder(GlobalOpenTelemetry.get());
            if (source != null) {
                // The agent's configuration already merged system properties, environment and its file.
                builder.setSettingsSources(source, name -> null);
            }
            return builder.build();
        } catch (RuntimeException | LinkageError e) {
            InstrumentationFailures.logOnce(LOGGER, "building the GenAI telemetry", e);
            return GenAiTelemetry.builder(GlobalOpenTelemetry.get()).setEnabled(false).build();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Lazy holder: built by the first instrumented call, after the agent set up {@link GlobalOpenTelemetry}. */
    private static final class Holder {
        static final GenAiTelemetry TELEMETRY = build();
    }
}

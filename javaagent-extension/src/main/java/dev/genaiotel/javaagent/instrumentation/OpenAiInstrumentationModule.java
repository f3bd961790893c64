package dev.genaiotel.javaagent.instrumentation;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.nameEndsWith;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * openai-java ({@code genai-openai-java}): every client that an openai-java client builder builds is returned
 * instrumented ({@code OpenAITelemetry.wrap}), sync and async; its derived clients ({@code withOptions},
 * {@code async()}, ...) stay instrumented. An application that wraps a client with genai-otel's
 * {@code OpenAITelemetry} itself keeps its own instrumentation: the agent's is taken off that client first.
 */
public final class OpenAiInstrumentationModule extends GenAiInstrumentationModule {

    /** Called by {@link java.util.ServiceLoader}. */
    public OpenAiInstrumentationModule() {
        super("genai-openai-java", "openai.txt");
    }

    @Override
    public ElementMatcher.Junction<ClassLoader> classLoaderMatcher() {
        return hasClassesNamed("com.openai.client.OpenAIClient");
    }

    @Override
    public List<TypeInstrumentation> typeInstrumentations() {
        return List.of(new ClientBuilders(), new LibraryWrap());
    }

    /** The {@code build()} of every client builder in {@code com.openai.client} (OkHttp and other transports). */
    static final class ClientBuilders implements TypeInstrumentation {
        @Override
        public ElementMatcher<TypeDescription> typeMatcher() {
            return nameStartsWith("com.openai.client.").and(nameEndsWith("$Builder"));
        }

        @Override
        public void transform(TypeTransformer transformer) {
            transformer.applyAdviceToMethod(isPublic().and(named("build")).and(takesArguments(0))
                    .and(returns(named("com.openai.client.OpenAIClient"))
                            .or(returns(named("com.openai.client.OpenAIClientAsync")))),
                    advice("openai.OpenAiClientBuildAdvice"));
        }
    }

    /** genai-otel's own {@code OpenAITelemetry.wrap}, when the application uses the library module too. */
    static final class LibraryWrap implements TypeInstrumentation {
        @Override
        public ElementMatcher<TypeDescription> typeMatcher() {
            return named(LibraryClassNames.openAiTelemetry());
        }

        @Override
        public void transform(TypeTransformer transformer) {
            transformer.applyAdviceToMethod(isPublic().and(named("wrap")).and(takesArguments(1)),
                    advice("openai.OpenAiLibraryWrapAdvice"));
        }
    }
}

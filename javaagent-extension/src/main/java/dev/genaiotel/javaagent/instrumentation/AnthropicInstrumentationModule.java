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
 * anthropic-java ({@code genai-anthropic-java}): every client that an anthropic-java client builder builds
 * ({@code AnthropicOkHttpClient}, {@code AnthropicOkHttpClientAsync}, any backend) is returned instrumented
 * ({@code AnthropicTelemetry.wrap}), sync and async, with anthropic-java's own spans switched off on it as the library
 * does; its derived clients stay instrumented. An application that wraps a client with genai-otel's
 * {@code AnthropicTelemetry} itself keeps its own instrumentation: the agent's is taken off that client first.
 */
public final class AnthropicInstrumentationModule extends GenAiInstrumentationModule {

    private static final String CLIENT = "com.anthropic.client.AnthropicClient";
    private static final String CLIENT_ASYNC = "com.anthropic.client.AnthropicClientAsync";

    /** Called by {@link java.util.ServiceLoader}. */
    public AnthropicInstrumentationModule() {
        super("genai-anthropic-java", "anthropic.txt");
    }

    @Override
    public ElementMatcher.Junction<ClassLoader> classLoaderMatcher() {
        return hasClassesNamed(CLIENT);
    }

    @Override
    public List<TypeInstrumentation> typeInstrumentations() {
        return List.of(new ClientBuilders(), new LibraryWrap());
    }

    /** The {@code build()} of every client builder under {@code com.anthropic.client}. */
    static final class ClientBuilders implements TypeInstrumentation {
        @Override
        public ElementMatcher<TypeDescription> typeMatcher() {
            return nameStartsWith("com.anthropic.client.").and(nameEndsWith("$Builder"));
        }

        @Override
        public void transform(TypeTransformer transformer) {
            transformer.applyAdviceToMethod(isPublic().and(named("build")).and(takesArguments(0))
                            .and(returns(named(CLIENT)).or(returns(named(CLIENT_ASYNC)))),
                    advice("anthropic.AnthropicClientBuildAdvice"));
        }
    }

    /** genai-otel's own {@code AnthropicTelemetry.wrap}, when the application uses the library module too. */
    static final class LibraryWrap implements TypeInstrumentation {
        @Override
        public ElementMatcher<TypeDescription> typeMatcher() {
            return named(LibraryClassNames.anthropicTelemetry());
        }

        @Override
        public void transform(TypeTransformer transformer) {
            transformer.applyAdviceToMethod(isPublic().and(named("wrap")).and(takesArguments(1)),
                    advice("anthropic.AnthropicLibraryWrapAdvice"));
        }
    }
}

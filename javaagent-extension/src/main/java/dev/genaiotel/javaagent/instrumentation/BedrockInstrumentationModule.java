package dev.genaiotel.javaagent.instrumentation;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * AWS SDK v2 Bedrock clients ({@code genai-aws-sdk-bedrock}): every Bedrock Runtime client, sync and async, is built
 * with genai-otel's execution interceptor; an async one is also returned wrapped, for the streams' content, usage
 * and time to first chunk; a Bedrock Agent Runtime async client is returned wrapped, for {@code InvokeAgent}. A
 * client that the application built with genai-otel's own interceptor is left to it.
 */
public final class BedrockInstrumentationModule extends GenAiInstrumentationModule {

    private static final String RUNTIME = "software.amazon.awssdk.services.bedrockruntime.";
    private static final String AGENT_RUNTIME = "software.amazon.awssdk.services.bedrockagentruntime.";

    /** Called by {@link java.util.ServiceLoader}. */
    public BedrockInstrumentationModule() {
        super("genai-aws-sdk-bedrock", "bedrock.txt");
    }

    @Override
    public ElementMatcher.Junction<ClassLoader> classLoaderMatcher() {
        return hasClassesNamed(RUNTIME + "BedrockRuntimeClient");
    }

    @Override
    public List<TypeInstrumentation> typeInstrumentations() {
        return List.of(
                new ClientBuilder(RUNTIME + "DefaultBedrockRuntimeClientBuilder", RUNTIME + "BedrockRuntimeClient"),
                new ClientBuilder(RUNTIME + "DefaultBedrockRuntimeAsyncClientBuilder",
                        RUNTIME + "BedrockRuntimeAsyncClient"),
                new ClientBuilder(AGENT_RUNTIME + "DefaultBedrockAgentRuntimeAsyncClientBuilder",
                        AGENT_RUNTIME + "BedrockAgentRuntimeAsyncClient"),
                new LibraryWrap());
    }

    /** The {@code buildClient()} of one generated client builder. */
    static final class ClientBuilder implements TypeInstrumentation {
        private final String builder;
        private final String client;

        ClientBuilder(String builder, String client) {
            this.builder = builder;
            this.client = client;
        }

        @Override
        public ElementMatcher<TypeDescription> typeMatcher() {
            return named(builder);
        }

        @Override
        public void transform(TypeTransformer transformer) {
            transformer.applyAdviceToMethod(named("buildClient").and(takesArguments(0)).and(returns(named(client))),
                    advice("bedrock.BedrockClientBuildAdvice"));
        }
    }

    /** genai-otel's own {@code BedrockTelemetry.wrap}, when the application uses the library module too. */
    static final class LibraryWrap implements TypeInstrumentation {
        @Override
        public ElementMatcher<TypeDescription> typeMatcher() {
            return named(LibraryClassNames.bedrockTelemetry());
        }

        @Override
        public void transform(TypeTransformer transformer) {
            transformer.applyAdviceToMethod(isPublic().and(named("wrap")).and(takesArguments(1)),
                    advice("bedrock.BedrockLibraryWrapAdvice"));
        }
    }
}

package dev.genaiotel.javaagent.instrumentation;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.extendsClass;
import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;
import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * LangChain4j ({@code genai-langchain4j}): every chat, streaming chat and embedding model records what
 * provider-langchain4j's listeners record, and every AI service what its {@code LangChain4jTelemetry.instrument}
 * records. The models' {@code listeners()} return provider-langchain4j's listener after their own, however the model
 * was built, unless genai-otel already records the model (one of its listeners is there, or the application's own
 * provider-langchain4j wrapper makes the call); the span is current while the model sends its request. An
 * {@code AiServices} builder gets the AI-service listeners and tool hooks as it builds, keeping the application's
 * hooks.
 */
public final class LangChain4jInstrumentationModule extends GenAiInstrumentationModule {

    private static final String CHAT_MODEL = "dev.langchain4j.model.chat.ChatModel";
    private static final String STREAMING_CHAT_MODEL = "dev.langchain4j.model.chat.StreamingChatModel";
    private static final String EMBEDDING_MODEL = "dev.langchain4j.model.embedding.EmbeddingModel";
    private static final String CHAT_REQUEST = "dev.langchain4j.model.chat.request.ChatRequest";
    private static final String CHAT_REQUEST_OPTIONS = "dev.langchain4j.model.chat.ChatRequestOptions";

    /** Called by {@link java.util.ServiceLoader}. */
    public LangChain4jInstrumentationModule() {
        super("genai-langchain4j", "langchain4j.txt");
    }

    @Override
    public ElementMatcher.Junction<ClassLoader> classLoaderMatcher() {
        return hasClassesNamed(CHAT_MODEL);
    }

    @Override
    public List<TypeInstrumentation> typeInstrumentations() {
        return List.of(
                new Listeners(hasSuperType(namedOneOf(CHAT_MODEL, STREAMING_CHAT_MODEL)),
                        "langchain4j.ChatListenersAdvice"),
                new Listeners(hasSuperType(named(EMBEDDING_MODEL)), "langchain4j.EmbeddingListenersAdvice"),
                new ModelCallMethods(),
                new AiServicesBuild());
    }

    /** The {@code listeners()} of every model of one kind (and the interface's default). */
    static final class Listeners implements TypeInstrumentation {
        private final ElementMatcher<TypeDescription> models;
        private final String advice;

        Listeners(ElementMatcher<TypeDescription> models, String advice) {
            this.models = models;
            this.advice = advice;
        }

        @Override
        public ElementMatcher<TypeDescription> typeMatcher() {
            return models;
        }

        @Override
        public void transform(TypeTransformer transformer) {
            transformer.applyAdviceToMethod(named("listeners").and(takesArguments(0)).and(not(isAbstract()))
                    .and(returns(named("java.util.List"))), advice(advice));
        }
    }

    /** The interfaces' default methods that call the listeners around the model's own work. */
    static final class ModelCallMethods implements TypeInstrumentation {
        @Override
        public ElementMatcher<TypeDescription> typeMatcher() {
            return namedOneOf(CHAT_MODEL, STREAMING_CHAT_MODEL, EMBEDDING_MODEL);
        }

        @Override
        public void transform(TypeTransformer transformer) {
            transformer.applyAdviceToMethod(named("chat").and(not(isAbstract())).and(takesArguments(2))
                            .and(takesArgument(0, named(CHAT_REQUEST)))
                            .and(takesArgument(1, named(CHAT_REQUEST_OPTIONS))),
                    advice("langchain4j.ModelCallAdvice"));
            transformer.applyAdviceToMethod(named("chat").and(not(isAbstract())).and(takesArguments(3))
                            .and(takesArgument(0, named(CHAT_REQUEST)))
                            .and(takesArgument(1, named(CHAT_REQUEST_OPTIONS))),
                    advice("langchain4j.ModelCallAdvice"));
            transformer.applyAdviceToMethod(named("embed").and(not(isAbstract())).and(takesArguments(1))
                            .and(takesArgument(0, named("dev.langchain4j.model.embedding.request.EmbeddingRequest"))),
                    advice("langchain4j.ModelCallAdvice"));
        }
    }

    /** {@code build()} of every {@code AiServices} builder. */
    static final class AiServicesBuild implements TypeInstrumentation {
        @Override
        public ElementMatcher<TypeDescription> typeMatcher() {
            return extendsClass(named("dev.langchain4j.service.AiServices"));
        }

        @Override
        public void transform(TypeTransformer transformer) {
            transformer.applyAdviceToMethod(named("build").and(takesArguments(0)).and(not(isAbstract())),
                    advice("langchain4j.AiServicesBuildAdvice"));
        }
    }
}

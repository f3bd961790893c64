package dev.genaiotel.javaagent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Ollama's native API through {@code java.net.http.HttpClient} ({@code genai-ollama}): a {@code POST} to
 * {@code /api/chat}, {@code /api/generate}, {@code /api/embed} or {@code /api/embeddings} is sent through
 * provider-ollama's instrumented client; every other request, and the client object itself, is left exactly as it
 * is. Requests that the application's own genai-otel wrapper sends are left to it.
 */
public final class OllamaInstrumentationModule extends GenAiInstrumentationModule {

    /** Called by {@link java.util.ServiceLoader}. */
    public OllamaInstrumentationModule() {
        super("genai-ollama", "ollama.txt");
    }

    @Override
    public List<TypeInstrumentation> typeInstrumentations() {
        return List.of(new ClientFacade());
    }

    /** The JDK's {@code HttpClient} implementation that {@code HttpClient.newHttpClient()} hands out. */
    static final class ClientFacade implements TypeInstrumentation {
        @Override
        public ElementMatcher<TypeDescription> typeMatcher() {
            return named("jdk.internal.net.http.HttpClientFacade");
        }

        @Override
        public void transform(TypeTransformer transformer) {
            transformer.applyAdviceToMethod(isPublic().and(named("send"))
                            .and(takesArgument(0, named("java.net.http.HttpRequest"))),
                    advice("ollama.OllamaSendAdvice"));
            transformer.applyAdviceToMethod(isPublic().and(named("sendAsync"))
                            .and(takesArgument(0, named("java.net.http.HttpRequest"))),
                    advice("ollama.OllamaSendAsyncAdvice"));
        }
    }
}

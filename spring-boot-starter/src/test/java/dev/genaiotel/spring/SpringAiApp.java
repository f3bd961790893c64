package dev.genaiotel.spring;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts {@link TestApplication} with given properties and reads its spans back. */
final class SpringAiApp implements AutoCloseable {

    private static final Set<String> OPERATIONS = Set.of("chat", "embeddings", "execute_tool", "text_completion");

    final ConfigurableApplicationContext context;

    private SpringAiApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts the application; every Spring AI model kind is off unless {@code properties} names a provider. */
    static SpringAiApp start(Map<String, Object> properties) {
        SpringApplication application = new SpringApplication(TestApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        Map<String, Object> all = new HashMap<>(Map.of(
                "spring.ai.model.chat", "none",
                "spring.ai.model.embedding", "none",
                "spring.ai.model.image", "none",
                "spring.ai.model.audio.speech", "none",
                "spring.ai.model.audio.transcription", "none",
                "spring.ai.model.moderation", "none"));
        all.putAll(properties);
        application.setDefaultProperties(all);
        application.setLogStartupInfo(false);
        return new SpringAiApp(application.run());
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    List<SpanData> spans() {
        return bean(InMemorySpanExporter.class).getFinishedSpanItems();
    }

    /**
     * The GenAI spans: those of a model or tool operation (Spring AI also names its ChatClient and advisor
     * observations with {@code gen_ai.operation.name=framework}; those are not GenAI operations).
     */
    List<SpanData> genAiSpans() {
        return spans().stream().filter(s -> {
            String operation = s.getAttributes().get(AttributeKey.stringKey("gen_ai.operation.name"));
            return operation != null && OPERATIONS.contains(operation);
        }).toList();
    }

    /** Waits up to five seconds for spans matching {@code condition}, for streams that end on another thread. */
    List<SpanData> awaitSpans(Predicate<List<SpanData>> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<SpanData> spans = new ArrayList<>(genAiSpans());
        while (!condition.test(spans) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            spans = new ArrayList<>(genAiSpans());
        }
        return spans;
    }

    static boolean isClient(SpanData span) {
        return span.getKind() == SpanKind.CLIENT;
    }

    @Override
    public void close() {
        context.close();
    }
}

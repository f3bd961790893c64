package dev.genaiotel.spring;

import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.spring.internal.ClientInstrumentingPostProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Records Spring AI's model calls through the application's {@link GenAiTelemetry}.
 *
 * <p>Where Spring AI sends requests with a client library that genai-otel instruments (openai-java for the OpenAI
 * chat and embedding models, anthropic-java for the Anthropic chat model), the model beans are rebuilt around
 * wrapped clients: each request is one span made by that provider module, current while the HTTP request is sent.
 */
@AutoConfiguration(after = GenAiTelemetryAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.ai.chat.model.ChatModel")
public class SpringAiTelemetryAutoConfiguration {

    /** Creates the auto-configuration; Spring calls it. */
    public SpringAiTelemetryAutoConfiguration() {}

    /**
     * Rebuilds OpenAI and Anthropic model beans around instrumented clients.
     *
     * @param telemetry the application's telemetry, looked up when the first model is created
     * @param context the application context, whose class loader finds Spring AI
     */
    @Bean
    public static ClientInstrumentingPostProcessor genAiClientInstrumentingPostProcessor(
            ObjectProvider<GenAiTelemetry> telemetry, ApplicationContext context) {
        return new ClientInstrumentingPostProcessor(telemetry, context.getClassLoader());
    }
}

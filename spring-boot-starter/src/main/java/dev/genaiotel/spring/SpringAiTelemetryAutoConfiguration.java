package dev.genaiotel.spring;

import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.spring.internal.ClientInstrumentingPostProcessor;
import dev.genaiotel.spring.internal.ConversationAdvisor;
import dev.genaiotel.spring.internal.ConversationScopeHandler;
import dev.genaiotel.spring.internal.ModelObservationHandler;
import dev.genaiotel.spring.internal.SpringAiTracingSuppression;
import dev.genaiotel.spring.internal.ToolObservationHandler;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.ai.chat.client.ChatClientBuilderCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Records Spring AI's model and tool calls through the application's {@link GenAiTelemetry}.
 *
 * <ul>
 *   <li>Where Spring AI sends requests with a client library genai-otel instruments (openai-java for the OpenAI
 *       chat and embedding models; anthropic-java for the Anthropic chat model, once provider-anthropic supports
 *       the version Spring AI brings), the model beans are rebuilt around wrapped clients: each request is one
 *       span made by that provider module, current while the HTTP request is sent.</li>
 *   <li>Every other Spring AI chat and embedding model (Ollama, Bedrock Converse, Anthropic today, ...) is recorded
 *       from the observations Spring AI makes around each call: one span per call, current while the call runs,
 *       ended when it returns, fails, or its stream completes, fails or is cancelled.</li>
 *   <li>Each tool Spring AI runs is an {@code execute_tool} span, from its tool-calling observation.</li>
 *   <li>A ChatClient call with a chat memory conversation id records it as {@code gen_ai.conversation.id} on the
 *       inference of each model call.</li>
 *   <li>With Micrometer Tracing present, Spring AI's own model and tool spans are switched off, so that each call
 *       has one GenAI span; {@code otel.instrumentation.genai.spring-ai.keep-observation-spans=true} keeps
 *       them.</li>
 * </ul>
 *
 * <p>Spring AI reports its observations to the application's {@link ObservationRegistry}. When the application has
 * none (no Spring Boot Actuator), this configuration provides one with the application's observation handlers.
 */
@AutoConfiguration(after = GenAiTelemetryAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.ai.chat.model.ChatModel")
public class SpringAiTelemetryAutoConfiguration {

    /** The property that keeps Spring AI's own model and tool spans beside genai-otel's. */
    public static final String KEEP_OBSERVATION_SPANS = "otel.instrumentation.genai.spring-ai.keep-observation-spans";

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

    /**
     * Records the chat and embedding calls of models not instrumented at their client.
     *
     * @param telemetry the application's telemetry
     * @param clients the client instrumentation, which says which providers it covers
     */
    @Bean
    public ModelObservationHandler genAiModelObservationHandler(GenAiTelemetry telemetry,
            ClientInstrumentingPostProcessor clients) {
        return new ModelObservationHandler(telemetry, clients::clientInstrumented);
    }

    /**
     * Records Spring AI's tool executions.
     *
     * @param telemetry the application's telemetry
     */
    @Bean
    public ToolObservationHandler genAiToolObservationHandler(GenAiTelemetry telemetry) {
        return new ToolObservationHandler(telemetry);
    }

    /**
     * The registry Spring AI reports to when the application has none: every observation handler bean of the
     * application (genai-otel's among them), without Spring Boot Actuator's grouping.
     *
     * @param handlers the application's observation handlers
     */
    @Bean
    @ConditionalOnMissingBean
    public ObservationRegistry genAiObservationRegistry(ObjectProvider<ObservationHandler<?>> handlers) {
        ObservationRegistry registry = ObservationRegistry.create();
        handlers.orderedStream().forEach(handler -> registry.observationConfig().observationHandler(handler));
        return registry;
    }

    /** Hands chat memory conversation ids to the inferences of ChatClient calls. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.ai.chat.client.ChatClientBuilderCustomizer")
    static class ConversationConfiguration {

        /** Adds the conversation advisor to every ChatClient built from Spring Boot's ChatClient.Builder. */
        @Bean
        ChatClientBuilderCustomizer genAiConversationCustomizer() {
            return builder -> builder.defaultAdvisors(new ConversationAdvisor());
        }

        /** Makes the conversation id current while a model call of a ChatClient call runs. */
        @Bean
        ConversationScopeHandler genAiConversationScopeHandler() {
            return new ConversationScopeHandler();
        }
    }

    /** Switches Micrometer Tracing's spans for Spring AI's model and tool observations off. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.tracing.handler.TracingObservationHandler")
    @ConditionalOnProperty(name = KEEP_OBSERVATION_SPANS, havingValue = "false", matchIfMissing = true)
    static class TracingSuppressionConfiguration {

        /** The handler that claims Spring AI's model and tool observations first in the tracing group. */
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        SpringAiTracingSuppression genAiSpringAiTracingSuppression() {
            return new SpringAiTracingSuppression();
        }
    }
}

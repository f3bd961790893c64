package dev.genaiotel.spring.internal;

import dev.genaiotel.anthropic.AnthropicTelemetry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.model.tool.ToolCallingManager;

/**
 * Rebuilds Spring AI's Anthropic chat model around anthropic-java clients wrapped by {@link AnthropicTelemetry}: the
 * model keeps its options, tool-calling manager and observation settings, and every request it sends is one span
 * recorded by provider-anthropic. Loaded only when Spring AI's Anthropic module is present.
 */
final class AnthropicModels implements ModelInstrumentation {

    private final AnthropicTelemetry telemetry;

    AnthropicModels(AnthropicTelemetry telemetry) {
        this.telemetry = telemetry;
    }

    @Override
    public String providerName() {
        return "anthropic";
    }

    // The rebuilt model keeps the manager it was given, deprecated in 2.0 (tool calling moved to ChatClient).
    @SuppressWarnings("removal")
    @Override
    public Object instrument(Object bean) {
        if (!(bean instanceof AnthropicChatModel model)) {
            return null;
        }
        Class<AnthropicChatModel> type = AnthropicChatModel.class;
        ToolCallingManager tools = PrivateFields.read(model, type, "toolCallingManager", ToolCallingManager.class);
        ObservationRegistry registry = PrivateFields.read(model, type, "observationRegistry",
                ObservationRegistry.class);
        ChatModelObservationConvention convention = PrivateFields.read(model, type, "observationConvention",
                ChatModelObservationConvention.class);
        AnthropicChatModel rebuilt = AnthropicChatModel.builder()
                .anthropicClient(telemetry.wrap(model.getAnthropicClient()))
                .anthropicClientAsync(telemetry.wrap(model.getAnthropicClientAsync()))
                .options(model.getOptions())
                .toolCallingManager(tools)
                .observationRegistry(registry)
                .build();
        rebuilt.setObservationConvention(convention);
        return rebuilt;
    }
}

package dev.genaiotel.spring.internal;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientAsync;
import dev.genaiotel.openai.OpenAITelemetry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.document.MetadataMode;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationConvention;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiEmbeddingModel;

/**
 * Rebuilds Spring AI's OpenAI models around openai-java clients wrapped by {@link OpenAITelemetry}: the model keeps
 * its options, tool-calling manager and observation settings, and every request it sends is one span recorded by
 * provider-openai. Loaded only when Spring AI's OpenAI module is present.
 */
final class OpenAiModels implements ModelInstrumentation {

    private final OpenAITelemetry telemetry;

    OpenAiModels(OpenAITelemetry telemetry) {
        this.telemetry = telemetry;
    }

    @Override
    public String providerName() {
        return "openai";
    }

    @Override
    public Object instrument(Object bean) {
        if (bean instanceof OpenAiChatModel chat) {
            return chat(chat);
        }
        if (bean instanceof OpenAiEmbeddingModel embeddings && bean.getClass() == OpenAiEmbeddingModel.class) {
            return embeddings(embeddings);
        }
        return null;
    }

    // The rebuilt model keeps the manager it was given, deprecated in 2.0 (tool calling moved to ChatClient).
    @SuppressWarnings("removal")
    private OpenAiChatModel chat(OpenAiChatModel model) {
        OpenAIClient client = PrivateFields.read(model, OpenAiChatModel.class, "openAiClient", OpenAIClient.class);
        OpenAIClientAsync async = PrivateFields.read(model, OpenAiChatModel.class, "openAiClientAsync",
                OpenAIClientAsync.class);
        ToolCallingManager tools = PrivateFields.read(model, OpenAiChatModel.class, "toolCallingManager",
                ToolCallingManager.class);
        ObservationRegistry registry = PrivateFields.read(model, OpenAiChatModel.class, "observationRegistry",
                ObservationRegistry.class);
        ChatModelObservationConvention convention = PrivateFields.read(model, OpenAiChatModel.class,
                "observationConvention", ChatModelObservationConvention.class);
        OpenAiChatModel rebuilt = OpenAiChatModel.builder()
                .openAiClient(telemetry.wrap(client))
                .openAiClientAsync(telemetry.wrap(async))
                .options(model.getOptions())
                .toolCallingManager(tools)
                .observationRegistry(registry)
                .build();
        rebuilt.setObservationConvention(convention);
        return rebuilt;
    }

    private OpenAiEmbeddingModel embeddings(OpenAiEmbeddingModel model) {
        Class<OpenAiEmbeddingModel> type = OpenAiEmbeddingModel.class;
        OpenAIClient client = PrivateFields.read(model, type, "openAiClient", OpenAIClient.class);
        MetadataMode mode = PrivateFields.read(model, type, "metadataMode", MetadataMode.class);
        ObservationRegistry registry = PrivateFields.read(model, type, "observationRegistry",
                ObservationRegistry.class);
        EmbeddingModelObservationConvention convention = PrivateFields.read(model, type, "observationConvention",
                EmbeddingModelObservationConvention.class);
        OpenAiEmbeddingModel rebuilt = OpenAiEmbeddingModel.builder()
                .openAiClient(telemetry.wrap(client))
                .options(model.getOptions())
                .metadataMode(mode)
                .observationRegistry(registry)
                .build();
        rebuilt.setObservationConvention(convention);
        return rebuilt;
    }
}

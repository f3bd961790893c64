package dev.genaiotel.anthropic.internal;

import com.anthropic.core.JsonNumber;
import com.anthropic.core.JsonValue;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.TextBlockParam;
import com.anthropic.models.messages.Usage;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.semconv.FinishReason;
import dev.genaiotel.semconv.OperationName;
import dev.genaiotel.semconv.OutputType;
import dev.genaiotel.semconv.Role;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import dev.genaiotel.semconv.message.ToolDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Messages API ({@code POST /v1/messages}) to the core's inference model. */
final class MessageMapping {

    private MessageMapping() {}

    /**
     * The request, each field read on its own: a field anthropic-java cannot give (a required one left unset, a
     * value of the wrong type) costs that field only. anthropic-java 3.x has no typed {@code temperature},
     * {@code top_p} or {@code top_k}; they are read from the request's additional body properties, where callers put
     * them. System prompt, messages and tools are handed over as mappings the core runs only when content is
     * recorded.
     */
    static InferenceRequest request(MessageCreateParams params, Endpoint endpoint, boolean stream) {
        Map<String, JsonValue> extra = FailSoft.get("message request extra body", params::_additionalBodyProperties);
        return InferenceRequest.builder(OperationName.CHAT, endpoint.providerName())
                .server(endpoint.serverAddress(), endpoint.serverPort())
                .stream(stream)
                .model(FailSoft.get("message request model",
                        () -> params._model().asKnown().map(model -> model.asString()).orElse(null)))
                .maxTokens(FailSoft.get("message request max_tokens",
                        () -> params._maxTokens().asKnown().orElse(null)))
                .temperature(FailSoft.get("message request temperature", () -> number(extra, "temperature")))
                .topP(FailSoft.get("message request top_p", () -> number(extra, "top_p")))
                .topK(FailSoft.get("message request top_k", () -> whole(extra, "top_k")))
                .stopSequences(FailSoft.get("message request stop_sequences",
                        () -> params.stopSequences().orElse(null)))
                .reasoningLevel(FailSoft.get("message request effort", () -> params.outputConfig()
                        .flatMap(config -> config.effort()).map(effort -> effort.asString()).orElse(null)))
                .outputType(FailSoft.get("message request output format", () -> params.outputConfig()
                        .flatMap(config -> config.format()).isPresent() ? OutputType.JSON : null))
                .systemInstructions(() -> params.system().map(MessageMapping::system).orElse(null))
                .inputMessages(() -> inputMessages(params))
                .toolDefinitions(() -> params.tools().map(tools -> toolDefinitions(tools)).orElse(null))
                .build();
    }

    /**
     * A number among the additional body properties, read off anthropic-java's own {@code JsonNumber}: converting
     * the value through Jackson ({@code convert}) would build a token buffer and a parser on every call.
     */
    private static Double number(Map<String, JsonValue> extra, String key) {
        Number value = numberOf(extra, key);
        return value == null ? null : value.doubleValue();
    }

    private static Long whole(Map<String, JsonValue> extra, String key) {
        Number value = numberOf(extra, key);
        return value == null ? null : value.longValue();
    }

    private static Number numberOf(Map<String, JsonValue> extra, String key) {
        return extra != null && extra.get(key) instanceof JsonNumber number ? number.value() : null;
    }

    /** {@code system}: a string, or text blocks; only text goes to {@code gen_ai.system_instructions}. */
    static List<MessagePart> system(MessageCreateParams.System system) {
        if (system.isString()) {
            return system.asString().isEmpty() ? List.of() : List.of(new MessagePart.Text(system.asString()));
        }
        List<TextBlockParam> blocks = system.asTextBlockParams();
        List<MessagePart> parts = new ArrayList<>(blocks.size());
        for (TextBlockParam block : blocks) {
            parts.add(new MessagePart.Text(block.text()));
        }
        return parts;
    }

    private static List<InputMessage> inputMessages(MessageCreateParams params) {
        List<?> messages = Trees.list(Trees.of(params.messages()));
        List<InputMessage> result = new ArrayList<>(messages.size());
        for (Object message : messages) {
            result.add(ContentMapping.inputMessage(Trees.map(message)));
        }
        return result;
    }

    private static List<ToolDefinition> toolDefinitions(Object tools) {
        return ContentMapping.toolDefinitions(Trees.list(Trees.of(tools)));
    }

    /**
     * The response. Each piece is read on its own (a field the server got wrong costs only that piece), with a try
     * per piece rather than a lambda per piece: this runs on every call.
     */
    static InferenceResponse response(Message message) {
        InferenceResponse.Builder builder = InferenceResponse.builder();
        try {
            builder.responseId(message._id().asKnown().orElse(null));
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("message response id", e);
        }
        try {
            builder.responseModel(message._model().asKnown().map(model -> model.asString()).orElse(null));
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("message response model", e);
        }
        String stopReason = null;
        try {
            Optional<StopReason> reason = message._stopReason().asKnown();
            stopReason = reason.isPresent() ? reason.get().asString() : null;
            // List.of is kept as it is by the response; a missing reason (null) becomes error there.
            builder.finishReasons(stopReason == null ? Collections.singletonList(null) : List.of(stopReason));
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("message stop reason", e);
        }
        try {
            Optional<Usage> usage = message._usage().asKnown();
            if (usage.isPresent()) {
                builder.usage(UsageMapping.of(usage.get()));
            }
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("message usage", e);
        }
        String finish = stopReason == null ? FinishReason.ERROR : FinishReason.normalize(stopReason);
        builder.outputMessages(() -> List.of(new OutputMessage(Role.ASSISTANT,
                ContentMapping.parts(Trees.of(message.content())), finish)));
        return builder.build();
    }
}

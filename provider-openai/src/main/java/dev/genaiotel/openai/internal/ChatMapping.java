package dev.genaiotel.openai.internal;

import static dev.genaiotel.semconv.GenAiAttributes.OPENAI_API_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.OPENAI_REQUEST_SERVICE_TIER;
import static dev.genaiotel.semconv.GenAiAttributes.OPENAI_RESPONSE_SERVICE_TIER;
import static dev.genaiotel.semconv.GenAiAttributes.OPENAI_RESPONSE_SYSTEM_FINGERPRINT;

import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageParam;
import com.openai.models.chat.completions.ChatCompletionTool;
import com.openai.models.completions.CompletionUsage;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.semconv.FinishReason;
import dev.genaiotel.semconv.Modality;
import dev.genaiotel.semconv.OpenAiApiType;
import dev.genaiotel.semconv.OperationName;
import dev.genaiotel.semconv.OutputType;
import dev.genaiotel.semconv.Role;
import dev.genaiotel.semconv.message.FunctionToolDefinition;
import dev.genaiotel.semconv.message.GenericToolDefinition;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import dev.genaiotel.semconv.message.ToolDefinition;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Chat Completions ({@code POST /chat/completions}) to the core's inference model. */
final class ChatMapping {

    private static final Attributes API_TYPE = Attributes.of(OPENAI_API_TYPE, OpenAiApiType.CHAT_COMPLETIONS);

    /** The last response attributes built; immutable, so sharing it between threads is safe. */
    private static volatile ResponseAttributes lastResponseAttributes;

    private ChatMapping() {}

    /**
     * The request, each field read on its own: a field openai-java cannot give (a required one left null, a value
     * of the wrong type) costs that field only. The messages and tools are handed over as mappings the core runs
     * only when content is recorded.
     */
    @SuppressWarnings("deprecation") // seed and max_tokens are still sent
    static InferenceRequest request(ChatCompletionCreateParams params, Endpoint endpoint, boolean stream) {
        InferenceRequest.Builder builder = InferenceRequest.builder(OperationName.CHAT, endpoint.providerName())
                .server(endpoint.serverAddress(), endpoint.serverPort())
                .stream(stream)
                .model(FailSoft.get("chat request model", () -> params.model().asString()))
                .temperature(FailSoft.get("chat request temperature", () -> params.temperature().orElse(null)))
                .topP(FailSoft.get("chat request top_p", () -> params.topP().orElse(null)))
                .maxTokens(FailSoft.get("chat request max tokens", () -> maxTokens(params)))
                .seed(FailSoft.get("chat request seed", () -> params.seed().orElse(null)))
                .choiceCount(FailSoft.get("chat request n", () -> params.n().orElse(null)))
                .frequencyPenalty(FailSoft.get("chat request frequency penalty",
                        () -> params.frequencyPenalty().orElse(null)))
                .presencePenalty(FailSoft.get("chat request presence penalty",
                        () -> params.presencePenalty().orElse(null)))
                .reasoningLevel(FailSoft.get("chat request reasoning effort",
                        () -> params.reasoningEffort().map(effort -> effort.asString()).orElse(null)))
                .outputType(FailSoft.get("chat request output type", () -> outputType(params)))
                .stopSequences(FailSoft.get("chat request stop", () -> stopSequences(params)))
                .attributes(requestAttributes(FailSoft.get("chat request service tier",
                        () -> params.serviceTier().map(value -> value.asString()).orElse(null))))
                .inputMessages(() -> inputMessages(params.messages()))
                .toolDefinitions(() -> params.tools().map(ChatMapping::toolDefinitions).orElse(null));
        return builder.build();
    }

    private static List<String> stopSequences(ChatCompletionCreateParams params) {
        Optional<ChatCompletionCreateParams.Stop> stop = params.stop();
        if (stop.isEmpty()) {
            return null;
        }
        return stop.get().isString() ? List.of(stop.get().asString()) : stop.get().asStrings();
    }

    /** {@code openai.api.type}, and {@code openai.request.service_tier} unless it is the default {@code auto}. */
    private static Attributes requestAttributes(String serviceTier) {
        return serviceTier == null || "auto".equals(serviceTier) ? API_TYPE
                : API_TYPE.toBuilder().put(OPENAI_REQUEST_SERVICE_TIER, serviceTier).build();
    }

    @SuppressWarnings("deprecation") // max_tokens is still sent
    private static Long maxTokens(ChatCompletionCreateParams params) {
        Optional<Long> maxCompletionTokens = params.maxCompletionTokens();
        return maxCompletionTokens.isPresent() ? maxCompletionTokens.get() : params.maxTokens().orElse(null);
    }

    private static String outputType(ChatCompletionCreateParams params) {
        var format = params.responseFormat();
        if (format.isPresent()) {
            if (format.get().isJsonSchema() || format.get().isJsonObject()) {
                return OutputType.JSON;
            }
            if (format.get().isText()) {
                return OutputType.TEXT;
            }
        }
        var modalities = params.modalities();
        if (modalities.isPresent()) {
            for (var modality : modalities.get()) {
                if ("audio".equals(modality.asString())) {
                    return OutputType.SPEECH;
                }
            }
        }
        return null;
    }

    static List<InputMessage> inputMessages(List<ChatCompletionMessageParam> messages) {
        List<InputMessage> result = new ArrayList<>(messages.size());
        for (ChatCompletionMessageParam message : messages) {
            InputMessage plain = plainInputMessage(message);
            result.add(plain != null ? plain : inputMessage(Trees.map(Trees.of(message))));
        }
        return result;
    }

    /** The common text-only messages, read without building their JSON tree; null for any other message. */
    private static InputMessage plainInputMessage(ChatCompletionMessageParam message) {
        if (message.isUser()) {
            var user = message.asUser();
            return user.content().isText()
                    ? new InputMessage(Role.USER, List.of(new MessagePart.Text(user.content().asText())),
                            user.name().orElse(null))
                    : null;
        }
        if (message.isSystem()) {
            var system = message.asSystem();
            return system.content().isText()
                    ? new InputMessage(Role.SYSTEM, List.of(new MessagePart.Text(system.content().asText())),
                            system.name().orElse(null))
                    : null;
        }
        if (message.isDeveloper()) {
            var developer = message.asDeveloper();
            return developer.content().isText()
                    ? new InputMessage("developer", List.of(new MessagePart.Text(developer.content().asText())),
                            developer.name().orElse(null))
                    : null;
        }
        if (message.isTool()) {
            var tool = message.asTool();
            return tool.content().isText()
                    ? new InputMessage(Role.TOOL, List.of(new MessagePart.ToolCallResponse(tool.toolCallId(),
                            tool.content().asText())))
                    : null;
        }
        return null;
    }

    static InputMessage inputMessage(Map<?, ?> message) {
        String role = Trees.string(message, "role");
        if (role == null) {
            role = Role.USER;
        }
        String name = Trees.string(message, "name");
        List<MessagePart> parts;
        if (Role.TOOL.equals(role) || "function".equals(role)) {
            String id = Trees.string(message, "tool_call_id");
            parts = List.of(new MessagePart.ToolCallResponse(id, Parts.toolResult(message.get("content"))));
            return new InputMessage(role, parts, "function".equals(role) ? name : null);
        }
        parts = Parts.content(message.get("content"));
        String refusal = Trees.string(message, "refusal");
        if (refusal != null) {
            parts.add(new MessagePart.GenericPart("refusal", Map.of("content", refusal)));
        }
        for (Object call : Trees.list(message, "tool_calls")) {
            MessagePart part = toolCall(Trees.map(call));
            if (part != null) {
                parts.add(part);
            }
        }
        Map<?, ?> functionCall = Trees.map(message, "function_call");
        if (!functionCall.isEmpty() && Trees.string(functionCall, "name") != null) {
            parts.add(new MessagePart.ToolCallRequest(null, Trees.string(functionCall, "name"),
                    Trees.string(functionCall, "arguments")));
        }
        Map<?, ?> audio = Trees.map(message, "audio");
        if (!audio.isEmpty() && Trees.string(audio, "id") != null) {
            parts.add(new MessagePart.GenericPart("audio", Map.of("id", Trees.string(audio, "id"))));
        }
        return new InputMessage(role, parts, name);
    }

    private static MessagePart toolCall(Map<?, ?> call) {
        Map<?, ?> function = Trees.map(call, "function");
        String name = Trees.string(function, "name");
        if (name != null) {
            return new MessagePart.ToolCallRequest(Trees.string(call, "id"), name,
                    Trees.string(function, "arguments"));
        }
        Map<?, ?> custom = Trees.map(call, "custom");
        String customName = Trees.string(custom, "name");
        if (customName != null) {
            return new MessagePart.ToolCallRequest(Trees.string(call, "id"), customName,
                    Trees.string(custom, "input"));
        }
        return call.isEmpty() ? null : Parts.generic(String.valueOf(call.get("type")), call);
    }

    static List<ToolDefinition> toolDefinitions(List<ChatCompletionTool> tools) {
        List<ToolDefinition> result = new ArrayList<>(tools.size());
        for (ChatCompletionTool tool : tools) {
            Map<?, ?> tree = Trees.map(Trees.of(tool));
            String type = Trees.string(tree, "type");
            Map<?, ?> function = Trees.map(tree, "function");
            Map<?, ?> custom = Trees.map(tree, "custom");
            if (Trees.string(function, "name") != null) {
                result.add(new FunctionToolDefinition(Trees.string(function, "name"),
                        Trees.string(function, "description"), function.get("parameters")));
            } else if (type != null && Trees.string(custom, "name") != null) {
                result.add(new GenericToolDefinition(type, Trees.string(custom, "name"),
                        Trees.without(custom, "name", "type")));
            } else if (type != null) {
                result.add(new GenericToolDefinition(type, type));
            }
        }
        return result;
    }

    /**
     * The response of a chat completion. Each piece is read on its own (a field the server got wrong costs only that
     * piece), with a try per piece rather than a lambda per piece: this runs on every call.
     */
    @SuppressWarnings("deprecation") // system_fingerprint is deprecated by OpenAI but still reported
    static InferenceResponse response(ChatCompletion completion, ChatCompletionCreateParams params) {
        InferenceResponse.Builder builder = InferenceResponse.builder();
        try {
            builder.responseId(completion.id());
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("chat response id", e);
        }
        try {
            builder.responseModel(completion.model());
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("chat response model", e);
        }
        try {
            builder.finishReasons(finishReasons(completion.choices()));
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("chat finish reasons", e);
        }
        try {
            Optional<CompletionUsage> usage = completion.usage();
            if (usage.isPresent()) {
                builder.usage(UsageMapping.chat(usage.get()));
            }
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("chat usage", e);
        }
        try {
            Optional<ChatCompletion.ServiceTier> tier = completion.serviceTier();
            builder.attributes(responseAttributes(tier.isPresent() ? tier.get().asString() : null,
                    completion.systemFingerprint().orElse(null)));
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("chat response attributes", e);
        }
        builder.outputMessages(() -> outputMessages(completion, params == null ? null : audioFormat(params)));
        return builder.build();
    }

    private static List<String> finishReasons(List<ChatCompletion.Choice> choices) {
        if (choices.size() == 1) {
            return List.of(choices.get(0).finishReason().asString());
        }
        List<String> reasons = new ArrayList<>(choices.size());
        for (ChatCompletion.Choice choice : choices) {
            reasons.add(choice.finishReason().asString());
        }
        return reasons;
    }

    /**
     * {@code openai.response.service_tier} and {@code openai.response.system_fingerprint}. A client's answers nearly
     * always repeat the same pair, so the last pair's attributes are kept and reused.
     */
    static Attributes responseAttributes(String serviceTier, String systemFingerprint) {
        if (serviceTier == null && systemFingerprint == null) {
            return Attributes.empty();
        }
        ResponseAttributes last = lastResponseAttributes;
        if (last != null && Objects.equals(last.serviceTier, serviceTier)
                && Objects.equals(last.systemFingerprint, systemFingerprint)) {
            return last.attributes;
        }
        AttributesBuilder attributes = Attributes.builder();
        if (serviceTier != null) {
            attributes.put(OPENAI_RESPONSE_SERVICE_TIER, serviceTier);
        }
        if (systemFingerprint != null) {
            attributes.put(OPENAI_RESPONSE_SYSTEM_FINGERPRINT, systemFingerprint);
        }
        Attributes built = attributes.build();
        lastResponseAttributes = new ResponseAttributes(serviceTier, systemFingerprint, built);
        return built;
    }

    private record ResponseAttributes(String serviceTier, String systemFingerprint, Attributes attributes) {}

    private static List<OutputMessage> outputMessages(ChatCompletion completion, String audioFormat) {
        List<ChatCompletion.Choice> choices = completion.choices();
        List<OutputMessage> messages = new ArrayList<>(choices.size());
        for (ChatCompletion.Choice choice : choices) {
            OutputMessage plain = plainOutputMessage(choice);
            if (plain != null) {
                messages.add(plain);
                continue;
            }
            Map<?, ?> message = Trees.map(Trees.of(choice.message()));
            List<MessagePart> parts = new ArrayList<>();
            String text = Trees.string(message, "content");
            if (text != null) {
                parts.add(new MessagePart.Text(text));
            }
            String refusal = Trees.string(message, "refusal");
            if (refusal != null) {
                parts.add(refusal(refusal));
            }
            for (Object call : Trees.list(message, "tool_calls")) {
                MessagePart part = toolCall(Trees.map(call));
                if (part != null) {
                    parts.add(part);
                }
            }
            Map<?, ?> audio = Trees.map(message, "audio");
            if (!audio.isEmpty()) {
                byte[] bytes = Parts.decode(Trees.string(audio, "data"));
                if (bytes != null) {
                    parts.add(new MessagePart.Blob(Parts.audioMime(audioFormat), Modality.AUDIO, bytes));
                } else if (Trees.string(audio, "transcript") != null) {
                    parts.add(new MessagePart.Text(Trees.string(audio, "transcript")));
                }
            }
            String role = Trees.string(message, "role");
            String reason = choice._finishReason().isMissing() || choice._finishReason().isNull() ? null
                    : choice.finishReason().asString();
            messages.add(new OutputMessage(role == null ? Role.ASSISTANT : role, parts,
                    reason == null ? FinishReason.ERROR : FinishReason.normalize(reason)));
        }
        return messages;
    }

    /** An answer of text and/or refusal only, read without building its JSON tree; null for anything else. */
    @SuppressWarnings("deprecation") // function_call is deprecated, but an answer carrying one is not plain
    private static OutputMessage plainOutputMessage(ChatCompletion.Choice choice) {
        ChatCompletionMessage message = choice.message();
        if (message.toolCalls().map(calls -> !calls.isEmpty()).orElse(false) || message.audio().isPresent()
                || message.functionCall().isPresent() || choice._finishReason().isMissing()
                || choice._finishReason().isNull()) {
            return null;
        }
        List<MessagePart> parts = new ArrayList<>(1);
        message.content().ifPresent(text -> parts.add(new MessagePart.Text(text)));
        message.refusal().ifPresent(refusal -> parts.add(refusal(refusal)));
        return new OutputMessage(Role.ASSISTANT, parts, FinishReason.normalize(choice.finishReason().asString()));
    }

    /** The type of the generic part a refusal becomes. */
    static final String REFUSAL = "refusal";

    /** A refusal, as an output part of its own (as a streamed one is built by the core's accumulator). */
    static MessagePart refusal(String text) {
        return new MessagePart.GenericPart(REFUSAL, Map.of("content", text));
    }

    /** The audio format the request asked for, so that generated audio gets its media type. */
    static String audioFormat(ChatCompletionCreateParams params) {
        try {
            return params.audio().map(audio -> audio.format().asString()).orElse(null);
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}

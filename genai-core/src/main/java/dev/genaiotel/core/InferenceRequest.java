package dev.genaiotel.core;

import dev.genaiotel.core.internal.LazyList;
import dev.genaiotel.semconv.OperationName;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.ToolDefinition;
import io.opentelemetry.api.common.Attributes;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a provider is about to ask the model: the request side of the inference span (the GenAI inference span).
 * Nullable components are not recorded when null. Build with {@link #builder(String, String)}.
 *
 * <p>The message lists are copied, the values inside the parts (tool arguments and results, schemas, generic
 * properties) are not: content is read when it is encoded, the span's JSON as the call ends, the event's structured
 * values and the upload hook's files possibly later, on the SDK's and the hook's threads. Hand over maps and lists the
 * application no longer changes; the provider modules build their own.
 *
 * @param operationName {@code gen_ai.operation.name}: {@code chat}, {@code text_completion} or
 *     {@code generate_content} (see {@link OperationName})
 * @param providerName {@code gen_ai.provider.name}, see {@code dev.genaiotel.semconv.ProviderName}
 * @param model {@code gen_ai.request.model}, or null
 * @param temperature {@code gen_ai.request.temperature}, or null
 * @param topP {@code gen_ai.request.top_p}, or null
 * @param topK {@code gen_ai.request.top_k} (sampling top-K only, never OpenAI's top_logprobs), or null
 * @param maxTokens {@code gen_ai.request.max_tokens}, or null
 * @param stopSequences {@code gen_ai.request.stop_sequences}; empty when none
 * @param seed {@code gen_ai.request.seed}, or null
 * @param choiceCount {@code gen_ai.request.choice.count}, recorded only when not 1; or null
 * @param frequencyPenalty {@code gen_ai.request.frequency_penalty}, or null
 * @param presencePenalty {@code gen_ai.request.presence_penalty}, or null
 * @param outputType {@code gen_ai.output.type} (requested modality), or null
 * @param reasoningLevel {@code gen_ai.request.reasoning.level}, exactly as sent, or null
 * @param previousResponseId {@code gen_ai.request.previous_response.id}, or null
 * @param conversationId {@code gen_ai.conversation.id}: a real id from the provider or application, never a
 *     synthesised one; or null
 * @param stream {@code gen_ai.request.stream}: recorded (as true) only when the request streams
 * @param serverAddress {@code server.address}, or null
 * @param serverPort {@code server.port}, recorded only with an address; or null
 * @param promptName {@code gen_ai.prompt.name}, or null
 * @param promptVersion {@code gen_ai.prompt.version}, recorded only with a prompt name; or null
 * @param systemInstructions {@code gen_ai.system_instructions} (opt-in content); empty when none
 * @param inputMessages {@code gen_ai.input.messages} (opt-in content); empty when none
 * @param toolDefinitions {@code gen_ai.tool.definitions} (opt-in content); empty when none
 * @param attributes provider-specific attributes ({@code openai.*}, {@code aws.bedrock.*}) set on the span at start
 */
public record InferenceRequest(
        String operationName,
        String providerName,
        String model,
        Double temperature,
        Double topP,
        Long topK,
        Long maxTokens,
        List<String> stopSequences,
        Long seed,
        Long choiceCount,
        Double frequencyPenalty,
        Double presencePenalty,
        String outputType,
        String reasoningLevel,
        String previousResponseId,
        String conversationId,
        boolean stream,
        String serverAddress,
        Long serverPort,
        String promptName,
        String promptVersion,
        List<MessagePart> systemInstructions,
        List<InputMessage> inputMessages,
        List<ToolDefinition> toolDefinitions,
        Attributes attributes) implements GenAiRequest {

    /** Checks the required components and copies the lists (not the messages' contents). */
    public InferenceRequest {
        Objects.requireNonNull(operationName, "operationName");
        Objects.requireNonNull(providerName, "providerName");
        stopSequences = stopSequences == null ? List.of() : List.copyOf(stopSequences);
        systemInstructions = LazyList.copyOf(systemInstructions);
        inputMessages = LazyList.copyOf(inputMessages);
        toolDefinitions = LazyList.copyOf(toolDefinitions);
        attributes = attributes == null ? Attributes.empty() : attributes;
    }

    /**
     * A builder.
     *
     * @param operationName {@code gen_ai.operation.name}, see {@link OperationName}
     * @param providerName {@code gen_ai.provider.name}
     */
    public static Builder builder(String operationName, String providerName) {
        return new Builder(operationName, providerName);
    }

    /** A {@code chat} request builder. */
    public static Builder chat(String providerName, String model) {
        return new Builder(OperationName.CHAT, providerName).model(model);
    }

    /** A builder holding this request's values. */
    public Builder toBuilder() {
        Builder b = new Builder(operationName, providerName);
        b.model = model;
        b.temperature = temperature;
        b.topP = topP;
        b.topK = topK;
        b.maxTokens = maxTokens;
        b.stopSequences = stopSequences;
        b.seed = seed;
        b.choiceCount = choiceCount;
        b.frequencyPenalty = frequencyPenalty;
        b.presencePenalty = presencePenalty;
        b.outputType = outputType;
        b.reasoningLevel = reasoningLevel;
        b.previousResponseId = previousResponseId;
        b.conversationId = conversationId;
        b.stream = stream;
        b.serverAddress = serverAddress;
        b.serverPort = serverPort;
        b.promptName = promptName;
        b.promptVersion = promptVersion;
        b.systemInstructions = systemInstructions;
        b.inputMessages = inputMessages;
        b.toolDefinitions = toolDefinitions;
        b.attributes = attributes;
        return b;
    }

    /**
     * This request with every component it lacks taken from {@code inner}: how a framework's request is enriched
     * by the instrumented client underneath it.
     */
    public InferenceRequest orElse(InferenceRequest inner) {
        if (inner == null) {
            return this;
        }
        Builder b = toBuilder();
        b.model = model != null ? model : inner.model;
        b.temperature = temperature != null ? temperature : inner.temperature;
        b.topP = topP != null ? topP : inner.topP;
        b.topK = topK != null ? topK : inner.topK;
        b.maxTokens = maxTokens != null ? maxTokens : inner.maxTokens;
        b.stopSequences = !stopSequences.isEmpty() ? stopSequences : inner.stopSequences;
        b.seed = seed != null ? seed : inner.seed;
        b.choiceCount = choiceCount != null ? choiceCount : inner.choiceCount;
        b.frequencyPenalty = frequencyPenalty != null ? frequencyPenalty : inner.frequencyPenalty;
        b.presencePenalty = presencePenalty != null ? presencePenalty : inner.presencePenalty;
        b.outputType = outputType != null ? outputType : inner.outputType;
        b.reasoningLevel = reasoningLevel != null ? reasoningLevel : inner.reasoningLevel;
        b.previousResponseId = previousResponseId != null ? previousResponseId : inner.previousResponseId;
        b.conversationId = conversationId != null ? conversationId : inner.conversationId;
        b.stream = stream || inner.stream;
        if (serverAddress == null) {
            b.serverAddress = inner.serverAddress;
            b.serverPort = inner.serverPort;
        }
        b.promptName = promptName != null ? promptName : inner.promptName;
        b.promptVersion = promptVersion != null ? promptVersion : inner.promptVersion;
        b.systemInstructions = LazyList.orElse(systemInstructions, inner.systemInstructions);
        b.inputMessages = LazyList.orElse(inputMessages, inner.inputMessages);
        b.toolDefinitions = LazyList.orElse(toolDefinitions, inner.toolDefinitions);
        b.attributes = inner.attributes.toBuilder().putAll(attributes).build();
        return b.build();
    }

    /** Builds an {@link InferenceRequest}; not thread-safe. */
    public static final class Builder {
        private final String operationName;
        private final String providerName;
        private String model;
        private Double temperature;
        private Double topP;
        private Long topK;
        private Long maxTokens;
        private List<String> stopSequences;
        private Long seed;
        private Long choiceCount;
        private Double frequencyPenalty;
        private Double presencePenalty;
        private String outputType;
        private String reasoningLevel;
        private String previousResponseId;
        private String conversationId;
        private boolean stream;
        private String serverAddress;
        private Long serverPort;
        private String promptName;
        private String promptVersion;
        private List<MessagePart> systemInstructions;
        private List<InputMessage> inputMessages;
        private List<ToolDefinition> toolDefinitions;
        private Attributes attributes;

        private Builder(String operationName, String providerName) {
            this.operationName = operationName;
            this.providerName = providerName;
        }

        /** {@code gen_ai.request.model}. */
        public Builder model(String value) {
            model = value;
            return this;
        }

        /** {@code gen_ai.request.temperature}. */
        public Builder temperature(Double value) {
            temperature = value;
            return this;
        }

        /** {@code gen_ai.request.top_p}. */
        public Builder topP(Double value) {
            topP = value;
            return this;
        }

        /** {@code gen_ai.request.top_k}. */
        public Builder topK(Long value) {
            topK = value;
            return this;
        }

        /** {@code gen_ai.request.max_tokens}. */
        public Builder maxTokens(Long value) {
            maxTokens = value;
            return this;
        }

        /** {@code gen_ai.request.stop_sequences}. */
        public Builder stopSequences(List<String> value) {
            stopSequences = value;
            return this;
        }

        /** {@code gen_ai.request.seed}. */
        public Builder seed(Long value) {
            seed = value;
            return this;
        }

        /** {@code gen_ai.request.choice.count}; recorded only when not 1. */
        public Builder choiceCount(Long value) {
            choiceCount = value;
            return this;
        }

        /** {@code gen_ai.request.frequency_penalty}. */
        public Builder frequencyPenalty(Double value) {
            frequencyPenalty = value;
            return this;
        }

        /** {@code gen_ai.request.presence_penalty}. */
        public Builder presencePenalty(Double value) {
            presencePenalty = value;
            return this;
        }

        /** {@code gen_ai.output.type}, see {@code dev.genaiotel.semconv.OutputType}. */
        public Builder outputType(String value) {
            outputType = value;
            return this;
        }

        /** {@code gen_ai.request.reasoning.level}. */
        public Builder reasoningLevel(String value) {
            reasoningLevel = value;
            return this;
        }

        /** {@code gen_ai.request.previous_response.id}. */
        public Builder previousResponseId(String value) {
            previousResponseId = value;
            return this;
        }

        /** {@code gen_ai.conversation.id}; only a real id, never a synthesised one. */
        public Builder conversationId(String value) {
            conversationId = value;
            return this;
        }

        /** {@code gen_ai.request.stream}. */
        public Builder stream(boolean value) {
            stream = value;
            return this;
        }

        /** {@code server.address} and {@code server.port}. */
        public Builder server(String address, Long port) {
            serverAddress = address;
            serverPort = port;
            return this;
        }

        /** {@code gen_ai.prompt.name} and {@code gen_ai.prompt.version}. */
        public Builder prompt(String name, String version) {
            promptName = name;
            promptVersion = version;
            return this;
        }

        /** {@code gen_ai.system_instructions}. */
        public Builder systemInstructions(List<MessagePart> value) {
            systemInstructions = value;
            return this;
        }

        /**
         * {@code gen_ai.system_instructions}, mapped only if something records content: the core calls
         * {@code mapping} at most once, when content is first read, and never with content capture off. A mapping
         * that throws costs this content only (logged once).
         */
        public Builder systemInstructions(Supplier<? extends List<MessagePart>> mapping) {
            systemInstructions = LazyList.of(mapping);
            return this;
        }

        /** {@code gen_ai.input.messages}. */
        public Builder inputMessages(List<InputMessage> value) {
            inputMessages = value;
            return this;
        }

        /**
         * {@code gen_ai.input.messages}, mapped only if something records content; see
         * {@link #systemInstructions(Supplier)}.
         */
        public Builder inputMessages(Supplier<? extends List<InputMessage>> mapping) {
            inputMessages = LazyList.of(mapping);
            return this;
        }

        /** {@code gen_ai.tool.definitions}. */
        public Builder toolDefinitions(List<ToolDefinition> value) {
            toolDefinitions = value;
            return this;
        }

        /**
         * {@code gen_ai.tool.definitions}, mapped only if something records content; see
         * {@link #systemInstructions(Supplier)}.
         */
        public Builder toolDefinitions(Supplier<? extends List<ToolDefinition>> mapping) {
            toolDefinitions = LazyList.of(mapping);
            return this;
        }

        /** Provider-specific attributes ({@code openai.*}, {@code aws.bedrock.*}), set on the span at start. */
        public Builder attributes(Attributes value) {
            attributes = value;
            return this;
        }

        /** The request. */
        public InferenceRequest build() {
            return new InferenceRequest(operationName, providerName, model, temperature, topP, topK, maxTokens,
                    stopSequences, seed, choiceCount, frequencyPenalty, presencePenalty, outputType, reasoningLevel,
                    previousResponseId, conversationId, stream, serverAddress, serverPort, promptName,
                    promptVersion, systemInstructions, inputMessages, toolDefinitions, attributes);
        }
    }
}

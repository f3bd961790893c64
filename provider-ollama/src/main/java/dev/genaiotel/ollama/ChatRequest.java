package dev.genaiotel.ollama;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request to {@code POST /api/chat}. Whether it streams is decided by the {@link OllamaClient} method used.
 *
 * @param model the model name, such as {@code llama3.2}
 * @param messages the conversation, in order
 * @param tools functions the model may call; empty when none
 * @param format {@code "json"} or a JSON schema (as maps) for structured output; null for free text
 * @param options model options ({@code temperature}, {@code top_p}, {@code top_k}, {@code num_predict},
 *     {@code seed}, {@code stop}, ...); empty when none
 * @param think {@code true}/{@code false}, or a level such as {@code "high"} for models that accept one; null to
 *     leave the model's default
 * @param keepAlive how long the model stays loaded, such as {@code "5m"}; null for the server's default
 */
public record ChatRequest(
        String model, List<ChatMessage> messages, List<Tool> tools, Object format, Map<String, Object> options,
        Object think, String keepAlive) {

    /** Checks the model and copies the collections. */
    public ChatRequest {
        Objects.requireNonNull(model, "model");
        messages = messages == null ? List.of() : List.copyOf(messages);
        tools = tools == null ? List.of() : List.copyOf(tools);
        options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** A builder for the given model. */
    public static Builder builder(String model) {
        return new Builder(model);
    }

    /** Builds a {@link ChatRequest}; not thread-safe. */
    public static final class Builder {
        private final String model;
        private final List<ChatMessage> messages = new ArrayList<>();
        private final List<Tool> tools = new ArrayList<>();
        private final Map<String, Object> options = new LinkedHashMap<>();
        private Object format;
        private Object think;
        private String keepAlive;

        private Builder(String model) {
            this.model = model;
        }

        /** Appends a message. */
        public Builder message(ChatMessage value) {
            messages.add(value);
            return this;
        }

        /** Appends messages. */
        public Builder messages(List<ChatMessage> value) {
            messages.addAll(value);
            return this;
        }

        /** Appends a tool. */
        public Builder tool(Tool value) {
            tools.add(value);
            return this;
        }

        /** Sets one model option, such as {@code option("temperature", 0.2)}. */
        public Builder option(String name, Object value) {
            options.put(name, value);
            return this;
        }

        /** {@code format}: {@code "json"} or a JSON schema. */
        public Builder format(Object value) {
            format = value;
            return this;
        }

        /** {@code think}. */
        public Builder think(Object value) {
            think = value;
            return this;
        }

        /** {@code keep_alive}. */
        public Builder keepAlive(String value) {
            keepAlive = value;
            return this;
        }

        /** The request. */
        public ChatRequest build() {
            return new ChatRequest(model, messages, tools, format, options, think, keepAlive);
        }
    }
}

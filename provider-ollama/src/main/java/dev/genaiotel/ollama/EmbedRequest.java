package dev.genaiotel.ollama;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request to {@code POST /api/embed}.
 *
 * @param model the embedding model
 * @param input the texts to embed, one vector each
 * @param truncate whether over-long input is truncated to the context length; null for the default (true)
 * @param dimensions the requested vector size, for models that support it; null for the model's own
 * @param options model options; empty when none
 * @param keepAlive how long the model stays loaded; null for the server's default
 */
public record EmbedRequest(
        String model, List<String> input, Boolean truncate, Integer dimensions, Map<String, Object> options,
        String keepAlive) {

    /** Checks the model and copies the collections. */
    public EmbedRequest {
        Objects.requireNonNull(model, "model");
        input = input == null ? List.of() : List.copyOf(input);
        options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** A request embedding the given texts. */
    public static EmbedRequest of(String model, String... input) {
        return new EmbedRequest(model, List.of(input), null, null, null, null);
    }
}

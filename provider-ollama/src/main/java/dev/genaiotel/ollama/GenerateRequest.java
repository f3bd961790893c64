package dev.genaiotel.ollama;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request to {@code POST /api/generate}. Whether it streams is decided by the {@link OllamaClient} method used.
 *
 * @param model the model name
 * @param prompt the prompt
 * @param system a system prompt overriding the model's, or null
 * @param suffix text after the insertion point, for fill-in-the-middle models; or null
 * @param images base64-encoded images; empty when none
 * @param format {@code "json"} or a JSON schema; null for free text
 * @param options model options, as for {@link ChatRequest#options()}; empty when none
 * @param think {@code true}/{@code false} or a level; null for the default
 * @param raw true to send the prompt without the model's template; null for the default
 * @param keepAlive how long the model stays loaded; null for the server's default
 */
public record GenerateRequest(
        String model, String prompt, String system, String suffix, List<String> images, Object format,
        Map<String, Object> options, Object think, Boolean raw, String keepAlive) {

    /** Checks the model and copies the collections. */
    public GenerateRequest {
        Objects.requireNonNull(model, "model");
        prompt = prompt == null ? "" : prompt;
        images = images == null ? List.of() : List.copyOf(images);
        options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** A request with only model and prompt. */
    public static GenerateRequest of(String model, String prompt) {
        return new GenerateRequest(model, prompt, null, null, null, null, null, null, null, null);
    }

    /** This request with a system prompt. */
    public GenerateRequest withSystem(String value) {
        return new GenerateRequest(model, prompt, value, suffix, images, format, options, think, raw, keepAlive);
    }

    /** This request with model options. */
    public GenerateRequest withOptions(Map<String, Object> value) {
        return new GenerateRequest(model, prompt, system, suffix, images, format, value, think, raw, keepAlive);
    }
}

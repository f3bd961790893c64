package dev.genaiotel.core;

import io.opentelemetry.api.common.AttributeKey;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Older telemetry shapes recorded beside the current conventions, for backends that have not moved yet. All are off
 * by default; select them with {@link GenAiTelemetryBuilder#setCompatibilityFormats(Set)} or with
 * {@code OTEL_INSTRUMENTATION_GENAI_COMPATIBILITY_FORMATS} / {@code otel.instrumentation.genai.compatibility-formats}
 * (comma-separated, any case: {@code flattened_attributes}, {@code legacy_events}, {@code legacy_system}). Several
 * may be on at once. Content in them obeys the capture mode, the redactors and the budgets like all content.
 */
public enum CompatibilityFormat {

    /**
     * The flattened span attributes that llm-tracekit and older OpenLLMetry backends read, on inference and
     * {@code invoke_agent} spans: {@code gen_ai.prompt.<n>.role}, {@code .content},
     * {@code .tool_calls.<m>.id|type|function.name|function.arguments}, {@code .tool_call_id};
     * {@code gen_ai.completion.<n>.role}, {@code .finish_reason}, {@code .content}, {@code .tool_calls.<m>...};
     * {@code gen_ai.openai.request.user} (from the request attribute {@link #OPENAI_REQUEST_USER});
     * {@code gen_ai.openai.request.tools.<n>.type|function.name|function.description|function.parameters}, or for
     * {@code aws.bedrock} {@code gen_ai.bedrock.request.tools.<n>.function.name|description|parameters};
     * {@code gen_ai.bedrock.agent_alias.id} (from the agent request attribute {@link #BEDROCK_AGENT_ALIAS_ID}).
     *
     * <p>System instructions become prompt 0 with role {@code system}, as llm-tracekit records them. The text of a
     * message is its text parts (and tool results) joined by a line feed; arguments and parameters are compact JSON.
     * Roles, finish reasons (in the legacy spelling, {@code tool_calls}), tool-call ids, types and names are always
     * recorded; content, arguments, tool descriptions and parameters only when content goes to the span, redacted
     * and within the budgets, and tool descriptions and parameters only with tool-definition details on.
     */
    FLATTENED_ATTRIBUTES,

    /**
     * The per-message log events used before conventions v1.37 ({@code gen_ai.system.message},
     * {@code gen_ai.user.message}, {@code gen_ai.assistant.message}, {@code gen_ai.tool.message},
     * {@code gen_ai.choice}) with map bodies and {@code gen_ai.system}, for inferences, in the span's context.
     * Body fields with content only when content goes to events.
     */
    LEGACY_EVENTS,

    /**
     * {@code gen_ai.system} beside {@code gen_ai.provider.name} on spans, with the old values where they differ
     * ({@code az.ai.inference}, {@code az.ai.openai}, {@code xai}, {@code vertex_ai}, {@code gemini}).
     */
    LEGACY_SYSTEM_ATTRIBUTE;

    /**
     * {@code openai.request.user}: the request attribute through which a provider passes OpenAI's {@code user}
     * field; it is recorded as given, and copied to {@code gen_ai.openai.request.user} by
     * {@link #FLATTENED_ATTRIBUTES}.
     */
    public static final AttributeKey<String> OPENAI_REQUEST_USER = AttributeKey.stringKey("openai.request.user");

    /**
     * {@code aws.bedrock.agent_alias.id}: the {@code AgentRequest} attribute through which a provider passes a
     * Bedrock agent's alias id; it is recorded as given, and copied to {@code gen_ai.bedrock.agent_alias.id} by
     * {@link #FLATTENED_ATTRIBUTES}.
     */
    public static final AttributeKey<String> BEDROCK_AGENT_ALIAS_ID =
            AttributeKey.stringKey("aws.bedrock.agent_alias.id");

    private static final Logger LOGGER = Logger.getLogger(CompatibilityFormat.class.getName());

    /**
     * The formats named in a comma-separated list, in any case; {@code legacy_system} is short for
     * {@code legacy_system_attribute}. Unknown names are ignored with one warning.
     */
    static Set<CompatibilityFormat> parse(String raw, String origin) {
        Set<CompatibilityFormat> formats = EnumSet.noneOf(CompatibilityFormat.class);
        if (raw == null) {
            return formats;
        }
        List<String> unknown = new ArrayList<>();
        for (String token : raw.split(",", -1)) {
            String name = token.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            if (name.isEmpty()) {
                continue;
            }
            if (name.equals("LEGACY_SYSTEM")) {
                formats.add(LEGACY_SYSTEM_ATTRIBUTE);
                continue;
            }
            CompatibilityFormat found = null;
            for (CompatibilityFormat format : values()) {
                if (format.name().equals(name)) {
                    found = format;
                }
            }
            if (found == null) {
                unknown.add(token.trim());
            } else {
                formats.add(found);
            }
        }
        if (!unknown.isEmpty()) {
            LOGGER.log(Level.WARNING, "Unknown compatibility format(s) {0} in {1}; ignored. Known:"
                    + " flattened_attributes, legacy_events, legacy_system", new Object[] {unknown, origin});
        }
        return formats;
    }
}

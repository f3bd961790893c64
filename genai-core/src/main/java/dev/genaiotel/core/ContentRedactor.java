package dev.genaiotel.core;

import dev.genaiotel.core.internal.ContentText;
import dev.genaiotel.semconv.message.MessagePart;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Sees every piece of content before it reaches any signal (span attribute, event attribute, the request and
 * response a {@link GenAiListener} reads) and may keep, replace or drop it. Add one with
 * {@link GenAiTelemetryBuilder#addContentRedactor(ContentRedactor)} or through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.genaiotel.core.ContentRedactor}, or {@code provides} in a module descriptor). Two
 * are shipped: {@link PatternRedactor} and {@link HashingRedactor}.
 *
 * <p>Every message part of {@code gen_ai.system_instructions}, {@code gen_ai.input.messages} and
 * {@code gen_ai.output.messages} is passed, one at a time. Content that is not a part is passed wrapped in one: the
 * {@code gen_ai.tool.call.arguments} of {@code execute_tool} as a {@link MessagePart.ToolCallRequest}, its
 * {@code gen_ai.tool.call.result} as a {@link MessagePart.ToolCallResponse}, and {@code gen_ai.retrieval.query.text}
 * and the text of an agent step ({@code gen_ai.agent.step.content}) as a {@link MessagePart.Text}; the value is
 * taken back from a returned part of the same type (or from the content of a returned {@code Text}), and any other
 * returned part drops it. Tool definitions, which describe the
 * application rather than its users' data, are not passed.
 *
 * <p>Redactors run in order, each on what the previous one returned, once per operation, and only when the content
 * is going to be read: never when no content is captured and no listener reads the request or response. Listeners
 * see redacted content whenever a redactor is configured; the size budgets apply to recorded attributes only.
 *
 * <p><b>Fail closed.</b> A redactor that throws is logged once per redactor and cause, and the part it was given is
 * dropped: content is never recorded unredacted because a redactor broke. A redactor that cannot be loaded by the
 * {@link java.util.ServiceLoader} likewise makes every part dropped. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ContentRedactor {

    /**
     * Redacts one part.
     *
     * @param part the part, as returned by the previous redactor
     * @param context where the part is going to be recorded
     * @return the part to record: {@code part} itself, a replacement, or null to drop it
     */
    MessagePart redact(MessagePart part, ContentContext context);

    /**
     * A redactor that rewrites every text inside every part: the content of text, reasoning and compaction parts, a
     * URI, and every string inside tool-call arguments and responses, server tool calls and generic part
     * properties (walking maps, lists and arrays; map keys, numbers, booleans and blob bytes are kept as they are,
     * other values are treated as their {@code toString()}).
     *
     * @param redaction returns the text to record, or null to drop the whole part
     */
    static ContentRedactor ofText(BiFunction<String, ContentContext, String> redaction) {
        Objects.requireNonNull(redaction, "redaction");
        return (part, context) -> ContentText.map(part, text -> redaction.apply(text, context));
    }
}

package dev.genaiotel.semconv.message;

import dev.genaiotel.semconv.internal.ContentWriter;
import dev.genaiotel.semconv.internal.JsonLinesSink;
import dev.genaiotel.semconv.internal.JsonSink;
import dev.genaiotel.semconv.internal.StructuredSink;
import dev.genaiotel.semconv.internal.ValueSink;
import io.opentelemetry.api.common.Value;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Encodes content in the two forms the GenAI conventions use: the compact JSON string (span attributes, upload
 * files) and the structured OpenTelemetry {@link Value} (event attributes). Both forms come from one description of
 * each type, so they always agree. The JSON Lines form of upload files ({@code ...JsonLines}) comes from the same
 * description: one line per element of the JSON array, that element's compact JSON with an added {@code index}.
 *
 * <p>Every method accepts any well-formed input and returns a valid, bounded encoding: lone surrogates become
 * U+FFFD, and arbitrary values nested deeper than {@value #MAX_DEPTH} levels, cyclic, or larger than
 * {@value #MAX_NODES} values are cut with the markers {@value #CYCLE_MARKER}, {@value #DEPTH_MARKER} and
 * {@value #SIZE_MARKER}. Methods are thread-safe.
 */
public final class ContentEncoder {

    /** The deepest nesting written inside one tool argument, result or property value. */
    public static final int MAX_DEPTH = ContentWriter.MAX_DEPTH;

    /** The most values written inside one tool argument, result or property value. */
    public static final int MAX_NODES = ContentWriter.MAX_NODES;

    /** Written in place of a container that contains itself. */
    public static final String CYCLE_MARKER = ContentWriter.CYCLE_MARKER;

    /** Written in place of a container nested deeper than {@link #MAX_DEPTH}. */
    public static final String DEPTH_MARKER = ContentWriter.DEPTH_MARKER;

    /** Written in place of the rest of a value larger than {@link #MAX_NODES}. */
    public static final String SIZE_MARKER = ContentWriter.SIZE_MARKER;

    private ContentEncoder() {}

    /** {@code gen_ai.input.messages} as compact JSON. */
    public static String inputMessagesJson(List<InputMessage> messages) {
        Objects.requireNonNull(messages, "messages");
        return json(writer -> writer.inputMessages(messages));
    }

    /** {@code gen_ai.input.messages} in structured form. */
    public static Value<?> inputMessagesValue(List<InputMessage> messages) {
        Objects.requireNonNull(messages, "messages");
        return value(writer -> writer.inputMessages(messages));
    }

    /** {@code gen_ai.output.messages} as compact JSON. */
    public static String outputMessagesJson(List<OutputMessage> messages) {
        Objects.requireNonNull(messages, "messages");
        return json(writer -> writer.outputMessages(messages));
    }

    /** {@code gen_ai.output.messages} in structured form. */
    public static Value<?> outputMessagesValue(List<OutputMessage> messages) {
        Objects.requireNonNull(messages, "messages");
        return value(writer -> writer.outputMessages(messages));
    }

    /**
     * {@code gen_ai.system_instructions} as compact JSON. The conventions allow {@link MessagePart.Text} and
     * {@link MessagePart.GenericPart} here; other parts are written as they are.
     */
    public static String systemInstructionsJson(List<? extends MessagePart> parts) {
        Objects.requireNonNull(parts, "parts");
        return json(writer -> writer.parts(parts));
    }

    /** {@code gen_ai.system_instructions} in structured form. */
    public static Value<?> systemInstructionsValue(List<? extends MessagePart> parts) {
        Objects.requireNonNull(parts, "parts");
        return value(writer -> writer.parts(parts));
    }

    /**
     * {@code gen_ai.tool.definitions} as compact JSON.
     *
     * @param details false for {@code type} and {@code name} only (the conventions' default); true to add
     *     descriptions, parameters and other properties
     */
    public static String toolDefinitionsJson(List<? extends ToolDefinition> tools, boolean details) {
        Objects.requireNonNull(tools, "tools");
        return json(writer -> writer.toolDefinitions(tools, details));
    }

    /** {@code gen_ai.tool.definitions} in structured form; see {@link #toolDefinitionsJson}. */
    public static Value<?> toolDefinitionsValue(List<? extends ToolDefinition> tools, boolean details) {
        Objects.requireNonNull(tools, "tools");
        return value(writer -> writer.toolDefinitions(tools, details));
    }

    /**
     * {@code gen_ai.input.messages} as JSON Lines: one line per message, the message's compact JSON (as in
     * {@link #inputMessagesJson}) with an added last field {@code "index"}, its position; every line ends with
     * {@code \n}. An empty list gives an empty string.
     */
    public static String inputMessagesJsonLines(List<InputMessage> messages) {
        Objects.requireNonNull(messages, "messages");
        return jsonLines(writer -> writer.inputMessages(messages));
    }

    /** {@code gen_ai.output.messages} as JSON Lines; see {@link #inputMessagesJsonLines}. */
    public static String outputMessagesJsonLines(List<OutputMessage> messages) {
        Objects.requireNonNull(messages, "messages");
        return jsonLines(writer -> writer.outputMessages(messages));
    }

    /** {@code gen_ai.system_instructions} as JSON Lines, one part per line; see {@link #inputMessagesJsonLines}. */
    public static String systemInstructionsJsonLines(List<? extends MessagePart> parts) {
        Objects.requireNonNull(parts, "parts");
        return jsonLines(writer -> writer.parts(parts));
    }

    /**
     * {@code gen_ai.tool.definitions} as JSON Lines, one tool per line; see {@link #inputMessagesJsonLines} and, for
     * {@code details}, {@link #toolDefinitionsJson}.
     */
    public static String toolDefinitionsJsonLines(List<? extends ToolDefinition> tools, boolean details) {
        Objects.requireNonNull(tools, "tools");
        return jsonLines(writer -> writer.toolDefinitions(tools, details));
    }

    /** {@code gen_ai.retrieval.documents} as compact JSON. */
    public static String retrievalDocumentsJson(List<RetrievalDocument> documents) {
        Objects.requireNonNull(documents, "documents");
        return json(writer -> writer.retrievalDocuments(documents));
    }

    /** {@code gen_ai.retrieval.documents} in structured form. */
    public static Value<?> retrievalDocumentsValue(List<RetrievalDocument> documents) {
        Objects.requireNonNull(documents, "documents");
        return value(writer -> writer.retrievalDocuments(documents));
    }

    /**
     * An arbitrary value, such as {@code gen_ai.tool.call.arguments} or {@code gen_ai.tool.call.result}, as compact
     * JSON. Maps, iterables, arrays, numbers, booleans, null, {@code java.time} values (ISO-8601) and raw JSON text
     * (parsed best-effort into structure) are supported; anything else is written as its {@code toString()}.
     *
     * @param value the value, or null
     */
    public static String anyJson(Object value) {
        return json(writer -> writer.any(value));
    }

    /** An arbitrary value in structured form; see {@link #anyJson}. */
    public static Value<?> anyValue(Object value) {
        return value(writer -> writer.any(value));
    }

    private static String json(Consumer<ContentWriter> description) {
        try (JsonSink sink = JsonSink.open()) {
            description.accept(new ContentWriter(sink));
            return sink.result();
        }
    }

    private static String jsonLines(Consumer<ContentWriter> description) {
        try (JsonSink sink = JsonSink.open()) {
            description.accept(new ContentWriter(new JsonLinesSink(sink)));
            return sink.result();
        }
    }

    private static Value<?> value(Consumer<ContentWriter> description) {
        ValueSink sink = new ValueSink();
        description.accept(new ContentWriter((StructuredSink) sink));
        return sink.result();
    }
}

package dev.genaiotel.semconv.internal;

import dev.genaiotel.semconv.message.FunctionToolDefinition;
import dev.genaiotel.semconv.message.GenericToolDefinition;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import dev.genaiotel.semconv.message.RetrievalDocument;
import dev.genaiotel.semconv.message.ToolDefinition;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one description of every content type of the GenAI conventions (the conventions' JSON schemas), written to a
 * {@link StructuredSink}. Field order follows the JSON schemas; optional fields that are null are omitted.
 *
 * <p>Arbitrary values (tool arguments and results, schemas, provider-specific properties) are written by
 * {@link #any}: maps, iterables, arrays, scalars, {@code java.time} values as ISO-8601 text, and raw JSON text that is
 * parsed best-effort. Nesting deeper than {@link #MAX_DEPTH}, a cycle, or more than {@link #MAX_NODES} values are cut
 * with a marker string, so no input can overflow the stack or produce unbounded output.
 */
public final class ContentWriter {

    /** The deepest nesting written inside one arbitrary value. */
    public static final int MAX_DEPTH = 32;

    /** The most values written inside one arbitrary value. */
    public static final int MAX_NODES = 100_000;

    /** Written in place of a container that contains itself. */
    public static final String CYCLE_MARKER = "[cycle]";

    /** Written in place of a container nested deeper than {@link #MAX_DEPTH}. */
    public static final String DEPTH_MARKER = "[max depth]";

    /** Written in place of the rest of a value once {@link #MAX_NODES} values were written. */
    public static final String SIZE_MARKER = "[max size]";

    private final StructuredSink sink;
    private Object[] ancestors;
    private int depth;
    private int nodes;
    private boolean cut;

    /** A writer for one encode; not thread-safe. */
    public ContentWriter(StructuredSink sink) {
        this.sink = sink;
    }

    /** Writes {@code gen_ai.input.messages}. */
    public void inputMessages(List<InputMessage> messages) {
        sink.startArray();
        for (InputMessage message : messages) {
            sink.startObject();
            sink.field("role");
            string(message.role());
            sink.field("parts");
            parts(message.parts());
            optionalString("name", message.name());
            sink.endObject();
        }
        sink.endArray();
    }

    /** Writes {@code gen_ai.output.messages}. */
    public void outputMessages(List<OutputMessage> messages) {
        sink.startArray();
        for (OutputMessage message : messages) {
            sink.startObject();
            sink.field("role");
            string(message.role());
            sink.field("parts");
            parts(message.parts());
            optionalString("name", message.name());
            sink.field("finish_reason");
            string(message.finishReason());
            sink.endObject();
        }
        sink.endArray();
    }

    /** Writes an array of parts, such as {@code gen_ai.system_instructions}. */
    public void parts(List<? extends MessagePart> parts) {
        sink.startArray();
        for (MessagePart part : parts) {
            part(part);
        }
        sink.endArray();
    }

    /** Writes {@code gen_ai.tool.definitions}; {@code details} adds descriptions, parameters and properties. */
    public void toolDefinitions(List<? extends ToolDefinition> tools, boolean details) {
        sink.startArray();
        for (ToolDefinition tool : tools) {
            sink.startObject();
            sink.field("type");
            string(tool.type());
            sink.field("name");
            string(tool.name());
            if (details) {
                if (tool instanceof FunctionToolDefinition function) {
                    optionalString("description", function.description());
                    if (function.parameters() != null) {
                        sink.field("parameters");
                        any(function.parameters());
                    }
                } else {
                    properties(((GenericToolDefinition) tool).properties());
                }
            }
            sink.endObject();
        }
        sink.endArray();
    }

    /** Writes {@code gen_ai.retrieval.documents}. */
    public void retrievalDocuments(List<RetrievalDocument> documents) {
        sink.startArray();
        for (RetrievalDocument document : documents) {
            sink.startObject();
            optionalString("id", document.id());
            if (document.score() != null) {
                sink.field("score");
                number(document.score());
            }
            sink.endObject();
        }
        sink.endArray();
    }

    /** Writes one part. */
    public void part(MessagePart part) {
        sink.startObject();
        sink.field("type");
        string(part.type());
        if (part instanceof MessagePart.Text text) {
            sink.field("content");
            string(text.content());
        } else if (part instanceof MessagePart.ToolCallRequest call) {
            optionalString("id", call.id());
            sink.field("name");
            string(call.name());
            if (call.arguments() != null) {
                sink.field("arguments");
                any(call.arguments());
            }
        } else if (part instanceof MessagePart.ToolCallResponse response) {
            optionalString("id", response.id());
            sink.field("response");
            any(response.response());
        } else if (part instanceof MessagePart.Reasoning reasoning) {
            sink.field("content");
            string(reasoning.content());
        } else if (part instanceof MessagePart.Blob blob) {
            optionalString("mime_type", blob.mimeType());
            sink.field("modality");
            string(blob.modality());
            sink.field("content");
            sink.bytes(blob.content());
        } else if (part instanceof MessagePart.Uri uri) {
            optionalString("mime_type", uri.mimeType());
            sink.field("modality");
            string(uri.modality());
            sink.field("uri");
            string(uri.uri());
        } else if (part instanceof MessagePart.File file) {
            optionalString("mime_type", file.mimeType());
            sink.field("modality");
            string(file.modality());
            sink.field("file_id");
            string(file.fileId());
        } else if (part instanceof MessagePart.ServerToolCall call) {
            optionalString("id", call.id());
            sink.field("name");
            string(call.name());
            sink.field("server_tool_call");
            any(call.serverToolCall());
        } else if (part instanceof MessagePart.ServerToolCallResponse response) {
            optionalString("id", response.id());
            sink.field("server_tool_call_response");
            any(response.serverToolCallResponse());
        } else if (part instanceof MessagePart.Compaction compaction) {
            optionalString("id", compaction.id());
            optionalString("content", compaction.content());
        } else {
            properties(((MessagePart.GenericPart) part).properties());
        }
        sink.endObject();
    }

    /**
     * Writes an arbitrary value. A string whose first non-blank character opens a JSON object or array is parsed
     * and written as structure when it is valid JSON, and kept as text otherwise.
     */
    public void any(Object value) {
        nodes = 0;
        cut = false;
        if (value instanceof String text && RawJson.looksLikeJson(text)) {
            Object parsed = RawJson.parse(text, MAX_DEPTH);
            if (parsed != RawJson.INVALID) {
                value = parsed;
            }
        }
        write(value);
    }

    private void properties(Map<String, Object> properties) {
        for (Map.Entry<String, Object> entry : properties.entrySet()) {
            sink.field(WellFormed.string(entry.getKey()));
            any(entry.getValue());
        }
    }

    private void write(Object value) {
        if (nodes >= MAX_NODES) {
            cut = true;
            sink.string(SIZE_MARKER);
            return;
        }
        nodes++;
        if (value == null) {
            sink.nullValue();
        } else if (value instanceof String text) {
            string(text);
        } else if (value instanceof Map<?, ?> map) {
            if (enter(map)) {
                sink.startObject();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (cut) {
                        break;
                    }
                    sink.field(WellFormed.string(String.valueOf(entry.getKey())));
                    write(entry.getValue());
                }
                sink.endObject();
                depth--;
            }
        } else if (value instanceof Iterable<?> iterable) {
            if (enter(iterable)) {
                sink.startArray();
                for (Object element : iterable) {
                    if (cut) {
                        break;
                    }
                    write(element);
                }
                sink.endArray();
                depth--;
            }
        } else if (value instanceof Boolean bool) {
            sink.bool(bool);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            sink.number(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            number(((Number) value).doubleValue());
        } else if (value instanceof BigInteger big) {
            if (big.bitLength() < Long.SIZE) {
                sink.number(big.longValue());
            } else {
                sink.string(big.toString());
            }
        } else if (value instanceof BigDecimal decimal) {
            number(decimal.doubleValue());
        } else if (value instanceof Number number) {
            number(number.doubleValue());
        } else if (value instanceof byte[] bytes) {
            sink.bytes(bytes);
        } else if (value instanceof Object[] array) {
            if (enter(array)) {
                sink.startArray();
                for (Object element : array) {
                    if (cut) {
                        break;
                    }
                    write(element);
                }
                sink.endArray();
                depth--;
            }
        } else if (value.getClass().isArray()) {
            primitiveArray(value);
        } else if (value instanceof Optional<?> optional) {
            write(optional.orElse(null));
        } else if (value instanceof Date date) {
            sink.string(date.toInstant().toString());
        } else if (value instanceof TemporalAccessor || value instanceof TemporalAmount) {
            sink.string(value.toString());
        } else if (value instanceof Value<?> otelValue) {
            otelValue(otelValue);
        } else if (value instanceof Enum<?> constant) {
            string(constant.name());
        } else {
            string(String.valueOf(value));
        }
    }

    /** Primitive arrays other than {@code byte[]} are rare in tool payloads; boxing them here is acceptable. */
    private void primitiveArray(Object array) {
        sink.startArray();
        int length = Array.getLength(array);
        for (int i = 0; i < length && !cut; i++) {
            write(Array.get(array, i));
        }
        sink.endArray();
    }

    private void otelValue(Value<?> value) {
        switch (value.getType()) {
            case STRING -> string((String) value.getValue());
            case BOOLEAN -> sink.bool((Boolean) value.getValue());
            case LONG -> sink.number((Long) value.getValue());
            case DOUBLE -> number((Double) value.getValue());
            case BYTES -> {
                ByteBuffer buffer = ((ByteBuffer) value.getValue()).duplicate();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                sink.bytes(bytes);
            }
            case EMPTY -> sink.nullValue();
            case ARRAY -> write(value.getValue());
            case KEY_VALUE_LIST -> {
                if (enter(value)) {
                    sink.startObject();
                    for (Object element : (List<?>) value.getValue()) {
                        if (cut) {
                            break;
                        }
                        KeyValue field = (KeyValue) element;
                        sink.field(WellFormed.string(field.getKey()));
                        write(field.getValue());
                    }
                    sink.endObject();
                    depth--;
                }
            }
        }
    }

    /** Pushes a container onto the path, or writes a marker and returns false when it must be cut. */
    private boolean enter(Object container) {
        if (depth >= MAX_DEPTH) {
            sink.string(DEPTH_MARKER);
            return false;
        }
        if (ancestors == null) {
            ancestors = new Object[MAX_DEPTH];
        }
        for (int i = 0; i < depth; i++) {
            if (ancestors[i] == container) {
                sink.string(CYCLE_MARKER);
                return false;
            }
        }
        ancestors[depth++] = container;
        return true;
    }

    private void number(double value) {
        if (Double.isFinite(value)) {
            sink.number(value);
        } else {
            sink.string(Double.toString(value));
        }
    }

    /** A string value; the sink repairs lone surrogates while it writes it. */
    private void string(String value) {
        sink.string(value);
    }

    private void optionalString(String field, String value) {
        if (value != null) {
            sink.field(field);
            string(value);
        }
    }
}

package dev.genaiotel.semconv.internal;

import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the structured OpenTelemetry {@link Value} form, used on log-record (event) attributes.
 *
 * <p>The values of every open container wait on one stack; closing a container copies them once into an array of
 * the exact size, so no per-container list grows or is copied again. The fields whose values come from a small fixed
 * vocabulary ({@code type}, {@code role}, {@code finish_reason}, {@code modality}) reuse shared, immutable
 * {@link KeyValue}s, and empty containers shared empty values: the result is equal to a freshly built one.
 */
public final class ValueSink implements StructuredSink {

    private static final Value<?> EMPTY_ARRAY = Value.of(List.of());
    private static final Value<?> EMPTY_OBJECT = Value.of(new KeyValue[0]);
    private static final Map<String, KeyValue> TYPES = constants("type", "text", "reasoning", "tool_call",
            "tool_call_response", "server_tool_call", "server_tool_call_response", "blob", "file", "uri",
            "compaction", "function");
    private static final Map<String, KeyValue> ROLES = constants("role", "system", "user", "assistant", "tool");
    private static final Map<String, KeyValue> FINISH_REASONS = constants("finish_reason", "stop", "length",
            "content_filter", "tool_call", "compaction", "error");
    private static final Map<String, KeyValue> MODALITIES = constants("modality", "image", "video", "audio",
            "document");

    /** The values (in arrays) and fields (in objects) of every open container, innermost last. */
    private Object[] stack = new Object[32];
    private int top;
    /**
     * Per open container, innermost last: where its entries start on the stack, whether it is an object, and the
     * field name it will be added under when it is a field of an object.
     */
    private int[] starts = new int[8];
    private boolean[] objects = new boolean[8];
    private String[] names = new String[8];
    private int depth;
    private String pendingName;
    private Value<?> result;

    /** The value built so far; complete once every container is closed. */
    public Value<?> result() {
        return result;
    }

    @Override
    public void startObject() {
        open(true);
    }

    @Override
    public void endObject() {
        int start = starts[--depth];
        int count = top - start;
        Value<?> value;
        if (count == 0) {
            value = EMPTY_OBJECT;
        } else {
            KeyValue[] fields = new KeyValue[count];
            System.arraycopy(stack, start, fields, 0, count);
            value = Value.of(fields);
        }
        pop(start);
        add(value);
    }

    @Override
    public void startArray() {
        open(false);
    }

    @Override
    public void endArray() {
        int start = starts[--depth];
        int count = top - start;
        Value<?> value;
        if (count == 0) {
            value = EMPTY_ARRAY;
        } else {
            // Value.of(List) wraps the list without copying it: the array becomes the value's own storage
            Value<?>[] elements = new Value<?>[count];
            System.arraycopy(stack, start, elements, 0, count);
            value = Value.of(Arrays.asList(elements));
        }
        pop(start);
        add(value);
    }

    @Override
    public void field(String name) {
        pendingName = name;
    }

    @Override
    public void string(String text) {
        String value = WellFormed.string(text);
        if (depth > 0 && objects[depth - 1]) {
            Map<String, KeyValue> constants = constantsFor(pendingName);
            KeyValue constant = constants == null ? null : constants.get(value);
            if (constant != null) {
                push(constant);
                pendingName = null;
                return;
            }
        }
        add(Value.of(value));
    }

    @Override
    public void number(long value) {
        add(Value.of(value));
    }

    @Override
    public void number(double value) {
        add(Value.of(value));
    }

    @Override
    public void bool(boolean value) {
        add(Value.of(value));
    }

    @Override
    public void nullValue() {
        add(Value.empty());
    }

    @Override
    public void bytes(byte[] value) {
        add(Value.of(value));
    }

    private void open(boolean object) {
        if (depth == starts.length) {
            starts = Arrays.copyOf(starts, depth * 2);
            objects = Arrays.copyOf(objects, depth * 2);
            names = Arrays.copyOf(names, depth * 2);
        }
        starts[depth] = top;
        objects[depth] = object;
        names[depth] = pendingName;
        pendingName = null;
        depth++;
    }

    /**
     * Drops the entries of the container just closed (they are overwritten by later ones; the sink lives for one
     * encode) and restores the name it is added under.
     */
    private void pop(int start) {
        top = start;
        pendingName = names[depth];
        names[depth] = null;
    }

    private void add(Value<?> value) {
        if (depth == 0) {
            result = value;
        } else if (objects[depth - 1]) {
            push(KeyValue.of(pendingName, value));
            pendingName = null;
        } else {
            push(value);
        }
    }

    private void push(Object entry) {
        if (top == stack.length) {
            stack = Arrays.copyOf(stack, top * 2);
        }
        stack[top++] = entry;
    }

    /** The shared fields for a field name whose values come from a fixed vocabulary, else null. */
    private static Map<String, KeyValue> constantsFor(String name) {
        if ("type".equals(name)) {
            return TYPES;
        }
        if ("role".equals(name)) {
            return ROLES;
        }
        if ("finish_reason".equals(name)) {
            return FINISH_REASONS;
        }
        return "modality".equals(name) ? MODALITIES : null;
    }

    private static Map<String, KeyValue> constants(String name, String... values) {
        Map<String, KeyValue> fields = new HashMap<>();
        for (String value : values) {
            fields.put(value, KeyValue.of(name, Value.of(value)));
        }
        return Map.copyOf(fields);
    }
}

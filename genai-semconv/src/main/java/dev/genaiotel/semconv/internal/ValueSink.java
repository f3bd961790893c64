package dev.genaiotel.semconv.internal;

import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** Builds the structured OpenTelemetry {@link Value} form, used on log-record (event) attributes. */
public final class ValueSink implements StructuredSink {

    private final ArrayDeque<Frame> frames = new ArrayDeque<>();
    private Value<?> result;

    /** The value built so far; complete once every container is closed. */
    public Value<?> result() {
        return result;
    }

    @Override
    public void startObject() {
        frames.push(new Frame(true));
    }

    @Override
    public void endObject() {
        Frame frame = frames.pop();
        add(Value.of(frame.fields.toArray(new KeyValue[0])));
    }

    @Override
    public void startArray() {
        frames.push(new Frame(false));
    }

    @Override
    public void endArray() {
        add(Value.of(frames.pop().elements));
    }

    @Override
    public void field(String name) {
        frames.element().pendingName = name;
    }

    @Override
    public void string(String value) {
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

    private void add(Value<?> value) {
        Frame frame = frames.peek();
        if (frame == null) {
            result = value;
        } else if (frame.object) {
            frame.fields.add(KeyValue.of(frame.pendingName, value));
            frame.pendingName = null;
        } else {
            frame.elements.add(value);
        }
    }

    private static final class Frame {
        final boolean object;
        final List<KeyValue> fields;
        final List<Value<?>> elements;
        String pendingName;

        Frame(boolean object) {
            this.object = object;
            this.fields = object ? new ArrayList<>() : null;
            this.elements = object ? null : new ArrayList<>();
        }
    }
}

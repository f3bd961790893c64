package dev.genaiotel.semconv.internal;

/**
 * Turns the one root array that a {@link ContentWriter} description writes into JSON Lines: each element of that array
 * becomes one compact JSON object on its own line, with an added {@code index} field (its position in the array) as
 * the last field. An element that is not an object is wrapped as {@code {"index":i,"value":...}}. Everything is
 * written by the same {@link JsonSink}, so a line holds exactly the JSON that the array form holds for its element.
 */
public final class JsonLinesSink implements StructuredSink {

    private final JsonSink json;
    private int depth;
    private long index;
    private boolean wrapped;

    /** Writes the lines to {@code json}. */
    public JsonLinesSink(JsonSink json) {
        this.json = json;
    }

    @Override
    public void startObject() {
        if (depth == 1) {
            wrapped = false;
        }
        depth++;
        json.startObject();
    }

    @Override
    public void endObject() {
        depth--;
        if (depth == 1 && !wrapped) {
            json.field("index");
            json.number(index++);
        }
        json.endObject();
        elementEnded();
    }

    @Override
    public void startArray() {
        if (depth == 0) {
            depth++;
            return;
        }
        beforeValue();
        depth++;
        json.startArray();
    }

    @Override
    public void endArray() {
        depth--;
        if (depth == 0) {
            return;
        }
        json.endArray();
        elementEnded();
    }

    @Override
    public void field(String name) {
        json.field(name);
    }

    @Override
    public void string(String value) {
        beforeValue();
        json.string(value);
        elementEnded();
    }

    @Override
    public void number(long value) {
        beforeValue();
        json.number(value);
        elementEnded();
    }

    @Override
    public void number(double value) {
        beforeValue();
        json.number(value);
        elementEnded();
    }

    @Override
    public void bool(boolean value) {
        beforeValue();
        json.bool(value);
        elementEnded();
    }

    @Override
    public void nullValue() {
        beforeValue();
        json.nullValue();
        elementEnded();
    }

    @Override
    public void bytes(byte[] value) {
        beforeValue();
        json.bytes(value);
        elementEnded();
    }

    /** Opens the wrapper object of an element of the root array that is not an object. */
    private void beforeValue() {
        if (depth == 1) {
            wrapped = true;
            json.startObject();
            json.field("index");
            json.number(index++);
            json.field("value");
        }
    }

    /** Closes the line once an element of the root array is complete. */
    private void elementEnded() {
        if (depth != 1) {
            return;
        }
        if (wrapped) {
            json.endObject();
            wrapped = false;
        }
        json.lineBreak();
    }
}

package dev.genaiotel.semconv.internal;

/**
 * Where {@link ContentWriter} sends a structured value: the one description of each content type drives both the
 * compact JSON form ({@link JsonSink}) and the OpenTelemetry {@code Value} form ({@link ValueSink}).
 */
public interface StructuredSink {

    /** Opens an object; fields follow as {@link #field} then a value. */
    void startObject();

    /** Closes the innermost object. */
    void endObject();

    /** Opens an array. */
    void startArray();

    /** Closes the innermost array. */
    void endArray();

    /** Names the next value of the current object; the name is well-formed. */
    void field(String name);

    /**
     * A string value. It may hold lone surrogates, which the sink writes as U+FFFD ({@link WellFormed}), so that the
     * text is checked in the same pass that writes it.
     */
    void string(String value);

    /** An integral value. */
    void number(long value);

    /** A finite floating-point value. */
    void number(double value);

    /** A boolean value. */
    void bool(boolean value);

    /** A null value. */
    void nullValue();

    /** Binary data: base64 in JSON, bytes in structured form. */
    void bytes(byte[] value);
}

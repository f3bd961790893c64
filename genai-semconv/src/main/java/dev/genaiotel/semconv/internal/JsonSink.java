package dev.genaiotel.semconv.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes the compact JSON form through jackson-core's UTF-8 generator (its fastest) into per-thread buffers, so that
 * an encode allocates little beyond the resulting {@code String}. The bytes are decoded into a reused character
 * buffer rather than by {@code new String(bytes, UTF_8)}, which makes two extra copies of any text that is not pure
 * ASCII.
 */
public final class JsonSink implements StructuredSink, AutoCloseable {

    /** Shared, thread-safe factory; jackson recycles its internal buffers per thread. */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private static final int RETAINED_BUFFER_LIMIT = 64 * 1024;
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private final Buffers buffers;
    private final JsonGenerator generator;

    private JsonSink(Buffers buffers) {
        this.buffers = buffers;
        try {
            this.generator = FACTORY.createGenerator(buffers, JsonEncoding.UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sink on this thread's buffers, or on fresh ones if they are busy (a re-entrant encode). */
    public static JsonSink open() {
        Buffers buffers = BUFFERS.get();
        if (buffers.inUse) {
            buffers = new Buffers();
        }
        buffers.inUse = true;
        buffers.size = 0;
        return new JsonSink(buffers);
    }

    /** Flushes the generator and returns everything written as a string. */
    public String result() {
        try {
            generator.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffers.decode();
    }

    /** Releases the generator and hands the buffers back to this thread. */
    @Override
    public void close() {
        try {
            generator.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            buffers.release();
        }
    }

    @Override
    public void startObject() {
        try {
            generator.writeStartObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void endObject() {
        try {
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void startArray() {
        try {
            generator.writeStartArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void endArray() {
        try {
            generator.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void field(String name) {
        try {
            generator.writeFieldName(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void string(String value) {
        try {
            generator.writeString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void number(long value) {
        try {
            generator.writeNumber(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void number(double value) {
        try {
            generator.writeNumber(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void bool(boolean value) {
        try {
            generator.writeBoolean(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void nullValue() {
        try {
            generator.writeNull();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void bytes(byte[] value) {
        try {
            generator.writeBinary(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The UTF-8 output and the characters it decodes to, reused by one thread; never shared while in use. */
    private static final class Buffers extends OutputStream {
        private static final int INITIAL_CAPACITY = 2048;

        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        byte[] bytes = new byte[INITIAL_CAPACITY];
        char[] chars = new char[INITIAL_CAPACITY];
        int size;
        boolean inUse;

        @Override
        public void write(int b) {
            ensureCapacity(size + 1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] source, int offset, int length) {
            ensureCapacity(size + length);
            System.arraycopy(source, offset, bytes, size, length);
            size += length;
        }

        /** Decodes what was written; jackson wrote valid UTF-8, so the decoder cannot fail or underflow. */
        String decode() {
            if (chars.length < size) {
                chars = new char[size];
            }
            CharBuffer out = CharBuffer.wrap(chars);
            decoder.reset();
            CoderResult result = decoder.decode(ByteBuffer.wrap(bytes, 0, size), out, true);
            if (result.isError()) {
                throw new IllegalStateException("generator wrote invalid UTF-8: " + result);
            }
            decoder.flush(out);
            return new String(chars, 0, out.position());
        }

        void release() {
            if (bytes.length > RETAINED_BUFFER_LIMIT) {
                bytes = new byte[INITIAL_CAPACITY];
                chars = new char[INITIAL_CAPACITY];
            }
            inUse = false;
        }

        private void ensureCapacity(int needed) {
            if (needed > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
            }
        }
    }
}

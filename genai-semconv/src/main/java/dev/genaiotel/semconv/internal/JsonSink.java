package dev.genaiotel.semconv.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;

/**
 * Writes the compact JSON form through jackson-core's character generator into a per-thread character buffer, so
 * that an encode allocates little beyond the resulting {@code String} and no UTF-8 encode and decode pass happens.
 * Each thread keeps its generator across encodes, each encode being one more root value written without a separator;
 * a generator left inside a value by a failed encode is dropped. jackson's character generator writes surrogates as
 * they are, so string values are made well-formed first ({@link WellFormed}: a lone surrogate becomes U+FFFD), which
 * costs one scan and no copy for the usual text.
 */
public final class JsonSink implements StructuredSink, AutoCloseable {

    /** Shared, thread-safe factory for parsing raw JSON text; jackson recycles its internal buffers per thread. */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    /** Writes consecutive root values with nothing between them, so that one generator serves many encodes. */
    private static final JsonFactory WRITERS = new JsonFactoryBuilder()
            .rootValueSeparator((String) null)
            .build();

    private static final int RETAINED_BUFFER_LIMIT = 64 * 1024;
    private static final ThreadLocal<Buffer> BUFFERS = ThreadLocal.withInitial(() -> new Buffer(true));

    private final Buffer buffer;
    private final JsonGenerator generator;

    private JsonSink(Buffer buffer) {
        this.buffer = buffer;
        this.generator = buffer.generator();
    }

    /** A sink on this thread's buffer, or on a fresh one if it is busy (a re-entrant encode). */
    public static JsonSink open() {
        Buffer buffer = BUFFERS.get();
        if (buffer.inUse) {
            buffer = new Buffer(false);
        }
        buffer.inUse = true;
        buffer.size = 0;
        return new JsonSink(buffer);
    }

    /** Flushes the generator and returns everything written as a string. */
    public String result() {
        try {
            generator.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String(buffer.chars, 0, buffer.size);
    }

    /** Hands the buffer and its generator back to this thread. */
    @Override
    public void close() {
        buffer.release();
    }

    /** Ends the current line: a newline between root values, for JSON Lines ({@link JsonLinesSink}). */
    public void lineBreak() {
        try {
            generator.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
            generator.writeString(WellFormed.string(value));
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

    /** The characters written and the generator writing them, reused by one thread; never shared while in use. */
    private static final class Buffer extends Writer {
        private static final int INITIAL_CAPACITY = 2048;

        /** False for the fresh buffer of a re-entrant encode, which is used once. */
        private final boolean pooled;
        private JsonGenerator generator;
        char[] chars = new char[INITIAL_CAPACITY];
        int size;
        boolean inUse;

        Buffer(boolean pooled) {
            this.pooled = pooled;
        }

        /** This buffer's generator, created on first use or after one was dropped. */
        JsonGenerator generator() {
            if (generator == null) {
                try {
                    generator = WRITERS.createGenerator(this);
                } catch (IOException e) {
                    inUse = false;
                    throw new UncheckedIOException(e);
                }
            }
            return generator;
        }

        @Override
        public void write(int c) {
            ensureCapacity(1);
            chars[size++] = (char) c;
        }

        @Override
        public void write(char[] source, int offset, int length) {
            ensureCapacity(length);
            System.arraycopy(source, offset, chars, size, length);
            size += length;
        }

        @Override
        public void write(String text, int offset, int length) {
            ensureCapacity(length);
            text.getChars(offset, offset + length, chars, size);
            size += length;
        }

        @Override
        public void flush() {
            // Nothing is held back.
        }

        @Override
        public void close() {
            // The buffer is reused; release() hands it back.
        }

        /**
         * Keeps the generator for the next encode if it is back at the root, with nothing left in its own buffer (the
         * flushed characters are discarded by the next {@code open}); otherwise closes and drops it.
         */
        void release() {
            JsonGenerator used = generator;
            try {
                if (used == null) {
                    return;
                }
                if (pooled && used.getOutputContext().inRoot()) {
                    used.flush();
                } else {
                    generator = null;
                    used.close();
                }
            } catch (IOException e) {
                generator = null;
                throw new UncheckedIOException(e);
            } finally {
                if (chars.length > RETAINED_BUFFER_LIMIT) {
                    chars = new char[INITIAL_CAPACITY];
                }
                inUse = false;
            }
        }

        /** Makes room for {@code more} characters after the current ones. */
        private void ensureCapacity(int more) {
            long needed = (long) size + more;
            if (needed > chars.length) {
                if (needed > Integer.MAX_VALUE - 8) {
                    throw new OutOfMemoryError("JSON text too long: " + needed + " characters");
                }
                chars = Arrays.copyOf(chars, (int) Math.max(needed,
                        Math.min(Integer.MAX_VALUE - 8, (long) chars.length * 2)));
            }
        }
    }
}

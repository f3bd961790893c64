package dev.genaiotel.ollama.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Classifies an NDJSON line without parsing it, so that the common chunk of a stream costs one pass over its
 * bytes when no content is recorded: only the top-level keys {@code done} and {@code error} matter. Multi-byte
 * UTF-8 sequences never contain {@code "} or {@code \}, so scanning bytes is exact.
 */
final class LineScanner {

    /** A balanced object with {@code done} false or absent and no {@code error}: an intermediate chunk. */
    static final int CHUNK = 0;
    /** A balanced object with {@code "done": true}: the final chunk, to be parsed. */
    static final int DONE = 1;
    /** A balanced object with a top-level {@code error}. */
    static final int ERROR = 2;
    /** Not a balanced JSON object. */
    static final int MALFORMED = 3;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private LineScanner() {}

    /** The index of the first {@code '\\n'} in {@code b[from, to)}, or -1; eight bytes at a time. */
    static int indexOfNewline(byte[] b, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(b, i) ^ NEWLINES;
            long found = (word - LOW_BITS) & ~word & HIGH_BITS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static final byte[] NOT_DONE_TAIL = "\"done\":false}".getBytes(StandardCharsets.US_ASCII);

    /**
     * Classifies {@code b[offset, offset + size)}. Ollama ends every intermediate chunk with {@code "done":false}};
     * in valid JSON that tail can only be the top-level member, so it is recognised without a scan. Anything else
     * is scanned.
     */
    static int classify(byte[] b, int offset, int size) {
        int end = offset + size;
        while (end > offset && (b[end - 1] == '\r' || b[end - 1] == ' ' || b[end - 1] == '\t')) {
            end--;
        }
        int tail = end - NOT_DONE_TAIL.length;
        if (tail > offset && b[offset] == '{' && Arrays.equals(b, tail, end, NOT_DONE_TAIL, 0, NOT_DONE_TAIL.length)) {
            return CHUNK;
        }
        return scan(b, offset, end);
    }

    private static int scan(byte[] b, int offset, int length) {
        int i = skipWhitespace(b, offset, length);
        if (i >= length || b[i] != '{') {
            return MALFORMED;
        }
        int depth = 0;
        boolean keyPosition = false;
        boolean done = false;
        boolean error = false;
        for (; i < length; i++) {
            byte c = b[i];
            if (c == '"') {
                int start = i + 1;
                i = endOfString(b, start, length);
                if (i < 0) {
                    return MALFORMED;
                }
                if (depth == 1 && keyPosition) {
                    keyPosition = false;
                    int keyLength = i - start;
                    if (keyLength == 4 && b[start] == 'd' && b[start + 1] == 'o' && b[start + 2] == 'n'
                            && b[start + 3] == 'e') {
                        int j = skipWhitespace(b, i + 1, length);
                        if (j < length && b[j] == ':') {
                            j = skipWhitespace(b, j + 1, length);
                            done = j < length && b[j] == 't';
                        }
                    } else if (keyLength == 5 && b[start] == 'e' && b[start + 1] == 'r' && b[start + 2] == 'r'
                            && b[start + 3] == 'o' && b[start + 4] == 'r') {
                        error = true;
                    }
                }
            } else if (c == '{' || c == '[') {
                depth++;
                keyPosition = depth == 1;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    if (skipWhitespace(b, i + 1, length) != length) {
                        return MALFORMED;
                    }
                    return error ? ERROR : done ? DONE : CHUNK;
                }
            } else if (c == ',' && depth == 1) {
                keyPosition = true;
            }
        }
        return MALFORMED;
    }

    private static int endOfString(byte[] b, int from, int length) {
        for (int i = from; i < length; i++) {
            byte c = b[i];
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    private static int skipWhitespace(byte[] b, int from, int length) {
        int i = from;
        while (i < length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
        return i;
    }
}

package dev.genaiotel.bedrock.internal.agent;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The agent's streamed completion: the UTF-8 bytes of its chunk events, decoded one chunk after the other (a
 * character split across two chunks is joined) and kept up to a bound in characters; what comes after the bound is
 * dropped, never buffered. Not thread-safe: one content mapping uses it, once.
 */
final class CompletionText {

    private static final byte[] NONE = new byte[0];

    private final int maxChars;
    private final StringBuilder text = new StringBuilder();
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private byte[] pending = NONE;
    private boolean full;

    CompletionText(int maxChars) {
        this.maxChars = Math.max(0, maxChars);
        full = this.maxChars == 0;
    }

    /** Adds the bytes of one chunk. */
    void append(byte[] bytes) {
        if (full || bytes == null || bytes.length == 0) {
            return;
        }
        ByteBuffer in;
        if (pending.length == 0) {
            in = ByteBuffer.wrap(bytes);
        } else {
            in = ByteBuffer.allocate(pending.length + bytes.length);
            in.put(pending).put(bytes).flip();
        }
        int room = maxChars - text.length();
        CharBuffer out = CharBuffer.allocate(Math.min(in.remaining(), room));
        boolean overflow = decoder.decode(in, out, false).isOverflow();
        out.flip();
        text.append(out);
        if (overflow || text.length() >= maxChars) {
            full = true;
            pending = NONE;
            return;
        }
        // Only an incomplete character (at most 3 bytes of UTF-8) is left over when the decoder underflows.
        pending = in.hasRemaining() ? new byte[in.remaining()] : NONE;
        in.get(pending);
    }

    /** The text so far; an incomplete trailing character is left out. */
    String text() {
        return text.toString();
    }
}

package dev.genaiotel.core.internal.upload;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The SHA-256 digests of the latest distinct system instructions and tool definitions, least recently used out first:
 * the reference names the file by digest before the span ends, so the digest is computed on the calling thread, once
 * per distinct content.
 */
final class DigestCache {

    /** The most digests kept. */
    static final int MAX_CACHED = 1024;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Map<Object, String> digests = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, String> eldest) {
            return size() > MAX_CACHED;
        }
    };

    /**
     * A digest and, when it had to be computed now, the compact JSON it was computed from.
     *
     * @param digest the SHA-256 of the compact JSON, in lower-case hex
     * @param json the compact JSON, or null when the digest came from the cache
     */
    record Encoded(String digest, String json) {}

    /** The digest of the content known by {@code key}, encoding it with {@code json} only when not cached. */
    Encoded digest(Object key, Supplier<String> json) {
        String known;
        synchronized (digests) {
            known = digests.get(key);
        }
        if (known != null) {
            return new Encoded(known, null);
        }
        String encoded = json.get();
        String digest = sha256(encoded);
        synchronized (digests) {
            digests.put(key, digest);
        }
        return new Encoded(digest, encoded);
    }

    /** The SHA-256 of the text's UTF-8 bytes, in lower-case hex. */
    static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            char[] hex = new char[hash.length * 2];
            for (int i = 0; i < hash.length; i++) {
                hex[2 * i] = HEX[(hash[i] >> 4) & 0xf];
                hex[2 * i + 1] = HEX[hash[i] & 0xf];
            }
            return new String(hex);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}

package dev.genaiotel.core;

import dev.genaiotel.core.internal.ContentText;
import dev.genaiotel.semconv.message.MessagePart;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A {@link ContentRedactor} that replaces every text (as {@link ContentRedactor#ofText} walks them) by
 * {@code sha256:} and the lower-case hex SHA-256 digest of its UTF-8 bytes, so that equal prompts stay comparable
 * while their content is not recorded. Blob bytes are kept; the blob policy of {@link GenAiSettings} decides them.
 * Thread-safe.
 */
public final class HashingRedactor implements ContentRedactor {

    /** The prefix of every digest written. */
    public static final String PREFIX = "sha256:";

    private static final HexFormat HEX = HexFormat.of();

    private HashingRedactor() {}

    /** The redactor. */
    public static HashingRedactor create() {
        return new HashingRedactor();
    }

    /** {@code sha256:} and the hex digest of the UTF-8 bytes of {@code text}. */
    public String redactText(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return PREFIX + HEX.formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    @Override
    public MessagePart redact(MessagePart part, ContentContext context) {
        return ContentText.map(part, this::redactText);
    }
}

package dev.genaiotel.core.internal.upload;

import dev.genaiotel.core.UploadCompletionHook.Format;
import io.opentelemetry.api.trace.SpanContext;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Where each upload goes under the base path, and the reference URI stamped for it. Per inference:
 * {@code <yyyy>/<MM>/<dd>/<traceId>/<spanId>_inputs.<ext>} and {@code ..._outputs.<ext>} (UTC date, random ids for an
 * invalid span context); once per distinct content: {@code system_instructions/<sha256>.<ext>} and
 * {@code tool_definitions/<sha256>.<ext>}. References never carry a URI's user information (an {@code s3x:} or
 * {@code sftp:} URI may hold credentials there).
 */
final class UploadLayout {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*:(?:[^/]*:)?//)[^/@?#]*@");

    private final Path base;
    private final String baseUri;
    private final String extension;

    UploadLayout(Path base, Format format) {
        this.base = base;
        String uri = withoutUserInfo(base.toUri().toString());
        this.baseUri = uri.endsWith("/") ? uri : uri + '/';
        this.extension = "." + format.extension();
    }

    /** {@code <yyyy>/<MM>/<dd>/<traceId>/<spanId>}, the prefix of an inference's inputs and outputs. */
    String inference(SpanContext span) {
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        return day.getYear() + "/" + twoDigits(day.getMonthValue()) + '/' + twoDigits(day.getDayOfMonth())
                + '/' + (span.isValid() ? span.getTraceId() : randomHex(16)) + '/'
                + (span.isValid() ? span.getSpanId() : randomHex(8));
    }

    String inputs(String inference) {
        return inference + "_inputs" + extension;
    }

    String outputs(String inference) {
        return inference + "_outputs" + extension;
    }

    String systemInstructions(String digest) {
        return "system_instructions/" + digest + extension;
    }

    String toolDefinitions(String digest) {
        return "tool_definitions/" + digest + extension;
    }

    /** The reference URI of a relative path. */
    String reference(String relative) {
        return baseUri + relative;
    }

    /** The path of a relative path. */
    Path resolve(String relative) {
        return base.resolve(relative);
    }

    /**
     * A path as a log line names it: as it is on the default file system, else as its URI, which names the file
     * system too (an S3 path's own text omits the bucket), without user information.
     */
    static String describe(Path path) {
        if (path.getFileSystem() == FileSystems.getDefault()) {
            return path.toString();
        }
        try {
            return withoutUserInfo(path.toUri().toString());
        } catch (RuntimeException e) {
            return withoutUserInfo(path.toString());
        }
    }

    /** {@code text} without the user information of a URI at its start; other text unchanged. */
    static String withoutUserInfo(String text) {
        return USER_INFO.matcher(text).replaceFirst("$1");
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : String.valueOf(value);
    }

    private static String randomHex(int bytes) {
        StringBuilder hex = new StringBuilder(bytes * 2);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < bytes * 2; i++) {
            hex.append(HEX[random.nextInt(16)]);
        }
        return hex.toString();
    }
}

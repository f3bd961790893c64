package dev.genaiotel.core.internal.upload;

import dev.genaiotel.core.UploadCompletionHook;
import dev.genaiotel.core.UploadCompletionHook.Format;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The upload hook's settings as read from {@code OTEL_INSTRUMENTATION_GENAI_UPLOAD_*}: the base path (a plain path,
 * or the URI of any installed NIO file system, resolved through {@link Path#of(URI)}), the format and the queue size.
 *
 * @param basePath where files are written
 * @param ownedFileSystem the file system opened for the base path, which the hook closes; null when it was open
 * @param format the file format
 * @param maxQueueSize the inferences waiting to be written
 */
public record UploadConfiguration(Path basePath, FileSystem ownedFileSystem, Format format, int maxQueueSize) {

    /** The base path's system property. */
    public static final String BASE_PATH = "otel.instrumentation.genai.upload-base-path";
    /** The format's system property. */
    public static final String FORMAT = "otel.instrumentation.genai.upload-format";
    /** The queue size's system property. */
    public static final String MAX_QUEUE_SIZE = "otel.instrumentation.genai.upload-max-queue-size";

    private static final Logger LOGGER = Logger.getLogger(UploadCompletionHook.class.getName());

    /** Where unusable settings are reported; the settings' own vocabulary (environment names) lives elsewhere. */
    public interface Problems {

        /** The base path is not set. */
        void missing(String property);

        /** {@code value} is not valid for {@code property}; {@code fallback} is used instead. */
        void invalid(String property, String value, String fallback);
    }

    /**
     * Reads the settings; null (after one log record) when there is no usable base path, in which case the format
     * and the queue size are not read.
     */
    public static UploadConfiguration read(Function<String, String> property, Problems problems) {
        String raw = property.apply(BASE_PATH);
        if (raw == null) {
            problems.missing(BASE_PATH);
            return null;
        }
        FileSystem[] opened = new FileSystem[1];
        Path basePath = parseBasePath(raw.trim(), opened);
        if (basePath == null) {
            return null;
        }
        Format format = Format.JSON;
        String formatRaw = property.apply(FORMAT);
        if (formatRaw != null) {
            String value = formatRaw.trim().toLowerCase(Locale.ROOT);
            if (value.equals(Format.JSONL.extension())) {
                format = Format.JSONL;
            } else if (!value.equals(Format.JSON.extension())) {
                problems.invalid(FORMAT, formatRaw, Format.JSON.extension());
            }
        }
        int maxQueueSize = UploadCompletionHook.DEFAULT_MAX_QUEUE_SIZE;
        String sizeRaw = property.apply(MAX_QUEUE_SIZE);
        if (sizeRaw != null) {
            int size;
            try {
                size = Integer.parseInt(sizeRaw.trim());
            } catch (NumberFormatException e) {
                size = 0;
            }
            if (size >= 1) {
                maxQueueSize = size;
            } else {
                problems.invalid(MAX_QUEUE_SIZE, sizeRaw, String.valueOf(UploadCompletionHook.DEFAULT_MAX_QUEUE_SIZE));
            }
        }
        return new UploadConfiguration(basePath, opened[0], format, maxQueueSize);
    }

    /**
     * The path named by a path or URI. A URI goes through the installed providers ({@code file:}, {@code jar:}, and
     * {@code s3:} once an S3 provider is on the class or module path); a file system that the provider does not create
     * on demand (a zip file) is opened into {@code opened}.
     */
    static Path parseBasePath(String raw, FileSystem[] opened) {
        try {
            int colon = raw.indexOf(':');
            if (colon > 1 && raw.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
                URI uri = URI.create(raw);
                try {
                    return Path.of(uri);
                } catch (FileSystemNotFoundException e) {
                    opened[0] = FileSystems.newFileSystem(uri, Map.of("create", "true"));
                    return Path.of(uri);
                }
            }
            return Path.of(raw);
        } catch (IOException | RuntimeException e) {
            // A provider may fail on a URI it cannot read with any runtime exception (the S3 one throws
            // ArrayIndexOutOfBoundsException for a missing bucket). The exception's message may repeat the raw text,
            // user information included: only its type is logged.
            LOGGER.log(Level.SEVERE, "The GenAI upload base path ''" + UploadLayout.withoutUserInfo(raw) + "'' is"
                    + " neither a path nor the URI of an installed file system (" + e.getClass().getName()
                    + "); the upload completion hook is disabled");
            return null;
        }
    }
}

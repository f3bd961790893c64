package dev.genaiotel.core;

import dev.genaiotel.core.internal.upload.ContentUploader;
import dev.genaiotel.core.internal.upload.UploadConfiguration;
import io.opentelemetry.api.OpenTelemetry;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The built-in {@link CompletionHook} {@value #NAME}: writes each inference's content to files under a base path, on
 * one background thread, and stamps references to them on the span and the
 * {@code gen_ai.client.inference.operation.details} event ({@code gen_ai.input.messages_ref},
 * {@code gen_ai.output.messages_ref}, {@code gen_ai.system_instructions_ref}, {@code gen_ai.tool.definitions_ref}:
 * ours, after the open proposal GenAI PR #490).
 *
 * <table>
 *   <caption>Configuration ({@link #fromConfig}; system property over environment variable)</caption>
 *   <tr><th>environment</th><th>system property</th><th>values</th></tr>
 *   <tr><td>{@code OTEL_INSTRUMENTATION_GENAI_UPLOAD_BASE_PATH}</td>
 *       <td>{@code otel.instrumentation.genai.upload-base-path}</td>
 *       <td>a directory, or the URI of any installed NIO file system ({@code file:}, {@code jar:}, {@code s3:} with
 *       an S3 provider such as {@code software.amazon.nio.s3:aws-java-nio-spi-for-s3}, ...); required</td>
 *   </tr>
 *   <tr><td>{@code OTEL_INSTRUMENTATION_GENAI_UPLOAD_FORMAT}</td>
 *       <td>{@code otel.instrumentation.genai.upload-format}</td>
 *       <td>{@code json} (default): the JSON array; {@code jsonl}: one object per line with an {@code index}</td></tr>
 *   <tr><td>{@code OTEL_INSTRUMENTATION_GENAI_UPLOAD_MAX_QUEUE_SIZE}</td>
 *       <td>{@code otel.instrumentation.genai.upload-max-queue-size}</td>
 *       <td>inferences waiting to be written, at least 1; default {@value #DEFAULT_MAX_QUEUE_SIZE}</td></tr>
 * </table>
 *
 * <p>Layout: {@code <base>/<yyyy>/<MM>/<dd>/<traceId>/<spanId>_inputs.json} and {@code ..._outputs.json} (UTC date);
 * system instructions and tool definitions once per distinct content, {@code <base>/system_instructions/<sha256>.json}
 * and {@code <base>/tool_definitions/<sha256>.json}, the SHA-256 of their compact JSON. The extension is
 * {@code .jsonl} in that format. A reader never sees half a file: on the default file system each file is written to
 * a temporary file in its directory and then moved into place atomically; on any other file system (an object store
 * has no atomic move) it is written in one go, one write of the complete bytes, which the store publishes as a whole.
 * Empty lists are not written and get no reference. References never carry a URI's user information.
 *
 * <p>The calling thread only queues the (immutable) message lists; JSON encoding and file I/O happen on the worker
 * thread {@code genai-otel-upload}. The exception is the digest of system instructions and tool definitions, which the
 * reference needs before the span ends: computed on the calling thread the first time a content is seen, then cached.
 *
 * <p>Failures never reach the application. A base path that cannot be written when the hook is built is logged once
 * as an error and disables the hook. A full queue drops the inference's upload: it is counted on
 * {@code gen_ai.upload.dropped} with {@code error.type=queue_full}, logged once, and gets no references. A file that
 * cannot be written (disk full, permission gone) is retried once, then logged once per cause and counted with
 * {@code error.type=write_failed}. An inference that finishes after {@link #close()} is counted with
 * {@code error.type=closed} and gets no references.
 */
public final class UploadCompletionHook implements CompletionHook {

    /** The name this hook is selected by. */
    public static final String NAME = "upload";

    /** The default number of inferences waiting to be written. */
    public static final int DEFAULT_MAX_QUEUE_SIZE = 20;

    /** {@code error.type} on {@code gen_ai.upload.dropped} when the queue was full. */
    public static final String QUEUE_FULL = "queue_full";

    /** {@code error.type} on {@code gen_ai.upload.dropped} when a file could not be written twice. */
    public static final String WRITE_FAILED = "write_failed";

    /** {@code error.type} on {@code gen_ai.upload.dropped} for an inference that finished after {@link #close()}. */
    public static final String CLOSED = "closed";

    private static final Logger LOGGER = Logger.getLogger(UploadCompletionHook.class.getName());

    /** The file format. */
    public enum Format {
        /** The whole JSON array, as in the span attribute, followed by a newline. */
        JSON("json"),
        /** One JSON object per message (or part, or tool) per line, each with an added {@code index}. */
        JSONL("jsonl");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** The file extension, without the dot. */
        public String extension() {
            return extension;
        }
    }

    private final Path base;
    private final Format format;
    /** Null when the hook is disabled. */
    private final ContentUploader uploader;

    private UploadCompletionHook(Path base, Format format, ContentUploader uploader) {
        this.base = base;
        this.format = format;
        this.uploader = uploader;
    }

    /** A builder writing under {@code basePath}, a path of any NIO file system. */
    public static Builder builder(Path basePath) {
        return new Builder(Objects.requireNonNull(basePath, "basePath"));
    }

    /**
     * The hook as configured by {@code OTEL_INSTRUMENTATION_GENAI_UPLOAD_*} (see the class description), recording
     * its counter to {@link CompletionHookProvider.Context#openTelemetry()}. Without a usable base path it logs why and
     * returns a disabled hook ({@link #isEnabled()} false) that does nothing.
     */
    public static UploadCompletionHook fromConfig(CompletionHookProvider.Context context) {
        Objects.requireNonNull(context, "context");
        UploadConfiguration config = UploadConfiguration.read(context::property, new UploadConfiguration.Problems() {
            @Override
            public void missing(String property) {
                LOGGER.log(Level.WARNING, "The GenAI upload completion hook is selected but {0} is not set; it is"
                        + " disabled", GenAiSettings.environmentName(property));
            }

            @Override
            public void invalid(String property, String value, String fallback) {
                GenAiSettings.warnInvalid(property + " / " + GenAiSettings.environmentName(property), value,
                        fallback);
            }
        });
        if (config == null) {
            return new UploadCompletionHook(Path.of(""), Format.JSON, null);
        }
        Builder builder = builder(config.basePath()).setOpenTelemetry(context.openTelemetry())
                .setFormat(config.format()).setMaxQueueSize(config.maxQueueSize());
        builder.ownedFileSystem = config.ownedFileSystem();
        return builder.build();
    }

    /** True when the base path was writable at start-up, so completions are uploaded. */
    public boolean isEnabled() {
        return uploader != null;
    }

    /** The base path. */
    public Path basePath() {
        return base;
    }

    /** The file format. */
    public Format format() {
        return format;
    }

    /**
     * Queues the completion's content and stamps references to the files it will be written to; when the queue is
     * full, or the hook is closed, drops it, counts it and stamps nothing.
     */
    @Override
    public void onCompletion(Completion completion) {
        if (uploader != null) {
            uploader.completed(completion);
        }
    }

    /**
     * Waits until every upload accepted so far is written (or has failed, logged and counted), at most
     * {@code timeout}.
     *
     * @return true when the queue drained in time
     */
    @Override
    public boolean flush(Duration timeout) {
        return uploader == null || uploader.flush(timeout);
    }

    /**
     * Flushes (up to 10 seconds), then stops the worker thread once the queue is empty, and closes the file system
     * if this hook opened it (a {@code jar:} URI of a zip file not open before). Later completions are dropped and
     * counted with {@code error.type=closed}.
     */
    @Override
    public void close() {
        if (uploader != null) {
            uploader.close();
        }
    }

    /** The SHA-256 of the text's UTF-8 bytes in lower-case hex, as in the content-addressed file names. */
    static String sha256(String text) {
        return ContentUploader.sha256(text);
    }

    /** Builds an {@link UploadCompletionHook}. Not thread-safe. */
    public static final class Builder {
        private final Path basePath;
        private Format format = Format.JSON;
        private int maxQueueSize = DEFAULT_MAX_QUEUE_SIZE;
        private OpenTelemetry openTelemetry = OpenTelemetry.noop();
        private Runnable beforeUpload = () -> {};
        private FileSystem ownedFileSystem;

        private Builder(Path basePath) {
            this.basePath = basePath;
        }

        /** The file format; {@link Format#JSON} by default. */
        public Builder setFormat(Format value) {
            format = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * The inferences waiting to be written, at least 1; {@value UploadCompletionHook#DEFAULT_MAX_QUEUE_SIZE} by
         * default.
         */
        public Builder setMaxQueueSize(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxQueueSize must be >= 1: " + value);
            }
            maxQueueSize = value;
            return this;
        }

        /** Where {@code gen_ai.upload.dropped} is recorded; a no-op instance by default. */
        public Builder setOpenTelemetry(OpenTelemetry value) {
            openTelemetry = Objects.requireNonNull(value, "value");
            return this;
        }

        /** Runs on the worker before each upload; for tests that need to hold the worker. */
        Builder beforeUpload(Runnable value) {
            beforeUpload = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * The hook, with its worker thread started. The base path is probed first (a small file written and deleted):
         * when that fails, one error is logged and the hook returned is disabled
         * ({@link UploadCompletionHook#isEnabled()}).
         */
        public UploadCompletionHook build() {
            return new UploadCompletionHook(basePath, format, ContentUploader.start(basePath, format, maxQueueSize,
                    openTelemetry, ownedFileSystem, beforeUpload));
        }
    }
}

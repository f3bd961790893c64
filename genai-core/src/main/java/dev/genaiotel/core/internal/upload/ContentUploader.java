package dev.genaiotel.core.internal.upload;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_INPUT_MESSAGES_REF;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_MESSAGES_REF;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_SYSTEM_INSTRUCTIONS_REF;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_DEFINITIONS_REF;

import dev.genaiotel.core.CompletionHook;
import dev.genaiotel.core.UploadCompletionHook;
import dev.genaiotel.core.UploadCompletionHook.Format;
import dev.genaiotel.semconv.message.ContentEncoder;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import dev.genaiotel.semconv.message.ToolDefinition;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The working part of an enabled {@link UploadCompletionHook}: turns a completion into an {@link Upload} with its
 * paths ({@link UploadLayout}, {@link DigestCache}), queues it ({@link UploadWorker}), stamps references only when it
 * was accepted, and writes it on the worker thread ({@link UploadWriter}); whatever is not uploaded is counted
 * ({@link DroppedUploads}).
 */
public final class ContentUploader {

    /** The worker thread's name. */
    public static final String THREAD_NAME = "genai-otel-upload";

    private static final Logger LOGGER = Logger.getLogger(UploadCompletionHook.class.getName());
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final Path base;
    private final Format format;
    private final FileSystem ownedFileSystem;
    private final Runnable beforeUpload;
    private final UploadLayout layout;
    private final DigestCache digests = new DigestCache();
    private final UploadWriter writer;
    private final DroppedUploads dropped;
    private final UploadWorker<Upload> worker;

    private ContentUploader(Path base, Format format, int maxQueueSize, OpenTelemetry openTelemetry,
            FileSystem ownedFileSystem, Runnable beforeUpload) {
        this.base = base;
        this.format = format;
        this.ownedFileSystem = ownedFileSystem;
        this.beforeUpload = beforeUpload;
        this.layout = new UploadLayout(base, format);
        this.writer = new UploadWriter(base);
        this.dropped = new DroppedUploads(openTelemetry);
        this.worker = new UploadWorker<>(maxQueueSize, THREAD_NAME, this::upload);
    }

    /**
     * An uploader with its worker started, or null (after one logged error, and with {@code ownedFileSystem} closed)
     * when {@code base} cannot be written.
     *
     * @param ownedFileSystem a file system this uploader closes when it is closed; null for none
     * @param beforeUpload runs on the worker before each upload
     */
    public static ContentUploader start(Path base, Format format, int maxQueueSize, OpenTelemetry openTelemetry,
            FileSystem ownedFileSystem, Runnable beforeUpload) {
        if (!UploadWriter.probe(base)) {
            closeQuietly(ownedFileSystem);
            return null;
        }
        ContentUploader uploader = new ContentUploader(base, format, maxQueueSize, openTelemetry, ownedFileSystem,
                beforeUpload);
        uploader.worker.start();
        return uploader;
    }

    /** The SHA-256 of the text's UTF-8 bytes in lower-case hex, as in content-addressed file names. */
    public static String sha256(String text) {
        return DigestCache.sha256(text);
    }

    /** Queues the completion's content and stamps references, or counts it as dropped and stamps nothing. */
    public void completed(CompletionHook.Completion completion) {
        List<MessagePart> system = completion.systemInstructions();
        List<InputMessage> input = completion.inputMessages();
        List<OutputMessage> output = completion.outputMessages();
        List<ToolDefinition> tools = completion.toolDefinitions();
        if (system.isEmpty() && input.isEmpty() && output.isEmpty() && tools.isEmpty()) {
            return;
        }
        if (worker.isClosed()) {
            dropped.closed();
            return;
        }
        boolean details = completion.toolDefinitionDetails();
        Span span = completion.span();
        String inference = input.isEmpty() && output.isEmpty() ? null : layout.inference(span.getSpanContext());
        DigestCache.Encoded systemDigest = system.isEmpty() ? null
                : digests.digest(system, () -> ContentEncoder.systemInstructionsJson(system));
        DigestCache.Encoded toolsDigest = tools.isEmpty() ? null
                : digests.digest(new ToolsKey(tools, details),
                        () -> ContentEncoder.toolDefinitionsJson(tools, details));
        Upload upload = new Upload(
                input.isEmpty() ? null : layout.inputs(inference), input,
                output.isEmpty() ? null : layout.outputs(inference), output,
                systemDigest == null ? null : layout.systemInstructions(systemDigest.digest()), system,
                systemDigest == null ? null : systemDigest.json(),
                toolsDigest == null ? null : layout.toolDefinitions(toolsDigest.digest()), tools, details,
                toolsDigest == null ? null : toolsDigest.json());
        switch (worker.offer(upload)) {
            case ACCEPTED -> {
                AttributesBuilder event = completion.eventAttributes();
                stamp(span, event, GEN_AI_INPUT_MESSAGES_REF, upload.inputsPath());
                stamp(span, event, GEN_AI_OUTPUT_MESSAGES_REF, upload.outputsPath());
                stamp(span, event, GEN_AI_SYSTEM_INSTRUCTIONS_REF, upload.systemPath());
                stamp(span, event, GEN_AI_TOOL_DEFINITIONS_REF, upload.toolsPath());
            }
            case FULL -> dropped.queueFull(worker.remainingCapacity());
            case CLOSED -> dropped.closed();
        }
    }

    /** Waits until every accepted upload is written (or failed, logged and counted), at most {@code timeout}. */
    public boolean flush(Duration timeout) {
        return worker.flush(timeout);
    }

    /**
     * Flushes, refuses later completions, and waits for the worker to write what was accepted meanwhile, all within
     * 10 seconds; then closes the owned file system.
     */
    public void close() {
        if (worker.isClosed()) {
            return;
        }
        long deadline = System.nanoTime() + CLOSE_TIMEOUT.toNanos();
        flush(CLOSE_TIMEOUT);
        if (!worker.close()) {
            return;
        }
        try {
            worker.join(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (ownedFileSystem != null) {
                ownedFileSystem.close();
            }
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.SEVERE, "The GenAI upload file system " + UploadLayout.describe(base)
                    + " could not be closed; uploads written to it may be lost", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stamp(Span span, AttributesBuilder event, AttributeKey<String> key, String relative) {
        if (relative == null) {
            return;
        }
        String reference = layout.reference(relative);
        span.setAttribute(key, reference);
        event.put(key, reference);
    }

    /** Runs on the worker thread. */
    private void upload(Upload upload) {
        try {
            beforeUpload.run();
            boolean ok = true;
            if (upload.inputsPath() != null) {
                ok &= writer.write(upload.inputsPath(), false, () -> upload.inputsContent(format));
            }
            if (upload.outputsPath() != null) {
                ok &= writer.write(upload.outputsPath(), false, () -> upload.outputsContent(format));
            }
            if (upload.systemPath() != null) {
                ok &= writer.write(upload.systemPath(), true, () -> upload.systemContent(format));
            }
            if (upload.toolsPath() != null) {
                ok &= writer.write(upload.toolsPath(), true, () -> upload.toolsContent(format));
            }
            if (!ok) {
                dropped.writeFailed();
            }
        } catch (RuntimeException | LinkageError failure) {
            writer.logOnce(failure, base);
            dropped.writeFailed();
        }
    }

    private static void closeQuietly(FileSystem fileSystem) {
        if (fileSystem == null) {
            return;
        }
        try {
            fileSystem.close();
        } catch (IOException | RuntimeException e) {
            // already reported as unwritable
        }
    }

    private record ToolsKey(List<ToolDefinition> tools, boolean details) {}
}

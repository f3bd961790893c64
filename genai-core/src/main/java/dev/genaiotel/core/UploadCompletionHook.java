package dev.genaiotel.core;

import static dev.genaiotel.semconv.GenAiAttributes.ERROR_TYPE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_INPUT_MESSAGES_REF;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_MESSAGES_REF;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_SYSTEM_INSTRUCTIONS_REF;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_DEFINITIONS_REF;

import dev.genaiotel.core.internal.Engine;
import dev.genaiotel.semconv.GenAiMetrics;
import dev.genaiotel.semconv.GenAiSchema;
import dev.genaiotel.semconv.message.ContentEncoder;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import dev.genaiotel.semconv.message.ToolDefinition;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
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
 *       <td>a directory, or the URI of any installed NIO file system ({@code file:}, {@code jar:}, ...); required</td>
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
 * {@code .jsonl} in that format. Every file is written to a temporary file in its directory and then moved into place,
 * so a reader never sees half a file. Empty lists are not written and get no reference.
 *
 * <p>The calling thread only queues the (immutable) message lists; JSON encoding and file I/O happen on the worker
 * thread {@code genai-otel-upload}. The exception is the digest of system instructions and tool definitions, which the
 * reference needs before the span ends: computed on the calling thread the first time a content is seen, then cached.
 *
 * <p>Failures never reach the application. A base path that cannot be written when the hook is built is logged once
 * as an error and disables the hook. A full queue drops the inference's upload: it is counted on
 * {@code gen_ai.upload.dropped} with {@code error.type=queue_full}, logged once, and gets no references. A file that
 * cannot be written (disk full, permission gone) is retried once, then logged once per cause and counted with
 * {@code error.type=write_failed}.
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

    static final String BASE_PATH = "otel.instrumentation.genai.upload-base-path";
    static final String FORMAT = "otel.instrumentation.genai.upload-format";
    static final String MAX_QUEUE_SIZE = "otel.instrumentation.genai.upload-max-queue-size";

    private static final Logger LOGGER = Logger.getLogger(UploadCompletionHook.class.getName());
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 100;
    private static final int MAX_CACHED = 1024;
    private static final int MAX_LOGGED_CAUSES = 64;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

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
    private final FileSystem ownedFileSystem;
    private final String baseUri;
    private final Format format;
    private final LongCounter dropped;
    private final BlockingQueue<Upload> queue;
    private final Runnable beforeUpload;
    private final Thread worker;
    private final Map<Object, String> digests = new DigestCache();
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private final Set<String> loggedCauses = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean queueFullLogged = new AtomicBoolean();
    private final AtomicBoolean closedLogged = new AtomicBoolean();
    private final Object lock = new Object();
    private int pending;
    private volatile boolean closed;

    private UploadCompletionHook(Builder builder, boolean enabled) {
        this.base = builder.basePath;
        this.ownedFileSystem = builder.ownedFileSystem;
        this.format = builder.format;
        this.beforeUpload = builder.beforeUpload;
        this.dropped = builder.openTelemetry.getMeterProvider()
                .meterBuilder(GenAiSchema.INSTRUMENTATION_SCOPE)
                .setSchemaUrl(GenAiSchema.SCHEMA_URL)
                .setInstrumentationVersion(Engine.version())
                .build()
                .counterBuilder(GenAiMetrics.GEN_AI_UPLOAD_DROPPED.name())
                .setUnit(GenAiMetrics.GEN_AI_UPLOAD_DROPPED.unit())
                .setDescription(GenAiMetrics.GEN_AI_UPLOAD_DROPPED.description())
                .build();
        if (enabled) {
            String uri = base.toUri().toString();
            this.baseUri = uri.endsWith("/") ? uri : uri + '/';
            this.queue = new ArrayBlockingQueue<>(builder.maxQueueSize);
            this.worker = new Thread(this::work, "genai-otel-upload");
            worker.setDaemon(true);
        } else {
            this.baseUri = null;
            this.queue = null;
            this.worker = null;
        }
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
        String raw = context.property(BASE_PATH);
        FileSystem[] opened = new FileSystem[1];
        Path basePath = raw == null ? null : parseBasePath(raw.trim(), opened);
        if (basePath == null) {
            if (raw == null) {
                LOGGER.log(Level.WARNING, "The GenAI upload completion hook is selected but {0} is not set; it is"
                        + " disabled", GenAiSettings.environmentName(BASE_PATH));
            }
            return new UploadCompletionHook(new Builder(Path.of("")).setOpenTelemetry(context.openTelemetry()),
                    false);
        }
        Builder builder = builder(basePath).setOpenTelemetry(context.openTelemetry());
        builder.ownedFileSystem = opened[0];
        String formatRaw = context.property(FORMAT);
        if (formatRaw != null) {
            String value = formatRaw.trim().toLowerCase(Locale.ROOT);
            if (value.equals("jsonl")) {
                builder.setFormat(Format.JSONL);
            } else if (!value.equals("json")) {
                GenAiSettings.warnInvalid(origin(FORMAT), formatRaw, "json");
            }
        }
        String sizeRaw = context.property(MAX_QUEUE_SIZE);
        if (sizeRaw != null) {
            int size = 0;
            try {
                size = Integer.parseInt(sizeRaw.trim());
            } catch (NumberFormatException e) {
                size = 0;
            }
            if (size >= 1) {
                builder.setMaxQueueSize(size);
            } else {
                GenAiSettings.warnInvalid(origin(MAX_QUEUE_SIZE), sizeRaw,
                        String.valueOf(DEFAULT_MAX_QUEUE_SIZE));
            }
        }
        return builder.build();
    }

    private static String origin(String property) {
        return property + " / " + GenAiSettings.environmentName(property);
    }

    /** The path named by a path or URI; a URI's file system is opened (into {@code opened}) when it is not open. */
    private static Path parseBasePath(String raw, FileSystem[] opened) {
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
        } catch (IllegalArgumentException | FileSystemNotFoundException | IOException | SecurityException e) {
            LOGGER.log(Level.SEVERE, "The GenAI upload base path ''" + raw + "'' is neither a path nor the URI of an"
                    + " installed file system; the upload completion hook is disabled", e);
            return null;
        }
    }

    /** True when the base path was writable at start-up, so completions are uploaded. */
    public boolean isEnabled() {
        return worker != null;
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
     * full, drops it, counts it and stamps nothing.
     */
    @Override
    public void onCompletion(Completion completion) {
        if (worker == null) {
            return;
        }
        List<MessagePart> system = completion.systemInstructions();
        List<InputMessage> input = completion.inputMessages();
        List<OutputMessage> output = completion.outputMessages();
        List<ToolDefinition> tools = completion.toolDefinitions();
        if (system.isEmpty() && input.isEmpty() && output.isEmpty() && tools.isEmpty()) {
            return;
        }
        if (closed) {
            drop(CLOSED);
            if (closedLogged.compareAndSet(false, true)) {
                LOGGER.log(Level.WARNING, "GenAI content upload after close() is dropped and counted on "
                        + GenAiMetrics.GEN_AI_UPLOAD_DROPPED.name() + "; this is not logged again");
            }
            return;
        }
        boolean details = completion.toolDefinitionDetails();
        Span span = completion.span();
        String ext = "." + format.extension();
        String directory = null;
        if (!input.isEmpty() || !output.isEmpty()) {
            SpanContext spanContext = span.getSpanContext();
            LocalDate day = LocalDate.now(ZoneOffset.UTC);
            directory = day.getYear() + "/" + twoDigits(day.getMonthValue()) + '/' + twoDigits(day.getDayOfMonth())
                    + '/' + (spanContext.isValid() ? spanContext.getTraceId() : randomHex(16)) + '/'
                    + (spanContext.isValid() ? spanContext.getSpanId() : randomHex(8));
        }
        Encoded systemDigest = system.isEmpty() ? null
                : digest(system, () -> ContentEncoder.systemInstructionsJson(system));
        Encoded toolsDigest = tools.isEmpty() ? null
                : digest(new ToolsKey(tools, details), () -> ContentEncoder.toolDefinitionsJson(tools, details));
        Upload upload = new Upload(
                input.isEmpty() ? null : directory + "_inputs" + ext, input,
                output.isEmpty() ? null : directory + "_outputs" + ext, output,
                systemDigest == null ? null : "system_instructions/" + systemDigest.digest + ext, system,
                systemDigest == null ? null : systemDigest.json,
                toolsDigest == null ? null : "tool_definitions/" + toolsDigest.digest + ext, tools, details,
                toolsDigest == null ? null : toolsDigest.json);
        if (!accept(upload)) {
            drop(QUEUE_FULL);
            if (queueFullLogged.compareAndSet(false, true)) {
                LOGGER.log(Level.WARNING, "The GenAI content upload queue is full (" + queue.remainingCapacity()
                        + " free); uploads are dropped, without references, and counted on "
                        + GenAiMetrics.GEN_AI_UPLOAD_DROPPED.name() + " (error.type=" + QUEUE_FULL
                        + "); this is not logged again");
            }
            return;
        }
        AttributesBuilder event = completion.eventAttributes();
        stamp(span, event, GEN_AI_INPUT_MESSAGES_REF, upload.inputs);
        stamp(span, event, GEN_AI_OUTPUT_MESSAGES_REF, upload.outputs);
        stamp(span, event, GEN_AI_SYSTEM_INSTRUCTIONS_REF, upload.systemPath);
        stamp(span, event, GEN_AI_TOOL_DEFINITIONS_REF, upload.toolsPath);
    }

    private void stamp(Span span, AttributesBuilder event, AttributeKey<String> key, String relative) {
        if (relative == null) {
            return;
        }
        String reference = baseUri + relative;
        span.setAttribute(key, reference);
        event.put(key, reference);
    }

    private boolean accept(Upload upload) {
        synchronized (lock) {
            pending++;
        }
        if (queue.offer(upload)) {
            return true;
        }
        done();
        return false;
    }

    private void done() {
        synchronized (lock) {
            pending--;
            lock.notifyAll();
        }
    }

    private void drop(String reason) {
        dropped.add(1, Attributes.of(ERROR_TYPE, reason));
    }

    /**
     * Waits until every upload accepted so far is written (or has failed, logged and counted), at most
     * {@code timeout}.
     *
     * @return true when the queue drained in time
     */
    @Override
    public boolean flush(Duration timeout) {
        if (worker == null) {
            return true;
        }
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        synchronized (lock) {
            while (pending > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Flushes (up to 10 seconds), then stops the worker thread once the queue is empty, and closes the file system
     * if this hook opened it (a {@code jar:} URI of a zip file not open before). Later completions are dropped and
     * counted with {@code error.type=closed}.
     */
    @Override
    public void close() {
        if (worker == null || closed) {
            return;
        }
        flush(CLOSE_TIMEOUT);
        closed = true;
        if (ownedFileSystem != null) {
            try {
                worker.join(CLOSE_TIMEOUT.toMillis());
                ownedFileSystem.close();
            } catch (IOException | RuntimeException e) {
                LOGGER.log(Level.SEVERE, "The GenAI upload file system " + base.toUri() + " could not be closed;"
                        + " uploads written to it may be lost", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void work() {
        while (true) {
            Upload upload;
            try {
                upload = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                upload = null;
            }
            if (upload == null) {
                if (closed && queue.isEmpty()) {
                    return;
                }
                continue;
            }
            try {
                beforeUpload.run();
                if (!write(upload)) {
                    drop(WRITE_FAILED);
                }
            } catch (RuntimeException | LinkageError failure) {
                logOnce(failure, base);
                drop(WRITE_FAILED);
            } finally {
                done();
            }
        }
    }

    private boolean write(Upload upload) {
        boolean ok = true;
        if (upload.inputs != null) {
            ok &= write(upload.inputs, false, () -> encode(upload.input, ContentEncoder::inputMessagesJson, null));
        }
        if (upload.outputs != null) {
            ok &= write(upload.outputs, false, () -> encode(upload.output, ContentEncoder::outputMessagesJson, null));
        }
        if (upload.systemPath != null) {
            ok &= write(upload.systemPath, true,
                    () -> encode(upload.system, ContentEncoder::systemInstructionsJson, upload.systemJson));
        }
        if (upload.toolsPath != null) {
            ok &= write(upload.toolsPath, true, () -> encode(upload.tools,
                    list -> ContentEncoder.toolDefinitionsJson(list, upload.details), upload.toolsJson));
        }
        return ok;
    }

    /** Writes one file, retrying once; false (logged) when both attempts failed. */
    private boolean write(String relative, boolean onlyIfAbsent, Supplier<String> content) {
        if (onlyIfAbsent && written.contains(relative)) {
            return true;
        }
        Path target = base.resolve(relative);
        for (int attempt = 1; ; attempt++) {
            try {
                if (!onlyIfAbsent || !Files.exists(target)) {
                    writeAtomically(target, content.get().getBytes(StandardCharsets.UTF_8));
                }
                if (onlyIfAbsent) {
                    if (written.size() >= MAX_CACHED) {
                        written.clear();
                    }
                    written.add(relative);
                }
                return true;
            } catch (IOException | RuntimeException failure) {
                if (attempt >= 2) {
                    logOnce(failure, target);
                    return false;
                }
            }
        }
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path directory = target.getParent();
        if (directory != null) {
            Files.createDirectories(directory);
        }
        Path temporary = target.resolveSibling("." + target.getFileName() + '.' + UUID.randomUUID() + ".tmp");
        try {
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | UnsupportedOperationException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException | RuntimeException e) {
                // the temporary file is left behind; the upload itself succeeded or failed above
            }
        }
    }

    private void logOnce(Throwable failure, Path target) {
        String cause = failure.getClass().getName();
        if (loggedCauses.size() < MAX_LOGGED_CAUSES && loggedCauses.add(cause)) {
            LOGGER.log(Level.SEVERE, "GenAI content upload to " + target + " failed twice; it is dropped and counted"
                    + " on " + GenAiMetrics.GEN_AI_UPLOAD_DROPPED.name() + " (error.type=" + WRITE_FAILED
                    + "); this cause is not logged again", failure);
        }
    }

    private <T> String encode(List<T> items, Function<List<T>, String> encoder, String known) {
        if (format == Format.JSON) {
            return (known != null ? known : encoder.apply(items)) + '\n';
        }
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            String array = encoder.apply(List.of(items.get(i)));
            String element = array.substring(1, array.length() - 1);
            if (element.startsWith("{") && element.endsWith("}")) {
                lines.append(element, 0, element.length() - 1);
                if (element.length() > 2) {
                    lines.append(',');
                }
                lines.append("\"index\":").append(i).append('}');
            } else {
                lines.append("{\"index\":").append(i).append(",\"value\":").append(element).append('}');
            }
            lines.append('\n');
        }
        return lines.toString();
    }

    private Encoded digest(Object key, Supplier<String> json) {
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

    /** The digests of the latest distinct contents, least recently used out first. */
    private static final class DigestCache extends LinkedHashMap<Object, String> {
        private static final long serialVersionUID = 1L;

        DigestCache() {
            super(16, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, String> eldest) {
            return size() > MAX_CACHED;
        }
    }

    private record Encoded(String digest, String json) {}

    private record ToolsKey(List<ToolDefinition> tools, boolean details) {}

    private record Upload(String inputs, List<InputMessage> input, String outputs, List<OutputMessage> output,
            String systemPath, List<MessagePart> system, String systemJson, String toolsPath,
            List<ToolDefinition> tools, boolean details, String toolsJson) {}

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
         * The hook, with its worker thread started. The base path is probed first (created, a small file written and
         * deleted): when that fails, one error is logged and the hook returned is disabled
         * ({@link UploadCompletionHook#isEnabled()}).
         */
        public UploadCompletionHook build() {
            boolean writable = probe(basePath);
            if (!writable && ownedFileSystem != null) {
                try {
                    ownedFileSystem.close();
                } catch (IOException | RuntimeException e) {
                    // already reported as unwritable
                }
            }
            UploadCompletionHook hook = new UploadCompletionHook(this, writable);
            if (hook.worker != null) {
                hook.worker.start();
            }
            return hook;
        }

        private static boolean probe(Path basePath) {
            try {
                Files.createDirectories(basePath);
                Path probe = basePath.resolve(".genai-otel-upload-probe-" + UUID.randomUUID());
                Files.write(probe, new byte[] {'\n'});
                try {
                    Files.delete(probe);
                } catch (IOException | RuntimeException e) {
                    // writing is what uploads need; deleting is not
                }
                return true;
            } catch (IOException | RuntimeException e) {
                LOGGER.log(Level.SEVERE, "The GenAI upload base path " + basePath + " cannot be written ("
                        + e + "); the upload completion hook is disabled and no content is uploaded", e);
                return false;
            }
        }
    }
}

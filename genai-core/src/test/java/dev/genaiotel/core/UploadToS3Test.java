package dev.genaiotel.core;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_INPUT_MESSAGES_REF;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OUTPUT_MESSAGES_REF;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_SYSTEM_INSTRUCTIONS_REF;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_TOOL_DEFINITIONS_REF;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.semconv.message.ContentEncoder;
import dev.genaiotel.semconv.message.InputMessage;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The upload hook on {@code s3://} and {@code s3x://} bases, through the NIO provider aws-java-nio-spi-for-s3,
 * against s3proxy: a real S3 API server (jclouds' in-memory store behind it) started here, on the loopback address.
 */
class UploadToS3Test {

    static final String ACCESS_KEY = "AKIAGENAIOTELUPLOAD7";
    static final String SECRET_KEY = "GenAiOtelUploadSecret0123456789abcdefXYZ";

    /** The default credential chain, the endpoint and the client options the provider's S3 client reads. */
    static final Map<String, String> CLIENT_PROPERTIES = Map.of(
            "aws.accessKeyId", ACCESS_KEY,
            "aws.secretAccessKey", SECRET_KEY,
            "aws.region", "us-east-1",
            // s3proxy 2.6 verifies neither trailing checksums nor virtual-host bucket names on 127.0.0.1
            "aws.requestChecksumCalculation", "when_required",
            "aws.responseChecksumValidation", "when_required",
            "s3.spi.force-path-style", "true",
            "s3.spi.endpoint-protocol", "http");

    static final Map<String, String> savedProperties = new HashMap<>();
    static final List<String> writes = Collections.synchronizedList(new ArrayList<>());
    static BlobStoreContext blobs;
    static BlobStore store;
    static S3Proxy server;

    final TelemetryFixture fixture = new TelemetryFixture();
    final String bucket = "genai-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void startServer() throws Exception {
        blobs = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                .build(BlobStoreContext.class);
        store = recordingWrites(blobs.getBlobStore());
        server = S3Proxy.builder().blobStore(store).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .ignoreUnknownHeaders(true).build();
        server.start();
        for (int i = 0; i < 500 && !"STARTED".equals(server.getState()); i++) {
            Thread.sleep(10);
        }
        Map<String, String> properties = new HashMap<>(CLIENT_PROPERTIES);
        properties.put("aws.endpointUrl", "http://127.0.0.1:" + server.getPort());
        properties.forEach((key, value) -> {
            savedProperties.put(key, System.getProperty(key));
            System.setProperty(key, value);
        });
    }

    @AfterAll
    static void stopServer() throws Exception {
        savedProperties.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
        server.stop();
        blobs.close();
    }

    @BeforeEach
    void createBucket() {
        store.createContainerInLocation(null, bucket);
    }

    /** The store, recording every call that creates, copies or removes an object, as "method key". */
    static BlobStore recordingWrites(BlobStore target) {
        Set<String> recorded = Set.of("putBlob", "copyBlob", "removeBlob", "initiateMultipartUpload");
        return (BlobStore) Proxy.newProxyInstance(BlobStore.class.getClassLoader(), new Class<?>[] {BlobStore.class},
                (proxy, method, args) -> {
                    if (recorded.contains(method.getName())) {
                        Object key = args[1] instanceof Blob blob ? blob.getMetadata().getName() : args[1];
                        writes.add(method.getName() + " " + args[0] + "/" + key);
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    GenAiTelemetry telemetry(String basePath, String format) {
        return fixture.builder(Map.of(
                "otel.instrumentation.genai.completion-hook", "upload",
                "otel.instrumentation.genai.upload-base-path", basePath,
                "otel.instrumentation.genai.upload-format", format), Map.of()).setEmitEvent(true).build();
    }

    static InferenceRequest request(int i) {
        return CompletionHookTest.request().toBuilder()
                .inputMessages(List.of(InputMessage.text("user", "question " + i))).build();
    }

    String read(String key) throws IOException {
        Blob blob = store.getBlob(bucket, key);
        assertThat(blob).as(key).isNotNull();
        try (InputStream in = blob.getPayload().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    Set<String> objects() {
        Set<String> keys = new HashSet<>();
        for (StorageMetadata metadata : store.list(bucket, ListContainerOptions.Builder.recursive())) {
            keys.add(metadata.getName());
        }
        return keys;
    }

    /** The object key a reference under {@code s3://<bucket>/} names. */
    String keyOf(String reference) {
        String prefix = "s3://" + bucket + "/";
        assertThat(reference).startsWith(prefix);
        return reference.substring(prefix.length());
    }

    List<String> writesTo(String method) {
        List<String> result = new ArrayList<>();
        synchronized (writes) {
            for (String write : writes) {
                if (write.startsWith(method + " " + bucket + "/")) {
                    result.add(write.substring(method.length() + bucket.length() + 2));
                }
            }
        }
        return result;
    }

    @Test
    void everyAcceptedJsonUploadLandsAsOneCompleteObjectWrittenByOnePut() throws IOException {
        GenAiTelemetry telemetry = telemetry("s3://" + bucket + "/genai", "json");
        for (int i = 0; i < 3; i++) {
            telemetry.startInference(request(i)).end(CompletionHookTest.response());
        }
        telemetry.close();

        List<SpanData> spans = fixture.spans.getFinishedSpanItems();
        assertThat(spans).hasSize(3);
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < spans.size(); i++) {
            SpanData span = spans.get(i);
            String inputs = keyOf(span.getAttributes().get(GEN_AI_INPUT_MESSAGES_REF));
            assertThat(inputs).isEqualTo("genai/" + UploadCompletionHookTest.expectedDirectory(span) + "_inputs.json");
            assertThat(read(inputs)).isEqualTo(ContentEncoder.inputMessagesJson(request(i).inputMessages()) + "\n");
            String outputs = keyOf(span.getAttributes().get(GEN_AI_OUTPUT_MESSAGES_REF));
            assertThat(read(outputs)).isEqualTo(
                    ContentEncoder.outputMessagesJson(CompletionHookTest.response().outputMessages()) + "\n");
            String system = keyOf(span.getAttributes().get(GEN_AI_SYSTEM_INSTRUCTIONS_REF));
            String systemJson = ContentEncoder.systemInstructionsJson(request(i).systemInstructions());
            assertThat(system).isEqualTo("genai/system_instructions/" + UploadCompletionHook.sha256(systemJson)
                    + ".json");
            assertThat(read(system)).isEqualTo(systemJson + "\n");
            String tools = keyOf(span.getAttributes().get(GEN_AI_TOOL_DEFINITIONS_REF));
            assertThat(read(tools)).isEqualTo(
                    ContentEncoder.toolDefinitionsJson(request(i).toolDefinitions(), false) + "\n");
            expected.addAll(List.of(inputs, outputs, system, tools));
            assertThat(fixture.events().get(i).getAttributes().get(GEN_AI_INPUT_MESSAGES_REF))
                    .isEqualTo(span.getAttributes().get(GEN_AI_INPUT_MESSAGES_REF));
        }
        assertThat(expected).hasSize(3 * 2 + 2);
        assertThat(objects()).isEqualTo(expected);
        List<String> puts = writesTo("putBlob");
        assertThat(puts).filteredOn(key -> !key.startsWith("genai/.genai-otel-upload-probe-"))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(writesTo("copyBlob")).isEmpty();
        assertThat(writesTo("initiateMultipartUpload")).isEmpty();
        assertThat(writesTo("removeBlob")).allMatch(key -> key.startsWith("genai/.genai-otel-upload-probe-"));
    }

    @Test
    void jsonlUploadsLandOnS3WithOneLinePerMessage() throws IOException {
        GenAiTelemetry telemetry = telemetry("s3://" + bucket + "/genai", "jsonl");
        List<InputMessage> messages = List.of(InputMessage.text("user", "one"), InputMessage.text("user", "two"));
        telemetry.startInference(CompletionHookTest.request().toBuilder().inputMessages(messages).build())
                .end(CompletionHookTest.response());
        telemetry.close();

        String inputs = keyOf(fixture.onlySpan().getAttributes().get(GEN_AI_INPUT_MESSAGES_REF));
        assertThat(inputs).endsWith("_inputs.jsonl");
        assertThat(read(inputs)).isEqualTo(ContentEncoder.inputMessagesJsonLines(messages));
        assertThat(read(inputs).split("\n")).hasSize(2);
        String system = keyOf(fixture.onlySpan().getAttributes().get(GEN_AI_SYSTEM_INSTRUCTIONS_REF));
        assertThat(read(system)).isEqualTo(ContentEncoder.systemInstructionsJsonLines(
                CompletionHookTest.request().systemInstructions()));
    }

    @Test
    void theReadmeSnippetUploadsToS3() throws IOException {
        store.createContainerInLocation(null, "my-bucket");
        OpenTelemetry openTelemetry = fixture.sdk;

        // README.md, "Uploading to S3", as printed there:
        UploadCompletionHook upload = UploadCompletionHook.builder(Path.of(URI.create("s3://my-bucket/genai")))
                .setFormat(UploadCompletionHook.Format.JSONL)
                .setOpenTelemetry(openTelemetry)      // where gen_ai.upload.dropped is counted
                .build();
        GenAiTelemetry telemetry = GenAiTelemetry.builder(openTelemetry).addCompletionHook(upload).build();

        telemetry.startInference(CompletionHookTest.request()).end(CompletionHookTest.response());
        telemetry.close();
        String reference = fixture.onlySpan().getAttributes().get(GEN_AI_OUTPUT_MESSAGES_REF);
        assertThat(reference).startsWith("s3://my-bucket/genai/").endsWith("_outputs.jsonl");
        Blob blob = store.getBlob("my-bucket", reference.substring("s3://my-bucket/".length()));
        try (InputStream in = blob.getPayload().openStream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(
                    ContentEncoder.outputMessagesJsonLines(CompletionHookTest.response().outputMessages()));
        }
    }

    @Test
    void s3CredentialsReachNoSpanMetricEventOrLog() throws IOException {
        String endpoint = "127.0.0.1:" + server.getPort();
        String withCredentials = "s3x://" + ACCESS_KEY + ":" + SECRET_KEY + "@" + endpoint;
        List<LogRecord> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (logged) {
                    logged.add(record);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        try {
            for (String base : List.of(withCredentials + "/" + bucket + "/genai", "s3://" + bucket + "/plain",
                    withCredentials + "/no-such-bucket-" + bucket + "/genai", withCredentials)) {
                GenAiTelemetry telemetry = telemetry(base, "json");
                telemetry.startInference(CompletionHookTest.request()).end(CompletionHookTest.response());
                telemetry.close();
            }
        } finally {
            root.removeHandler(handler);
        }

        List<SpanData> spans = fixture.spans.getFinishedSpanItems();
        assertThat(spans).hasSize(4);
        String reference = spans.get(0).getAttributes().get(GEN_AI_INPUT_MESSAGES_REF);
        assertThat(reference).startsWith("s3x://" + endpoint + "/" + bucket + "/genai/");
        assertThat(objects()).contains("genai/" + UploadCompletionHookTest.expectedDirectory(spans.get(0))
                + "_inputs.json");
        assertThat(spans.get(1).getAttributes().get(GEN_AI_INPUT_MESSAGES_REF)).startsWith("s3://" + bucket + "/");
        for (AttributeKey<String> key : UploadCompletionHookTest.REFS) {
            assertThat(spans.get(2).getAttributes().get(key)).isNull();
            assertThat(spans.get(3).getAttributes().get(key)).isNull();
        }
        assertThat(logged).filteredOn(r -> r.getLevel() == Level.SEVERE).hasSizeGreaterThanOrEqualTo(2);
        StringBuilder output = new StringBuilder();
        spans.forEach(span -> output.append(span).append('\n'));
        fixture.events().forEach(event -> output.append(event).append('\n'));
        fixture.allMetrics().forEach(metric -> output.append(metric).append('\n'));
        SimpleFormatter formatter = new SimpleFormatter();
        for (LogRecord record : logged) {
            output.append(formatter.format(record));
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                output.append(trace);
            }
        }
        assertThat(output.toString()).contains("gen_ai.input.messages_ref").doesNotContain(ACCESS_KEY)
                .doesNotContain(SECRET_KEY);
    }
}

package dev.genaiotel.benchmarks.peers;

import dev.genaiotel.bedrock.BedrockTelemetry;
import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.Inference;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.TokenUsage;
import io.opentelemetry.instrumentation.awssdk.v2_2.AwsSdkTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;


/**
 * Bedrock Converse through the sync {@link BedrockRuntimeClient} (request marshalling, SigV4 signing, endpoint
 * resolution, JSON unmarshalling) against an in-memory {@link SdkHttpClient} that reads the request body and answers
 * with a recorded-shape Converse response, so no socket is involved. Variants: the raw client, the OpenTelemetry
 * Java instrumentation's AWS SDK library interceptor ({@code opentelemetry-aws-sdk-2.2}, "peer") with GenAI message
 * capture off and on, and ours ({@code BedrockTelemetry...newExecutionInterceptor()}) with content off,
 * {@code SPAN_AND_EVENT} and {@code EVENT_ONLY}. Each variant is its own client with its own interceptor, all
 * recording into one {@link PeerSdk} on the OpenTelemetry 1.65 line the peer needs. Added cost per call:
 * {@code x - rawConverse}. Two more variants split our content-off cost inside the real client:
 * {@code noopInterceptorConverse}, a client with an interceptor that does nothing (the SDK's own cost of calling one
 * more interceptor's hooks), and {@code coreOnlyConverse}, an interceptor that does only genai-core's part (start a
 * prebuilt inference in {@code beforeExecution}, end it with a prebuilt response in {@code afterExecution}), so that
 * ours minus it is what provider-bedrock adds around the core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BedrockPeerBenchmark {

    static final String MODEL = "anthropic.claude-3-haiku-20240307-v1:0";

    private static final byte[] CONVERSE = ("{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":"
            + "\"The sky is blue because of Rayleigh scattering.\"}]}},\"stopReason\":\"end_turn\",\"usage\":"
            + "{\"inputTokens\":26,\"outputTokens\":12,\"totalTokens\":38},\"metrics\":{\"latencyMs\":412}}")
            .getBytes(StandardCharsets.UTF_8);

    private OpenTelemetrySdk sdk;
    private ConverseRequest request;
    private BedrockRuntimeClient raw;
    private BedrockRuntimeClient peerNoContent;
    private BedrockRuntimeClient peerContent;
    private BedrockRuntimeClient oursNoContent;
    private BedrockRuntimeClient oursSpanAndEvent;
    private BedrockRuntimeClient oursEventOnly;
    private BedrockRuntimeClient noopInterceptor;
    private BedrockRuntimeClient coreOnly;

    @Setup(Level.Trial)
    public void setUp() {
        sdk = PeerSdk.discarding();
        request = ConverseRequest.builder()
                .modelId(MODEL)
                .system(SystemContentBlock.fromText("You are a helpful assistant."))
                .messages(Message.builder().role(ConversationRole.USER)
                        .content(ContentBlock.fromText("Why is the sky blue?")).build())
                .inferenceConfig(config -> config.maxTokens(256).temperature(0.2f))
                .build();
        raw = client(null);
        peerNoContent = client(AwsSdkTelemetry.builder(sdk).setGenaiCaptureMessageContent(false).build()
                .createExecutionInterceptor());
        peerContent = client(AwsSdkTelemetry.builder(sdk).setGenaiCaptureMessageContent(true).build()
                .createExecutionInterceptor());
        oursNoContent = client(ours(ContentCapture.NO_CONTENT));
        oursSpanAndEvent = client(ours(ContentCapture.SPAN_AND_EVENT));
        oursEventOnly = client(ours(ContentCapture.EVENT_ONLY));
        noopInterceptor = client(new ExecutionInterceptor() { });
        coreOnly = client(new CoreOnlyInterceptor(telemetry(ContentCapture.NO_CONTENT)));

        PeerSdk.expectNothing("rawConverse", this::rawConverse);
        // The peer emits gen_ai.* log events (without content when capture is off), as its OpenAI library does.
        PeerSdk.expectRecorded("peerConverseNoContent", true, this::peerConverseNoContent);
        PeerSdk.expectRecorded("peerConverseContent", true, this::peerConverseContent);
        PeerSdk.expectRecorded("oursConverseNoContent", false, this::oursConverseNoContent);
        PeerSdk.expectRecorded("oursConverseSpanAndEvent", true, this::oursConverseSpanAndEvent);
        PeerSdk.expectRecorded("oursConverseEventOnly", true, this::oursConverseEventOnly);
        PeerSdk.expectNothing("noopInterceptorConverse", this::noopInterceptorConverse);
        PeerSdk.expectRecorded("coreOnlyConverse", false, this::coreOnlyConverse);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        for (BedrockRuntimeClient client : new BedrockRuntimeClient[] {
                raw, peerNoContent, peerContent, oursNoContent, oursSpanAndEvent, oursEventOnly, noopInterceptor,
                coreOnly}) {
            client.close();
        }
        sdk.close();
    }

    private ExecutionInterceptor ours(ContentCapture capture) {
        return BedrockTelemetry.builder(telemetry(capture)).build().newExecutionInterceptor();
    }

    private GenAiTelemetry telemetry(ContentCapture capture) {
        return GenAiTelemetry.builder(sdk).setServiceLoaderListeners(false)
                .setSettingsSources(name -> null, name -> null)
                .setContentCapture(capture).setEmitEvent(capture != ContentCapture.NO_CONTENT).build();
    }

    private static BedrockRuntimeClient client(ExecutionInterceptor interceptor) {
        return BedrockRuntimeClient.builder()
                .httpClient(new CannedHttpClient(CONVERSE))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDBENCHMARK", "benchmark-secret")))
                .overrideConfiguration(config -> {
                    if (interceptor != null) {
                        config.addExecutionInterceptor(interceptor);
                    }
                })
                .build();
    }

    @Benchmark
    public ConverseResponse rawConverse() {
        return raw.converse(request);
    }

    @Benchmark
    public ConverseResponse peerConverseNoContent() {
        return peerNoContent.converse(request);
    }

    @Benchmark
    public ConverseResponse peerConverseContent() {
        return peerContent.converse(request);
    }

    @Benchmark
    public ConverseResponse oursConverseNoContent() {
        return oursNoContent.converse(request);
    }

    @Benchmark
    public ConverseResponse oursConverseSpanAndEvent() {
        return oursSpanAndEvent.converse(request);
    }

    @Benchmark
    public ConverseResponse oursConverseEventOnly() {
        return oursEventOnly.converse(request);
    }

    @Benchmark
    public ConverseResponse noopInterceptorConverse() {
        return noopInterceptor.converse(request);
    }

    @Benchmark
    public ConverseResponse coreOnlyConverse() {
        return coreOnly.converse(request);
    }

    /**
     * genai-core's part of a Converse call alone: the inference a Converse call describes, prebuilt, started before
     * execution and ended after it with a prebuilt response; no mapping, endpoint or context handling.
     */
    static final class CoreOnlyInterceptor implements ExecutionInterceptor {
        private static final ExecutionAttribute<Inference> INFERENCE = new ExecutionAttribute<>("coreOnlyInference");

        private final GenAiTelemetry telemetry;
        private final InferenceRequest inferenceRequest = InferenceRequest.chat("aws.bedrock", MODEL)
                .server("bedrock-runtime.us-east-1.amazonaws.com", 443L).maxTokens(256L).temperature(0.2).build();
        private final InferenceResponse inferenceResponse = InferenceResponse.builder()
                .responseId("6f2c1a52-2b8e-4d36-9a6e-3b0c8d1e7f10").finishReasons(List.of("stop"))
                .usage(TokenUsage.of(26L, 12L)).build();

        CoreOnlyInterceptor(GenAiTelemetry telemetry) {
            this.telemetry = telemetry;
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            attributes.putAttribute(INFERENCE, telemetry.startInference(inferenceRequest));
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            attributes.getAttribute(INFERENCE).end(inferenceResponse);
        }
    }

    /** Reads the request body as a real client would, and answers 200 with the same body, without I/O. */
    private static final class CannedHttpClient implements SdkHttpClient {
        private final byte[] body;

        CannedHttpClient(byte[] body) {
            this.body = body;
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() throws IOException {
                    if (request.contentStreamProvider().isPresent()) {
                        try (InputStream content = request.contentStreamProvider().get().newStream()) {
                            content.transferTo(OutputStream.nullOutputStream());
                        }
                    }
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(200)
                                    .putHeader("Content-Type", "application/json")
                                    .putHeader("x-amzn-RequestId", "6f2c1a52-2b8e-4d36-9a6e-3b0c8d1e7f10")
                                    .build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                            .build();
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public String clientName() {
            return "Canned";
        }

        @Override
        public void close() {
        }
    }
}

package dev.genaiotel.benchmarks.peers;

import dev.genaiotel.bedrock.BedrockTelemetry;
import dev.genaiotel.core.ContentCapture;
import dev.genaiotel.core.GenAiTelemetry;
import io.opentelemetry.instrumentation.awssdk.v2_2.AwsSdkTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
 * capture off and on, and ours ({@code BedrockTelemetry...newExecutionInterceptor()}) with content off and
 * {@code SPAN_AND_EVENT}. Each variant is its own client with its own interceptor, all recording into one
 * {@link PeerSdk} on the OpenTelemetry 1.65 line the peer needs. Added cost per call: {@code x - rawConverse}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BedrockPeerBenchmark {

    private static final String MODEL = "anthropic.claude-3-haiku-20240307-v1:0";

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

        PeerSdk.expectNothing("rawConverse", this::rawConverse);
        // The peer emits gen_ai.* log events (without content when capture is off), as its OpenAI library does.
        PeerSdk.expectRecorded("peerConverseNoContent", true, this::peerConverseNoContent);
        PeerSdk.expectRecorded("peerConverseContent", true, this::peerConverseContent);
        PeerSdk.expectRecorded("oursConverseNoContent", false, this::oursConverseNoContent);
        PeerSdk.expectRecorded("oursConverseSpanAndEvent", true, this::oursConverseSpanAndEvent);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        for (BedrockRuntimeClient client : new BedrockRuntimeClient[] {
                raw, peerNoContent, peerContent, oursNoContent, oursSpanAndEvent}) {
            client.close();
        }
        sdk.close();
    }

    private ExecutionInterceptor ours(ContentCapture capture) {
        GenAiTelemetry telemetry = GenAiTelemetry.builder(sdk).setServiceLoaderListeners(false)
                .setSettingsSources(name -> null, name -> null)
                .setContentCapture(capture).setEmitEvent(capture != ContentCapture.NO_CONTENT).build();
        return BedrockTelemetry.builder(telemetry).build().newExecutionInterceptor();
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

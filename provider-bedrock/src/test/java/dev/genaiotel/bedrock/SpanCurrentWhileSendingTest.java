package dev.genaiotel.bedrock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.genaiotel.core.ContentCapture;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;

/**
 * While the request of a call is sent, the GenAI span is the current span, so that HTTP client spans (an agent's,
 * a later interceptor's) are its children; after the call the caller's thread has its own context back, on every
 * path. Read where the request leaves: in the HTTP client the SDK calls, and in an interceptor added after ours.
 */
class SpanCurrentWhileSendingTest extends BedrockFixture {

    private final List<SpanContext> seenByHttpClient = new CopyOnWriteArrayList<>();
    private final List<SpanContext> seenByLaterInterceptor = new CopyOnWriteArrayList<>();
    private AutoCloseable client;

    @AfterEach
    void closeClient() throws Exception {
        if (client != null) {
            client.close();
        }
    }

    /** An interceptor added after ours, reading the current span where an HTTP-level one would start its span. */
    private final ExecutionInterceptor laterInterceptor = new ExecutionInterceptor() {
        @Override
        public void beforeTransmission(software.amazon.awssdk.core.interceptor.Context.BeforeTransmission context,
                ExecutionAttributes attributes) {
            seenByLaterInterceptor.add(Span.current().getSpanContext());
        }
    };

    @Test
    void syncConverseIsSentWithItsSpanCurrent() {
        stubJson("converse", 200, ConverseTest.TEXT_RESPONSE);
        BedrockRuntimeClient sync = syncClient(AwsRetryStrategy.doNotRetry(),
                bedrock(ContentCapture.NO_CONTENT).newExecutionInterceptor(), laterInterceptor);

        ConverseResponse response = sync.converse(ConverseTest.simpleRequest());

        assertThat(response.stopReasonAsString()).isEqualTo("end_turn");
        SpanData span = onlySpan();
        assertThat(seenByHttpClient).containsExactly(span.getSpanContext());
        assertThat(seenByLaterInterceptor).containsExactly(span.getSpanContext());
        assertThat(Context.current()).isSameAs(Context.root());
    }

    @Test
    void syncConverseSentInsideAnApplicationSpanRestoresItAfterwards() {
        stubJson("converse", 200, ConverseTest.TEXT_RESPONSE);
        BedrockRuntimeClient sync = syncClient(AwsRetryStrategy.doNotRetry(),
                bedrock(ContentCapture.NO_CONTENT).newExecutionInterceptor());
        Span parent = sdk.getTracer("test").spanBuilder("handle request").startSpan();

        Scope scope = parent.makeCurrent();
        try {
            sync.converse(ConverseTest.simpleRequest());
            assertThat(Span.current()).isSameAs(parent);
        } finally {
            scope.close();
            parent.end();
        }

        SpanData genAi = spans.getFinishedSpanItems().get(0);
        assertThat(genAi.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
        assertThat(seenByHttpClient).containsExactly(genAi.getSpanContext());
        assertThat(Context.current()).isSameAs(Context.root());
    }

    @Test
    void syncServiceErrorLeavesNoScopeBehind() {
        stubError("converse", 429, "ThrottlingException", "Too many requests");
        BedrockRuntimeClient sync = syncClient(AwsRetryStrategy.doNotRetry(),
                bedrock(ContentCapture.NO_CONTENT).newExecutionInterceptor());

        Throwable thrown = catchThrowable(() -> sync.converse(ConverseTest.simpleRequest()));

        assertThat(thrown).hasMessageContaining("Too many requests");
        assertThat(seenByHttpClient).containsExactly(onlySpan().getSpanContext());
        assertThat(Context.current()).isSameAs(Context.root());
    }

    @Test
    void syncAttemptsThatFailWithoutResponseAreEachSentWithTheSpanCurrentAndLeaveNoScope() {
        server.stubFor(post(urlPathMatching("/model/.+/converse")).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("second"));
        server.stubFor(post(urlPathMatching("/model/.+/converse")).inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        RetryStrategy twoAttempts = AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(2).build();
        BedrockRuntimeClient sync = syncClient(twoAttempts,
                bedrock(ContentCapture.NO_CONTENT).newExecutionInterceptor());

        Throwable thrown = catchThrowable(() -> sync.converse(ConverseTest.simpleRequest()));

        assertThat(thrown).isInstanceOf(SdkClientException.class);
        SpanContext genAi = onlySpan().getSpanContext();
        assertThat(seenByHttpClient).containsExactly(genAi, genAi);
        assertThat(Context.current()).isSameAs(Context.root());
    }

    @Test
    void syncScopeUnderAnotherInstrumentationsScopeIsClosedOnceThatOneIs() {
        stubJson("converse", 200, ConverseTest.TEXT_RESPONSE);
        BedrockRuntimeClient sync = syncClient(AwsRetryStrategy.doNotRetry(),
                bedrock(ContentCapture.NO_CONTENT).newExecutionInterceptor(), new ScopeUntilEndInterceptor());

        sync.converse(ConverseTest.simpleRequest());

        assertThat(seenByHttpClient).containsExactly(onlySpan().getSpanContext());
        assertThat(Context.current()).isSameAs(Context.root());
    }

    @Test
    void asyncInterceptorLeavesNoScopeOnTheCallingThread() throws Exception {
        stubJson("converse", 200, ConverseTest.TEXT_RESPONSE);
        BedrockRuntimeAsyncClient async = asyncClient(bedrock(ContentCapture.NO_CONTENT).newExecutionInterceptor());

        CompletableFuture<ConverseResponse> future = async.converse(ConverseTest.simpleRequest());

        assertThat(Context.current()).isSameAs(Context.root());
        future.get(10, TimeUnit.SECONDS);
        awaitOnlySpan();
        assertThat(Context.current()).isSameAs(Context.root());
    }

    @Test
    void wrappedAsyncConverseIsHandedToTheHttpClientWithItsSpanCurrent() throws Exception {
        stubJson("converse", 200, ConverseTest.TEXT_RESPONSE);
        BedrockTelemetry telemetry = bedrock(ContentCapture.NO_CONTENT);
        BedrockRuntimeAsyncClient async = telemetry.wrap(asyncClient(telemetry.newExecutionInterceptor()));

        CompletableFuture<ConverseResponse> future = async.converse(ConverseTest.simpleRequest());

        assertThat(Context.current()).isSameAs(Context.root());
        future.get(10, TimeUnit.SECONDS);
        assertThat(seenByHttpClient).containsExactly(awaitOnlySpan().getSpanContext());
    }

    private BedrockRuntimeClient syncClient(RetryStrategy retries, ExecutionInterceptor... interceptors) {
        BedrockRuntimeClient sync = BedrockRuntimeClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .endpointOverride(endpoint())
                .httpClient(new CapturingHttpClient(Apache5HttpClient.create()))
                .overrideConfiguration(c -> {
                    c.retryStrategy(retries);
                    for (ExecutionInterceptor interceptor : interceptors) {
                        c.addExecutionInterceptor(interceptor);
                    }
                })
                .build();
        client = sync;
        return sync;
    }

    private BedrockRuntimeAsyncClient asyncClient(ExecutionInterceptor interceptor) {
        BedrockRuntimeAsyncClient async = BedrockRuntimeAsyncClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .endpointOverride(endpoint())
                .httpClient(new CapturingAsyncHttpClient(NettyNioAsyncHttpClient.builder()
                        .protocol(Protocol.HTTP1_1).build()))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .addExecutionInterceptor(interceptor))
                .build();
        client = async;
        return async;
    }

    /** The sync HTTP client the SDK sends through, noting the current span when it sends. */
    private final class CapturingHttpClient implements SdkHttpClient {
        private final SdkHttpClient delegate;

        CapturingHttpClient(SdkHttpClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            ExecutableHttpRequest prepared = delegate.prepareRequest(request);
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() throws java.io.IOException {
                    seenByHttpClient.add(Span.current().getSpanContext());
                    return prepared.call();
                }

                @Override
                public void abort() {
                    prepared.abort();
                }
            };
        }

        @Override
        public String clientName() {
            return delegate.clientName();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    /** The async HTTP client the SDK hands the request to, noting the current span when it is handed over. */
    private final class CapturingAsyncHttpClient implements SdkAsyncHttpClient {
        private final SdkAsyncHttpClient delegate;

        CapturingAsyncHttpClient(SdkAsyncHttpClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
            seenByHttpClient.add(Span.current().getSpanContext());
            return delegate.execute(request);
        }

        @Override
        public String clientName() {
            return delegate.clientName();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    /**
     * Another instrumentation, added after ours, that makes a context of its own current in
     * {@code beforeTransmission} (so on top of ours) until {@code afterExecution}: when ours would close in
     * {@code afterTransmission}, it is not the current context, and closing it must wait.
     */
    private static final class ScopeUntilEndInterceptor implements ExecutionInterceptor {
        private static final ExecutionAttribute<Scope> SCOPE = new ExecutionAttribute<>("test.scope");
        private static final io.opentelemetry.context.ContextKey<String> KEY =
                io.opentelemetry.context.ContextKey.named("test.other");

        @Override
        public void beforeTransmission(software.amazon.awssdk.core.interceptor.Context.BeforeTransmission context,
                ExecutionAttributes attributes) {
            attributes.putAttribute(SCOPE, Context.current().with(KEY, "other").makeCurrent());
        }

        @Override
        public void afterExecution(software.amazon.awssdk.core.interceptor.Context.AfterExecution context,
                ExecutionAttributes attributes) {
            attributes.getAttribute(SCOPE).close();
        }
    }
}

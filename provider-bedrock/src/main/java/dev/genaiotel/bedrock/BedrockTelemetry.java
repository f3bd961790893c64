package dev.genaiotel.bedrock;

import dev.genaiotel.bedrock.internal.AgentSupport;
import dev.genaiotel.bedrock.internal.Instrumentation;
import dev.genaiotel.core.GenAiTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Objects;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/**
 * OpenTelemetry GenAI instrumentation for the AWS SDK v2 Bedrock clients: Converse, ConverseStream, InvokeModel
 * (read per model family; embeddings models as {@code embeddings}), InvokeModelWithResponseStream and, through
 * {@link #wrapAgentRuntime(BedrockAgentRuntimeAsyncClient)}, InvokeAgent. Spans are CLIENT spans named
 * {@code {gen_ai.operation.name} {gen_ai.request.model}} with {@code gen_ai.provider.name = aws.bedrock}.
 *
 * <pre>{@code
 * BedrockTelemetry telemetry = BedrockTelemetry.create(openTelemetry);
 * BedrockRuntimeClient client = BedrockRuntimeClient.builder()
 *         .overrideConfiguration(c -> c.addExecutionInterceptor(telemetry.newExecutionInterceptor()))
 *         .build();
 * BedrockRuntimeAsyncClient asyncClient = telemetry.wrap(BedrockRuntimeAsyncClient.builder()
 *         .overrideConfiguration(c -> c.addExecutionInterceptor(telemetry.newExecutionInterceptor()))
 *         .build());
 * }</pre>
 *
 * <p>The interceptor covers the sync client and the async client's non-streaming calls. The streaming calls of an
 * async client need {@link #wrap(BedrockRuntimeAsyncClient)} for their content, finish reasons, usage and time to
 * first chunk; through the interceptor alone they get a span that ends with the stream, and a one-time warning.
 * With both installed each call has one span. Instrumented clients are transparent: same results, same
 * exceptions, same futures and handlers. Immutable and thread-safe.
 */
public final class BedrockTelemetry {

    private final GenAiTelemetry telemetry;
    private final Instrumentation instrumentation;

    BedrockTelemetry(GenAiTelemetry telemetry, int maxParsedBodyBytes) {
        this.telemetry = telemetry;
        this.instrumentation = new Instrumentation(telemetry, maxParsedBodyBytes);
    }

    /**
     * Instrumentation with default options on a new {@link GenAiTelemetry} with the GenAI settings of this process
     * (system properties, environment). That telemetry belongs to the caller: close it at shutdown with
     * {@code genAiTelemetry().close()} when it runs completion hooks (such as the upload hook's worker thread).
     * With {@code genai-autoconfigure}, use {@link #create(GenAiTelemetry)} with {@code genAiTelemetry()} instead:
     * this method does not see settings made in code there, such as the content capture mode.
     */
    public static BedrockTelemetry create(OpenTelemetry openTelemetry) {
        return builder(openTelemetry).build();
    }

    /**
     * Instrumentation with default options on an existing {@link GenAiTelemetry}: its settings, listeners, redactors
     * and hooks apply. The caller keeps owning {@code telemetry} and closes it.
     */
    public static BedrockTelemetry create(GenAiTelemetry telemetry) {
        return builder(telemetry).build();
    }

    /**
     * The {@link GenAiTelemetry} this instrumentation records through: the one given to {@link #create(GenAiTelemetry)}
     * or {@link #builder(GenAiTelemetry)}, or the one {@link #create(OpenTelemetry)} built, which the caller closes.
     */
    public GenAiTelemetry genAiTelemetry() {
        return telemetry;
    }

    /** A builder on a new {@link GenAiTelemetry} with the settings of this process. */
    public static BedrockTelemetryBuilder builder(OpenTelemetry openTelemetry) {
        return new BedrockTelemetryBuilder(GenAiTelemetry.create(Objects.requireNonNull(openTelemetry,
                "openTelemetry")));
    }

    /** A builder on an existing {@link GenAiTelemetry}, to share its settings and listeners with other providers. */
    public static BedrockTelemetryBuilder builder(GenAiTelemetry telemetry) {
        return new BedrockTelemetryBuilder(Objects.requireNonNull(telemetry, "telemetry"));
    }

    /**
     * A new execution interceptor for {@code ClientOverrideConfiguration.Builder.addExecutionInterceptor}, for
     * sync and async Bedrock Runtime clients.
     */
    public ExecutionInterceptor newExecutionInterceptor() {
        return instrumentation.newExecutionInterceptor();
    }

    /**
     * An instrumented view of {@code client} for the streaming operations (ConverseStream,
     * InvokeModelWithResponseStream) as well as Converse and InvokeModel; wrapping an instrumented client again
     * returns it unchanged. Closing the view closes {@code client}.
     */
    public BedrockRuntimeAsyncClient wrap(BedrockRuntimeAsyncClient client) {
        return instrumentation.wrap(Objects.requireNonNull(client, "client"));
    }

    /**
     * An instrumented view of a Bedrock Agents runtime client: {@code InvokeAgent} becomes an
     * {@code invoke_agent} CLIENT span. Needs {@code software.amazon.awssdk:bedrockagentruntime}, which this
     * module depends on optionally; its module is read statically, so an application that calls this method
     * requires {@code software.amazon.awssdk.services.bedrockagentruntime} itself.
     *
     * <p>Not an overload of {@link #wrap(BedrockRuntimeAsyncClient)}: javac needs every overload's parameter types to
     * resolve a call, so an overload would make {@code bedrockagentruntime} a compile-time requirement for every
     * application, agents or not.
     */
    @SuppressWarnings("exports") // the agents runtime module is optional: requires static, not transitive
    public BedrockAgentRuntimeAsyncClient wrapAgentRuntime(BedrockAgentRuntimeAsyncClient client) {
        return AgentSupport.wrap(telemetry, Objects.requireNonNull(client, "client"));
    }
}

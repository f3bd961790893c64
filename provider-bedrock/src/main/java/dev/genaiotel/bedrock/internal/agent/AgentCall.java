package dev.genaiotel.bedrock.internal.agent;

import dev.genaiotel.bedrock.internal.CallTelemetry;
import dev.genaiotel.bedrock.internal.Endpoint;
import dev.genaiotel.bedrock.internal.Errors;
import dev.genaiotel.bedrock.internal.FailSoft;
import dev.genaiotel.bedrock.internal.StreamObserver;
import dev.genaiotel.core.AgentInvocation;
import dev.genaiotel.core.AgentRequest;
import dev.genaiotel.core.CompatibilityFormat;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.StreamWatch;
import dev.genaiotel.core.TokenUsage;
import dev.genaiotel.semconv.FinishReason;
import dev.genaiotel.semconv.ProviderName;
import dev.genaiotel.semconv.Role;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.context.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockagentruntime.model.InvokeAgentRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.Metadata;
import software.amazon.awssdk.services.bedrockagentruntime.model.OrchestrationModelInvocationOutput;
import software.amazon.awssdk.services.bedrockagentruntime.model.OrchestrationTrace;
import software.amazon.awssdk.services.bedrockagentruntime.model.PayloadPart;
import software.amazon.awssdk.services.bedrockagentruntime.model.PostProcessingModelInvocationOutput;
import software.amazon.awssdk.services.bedrockagentruntime.model.PostProcessingTrace;
import software.amazon.awssdk.services.bedrockagentruntime.model.PreProcessingModelInvocationOutput;
import software.amazon.awssdk.services.bedrockagentruntime.model.PreProcessingTrace;
import software.amazon.awssdk.services.bedrockagentruntime.model.ResponseStream;
import software.amazon.awssdk.services.bedrockagentruntime.model.ReturnControlPayload;
import software.amazon.awssdk.services.bedrockagentruntime.model.RoutingClassifierModelInvocationOutput;
import software.amazon.awssdk.services.bedrockagentruntime.model.RoutingClassifierTrace;
import software.amazon.awssdk.services.bedrockagentruntime.model.Trace;
import software.amazon.awssdk.services.bedrockagentruntime.model.TracePart;
import software.amazon.awssdk.services.bedrockagentruntime.model.Usage;

/**
 * The telemetry of one {@code InvokeAgent} call: its {@code invoke_agent} CLIENT span, the completion streamed in
 * chunk events and the token usage the agent reports in its trace events (only those the caller asked for with
 * {@code enableTrace}). The completion is handed to the core as a mapping over the chunks' bytes (immutable arrays
 * the SDK decoded for each event), kept only as far as the core's streamed-content bound can reach and decoded only
 * if the core records content. Every method is fail-soft; the span ends at most once, on whichever of completion,
 * failure, cancellation or abandonment comes first.
 */
final class AgentCall implements CallTelemetry<Void>, StreamObserver<ResponseStream> {

    private final AgentInvocation invocation;
    private final int maxChars;
    private final List<SdkBytes> chunks = new ArrayList<>();
    private long chunkBytes;
    private TokenUsage usage;
    private boolean returnedControl;
    private volatile StreamWatch watch;

    private AgentCall(AgentInvocation invocation, int maxChars) {
        this.invocation = invocation;
        this.maxChars = maxChars;
    }

    /** Starts the span of {@code request} in the current context. */
    static AgentCall start(GenAiTelemetry telemetry, InvokeAgentRequest request, Endpoint endpoint) {
        String inputText = request.inputText();
        Attributes attributes = request.agentAliasId() == null ? Attributes.empty()
                : Attributes.of(CompatibilityFormat.BEDROCK_AGENT_ALIAS_ID, request.agentAliasId());
        AgentRequest agent = new AgentRequest(true, ProviderName.AWS_BEDROCK, null, request.agentId(), null, null,
                null, request.sessionId(), null, endpoint.address(), endpoint.port(), null, null, null, attributes,
                null).withInputMessages(() -> inputText == null ? List.<InputMessage>of()
                        : List.of(InputMessage.text(Role.USER, inputText)));
        return new AgentCall(telemetry.startAgentInvocation(agent), telemetry.settings().maxContentChars());
    }

    /** Makes the span current while the client sends the request. */
    @Override
    public Scope makeCurrent() {
        return invocation.makeCurrent();
    }

    /** Ends the span with the future's outcome, in case the handler is not told (a failure before the stream). */
    @Override
    public void observe(CompletableFuture<? extends Void> future) {
        try {
            future.whenComplete((ignored, error) -> {
                if (error == null) {
                    completed();
                } else if (Errors.isCancellation(error)) {
                    cancelled();
                } else {
                    failed(error);
                }
            });
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("invoke agent future", e);
        }
    }

    /** The application subscribed to the event stream. */
    @Override
    public void subscribed() {
        StreamWatch current = watch;
        if (current != null) {
            current.release();
        }
    }

    /** Ends the invocation as abandoned if the application drops the event stream before subscribing. */
    @Override
    public void watch(Object view) {
        watch = invocation.endWhenAbandoned(view);
    }

    /** One event of the stream, before the application sees it. */
    @Override
    public void onEvent(ResponseStream event) {
        if (invocation.isEnded()) {
            return;
        }
        try {
            if (event instanceof PayloadPart chunk) {
                onChunk(chunk);
            } else if (event instanceof TracePart trace) {
                onTrace(trace.trace());
            } else if (event instanceof ReturnControlPayload) {
                synchronized (this) {
                    returnedControl = true;
                }
            }
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("invoke agent event", e);
        }
    }

    /** The stream ended normally. */
    @Override
    public void completed() {
        end(false);
    }

    /** The application cancelled the stream or the call: what arrived so far is recorded. */
    @Override
    public void cancelled() {
        end(true);
    }

    /** The request or the stream failed. */
    @Override
    public void failed(Throwable error) {
        if (invocation.isEnded()) {
            return;
        }
        try {
            Errors.fail(invocation, error);
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("invoke agent failure", e);
        }
    }

    private void end(boolean interrupted) {
        if (invocation.isEnded()) {
            return;
        }
        InferenceResponse response;
        try {
            response = response(interrupted);
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("invoke agent response", e);
            response = null;
        }
        try {
            invocation.end(response);
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("invoke agent end", e);
        }
    }

    private synchronized InferenceResponse response(boolean interrupted) {
        InferenceResponse.Builder response = InferenceResponse.builder().usage(usage);
        if (!chunks.isEmpty()) {
            List<SdkBytes> completion = List.copyOf(chunks);
            int bound = maxChars;
            String finishReason = interrupted ? FinishReason.ERROR
                    : returnedControl ? FinishReason.TOOL_CALL : FinishReason.STOP;
            response.outputMessages(() -> outputMessages(completion, bound, finishReason));
        }
        return response.build();
    }

    /** The completion as the assistant's answer, or none when it has no text. */
    private static List<OutputMessage> outputMessages(List<SdkBytes> chunks, int maxChars, String finishReason) {
        CompletionText completion = new CompletionText(maxChars);
        for (SdkBytes chunk : chunks) {
            completion.append(chunk.asByteArrayUnsafe());
        }
        String text = completion.text();
        return text.isEmpty() ? List.of()
                : List.of(new OutputMessage(Role.ASSISTANT, List.<MessagePart>of(new MessagePart.Text(text)),
                        finishReason));
    }

    /**
     * Keeps a chunk for the completion until the kept bytes are sure to fill the core's bound of {@code maxChars}
     * characters: UTF-8 needs at most three bytes per character, and three more may hold a split one.
     */
    private void onChunk(PayloadPart chunk) {
        SdkBytes bytes = chunk.bytes();
        if (bytes == null) {
            return;
        }
        synchronized (this) {
            if (chunkBytes < 3L * maxChars + 3) {
                chunks.add(bytes);
                chunkBytes += bytes.asByteBuffer().remaining();
            }
        }
    }

    private void onTrace(Trace trace) {
        if (trace == null) {
            return;
        }
        Metadata metadata = null;
        OrchestrationTrace orchestration = trace.orchestrationTrace();
        PreProcessingTrace preProcessing = trace.preProcessingTrace();
        PostProcessingTrace postProcessing = trace.postProcessingTrace();
        RoutingClassifierTrace routing = trace.routingClassifierTrace();
        if (orchestration != null) {
            OrchestrationModelInvocationOutput output = orchestration.modelInvocationOutput();
            metadata = output == null ? null : output.metadata();
        } else if (preProcessing != null) {
            PreProcessingModelInvocationOutput output = preProcessing.modelInvocationOutput();
            metadata = output == null ? null : output.metadata();
        } else if (postProcessing != null) {
            PostProcessingModelInvocationOutput output = postProcessing.modelInvocationOutput();
            metadata = output == null ? null : output.metadata();
        } else if (routing != null) {
            RoutingClassifierModelInvocationOutput output = routing.modelInvocationOutput();
            metadata = output == null ? null : output.metadata();
        }
        Usage reported = metadata == null ? null : metadata.usage();
        if (reported == null || (reported.inputTokens() == null && reported.outputTokens() == null)) {
            return;
        }
        TokenUsage counted = new TokenUsage(toLong(reported.inputTokens()), toLong(reported.outputTokens()), null,
                null, null);
        synchronized (this) {
            usage = usage == null ? counted : usage.plus(counted);
        }
    }

    private static Long toLong(Integer value) {
        return value == null ? null : value.longValue();
    }
}

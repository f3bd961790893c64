package dev.genaiotel.core.internal;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_CONVERSATION_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROMPT_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROMPT_VERSION;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROVIDER_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_PREVIOUS_RESPONSE_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_REASONING_LEVEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_STREAM;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_TOP_K;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_OUTPUT_TOKENS_PER_SECOND;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK;

import dev.genaiotel.core.GenAiSettings;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.TokenUsage;
import dev.genaiotel.semconv.OperationName;
import io.opentelemetry.api.trace.SpanKind;
import java.util.List;

/**
 * {@code chat}, {@code text_completion}, {@code generate_content} and {@code fetch_response}: the inference span,
 * the client operation metrics and the details event.
 */
final class InferenceSpec implements OperationSpec<InferenceRequest, InferenceResponse> {

    static final InferenceSpec INSTANCE = new InferenceSpec();

    private InferenceSpec() {}

    @Override
    public String operationName(InferenceRequest request) {
        return request.operationName();
    }

    /** A {@code fetch_response} span is named after the operation alone: it replays a response, not a model. */
    @Override
    public String spanTarget(InferenceRequest request) {
        return OperationName.FETCH_RESPONSE.equals(request.operationName()) ? null : request.model();
    }

    @Override
    public SpanKind spanKind(InferenceRequest request) {
        return SpanKind.CLIENT;
    }

    @Override
    public void requestAttributes(InferenceRequest r, AttributeSink sink) {
        AttributeWriter.operation(r.operationName(), sink);
        sink.put(GEN_AI_PROVIDER_NAME, r.providerName());
        sink.put(GEN_AI_REQUEST_MODEL, r.model());
        AttributeWriter.server(r.serverAddress(), r.serverPort(), sink);
        sink.put(GEN_AI_REQUEST_TOP_K, r.topK());
        AttributeWriter.samplingParameters(r, sink);
        sink.put(GEN_AI_REQUEST_REASONING_LEVEL, r.reasoningLevel());
        sink.put(GEN_AI_REQUEST_PREVIOUS_RESPONSE_ID, r.previousResponseId());
        sink.put(GEN_AI_CONVERSATION_ID, r.conversationId());
        if (r.stream()) {
            sink.put(GEN_AI_REQUEST_STREAM, Boolean.TRUE);
        }
        if (r.promptName() != null) {
            sink.put(GEN_AI_PROMPT_NAME, r.promptName());
            sink.put(GEN_AI_PROMPT_VERSION, r.promptVersion());
        }
        sink.putAll(r.attributes());
    }

    @Override
    public void responseAttributes(Operation<InferenceRequest, InferenceResponse> op, InferenceResponse r,
            AttributeSink sink) {
        if (op.streamed()) {
            sink.put(GEN_AI_REQUEST_STREAM, Boolean.TRUE);
            sink.put(GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK, op.timeToFirstChunkNanos() / 1e9);
            double tokensPerSecond = outputTokensPerSecond(op, r);
            if (tokensPerSecond > 0) {
                sink.put(GEN_AI_RESPONSE_OUTPUT_TOKENS_PER_SECOND, tokensPerSecond);
            }
        }
        if (r != null) {
            sink.put(GEN_AI_RESPONSE_ID, r.responseId());
            sink.put(GEN_AI_RESPONSE_MODEL, r.responseModel());
            AttributeWriter.finishReasons(r.finishReasons(), sink);
            AttributeWriter.usage(r.usage(), sink, true);
            if (op.engine.semconv().current()) {
                AttributeWriter.modalityUsage(r.usage(), sink);
            }
            AttributeWriter.mediaUsage(r.mediaUsage(), sink);
            sink.putAll(r.attributes());
        }
    }

    /**
     * The output tokens per second of a successful streamed inference, from its first chunk to its end; 0 when not
     * defined: not streamed, failed, a {@code fetch_response}, no output tokens, or no time between the first chunk
     * and the end.
     */
    static double outputTokensPerSecond(Operation<InferenceRequest, InferenceResponse> op, InferenceResponse r) {
        if (!op.streamed() || op.errorType != null || r == null || r.usage() == null
                || !AttributeWriter.reportsUsage(op.operationName())) {
            return 0;
        }
        Long tokens = r.usage().outputTokens();
        long windowNanos = op.endNanos - op.startNanos - op.timeToFirstChunkNanos();
        if (tokens == null || tokens <= 0 || windowNanos <= 0) {
            return 0;
        }
        return tokens / (windowNanos / 1e9);
    }

    @Override
    public InferenceRequest redactRequest(ContentPolicy policy, String operation, InferenceRequest request) {
        return policy.inferenceRequest(operation, request);
    }

    @Override
    public InferenceResponse redactResponse(ContentPolicy policy, String operation, InferenceRequest request,
            InferenceResponse response) {
        return policy.inferenceResponse(operation, response);
    }

    @Override
    public RecordedContent content(InferenceRequest request, InferenceResponse response, GenAiSettings settings) {
        return new RecordedContent(request.systemInstructions(), request.inputMessages(), request.toolDefinitions(),
                response == null ? List.of() : response.outputMessages(), null, null, null, List.of(), settings);
    }

    @Override
    public void recordMetrics(MetricsRecorder metrics, Operation<InferenceRequest, InferenceResponse> op,
            InferenceRequest request, double seconds) {
        InferenceResponse response = op.response;
        Dimensions dimensions = Dimensions.of(op, request.providerName(), request.model(), request.serverAddress(),
                request.serverPort(), response == null ? null : response.responseModel());
        TokenUsage usage = response == null ? null : response.usage();
        if (AttributeWriter.reportsUsage(request.operationName())) {
            metrics.inference(op, seconds, dimensions, usage);
            double tokensPerSecond = outputTokensPerSecond(op, response);
            if (tokensPerSecond > 0) {
                metrics.streamThroughput(op, tokensPerSecond);
            }
        } else {
            // fetch_response reads back a stored response: not an inference, its tokens were counted when made
            metrics.clientOperation(op, seconds, dimensions, usage);
        }
    }

    @Override
    public String requestModel(InferenceRequest request) {
        return request.model();
    }

    @Override
    public String providerName(InferenceRequest request) {
        return request.providerName();
    }

    @Override
    public Conversation conversation(InferenceRequest request, InferenceResponse response) {
        return new Conversation(request.systemInstructions(), request.inputMessages(), request.toolDefinitions(),
                response == null ? List.of() : response.outputMessages(),
                response == null ? List.of() : response.finishReasons(), request.attributes());
    }

    /** A {@code fetch_response} replays a response whose tokens were counted by the call that produced it. */
    @Override
    public CostBasis costBasis(InferenceRequest request, InferenceResponse response) {
        if (!AttributeWriter.reportsUsage(request.operationName())) {
            return null;
        }
        String priced = request.model() != null || response == null ? request.model() : response.responseModel();
        return new CostBasis(request.providerName(), request.model(), priced,
                response == null ? null : response.usage(), request.attributes());
    }

    @Override
    public boolean inference() {
        return true;
    }
}

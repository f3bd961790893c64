package dev.genaiotel.core.internal;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_EMBEDDINGS_DIMENSION_COUNT;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROVIDER_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_ENCODING_FORMATS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_INPUT_TOKENS;

import dev.genaiotel.core.EmbeddingsRequest;
import dev.genaiotel.core.EmbeddingsResponse;
import dev.genaiotel.core.GenAiSettings;
import dev.genaiotel.core.TokenUsage;
import dev.genaiotel.semconv.OperationName;
import io.opentelemetry.api.trace.SpanKind;

/** {@code embeddings}: a CLIENT span and the client operation metrics; no content. */
final class EmbeddingsSpec implements OperationSpec<EmbeddingsRequest, EmbeddingsResponse> {

    static final EmbeddingsSpec INSTANCE = new EmbeddingsSpec();

    private EmbeddingsSpec() {}

    @Override
    public String operationName(EmbeddingsRequest request) {
        return OperationName.EMBEDDINGS;
    }

    @Override
    public String spanTarget(EmbeddingsRequest request) {
        return request.model();
    }

    @Override
    public SpanKind spanKind(EmbeddingsRequest request) {
        return SpanKind.CLIENT;
    }

    @Override
    public void requestAttributes(EmbeddingsRequest r, AttributeSink sink) {
        AttributeWriter.operation(OperationName.EMBEDDINGS, sink);
        sink.put(GEN_AI_PROVIDER_NAME, r.providerName());
        sink.put(GEN_AI_REQUEST_MODEL, r.model());
        sink.put(GEN_AI_EMBEDDINGS_DIMENSION_COUNT, r.dimensionCount());
        if (!r.encodingFormats().isEmpty()) {
            sink.put(GEN_AI_REQUEST_ENCODING_FORMATS, r.encodingFormats());
        }
        AttributeWriter.server(r.serverAddress(), r.serverPort(), sink);
        sink.putAll(r.attributes());
    }

    @Override
    public void responseAttributes(Operation<EmbeddingsRequest, EmbeddingsResponse> op, EmbeddingsResponse r,
            AttributeSink sink) {
        if (r != null) {
            sink.put(GEN_AI_RESPONSE_MODEL, r.responseModel());
            sink.put(GEN_AI_USAGE_INPUT_TOKENS, r.inputTokens());
            sink.putAll(r.attributes());
        }
    }

    @Override
    public RecordedContent content(EmbeddingsRequest request, EmbeddingsResponse response, GenAiSettings settings) {
        return RecordedContent.none(settings);
    }

    @Override
    public void recordMetrics(MetricsRecorder metrics, Operation<EmbeddingsRequest, EmbeddingsResponse> op,
            EmbeddingsRequest request, double seconds) {
        EmbeddingsResponse response = op.response;
        metrics.embeddings(op, seconds, Dimensions.of(op, request.providerName(), request.model(),
                request.serverAddress(), request.serverPort(), response == null ? null : response.responseModel()),
                response == null ? null : response.inputTokens());
    }

    @Override
    public String providerName(EmbeddingsRequest request) {
        return request.providerName();
    }

    @Override
    public CostBasis costBasis(EmbeddingsRequest request, EmbeddingsResponse response) {
        String priced = request.model() != null || response == null ? request.model() : response.responseModel();
        return new CostBasis(request.providerName(), request.model(), priced, usage(response), request.attributes());
    }

    private static TokenUsage usage(EmbeddingsResponse response) {
        return response == null || response.inputTokens() == null ? null
                : new TokenUsage(response.inputTokens(), null, null, null, null);
    }
}

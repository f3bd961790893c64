package dev.genaiotel.core.internal;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_DATA_SOURCE_ID;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROVIDER_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RETRIEVAL_TOP_K;

import dev.genaiotel.core.GenAiSettings;
import dev.genaiotel.core.RetrievalRequest;
import dev.genaiotel.semconv.OperationName;
import dev.genaiotel.semconv.message.RetrievalDocument;
import io.opentelemetry.api.trace.SpanKind;
import java.util.List;

/** {@code retrieval}: a CLIENT span on a data source, the query and the documents as content. */
final class RetrievalSpec implements OperationSpec<RetrievalRequest, List<RetrievalDocument>> {

    static final RetrievalSpec INSTANCE = new RetrievalSpec();

    private RetrievalSpec() {}

    @Override
    public String operationName(RetrievalRequest request) {
        return OperationName.RETRIEVAL;
    }

    @Override
    public String spanTarget(RetrievalRequest request) {
        return request.dataSourceId();
    }

    @Override
    public SpanKind spanKind(RetrievalRequest request) {
        return SpanKind.CLIENT;
    }

    @Override
    public void requestAttributes(RetrievalRequest r, AttributeSink sink) {
        AttributeWriter.operation(OperationName.RETRIEVAL, sink);
        sink.put(GEN_AI_PROVIDER_NAME, r.providerName());
        sink.put(GEN_AI_DATA_SOURCE_ID, r.dataSourceId());
        sink.put(GEN_AI_REQUEST_MODEL, r.model());
        sink.put(GEN_AI_RETRIEVAL_TOP_K, r.topK());
        AttributeWriter.server(r.serverAddress(), r.serverPort(), sink);
        sink.putAll(r.attributes());
    }

    @Override
    public RetrievalRequest redactRequest(ContentPolicy policy, String operation, RetrievalRequest request) {
        return policy.queryText(operation, request);
    }

    @Override
    public RecordedContent content(RetrievalRequest request, List<RetrievalDocument> documents,
            GenAiSettings settings) {
        return new RecordedContent(List.of(), List.of(), List.of(), List.of(), null, null, request.queryText(),
                documents == null ? List.of() : documents, settings);
    }

    @Override
    public void recordMetrics(MetricsRecorder metrics, Operation<RetrievalRequest, List<RetrievalDocument>> op,
            RetrievalRequest request, double seconds) {
        metrics.clientOperation(op, seconds, Dimensions.of(op, request.providerName(), request.model(),
                request.serverAddress(), request.serverPort(), null), null);
    }

    @Override
    public String requestModel(RetrievalRequest request) {
        return request.model();
    }

    @Override
    public String providerName(RetrievalRequest request) {
        return request.providerName();
    }
}

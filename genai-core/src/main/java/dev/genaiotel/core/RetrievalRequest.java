package dev.genaiotel.core;

import io.opentelemetry.api.common.Attributes;

/**
 * A retrieval from a data source (the GenAI retrieval span, {@code retrieval}), such as a vector-store search.
 *
 * @param providerName {@code gen_ai.provider.name}, or null
 * @param dataSourceId {@code gen_ai.data_source.id}, or null
 * @param model {@code gen_ai.request.model}, or null
 * @param topK {@code gen_ai.retrieval.top_k}, or null
 * @param queryText {@code gen_ai.retrieval.query.text} (opt-in content), or null
 * @param serverAddress {@code server.address}, or null
 * @param serverPort {@code server.port}, recorded only with an address; or null
 * @param attributes further attributes set on the span at start
 */
public record RetrievalRequest(String providerName, String dataSourceId, String model, Long topK, String queryText,
        String serverAddress, Long serverPort, Attributes attributes) implements GenAiRequest {

    /** Defaults the attributes. */
    public RetrievalRequest {
        attributes = attributes == null ? Attributes.empty() : attributes;
    }

    /** A retrieval from a data source with a query. */
    public static RetrievalRequest of(String providerName, String dataSourceId, Long topK, String queryText) {
        return new RetrievalRequest(providerName, dataSourceId, null, topK, queryText, null, null, null);
    }
}

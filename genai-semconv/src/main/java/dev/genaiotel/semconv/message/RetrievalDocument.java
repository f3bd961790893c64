package dev.genaiotel.semconv.message;

/**
 * A document returned by a retrieval, one element of {@code gen_ai.retrieval.documents}.
 *
 * @param id the document's id, or null
 * @param score its relevance score, or null
 */
public record RetrievalDocument(String id, Double score) {}

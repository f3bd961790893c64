package dev.genaiotel.ollama.internal;

import dev.genaiotel.semconv.OperationName;

/** The Ollama endpoints that are recorded, recognised by method and path. */
enum Endpoint {
    CHAT(OperationName.CHAT),
    GENERATE(OperationName.TEXT_COMPLETION),
    EMBED(OperationName.EMBEDDINGS),
    EMBEDDINGS(OperationName.EMBEDDINGS);

    final String operationName;

    Endpoint(String operationName) {
        this.operationName = operationName;
    }

    boolean embeddings() {
        return this == EMBED || this == EMBEDDINGS;
    }

    /**
     * The endpoint of a request, or null for any other request. A path prefix is allowed, for Ollama behind a
     * reverse proxy ({@code /ollama/api/chat}).
     */
    static Endpoint of(String method, String path) {
        if (path == null || !"POST".equals(method)) {
            return null;
        }
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        if (path.startsWith("/api/chat", end - 9)) {
            return CHAT;
        }
        if (path.startsWith("/api/generate", end - 13)) {
            return GENERATE;
        }
        if (path.startsWith("/api/embed", end - 10)) {
            return EMBED;
        }
        if (path.startsWith("/api/embeddings", end - 15)) {
            return EMBEDDINGS;
        }
        return null;
    }
}

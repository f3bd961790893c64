package dev.genaiotel.core.internal;

/**
 * What a client operation's metric points are broken down by; every field but the operation may be null.
 *
 * @param operation {@code gen_ai.operation.name}
 * @param provider {@code gen_ai.provider.name}
 * @param model {@code gen_ai.request.model}
 * @param serverAddress {@code server.address}
 * @param serverPort {@code server.port}, only with an address
 * @param responseModel {@code gen_ai.response.model}
 * @param errorType {@code error.type}
 */
record Dimensions(String operation, String provider, String model, String serverAddress, Long serverPort,
        String responseModel, String errorType) {

    /** These dimensions without {@code error.type}. */
    Dimensions withoutError() {
        return errorType == null ? this
                : new Dimensions(operation, provider, model, serverAddress, serverPort, responseModel, null);
    }

    /** The dimensions of {@code op}: its operation name and error type with the given service and models. */
    static Dimensions of(Operation<?, ?> op, String provider, String model, String serverAddress, Long serverPort,
            String responseModel) {
        return new Dimensions(op.operationName(), provider, model, serverAddress,
                serverAddress == null ? null : serverPort, responseModel, op.errorType);
    }
}

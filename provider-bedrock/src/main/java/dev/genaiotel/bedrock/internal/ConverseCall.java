package dev.genaiotel.bedrock.internal;

import dev.genaiotel.core.Inference;
import io.opentelemetry.context.Scope;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;

/** The telemetry of one Converse call: the request and the response are read by {@link ConverseMapping}. */
final class ConverseCall extends UnaryCall<ConverseResponse> {

    private final Inference inference;

    private ConverseCall(Inference inference) {
        super("converse");
        this.inference = inference;
    }

    /** Starts the span of {@code request} in the current context. */
    static ConverseCall start(Instrumentation instrumentation, ConverseRequest request, Endpoint endpoint) {
        return new ConverseCall(instrumentation.telemetry().startInference(ConverseMapping.request(request,
                endpoint)));
    }

    @Override
    public Scope makeCurrent() {
        return inference.makeCurrent();
    }

    @Override
    public void failed(Throwable error) {
        try {
            Errors.fail(inference, error);
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("converse failure", e);
        }
    }

    @Override
    void succeeded(ConverseResponse response) {
        inference.end(ConverseMapping.response(response));
    }

    @Override
    void endWithoutResponse() {
        inference.end();
    }
}

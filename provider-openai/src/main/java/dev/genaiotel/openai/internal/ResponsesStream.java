package dev.genaiotel.openai.internal;

import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseStreamEvent;
import dev.genaiotel.core.Inference;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.StreamAccumulator;

/**
 * A streamed Responses API call. Every event is a chunk for timing; text deltas are accumulated for a stream that
 * ends early, and the terminal event ({@code response.completed}, {@code .incomplete}, {@code .failed}) carries the
 * whole response, which is mapped like a non-streamed one.
 *
 * <p>A streamed {@code retrieve} ({@code fetch_response}) replays a stored response: it is not an inference, so its
 * events are not timed as chunks (no time to first chunk, no chunk metrics); its deltas go to the inference's
 * accumulator all the same, and the terminal response is mapped like a non-streamed {@code retrieve}.
 */
final class ResponsesStream extends InferenceStream<ResponseStreamEvent> {

    /** Whether this is a {@code fetch_response} stream, whose events are not timed as chunks. */
    private final boolean fetch;
    private Response last;
    private String errorCode;

    ResponsesStream(Inference inference) {
        this(inference, false);
    }

    /** @param fetch whether this is a {@code fetch_response} stream (a streamed {@code retrieve}) */
    ResponsesStream(Inference inference, boolean fetch) {
        super(inference);
        this.fetch = fetch;
    }

    @Override
    boolean onItem(ResponseStreamEvent event) {
        if (inference.isEnded()) {
            return true;
        }
        try {
            StreamAccumulator accumulator = fetch ? inference.accumulator() : inference.onChunk();
            if (event.isOutputTextDelta()) {
                accumulator.appendText(0, event.asOutputTextDelta().delta());
            } else if (event.isReasoningTextDelta()) {
                accumulator.appendReasoning(0, event.asReasoningTextDelta().delta());
            } else if (event.isCreated()) {
                remember(accumulator, event.asCreated().response());
            } else if (event.isInProgress()) {
                remember(accumulator, event.asInProgress().response());
            } else if (event.isCompleted()) {
                remember(accumulator, event.asCompleted().response());
            } else if (event.isIncomplete()) {
                remember(accumulator, event.asIncomplete().response());
            } else if (event.isFailed()) {
                remember(accumulator, event.asFailed().response());
            } else if (event.isError()) {
                errorCode = event.asError().code().orElse("error");
            }
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("responses stream event", e);
        }
        return true;
    }

    private void remember(StreamAccumulator accumulator, Response response) {
        last = response;
        accumulator.responseId(response.id());
    }

    @Override
    void completed() {
        if (errorCode != null && (last == null || ResponsesMapping.finishReason(last) == null)) {
            inference.fail(null, errorCode);
            return;
        }
        endWithFinal();
    }

    @Override
    InferenceResponse finalResponse() {
        if (last == null) {
            return null;
        }
        InferenceResponse response = ResponsesMapping.response(last, fetch);
        if (ResponsesMapping.finishReason(last) == null) {
            // Ended before the terminal event: the deltas accumulated so far are the output.
            return withoutOutput(response);
        }
        return response;
    }

    private static InferenceResponse withoutOutput(InferenceResponse response) {
        return InferenceResponse.builder().responseId(response.responseId())
                .responseModel(response.responseModel()).usage(response.usage())
                .attributes(response.attributes()).build();
    }
}

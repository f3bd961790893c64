package dev.genaiotel.langchain4j.internal;

import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.Inference;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;

/** Starting and ending the inference of a wrapped chat call, each step behind the failure boundary. */
final class ChatCalls {

    private ChatCalls() {}

    /**
     * Starts the inference of a call, with the model's default parameters under the request's own (as LangChain4j
     * itself merges them); null when nothing is recorded or the description failed.
     */
    static Inference start(GenAiTelemetry telemetry, ModelProvider provider, ChatRequestParameters defaults,
            ChatRequest request, String otherProviderName, boolean stream) {
        try {
            if (!telemetry.isRecording() || request == null) {
                return null;
            }
            ChatRequestParameters parameters = request.parameters();
            if (defaults != null) {
                parameters = parameters == null ? defaults : defaults.overrideWith(parameters);
            }
            return telemetry.startInference(ChatMapping.request(request.messages(), parameters, provider,
                    otherProviderName, stream));
        } catch (Throwable failure) {
            FailSoft.log("chat model start", failure);
            return null;
        }
    }

    static void end(GenAiTelemetry telemetry, Inference inference, ChatResponse response) {
        try {
            if (response == null) {
                inference.end();
            } else {
                inference.end(ChatMapping.response(response));
            }
        } catch (Throwable failure) {
            FailSoft.log("chat model end", failure);
            inference.end();
        }
    }

    static void fail(Inference inference, Throwable error) {
        try {
            inference.fail(error, ErrorTypes.of(error));
        } catch (Throwable failure) {
            FailSoft.log("chat model error", failure);
        }
    }
}

package dev.genaiotel.openai.internal;

import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionChoice;
import com.openai.models.completions.CompletionCreateParams;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.semconv.FinishReason;
import dev.genaiotel.semconv.OperationName;
import dev.genaiotel.semconv.Role;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import java.util.ArrayList;
import java.util.List;

/** Legacy completions ({@code POST /completions}) to the core's {@code text_completion} inference. */
final class CompletionsMapping {

    private CompletionsMapping() {}

    static InferenceRequest request(CompletionCreateParams params, Endpoint endpoint, boolean stream,
            boolean content) {
        InferenceRequest.Builder builder = InferenceRequest.builder(OperationName.TEXT_COMPLETION,
                        endpoint.providerName())
                .server(endpoint.serverAddress(), endpoint.serverPort())
                .stream(stream);
        try {
            builder.model(params.model().asString())
                    .temperature(params.temperature().orElse(null))
                    .topP(params.topP().orElse(null))
                    .maxTokens(params.maxTokens().orElse(null))
                    .seed(params.seed().orElse(null))
                    .choiceCount(params.n().orElse(null))
                    .frequencyPenalty(params.frequencyPenalty().orElse(null))
                    .presencePenalty(params.presencePenalty().orElse(null));
            params.stop().ifPresent(stop -> builder.stopSequences(
                    stop.isString() ? List.of(stop.asString()) : stop.asStrings()));
            if (content) {
                params.prompt().ifPresent(prompt -> {
                    if (prompt.isString()) {
                        builder.inputMessages(List.of(InputMessage.text(Role.USER, prompt.asString())));
                    } else if (prompt.isArrayOfStrings()) {
                        List<InputMessage> messages = new ArrayList<>();
                        for (String text : prompt.asArrayOfStrings()) {
                            messages.add(InputMessage.text(Role.USER, text));
                        }
                        builder.inputMessages(messages);
                    }
                });
            }
        } catch (RuntimeException e) {
            FailSoft.log("completions request mapping", e);
        }
        return builder.build();
    }

    static InferenceResponse response(Completion completion, boolean content) {
        InferenceResponse.Builder builder = InferenceResponse.builder();
        FailSoft.run("completions id", () -> builder.responseId(completion.id()));
        FailSoft.run("completions model", () -> builder.responseModel(completion.model()));
        FailSoft.run("completions choices", () -> {
            List<String> reasons = new ArrayList<>();
            List<OutputMessage> messages = content ? new ArrayList<>() : null;
            for (CompletionChoice choice : completion.choices()) {
                String reason = choice.finishReason().asString();
                reasons.add(reason);
                if (messages != null) {
                    messages.add(new OutputMessage(Role.ASSISTANT, List.of(new MessagePart.Text(choice.text())),
                            FinishReason.normalize(reason)));
                }
            }
            builder.finishReasons(reasons).outputMessages(messages);
        });
        FailSoft.run("completions usage",
                () -> completion.usage().ifPresent(usage -> builder.usage(ChatMapping.usage(usage))));
        FailSoft.run("completions attributes", () -> builder.attributes(
                ChatMapping.responseAttributes(null, completion.systemFingerprint().orElse(null))));
        return builder.build();
    }
}

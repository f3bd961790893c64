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

    /** The request, each field read on its own (see {@code ChatMapping.request}); the prompt as a mapping. */
    static InferenceRequest request(CompletionCreateParams params, Endpoint endpoint, boolean stream) {
        return InferenceRequest.builder(OperationName.TEXT_COMPLETION, endpoint.providerName())
                .server(endpoint.serverAddress(), endpoint.serverPort())
                .stream(stream)
                .model(FailSoft.get("completions request model", () -> params.model().asString()))
                .temperature(FailSoft.get("completions request temperature", () -> params.temperature().orElse(null)))
                .topP(FailSoft.get("completions request top_p", () -> params.topP().orElse(null)))
                .maxTokens(FailSoft.get("completions request max tokens", () -> params.maxTokens().orElse(null)))
                .seed(FailSoft.get("completions request seed", () -> params.seed().orElse(null)))
                .choiceCount(FailSoft.get("completions request n", () -> params.n().orElse(null)))
                .frequencyPenalty(FailSoft.get("completions request frequency penalty",
                        () -> params.frequencyPenalty().orElse(null)))
                .presencePenalty(FailSoft.get("completions request presence penalty",
                        () -> params.presencePenalty().orElse(null)))
                .stopSequences(FailSoft.get("completions request stop", () -> params.stop()
                        .map(stop -> stop.isString() ? List.of(stop.asString()) : stop.asStrings()).orElse(null)))
                .inputMessages(() -> params.prompt().map(CompletionsMapping::prompt).orElse(null))
                .build();
    }

    private static List<InputMessage> prompt(CompletionCreateParams.Prompt prompt) {
        if (prompt.isString()) {
            return List.of(InputMessage.text(Role.USER, prompt.asString()));
        }
        if (prompt.isArrayOfStrings()) {
            List<InputMessage> messages = new ArrayList<>();
            for (String text : prompt.asArrayOfStrings()) {
                messages.add(InputMessage.text(Role.USER, text));
            }
            return messages;
        }
        return null;
    }

    static InferenceResponse response(Completion completion) {
        InferenceResponse.Builder builder = InferenceResponse.builder();
        FailSoft.run("completions id", () -> builder.responseId(completion.id()));
        FailSoft.run("completions model", () -> builder.responseModel(completion.model()));
        FailSoft.run("completions finish reasons", () -> {
            List<String> reasons = new ArrayList<>();
            for (CompletionChoice choice : completion.choices()) {
                reasons.add(choice.finishReason().asString());
            }
            builder.finishReasons(reasons);
        });
        builder.outputMessages(() -> {
            List<OutputMessage> messages = new ArrayList<>();
            for (CompletionChoice choice : completion.choices()) {
                messages.add(new OutputMessage(Role.ASSISTANT, List.of(new MessagePart.Text(choice.text())),
                        FinishReason.normalize(choice.finishReason().asString())));
            }
            return messages;
        });
        FailSoft.run("completions usage",
                () -> completion.usage().ifPresent(usage -> builder.usage(UsageMapping.chat(usage))));
        FailSoft.run("completions attributes", () -> builder.attributes(
                ChatMapping.responseAttributes(null, completion.systemFingerprint().orElse(null))));
        return builder.build();
    }
}

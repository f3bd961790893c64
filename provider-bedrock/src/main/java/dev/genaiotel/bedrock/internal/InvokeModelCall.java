package dev.genaiotel.bedrock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.genaiotel.bedrock.internal.invoke.ModelFamilies;
import dev.genaiotel.bedrock.internal.invoke.ModelFamily;
import dev.genaiotel.core.Embeddings;
import dev.genaiotel.core.EmbeddingsRequest;
import dev.genaiotel.core.EmbeddingsResponse;
import dev.genaiotel.core.Inference;
import dev.genaiotel.core.InferenceRequest;
import dev.genaiotel.core.InferenceResponse;
import dev.genaiotel.core.TokenUsage;
import dev.genaiotel.semconv.GenAiAttributes;
import dev.genaiotel.semconv.ProviderName;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.ToolDefinition;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;

/**
 * One InvokeModel or InvokeModelWithResponseStream call: the body is read by the {@link ModelFamily} of the model
 * id. An embeddings family gets an {@code embeddings} span, every other family an inference span. Bodies within
 * {@link Instrumentation#parseBudget()} are parsed with jackson-databind for the parameters, finish reasons and
 * usage, read at once. Their content (instructions, messages, tools, output) is handed to the core as mappings, run
 * only if it records content: the request's over its body's immutable bytes, parsed again then (the tree parsed for
 * the parameters is not kept for the length of the call), the response's over the tree already parsed at its end. A
 * body that is not JSON, or of a family nobody knows, leaves a correct span without what the body would have told.
 * Token counts missing from the body come from Bedrock's {@code X-Amzn-Bedrock-Input-Token-Count} and
 * {@code X-Amzn-Bedrock-Output-Token-Count} response headers.
 */
final class InvokeModelCall extends UnaryCall<InvokeModelResponse> {

    static final String INPUT_TOKENS_HEADER = "X-Amzn-Bedrock-Input-Token-Count";
    static final String OUTPUT_TOKENS_HEADER = "X-Amzn-Bedrock-Output-Token-Count";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    final ModelFamily family;
    final Inference inference;
    final Embeddings embeddings;
    private final int parseBudget;

    private InvokeModelCall(ModelFamily family, Inference inference, Embeddings embeddings, int parseBudget) {
        super("invoke model");
        this.family = family;
        this.inference = inference;
        this.embeddings = embeddings;
        this.parseBudget = parseBudget;
    }

    /** Starts the telemetry of a call in the current context. */
    static InvokeModelCall start(Instrumentation instrumentation, String modelId, SdkBytes body, String guardrailId,
            boolean stream, Endpoint endpoint) {
        ModelFamily family = ModelFamilies.forModelId(modelId);
        int parseBudget = instrumentation.parseBudget();
        JsonNode json = parse(body, parseBudget);
        if (family.embeddings() && !stream) {
            EmbeddingsRequest read = json == null ? EmbeddingsRequest.of(ProviderName.AWS_BEDROCK, modelId)
                    : family.readEmbeddingsRequest(json, ProviderName.AWS_BEDROCK, modelId);
            EmbeddingsRequest request = new EmbeddingsRequest(ProviderName.AWS_BEDROCK, modelId,
                    read.dimensionCount(), read.encodingFormats(), endpoint.address(), endpoint.port(),
                    withGuardrail(read.attributes(), guardrailId));
            return new InvokeModelCall(family, null, instrumentation.telemetry().startEmbeddings(request),
                    parseBudget);
        }
        InferenceRequest.Builder builder = InferenceRequest.builder(family.operationName(), ProviderName.AWS_BEDROCK)
                .model(modelId)
                .stream(stream)
                .server(endpoint.address(), endpoint.port());
        if (json != null) {
            try {
                family.readRequest(json, builder);
            } catch (RuntimeException | LinkageError e) {
                FailSoft.log("invoke model request body", e);
            }
            RequestContent content = new RequestContent(family, body);
            builder.systemInstructions(content::systemInstructions)
                    .inputMessages(content::inputMessages)
                    .toolDefinitions(content::toolDefinitions);
        }
        InferenceRequest request = builder.model(modelId).stream(stream).server(endpoint.address(), endpoint.port())
                .build();
        if (guardrailId != null && !guardrailId.isEmpty()) {
            request = request.toBuilder().attributes(withGuardrail(request.attributes(), guardrailId)).build();
        }
        return new InvokeModelCall(family, instrumentation.telemetry().startInference(request), null, parseBudget);
    }

    private static Attributes withGuardrail(Attributes attributes, String guardrailId) {
        if (guardrailId == null || guardrailId.isEmpty()) {
            return attributes;
        }
        return attributes.toBuilder().put(GenAiAttributes.AWS_BEDROCK_GUARDRAIL_ID, guardrailId).build();
    }

    /** Makes the call's span current while the client sends the request. */
    @Override
    public Scope makeCurrent() {
        return inference != null ? inference.makeCurrent() : embeddings.makeCurrent();
    }

    /** The call returned {@code body}; {@code httpResponse} may carry the token-count headers. */
    void succeeded(SdkBytes body, SdkHttpResponse httpResponse) {
        Long inputTokens = header(httpResponse, INPUT_TOKENS_HEADER);
        Long outputTokens = header(httpResponse, OUTPUT_TOKENS_HEADER);
        JsonNode json = parse(body, parseBudget);
        if (embeddings != null) {
            EmbeddingsResponse response = json == null ? EmbeddingsResponse.of(null, null)
                    : family.readEmbeddingsResponse(json);
            if (response.inputTokens() == null && inputTokens != null) {
                response = new EmbeddingsResponse(response.responseModel(), inputTokens, response.attributes());
            }
            embeddings.end(response);
            return;
        }
        InferenceResponse read = json == null ? null : family.readResponse(json);
        if (read == null) {
            read = InferenceResponse.empty();
        }
        InferenceResponse.Builder response = InferenceResponse.builder()
                .responseId(read.responseId())
                .responseModel(read.responseModel())
                .finishReasons(read.finishReasons())
                .usage(withHeaderUsage(read.usage(), inputTokens, outputTokens))
                .attributes(read.attributes());
        if (json != null) {
            response.outputMessages(() -> family.outputMessages(json));
        }
        inference.end(response.build());
    }

    /** The usage of the body, with the counts the headers report where the body reported none. */
    private static TokenUsage withHeaderUsage(TokenUsage usage, Long inputTokens, Long outputTokens) {
        if (inputTokens == null && outputTokens == null) {
            return usage;
        }
        TokenUsage headers = new TokenUsage(inputTokens, outputTokens, null, null, null);
        return usage == null ? headers : usage.orElse(headers);
    }

    @Override
    public void failed(Throwable error) {
        try {
            Errors.fail(embeddings != null ? embeddings : inference, error);
        } catch (RuntimeException | LinkageError e) {
            FailSoft.log("invoke model failure", e);
        }
    }

    @Override
    void succeeded(InvokeModelResponse response) {
        succeeded(response.body(), response.sdkHttpResponse());
    }

    /** The mapping of the response failed: the span ends without what the response would have told. */
    @Override
    void endWithoutResponse() {
        if (embeddings != null) {
            embeddings.end(EmbeddingsResponse.of(null, null));
        } else {
            inference.end();
        }
    }

    private static Long header(SdkHttpResponse response, String name) {
        if (response == null) {
            return null;
        }
        String value = response.firstMatchingHeader(name).orElse(null);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The JSON of a body, or null when it is absent, not JSON, or longer than {@code maxBytes}. */
    static JsonNode parse(SdkBytes body, int maxBytes) {
        if (body == null) {
            return null;
        }
        byte[] bytes = body.asByteArrayUnsafe();
        if (bytes.length == 0 || bytes.length > maxBytes) {
            return null;
        }
        return parse(bytes);
    }

    /** The JSON of some bytes, or null when they are not JSON. */
    static JsonNode parse(byte[] bytes) {
        try {
            JsonNode node = MAPPER.readTree(bytes);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The content of a request body, for the core's mappings: it holds the body's bytes, which the request holds
     * anyway, and parses them once, when the core first reads content.
     */
    private static final class RequestContent {
        private final ModelFamily family;
        private final SdkBytes body;
        private JsonNode json;

        RequestContent(ModelFamily family, SdkBytes body) {
            this.family = family;
            this.body = body;
        }

        private synchronized JsonNode json() {
            if (json == null) {
                JsonNode parsed = parse(body.asByteArrayUnsafe());
                json = parsed == null ? MissingNode.getInstance() : parsed;
            }
            return json;
        }

        List<MessagePart> systemInstructions() {
            return family.systemInstructions(json());
        }

        List<InputMessage> inputMessages() {
            return family.inputMessages(json());
        }

        List<ToolDefinition> toolDefinitions() {
            return family.toolDefinitions(json());
        }
    }
}

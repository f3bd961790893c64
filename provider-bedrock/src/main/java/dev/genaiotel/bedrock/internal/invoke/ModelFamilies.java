package dev.genaiotel.bedrock.internal.invoke;

import dev.genaiotel.semconv.OperationName;

/**
 * Chooses the {@link ModelFamily} that reads the {@code InvokeModel} bodies of a Bedrock model id. Understands plain
 * model ids ({@code anthropic.claude-3-5-sonnet-20240620-v1:0}), cross-region inference profiles (a region-group
 * prefix such as {@code us.}, {@code eu.}, {@code apac.}, {@code us-gov.}, {@code global.}, {@code jp.}, ...: a
 * leading segment of at most six characters that is not a known model provider is skipped), and
 * foundation-model, inference-profile and custom-model ARNs in any partition. Application inference profiles,
 * provisioned and imported models, whose ARNs do not name the model, and unknown providers get a family that reads
 * nothing.
 *
 * <p>Runs on every call: a handful of {@code indexOf}/{@code startsWith} checks, no regular expression, no
 * allocation beyond one substring for ARNs and profiles.
 */
public final class ModelFamilies {

    static final ModelFamily ANTHROPIC = AnthropicFamily.INSTANCE;
    static final ModelFamily NOVA = NovaFamily.INSTANCE;
    static final ModelFamily TITAN_TEXT = TitanTextFamily.INSTANCE;
    static final ModelFamily TITAN_EMBED_TEXT = new TitanEmbedFamily(false);
    static final ModelFamily TITAN_EMBED_IMAGE = new TitanEmbedFamily(true);
    static final ModelFamily LLAMA = LlamaFamily.INSTANCE;
    static final ModelFamily COHERE_COMMAND = CohereCommandFamily.INSTANCE;
    static final ModelFamily COHERE_COMMAND_R = CohereChatFamily.INSTANCE;
    static final ModelFamily COHERE_EMBED = CohereEmbedFamily.INSTANCE;
    static final ModelFamily MISTRAL_TEXT = new MistralFamily(OperationName.TEXT_COMPLETION);
    static final ModelFamily MISTRAL_CHAT = new MistralFamily(OperationName.CHAT);
    static final ModelFamily JAMBA = new ChatCompletionsFamily("Jamba", OperationName.CHAT);
    static final ModelFamily DEEPSEEK = new ChatCompletionsFamily("DeepSeek", OperationName.TEXT_COMPLETION);
    static final ModelFamily OPENAI = new ChatCompletionsFamily("OpenAI", OperationName.CHAT);
    static final ModelFamily UNKNOWN = UnknownFamily.INSTANCE;

    /** The longest region-group prefix skipped: {@code global} and {@code us-gov} have six characters. */
    private static final int MAX_REGION_GROUP_LENGTH = 6;

    private ModelFamilies() {}

    /**
     * The family of a model id, inference-profile id or ARN.
     *
     * @param modelId the {@code modelId} of the request; may be null
     * @return the family, never null; {@link UnknownFamily} when the id does not name a known model
     */
    public static ModelFamily forModelId(String modelId) {
        if (modelId == null || modelId.isEmpty()) {
            return UNKNOWN;
        }
        String id = modelId.startsWith("arn:") ? arnResource(modelId) : modelId;
        if (id == null) {
            return UNKNOWN;
        }
        int dot = id.indexOf('.');
        while (dot > 0) {
            ModelFamily family = forProvider(id, dot);
            if (family != null) {
                return family;
            }
            // Not a provider: a region-group prefix of an inference profile ("us.", "eu.", "apac.", "us-gov.", ...).
            int next = id.indexOf('.', dot + 1);
            if (next < 0 || dot > MAX_REGION_GROUP_LENGTH) {
                return UNKNOWN;
            }
            id = id.substring(dot + 1);
            dot = next - dot - 1;
        }
        return UNKNOWN;
    }

    /**
     * The model or profile id named by an ARN's resource ({@code foundation-model/ID}, {@code inference-profile/ID},
     * {@code custom-model/BASE-ID/...}), or null for resources that do not name one.
     */
    private static String arnResource(String arn) {
        int colon = -1;
        for (int i = 0; i < 5; i++) {
            colon = arn.indexOf(':', colon + 1);
            if (colon < 0) {
                return null;
            }
        }
        int slash = arn.indexOf('/', colon + 1);
        if (slash < 0) {
            return null;
        }
        if (arn.startsWith("foundation-model", colon + 1) || arn.startsWith("inference-profile", colon + 1)
                || arn.startsWith("custom-model", colon + 1)) {
            return arn.substring(slash + 1);
        }
        return null;
    }

    /** The family for provider {@code id[0, dot)} and the model name after it, or null when not a provider. */
    private static ModelFamily forProvider(String id, int dot) {
        int model = dot + 1;
        if (id.startsWith("anthropic", 0) && dot == 9) {
            return ANTHROPIC;
        }
        if (id.startsWith("amazon", 0) && dot == 6) {
            if (id.startsWith("nova-", model)) {
                return novaKind(id, model);
            }
            if (id.startsWith("titan-embed-image", model)) {
                return TITAN_EMBED_IMAGE;
            }
            if (id.startsWith("titan-embed", model)) {
                return TITAN_EMBED_TEXT;
            }
            if (id.startsWith("titan-text", model) || id.startsWith("titan-tg1", model)) {
                return TITAN_TEXT;
            }
            return UNKNOWN;
        }
        if (id.startsWith("meta", 0) && dot == 4) {
            return id.startsWith("llama", model) ? LLAMA : UNKNOWN;
        }
        if (id.startsWith("cohere", 0) && dot == 6) {
            if (id.startsWith("command-r", model)) {
                return COHERE_COMMAND_R;
            }
            if (id.startsWith("command", model)) {
                return COHERE_COMMAND;
            }
            return id.startsWith("embed", model) ? COHERE_EMBED : UNKNOWN;
        }
        if (id.startsWith("mistral", 0) && dot == 7) {
            return isMistralTextModel(id, model) ? MISTRAL_TEXT : MISTRAL_CHAT;
        }
        if (id.startsWith("ai21", 0) && dot == 4) {
            return id.startsWith("jamba", model) ? JAMBA : UNKNOWN;
        }
        if (id.startsWith("deepseek", 0) && dot == 8) {
            return DEEPSEEK;
        }
        if (id.startsWith("openai", 0) && dot == 6) {
            return OPENAI;
        }
        return null;
    }

    /**
     * The Nova understanding models (Micro, Lite, Pro, Premier, Nova 2) read as chat; Canvas, Reel, Sonic and the
     * multimodal embeddings models, whose bodies are of other kinds, are unknown.
     */
    private static ModelFamily novaKind(String id, int model) {
        if (id.indexOf("canvas", model) >= 0 || id.indexOf("reel", model) >= 0 || id.indexOf("sonic", model) >= 0
                || id.indexOf("embed", model) >= 0) {
            return UNKNOWN;
        }
        return NOVA;
    }

    /**
     * The Mistral models of the first Bedrock generation, which take a {@code prompt} and answer {@code outputs}:
     * Mistral 7B, Mixtral 8x7B, Mistral Small and Large 2402. Later ones (Large 2407, Pixtral, ...) are chat models.
     */
    private static boolean isMistralTextModel(String id, int model) {
        return id.startsWith("mistral-7b", model) || id.startsWith("mixtral-8x7b", model)
                || id.startsWith("mistral-small-2402", model) || id.startsWith("mistral-large-2402", model);
    }
}

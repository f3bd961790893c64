package dev.genaiotel.bedrock.internal.invoke;

import java.util.List;

/** Every family, for the tests that must hold for all of them. */
final class AllFamilies {

    static final List<ModelFamily> LIST = List.of(ModelFamilies.ANTHROPIC, ModelFamilies.NOVA,
            ModelFamilies.TITAN_TEXT, ModelFamilies.TITAN_EMBED_TEXT, ModelFamilies.TITAN_EMBED_IMAGE,
            ModelFamilies.LLAMA, ModelFamilies.COHERE_COMMAND, ModelFamilies.COHERE_COMMAND_R,
            ModelFamilies.COHERE_EMBED, ModelFamilies.MISTRAL_TEXT, ModelFamilies.MISTRAL_CHAT, ModelFamilies.JAMBA,
            ModelFamilies.DEEPSEEK, ModelFamilies.OPENAI, ModelFamilies.UNKNOWN);

    private AllFamilies() {}
}

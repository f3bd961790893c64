package dev.genaiotel.semconv;

/**
 * Well-known values of {@code openai.api.type} ({@link GenAiAttributes#OPENAI_API_TYPE}): which OpenAI API served the
 * request. The vocabulary is open.
 */
public final class OpenAiApiType {

    /** {@code chat_completions}: the Chat Completions API. */
    public static final String CHAT_COMPLETIONS = "chat_completions";

    /** {@code responses}: the Responses API. */
    public static final String RESPONSES = "responses";

    private OpenAiApiType() {}
}

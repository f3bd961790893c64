package dev.genaiotel.spring;

/** OpenAI Chat Completions server-sent event streams as the API sends them. */
final class OpenAiStreams {

    private OpenAiStreams() {}

    static String event(String json) {
        return "data: " + json + "\n\n";
    }

    static final String PARIS = event("""
            {"id":"chatcmpl-stream-1","object":"chat.completion.chunk","created":1741569952,\
            "model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_06737a9306",\
            "choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,\
            "finish_reason":null}],"usage":null}""")
            + event("""
            {"id":"chatcmpl-stream-1","object":"chat.completion.chunk","created":1741569952,\
            "model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_06737a9306",\
            "choices":[{"index":0,"delta":{"content":"Sunny"},"logprobs":null,"finish_reason":null}],\
            "usage":null}""")
            + event("""
            {"id":"chatcmpl-stream-1","object":"chat.completion.chunk","created":1741569952,\
            "model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_06737a9306",\
            "choices":[{"index":0,"delta":{"content":", 22 degrees."},"logprobs":null,"finish_reason":null}],\
            "usage":null}""")
            + event("""
            {"id":"chatcmpl-stream-1","object":"chat.completion.chunk","created":1741569952,\
            "model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_06737a9306",\
            "choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null}""")
            + event("""
            {"id":"chatcmpl-stream-1","object":"chat.completion.chunk","created":1741569952,\
            "model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_06737a9306",\
            "choices":[],"usage":{"prompt_tokens":12,"completion_tokens":6,"total_tokens":18,\
            "prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},\
            "completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,\
            "accepted_prediction_tokens":0,"rejected_prediction_tokens":0}}}""")
            + "data: [DONE]\n\n";
}

package dev.genaiotel.langchain4j;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

/** A WireMock stand-in for the OpenAI API, with realistic payloads. */
final class OpenAiStub implements AutoCloseable {

    static final String CHAT_COMPLETION = """
            {"id":"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT","object":"chat.completion","created":1741569952,\
            "model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"message":{"role":"assistant",\
            "content":"The capital of France is Paris.","refusal":null,"annotations":[]},"logprobs":null,\
            "finish_reason":"stop"}],"usage":{"prompt_tokens":19,"completion_tokens":10,"total_tokens":29,\
            "prompt_tokens_details":{"cached_tokens":4,"audio_tokens":0},"completion_tokens_details":\
            {"reasoning_tokens":2,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},\
            "service_tier":"default","system_fingerprint":"fp_06737a9306"}""";

    static final String TOOL_CALL_COMPLETION = """
            {"id":"chatcmpl-tool1","object":"chat.completion","created":1741569953,\
            "model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"message":{"role":"assistant","content":null,\
            "tool_calls":[{"id":"call_VSPygqKTWdrhaFErNvMV18Yl","type":"function","function":{"name":"weather",\
            "arguments":"{\\"city\\":\\"Paris\\"}"}}],"refusal":null,"annotations":[]},"logprobs":null,\
            "finish_reason":"tool_calls"}],"usage":{"prompt_tokens":60,"completion_tokens":15,"total_tokens":75},\
            "system_fingerprint":"fp_06737a9306"}""";

    static final String AFTER_TOOL_COMPLETION = """
            {"id":"chatcmpl-tool2","object":"chat.completion","created":1741569954,\
            "model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"message":{"role":"assistant",\
            "content":"It is rainy in Paris.","refusal":null,"annotations":[]},"logprobs":null,\
            "finish_reason":"stop"}],"usage":{"prompt_tokens":90,"completion_tokens":8,"total_tokens":98},\
            "system_fingerprint":"fp_06737a9306"}""";

    static final String RATE_LIMITED = """
            {"error":{"message":"Rate limit reached for gpt-4o-mini in organization org-123 on requests per min.",\
            "type":"requests","param":null,"code":"rate_limit_exceeded"}}""";

    static final String SERVER_ERROR = """
            {"error":{"message":"The server had an error while processing your request.","type":"server_error",\
            "param":null,"code":null}}""";

    static final String EMBEDDINGS = """
            {"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.0023064255,-0.009327292,\
            0.015797347]},{"object":"embedding","index":1,"embedding":[0.0012,-0.0045,0.0178]}],\
            "model":"text-embedding-3-small","usage":{"prompt_tokens":8,"total_tokens":8}}""";

    final WireMockServer server = new WireMockServer(options().dynamicPort());

    OpenAiStub() {
        server.start();
    }

    String baseUrl() {
        return "http://localhost:" + server.port() + "/v1";
    }

    void chat(int status, String body) {
        server.stubFor(chatPost().willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    void chatStream(String... events) {
        StringBuilder body = new StringBuilder();
        for (String event : events) {
            body.append("data: ").append(event).append("\n\n");
        }
        body.append("data: [DONE]\n\n");
        server.stubFor(chatPost().willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(body.toString())));
    }

    void embeddings() {
        server.stubFor(post(urlPathEqualTo("/v1/embeddings")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(EMBEDDINGS)));
    }

    MappingBuilder chatPost() {
        return post(urlPathEqualTo("/v1/chat/completions"));
    }

    static String chunk(String delta, String finishReason) {
        return "{\"id\":\"chatcmpl-stream1\",\"object\":\"chat.completion.chunk\",\"created\":1741569955,"
                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_06737a9306\",\"choices\":[{"
                + "\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":"
                + (finishReason == null ? "null" : "\"" + finishReason + "\"") + "}],\"usage\":null}";
    }

    static String usageChunk() {
        return "{\"id\":\"chatcmpl-stream1\",\"object\":\"chat.completion.chunk\",\"created\":1741569955,"
                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_06737a9306\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3,\"total_tokens\":15}}";
    }

    @Override
    public void close() {
        server.stop();
    }
}

package dev.genaiotel.javaagent.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/** The services the plain application calls, as WireMock stubs answering in each service's wire format. */
final class StandIns {

    static final String OPENAI_CHAT_COMPLETION = """
            {
              "id": "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG",
              "object": "chat.completion",
              "created": 1741570283,
              "model": "gpt-4o-mini-2024-07-18",
              "choices": [
                {
                  "index": 0,
                  "message": {"role": "assistant", "content": "Paris is the capital of France.", "refusal": null,
                              "annotations": []},
                  "logprobs": null,
                  "finish_reason": "stop"
                }
              ],
              "usage": {"prompt_tokens": 24, "completion_tokens": 8, "total_tokens": 32,
                        "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
                        "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0,
                                                      "accepted_prediction_tokens": 0,
                                                      "rejected_prediction_tokens": 0}},
              "service_tier": "default",
              "system_fingerprint": "fp_06737a9306"
            }
            """;

    static final String BEDROCK_CONVERSE = """
            {"output":{"message":{"role":"assistant","content":[{"text":"Paris is the capital of France."}]}},
             "stopReason":"end_turn",
             "usage":{"inputTokens":21,"outputTokens":9,"totalTokens":30},
             "metrics":{"latencyMs":412}}""";

    /** Ollama answers a non-streamed call with one line of JSON, as it frames streams (NDJSON). */
    static final String OLLAMA_CHAT = "{\"model\":\"llama3.2\",\"created_at\":\"2025-03-10T12:00:00.000000Z\","
            + "\"message\":{\"role\":\"assistant\",\"content\":\"Paris is the capital of France.\"},"
            + "\"done_reason\":\"stop\",\"done\":true,\"total_duration\":812000000,\"load_duration\":12000000,"
            + "\"prompt_eval_count\":31,\"prompt_eval_duration\":120000000,\"eval_count\":8,"
            + "\"eval_duration\":600000000}\n";

    /** A Chat Completions stream, as OpenAI frames it when usage is asked for (the last chunk has no choices). */
    static final String OPENAI_CHAT_STREAM = chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null")
            + chunk("{\"content\":\"Paris is\"}", "null")
            + chunk("{\"content\":\" the capital of France.\"}", "null")
            + chunk("{}", "\"stop\"")
            + "data: {\"id\":\"chatcmpl-C1stream7Fq2\",\"object\":\"chat.completion.chunk\",\"created\":1741570290,"
            + "\"model\":\"gpt-4.1-nano-2025-04-14\",\"system_fingerprint\":\"fp_38343a2f8f\",\"choices\":[],"
            + "\"usage\":{\"prompt_tokens\":14,\"completion_tokens\":7,\"total_tokens\":21}}\n\n"
            + "data: [DONE]\n\n";

    /** The model asks for the {@code weather} tool. */
    static final String OPENAI_TOOL_CALL = """
            {"id":"chatcmpl-C1tool9Kd3","object":"chat.completion","created":1741570300,\
            "model":"gpt-4.1-2025-04-14","choices":[{"index":0,"message":{"role":"assistant","content":null,\
            "tool_calls":[{"id":"call_Wx7pQ2mNcity","type":"function","function":{"name":"weather",\
            "arguments":"{\\"city\\":\\"Paris\\"}"}}],"refusal":null,"annotations":[]},"logprobs":null,\
            "finish_reason":"tool_calls"}],"usage":{"prompt_tokens":71,"completion_tokens":15,"total_tokens":86},\
            "service_tier":"default","system_fingerprint":"fp_b3f1157249"}""";

    /** The model's answer once the tool's result is in the conversation. */
    static final String OPENAI_AFTER_TOOL = """
            {"id":"chatcmpl-C1final2Zr8","object":"chat.completion","created":1741570301,\
            "model":"gpt-4.1-2025-04-14","choices":[{"index":0,"message":{"role":"assistant",\
            "content":"It is sunny and 24 degrees in Paris.","refusal":null,"annotations":[]},"logprobs":null,\
            "finish_reason":"stop"}],"usage":{"prompt_tokens":104,"completion_tokens":11,"total_tokens":115},\
            "service_tier":"default","system_fingerprint":"fp_b3f1157249"}""";

    static final String OPENAI_EMBEDDINGS = """
            {"object":"list","data":[{"object":"embedding","index":0,\
            "embedding":[0.0023064255,-0.009327292,0.015797347,-0.0077780345]}],\
            "model":"text-embedding-3-small","usage":{"prompt_tokens":7,"total_tokens":7}}""";

    static final String ANTHROPIC_MESSAGE = """
            {"id":"msg_01AeZwkc7CEiq9YBJXZn5vkZ","type":"message","role":"assistant",\
            "model":"claude-sonnet-4-5-20250929","content":[{"type":"text","text":"Paris is the capital of France."}],\
            "stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":20,\
            "cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":10,\
            "service_tier":"standard"}}""";

    /** A Messages API stream, event by event as the API sends it (with its {@code ping}). */
    static final String ANTHROPIC_STREAM = """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_01Stream5dWq9hTzLm3","type":"message",\
            "role":"assistant","model":"claude-sonnet-4-5-20250929","content":[],"stop_reason":null,\
            "stop_sequence":null,"usage":{"input_tokens":20,"cache_creation_input_tokens":0,\
            "cache_read_input_tokens":0,"output_tokens":1,"service_tier":"standard"}}}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: ping
            data: {"type":"ping"}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Paris is"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta",\
            "text":" the capital of France."}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},\
            "usage":{"output_tokens":10}}

            event: message_stop
            data: {"type":"message_stop"}

            """;

    private StandIns() {}

    private static String chunk(String delta, String finishReason) {
        return "data: {\"id\":\"chatcmpl-C1stream7Fq2\",\"object\":\"chat.completion.chunk\",\"created\":1741570290,"
                + "\"model\":\"gpt-4.1-nano-2025-04-14\",\"system_fingerprint\":\"fp_38343a2f8f\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":"
                + finishReason + "}]}\n\n";
    }

    /** A started server with every stand-in. */
    static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(10).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody(OPENAI_CHAT_COMPLETION)));
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(3)
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(OPENAI_CHAT_STREAM)));
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(2)
                .withRequestBody(matchingJsonPath("$.tools"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(OPENAI_TOOL_CALL)));
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.messages[?(@.role == 'tool')]"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(OPENAI_AFTER_TOOL)));
        server.stubFor(post(urlPathEqualTo("/v1/embeddings")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(OPENAI_EMBEDDINGS)));
        server.stubFor(post(urlPathEqualTo("/v1/messages")).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(ANTHROPIC_MESSAGE)));
        server.stubFor(post(urlPathEqualTo("/v1/messages")).atPriority(3)
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(ANTHROPIC_STREAM)));
        server.stubFor(post(urlPathMatching("/model/.+/converse")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(BEDROCK_CONVERSE)));
        server.stubFor(post(urlPathEqualTo("/api/chat")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(OLLAMA_CHAT)));
        server.stubFor(get(urlPathEqualTo("/status")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain").withBody("ok")));
        return server;
    }
}

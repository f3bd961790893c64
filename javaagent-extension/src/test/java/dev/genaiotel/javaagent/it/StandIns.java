package dev.genaiotel.javaagent.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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

    private StandIns() {}

    /** A started server with every stand-in. */
    static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(OPENAI_CHAT_COMPLETION)));
        server.stubFor(post(urlPathMatching("/model/.+/converse")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(BEDROCK_CONVERSE)));
        server.stubFor(post(urlPathEqualTo("/api/chat")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(OLLAMA_CHAT)));
        server.stubFor(get(urlPathEqualTo("/status")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain").withBody("ok")));
        return server;
    }
}

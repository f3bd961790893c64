package dev.genaiotel.openai;

/** Response bodies in the shapes OpenAI's API sends them (recorded shapes, ids and values shortened). */
final class Payloads {

    private Payloads() {}

    static final String CHAT_COMPLETION = """
            {
              "id": "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG",
              "object": "chat.completion",
              "created": 1741570283,
              "model": "gpt-4o-mini-2024-07-18",
              "choices": [
                {
                  "index": 0,
                  "message": {
                    "role": "assistant",
                    "content": "Paris is the capital of France.",
                    "refusal": null,
                    "annotations": []
                  },
                  "logprobs": null,
                  "finish_reason": "stop"
                }
              ],
              "usage": {
                "prompt_tokens": 1117,
                "completion_tokens": 46,
                "total_tokens": 1163,
                "prompt_tokens_details": {"cached_tokens": 1024, "audio_tokens": 0},
                "completion_tokens_details": {
                  "reasoning_tokens": 12,
                  "audio_tokens": 0,
                  "accepted_prediction_tokens": 0,
                  "rejected_prediction_tokens": 0
                }
              },
              "service_tier": "default",
              "system_fingerprint": "fp_06737a9306"
            }
            """;

    static final String CHAT_COMPLETION_TWO_CHOICES = """
            {
              "id": "chatcmpl-n2",
              "object": "chat.completion",
              "created": 1741570283,
              "model": "gpt-4o-mini-2024-07-18",
              "choices": [
                {"index": 0, "message": {"role": "assistant", "content": "Blue.", "refusal": null},
                 "logprobs": null, "finish_reason": "stop"},
                {"index": 1, "message": {"role": "assistant", "content": "The sky is usually", "refusal": null},
                 "logprobs": null, "finish_reason": "length"}
              ],
              "usage": {"prompt_tokens": 12, "completion_tokens": 9, "total_tokens": 21},
              "service_tier": "default",
              "system_fingerprint": "fp_06737a9306"
            }
            """;

    static final String CHAT_COMPLETION_TOOL_CALLS = """
            {
              "id": "chatcmpl-tools",
              "object": "chat.completion",
              "created": 1741570283,
              "model": "gpt-4o-2024-08-06",
              "choices": [
                {
                  "index": 0,
                  "message": {
                    "role": "assistant",
                    "content": null,
                    "tool_calls": [
                      {"id": "call_VSPygqKTWdrhaFErNvMV18Yl", "type": "function",
                       "function": {"name": "get_weather", "arguments": "{\\"location\\":\\"Paris\\"}"}},
                      {"id": "call_2", "type": "function",
                       "function": {"name": "get_weather", "arguments": "{\\"location\\":\\"Lyon\\"}"}}
                    ],
                    "refusal": null,
                    "annotations": []
                  },
                  "logprobs": null,
                  "finish_reason": "tool_calls"
                }
              ],
              "usage": {"prompt_tokens": 82, "completion_tokens": 40, "total_tokens": 122},
              "service_tier": "default",
              "system_fingerprint": "fp_f33640a400"
            }
            """;

    static final String CHAT_COMPLETION_REFUSAL = """
            {
              "id": "chatcmpl-refusal",
              "object": "chat.completion",
              "created": 1741570283,
              "model": "gpt-4o-2024-08-06",
              "choices": [
                {"index": 0,
                 "message": {"role": "assistant", "content": null, "refusal": "I'm sorry, I can't help with that."},
                 "logprobs": null, "finish_reason": "stop"}
              ],
              "usage": {"prompt_tokens": 20, "completion_tokens": 10, "total_tokens": 30}
            }
            """;

    static final String CHAT_COMPLETION_AUDIO = """
            {
              "id": "chatcmpl-audio",
              "object": "chat.completion",
              "created": 1741570283,
              "model": "gpt-4o-audio-preview-2024-12-17",
              "choices": [
                {"index": 0,
                 "message": {"role": "assistant", "content": null, "refusal": null,
                   "audio": {"id": "audio_abc123", "expires_at": 1741573883, "data": "UklGRiQAAABXQVZF",
                     "transcript": "Hello there!"}},
                 "logprobs": null, "finish_reason": "stop"}
              ],
              "usage": {"prompt_tokens": 17, "completion_tokens": 70, "total_tokens": 87,
                "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
                "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 58, "text_tokens": 12}}
            }
            """;

    /** A chat stream as sent with {@code stream_options.include_usage}: usage null on each chunk, then usage. */
    static final String CHAT_STREAM_WITH_USAGE = sse(
            "{\"id\":\"chatcmpl-s1\",\"object\":\"chat.completion.chunk\",\"created\":1741570283,"
                    + "\"model\":\"gpt-4o-mini-2024-07-18\",\"service_tier\":\"default\","
                    + "\"system_fingerprint\":\"fp_06737a9306\",\"choices\":[{\"index\":0,\"delta\":{\"role\":"
                    + "\"assistant\",\"content\":\"\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}],"
                    + "\"usage\":null}",
            "{\"id\":\"chatcmpl-s1\",\"object\":\"chat.completion.chunk\",\"created\":1741570283,"
                    + "\"model\":\"gpt-4o-mini-2024-07-18\",\"service_tier\":\"default\","
                    + "\"system_fingerprint\":\"fp_06737a9306\",\"choices\":[{\"index\":0,\"delta\":{\"content\":"
                    + "\"Hello\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}",
            "{\"id\":\"chatcmpl-s1\",\"object\":\"chat.completion.chunk\",\"created\":1741570283,"
                    + "\"model\":\"gpt-4o-mini-2024-07-18\",\"service_tier\":\"default\","
                    + "\"system_fingerprint\":\"fp_06737a9306\",\"choices\":[{\"index\":0,\"delta\":{\"content\":"
                    + "\" world\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}",
            "{\"id\":\"chatcmpl-s1\",\"object\":\"chat.completion.chunk\",\"created\":1741570283,"
                    + "\"model\":\"gpt-4o-mini-2024-07-18\",\"service_tier\":\"default\","
                    + "\"system_fingerprint\":\"fp_06737a9306\",\"choices\":[{\"index\":0,\"delta\":{},"
                    + "\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":null}",
            "{\"id\":\"chatcmpl-s1\",\"object\":\"chat.completion.chunk\",\"created\":1741570283,"
                    + "\"model\":\"gpt-4o-mini-2024-07-18\",\"service_tier\":\"default\","
                    + "\"system_fingerprint\":\"fp_06737a9306\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,"
                    + "\"completion_tokens\":2,\"total_tokens\":11,\"prompt_tokens_details\":{\"cached_tokens\":0,"
                    + "\"audio_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0,"
                    + "\"audio_tokens\":0,\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}}");

    /** A streamed tool call: id and name in the first fragment, the arguments in pieces. */
    static final String CHAT_STREAM_TOOL_CALL = sse(
            "{\"id\":\"chatcmpl-t1\",\"object\":\"chat.completion.chunk\",\"created\":1741570283,"
                    + "\"model\":\"gpt-4o-2024-08-06\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
                    + "\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_DdmO9pD3xa9XTPNJ32zg2hcA\","
                    + "\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}],"
                    + "\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}]}",
            "{\"id\":\"chatcmpl-t1\",\"object\":\"chat.completion.chunk\",\"created\":1741570283,"
                    + "\"model\":\"gpt-4o-2024-08-06\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":"
                    + "[{\"index\":0,\"function\":{\"arguments\":\"{\\\"location\\\":\"}}]},\"logprobs\":null,"
                    + "\"finish_reason\":null}]}",
            "{\"id\":\"chatcmpl-t1\",\"object\":\"chat.completion.chunk\",\"created\":1741570283,"
                    + "\"model\":\"gpt-4o-2024-08-06\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":"
                    + "[{\"index\":0,\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}]},\"logprobs\":null,"
                    + "\"finish_reason\":null}]}",
            "{\"id\":\"chatcmpl-t1\",\"object\":\"chat.completion.chunk\",\"created\":1741570283,"
                    + "\"model\":\"gpt-4o-2024-08-06\",\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,"
                    + "\"finish_reason\":\"tool_calls\"}]}");

    /** A stream that stops in the middle: no finish reason, no {@code [DONE]}. */
    static final String CHAT_STREAM_TRUNCATED = "data: {\"id\":\"chatcmpl-cut\",\"object\":"
            + "\"chat.completion.chunk\",\"created\":1741570283,\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":"
            + "[{\"index\":0,\"delta\":{\"content\":\"Hel\"},\"logprobs\":null,\"finish_reason\":null}]}\n\n";

    /** A stream whose server reports an error after the first chunk. */
    static final String CHAT_STREAM_ERROR = "data: {\"id\":\"chatcmpl-err\",\"object\":"
            + "\"chat.completion.chunk\",\"created\":1741570283,\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":"
            + "[{\"index\":0,\"delta\":{\"content\":\"Hel\"},\"logprobs\":null,\"finish_reason\":null}]}\n\n"
            + "data: {\"error\":{\"message\":\"The server had an error while processing your request.\","
            + "\"type\":\"server_error\",\"param\":null,\"code\":\"server_error\"}}\n\n";

    static final String ERROR_429 = """
            {
              "error": {
                "message": "Rate limit reached for gpt-4o-mini in organization org-x on tokens per min (TPM).",
                "type": "tokens",
                "param": null,
                "code": "rate_limit_exceeded"
              }
            }
            """;

    static final String ERROR_400 = """
            {"error": {"message": "Invalid value for 'temperature'.", "type": "invalid_request_error",
              "param": "temperature", "code": "invalid_value"}}
            """;

    static final String ERROR_401 = """
            {"error": {"message": "Incorrect API key provided: sk-test.", "type": "invalid_request_error",
              "param": null, "code": "invalid_api_key"}}
            """;

    static final String ERROR_500 = """
            {"error": {"message": "The server had an error while processing your request.", "type": "server_error",
              "param": null, "code": null}}
            """;

    static final String EMBEDDINGS = """
            {
              "object": "list",
              "data": [
                {"object": "embedding", "index": 0, "embedding": [0.0023064255, -0.009327292, 0.015797347]},
                {"object": "embedding", "index": 1, "embedding": [-0.0034125, 0.0212456, -0.0051277]}
              ],
              "model": "text-embedding-3-small",
              "usage": {"prompt_tokens": 8, "total_tokens": 8}
            }
            """;

    static final String COMPLETION = """
            {
              "id": "cmpl-uqkvlQyYK7bGYrRHQ0eXlWi7",
              "object": "text_completion",
              "created": 1589478378,
              "model": "gpt-3.5-turbo-instruct",
              "system_fingerprint": "fp_44709d6fcb",
              "choices": [
                {"text": "\\n\\nThis is indeed a test", "index": 0, "logprobs": null, "finish_reason": "length"}
              ],
              "usage": {"prompt_tokens": 5, "completion_tokens": 7, "total_tokens": 12}
            }
            """;

    static final String COMPLETION_STREAM = sse(
            "{\"id\":\"cmpl-s\",\"object\":\"text_completion\",\"created\":1589478378,"
                    + "\"model\":\"gpt-3.5-turbo-instruct\",\"choices\":[{\"text\":\"This\",\"index\":0,"
                    + "\"logprobs\":null,\"finish_reason\":null}]}",
            "{\"id\":\"cmpl-s\",\"object\":\"text_completion\",\"created\":1589478378,"
                    + "\"model\":\"gpt-3.5-turbo-instruct\",\"choices\":[{\"text\":\" is\",\"index\":0,"
                    + "\"logprobs\":null,\"finish_reason\":\"stop\"}]}");

    static final String RESPONSE = """
            {
              "id": "resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b",
              "object": "response",
              "created_at": 1741476542,
              "status": "completed",
              "error": null,
              "incomplete_details": null,
              "instructions": "You are a terse assistant.",
              "max_output_tokens": 512,
              "model": "gpt-4.1-2025-04-14",
              "output": [
                {
                  "type": "reasoning",
                  "id": "rs_67ccd2bf17f0819081ff3bb2cf6508e6",
                  "summary": [{"type": "summary_text", "text": "The user asks for the weather; search first."}]
                },
                {
                  "type": "web_search_call",
                  "id": "ws_67ccd2bed1ec8190",
                  "status": "completed",
                  "action": {"type": "search", "query": "weather Paris today"}
                },
                {
                  "type": "file_search_call",
                  "id": "fs_67ccd2bed1ec8191",
                  "status": "completed",
                  "queries": ["packing list"],
                  "results": [{"file_id": "file-2dtbBZdjtDKS8eqWxqbgDi", "filename": "trip.pdf", "score": 0.93,
                    "text": "Bring an umbrella."}]
                },
                {
                  "type": "code_interpreter_call",
                  "id": "ci_67ccd2bed1ec8192",
                  "status": "completed",
                  "code": "print(21 * 2)",
                  "container_id": "cntr_682d",
                  "outputs": [{"type": "logs", "logs": "42\\n"}]
                },
                {
                  "type": "message",
                  "id": "msg_67ccd2bf17f0819081ff3bb2cf6508e60bb6a6b452d3795b",
                  "status": "completed",
                  "role": "assistant",
                  "content": [
                    {"type": "output_text", "text": "Rainy, 14 °C. Bring an umbrella.", "annotations": []}
                  ]
                }
              ],
              "parallel_tool_calls": true,
              "previous_response_id": "resp_previous123",
              "reasoning": {"effort": "low", "summary": null},
              "service_tier": "default",
              "store": true,
              "temperature": 0.3,
              "text": {"format": {"type": "text"}},
              "tool_choice": "auto",
              "tools": [],
              "top_p": 1.0,
              "truncation": "disabled",
              "usage": {
                "input_tokens": 328,
                "input_tokens_details": {"cached_tokens": 128},
                "output_tokens": 52,
                "output_tokens_details": {"reasoning_tokens": 16},
                "total_tokens": 380
              },
              "user": null,
              "metadata": {}
            }
            """;

    static final String RESPONSE_FUNCTION_CALL = """
            {
              "id": "resp_fc",
              "object": "response",
              "created_at": 1741476542,
              "status": "completed",
              "error": null,
              "incomplete_details": null,
              "instructions": null,
              "model": "gpt-4.1-2025-04-14",
              "output": [
                {"type": "function_call", "id": "fc_12345xyz", "call_id": "call_12345xyz", "name": "get_weather",
                 "arguments": "{\\"location\\":\\"Paris, France\\"}", "status": "completed"}
              ],
              "parallel_tool_calls": true,
              "tool_choice": "auto",
              "tools": [{"type": "function", "name": "get_weather", "description": "Current weather",
                "parameters": {"type": "object", "properties": {"location": {"type": "string"}},
                  "required": ["location"]}, "strict": true}],
              "usage": {"input_tokens": 60, "input_tokens_details": {"cached_tokens": 0}, "output_tokens": 18,
                "output_tokens_details": {"reasoning_tokens": 0}, "total_tokens": 78},
              "metadata": {}
            }
            """;

    static final String RESPONSE_INCOMPLETE = """
            {
              "id": "resp_incomplete",
              "object": "response",
              "created_at": 1741476542,
              "status": "incomplete",
              "error": null,
              "incomplete_details": {"reason": "max_output_tokens"},
              "instructions": null,
              "model": "gpt-4.1-2025-04-14",
              "output": [],
              "parallel_tool_calls": true,
              "tool_choice": "auto",
              "tools": [],
              "service_tier": "flex",
              "usage": {"input_tokens": 10, "input_tokens_details": {"cached_tokens": 0}, "output_tokens": 16,
                "output_tokens_details": {"reasoning_tokens": 16}, "total_tokens": 26},
              "metadata": {}
            }
            """;

    /** The response of {@link #responseStream()} as its first event carries it. */
    static final String STREAMED_RESPONSE_CREATED = "{\"id\":\"resp_s1\",\"object\":\"response\","
            + "\"created_at\":1741290958,\"status\":"
                + "\"in_progress\",\"error\":null,\"incomplete_details\":null,\"instructions\":null,"
                + "\"model\":\"gpt-4.1-2025-04-14\",\"output\":[],\"parallel_tool_calls\":true,"
                + "\"tool_choice\":\"auto\",\"tools\":[],\"usage\":null,\"metadata\":{}}";
    /** The response of {@link #responseStream()} as its last event carries it, and as a retrieve returns it. */
    static final String STREAMED_RESPONSE_COMPLETED = "{\"id\":\"resp_s1\",\"object\":\"response\","
            + "\"created_at\":1741290958,\"status\":"
                + "\"completed\",\"error\":null,\"incomplete_details\":null,\"instructions\":null,"
                + "\"model\":\"gpt-4.1-2025-04-14\",\"output\":[{\"id\":\"msg_s1\",\"type\":\"message\","
                + "\"status\":\"completed\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\","
                + "\"text\":\"Hi there!\",\"annotations\":[]}]}],\"parallel_tool_calls\":true,"
                + "\"service_tier\":\"default\",\"tool_choice\":\"auto\",\"tools\":[],\"usage\":{\"input_tokens\":37,"
                + "\"input_tokens_details\":{\"cached_tokens\":0},\"output_tokens\":11,"
                + "\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":48},\"metadata\":{}}";

    static String responseStream() {
        return event("response.created", "{\"type\":\"response.created\",\"sequence_number\":0,\"response\":"
                        + STREAMED_RESPONSE_CREATED + "}")
                + event("response.output_text.delta", "{\"type\":\"response.output_text.delta\","
                        + "\"sequence_number\":1,\"item_id\":\"msg_s1\",\"output_index\":0,\"content_index\":0,"
                        + "\"delta\":\"Hi\",\"logprobs\":[]}")
                + event("response.output_text.delta", "{\"type\":\"response.output_text.delta\","
                        + "\"sequence_number\":2,\"item_id\":\"msg_s1\",\"output_index\":0,\"content_index\":0,"
                        + "\"delta\":\" there!\",\"logprobs\":[]}")
                + event("response.completed", "{\"type\":\"response.completed\",\"sequence_number\":3,"
                        + "\"response\":" + STREAMED_RESPONSE_COMPLETED + "}");
    }

    static String sse(String... chunks) {
        StringBuilder body = new StringBuilder();
        for (String chunk : chunks) {
            body.append("data: ").append(chunk).append("\n\n");
        }
        return body.append("data: [DONE]\n\n").toString();
    }

    static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }
}

package dev.genaiotel.anthropic;

/** Messages API wire payloads as the API sends them: JSON answers, SSE streams and errors. */
final class Payloads {

    private Payloads() {}

    static final String MODEL = "claude-sonnet-4-5";
    static final String ANSWERED_MODEL = "claude-sonnet-4-5-20250929";

    static final String TEXT_MESSAGE = """
            {"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant",
             "model":"claude-sonnet-4-5-20250929",
             "content":[{"type":"text","text":"Hello! How can I help you today?"}],
             "stop_reason":"end_turn","stop_sequence":null,
             "usage":{"input_tokens":12,"cache_creation_input_tokens":100,"cache_read_input_tokens":200,
                      "output_tokens":9,"service_tier":"standard"}}""";

    static final String TOOL_USE_MESSAGE = """
            {"id":"msg_01Aq9w938a90dw8q","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
             "content":[{"type":"text","text":"I'll check the weather in Paris."},
                        {"type":"tool_use","id":"toolu_01A09q90qw90lq917835lq9","name":"get_weather",
                         "input":{"location":"Paris, France","unit":"celsius"}}],
             "stop_reason":"tool_use","stop_sequence":null,
             "usage":{"input_tokens":472,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,
                      "output_tokens":89}}""";

    static final String FINAL_AFTER_TOOL = """
            {"id":"msg_01Bq9w938a90dw8r","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
             "content":[{"type":"text","text":"It is 15 degrees and cloudy in Paris."}],
             "stop_reason":"end_turn","stop_sequence":null,
             "usage":{"input_tokens":590,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,
                      "output_tokens":14}}""";

    static final String THINKING_MESSAGE = """
            {"id":"msg_01Th1nk1ng","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
             "content":[{"type":"thinking","thinking":"The user asks for 6 times 7. That is 42.",
                         "signature":"EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds"},
                        {"type":"redacted_thinking","data":"EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIw"},
                        {"type":"text","text":"6 times 7 is 42."}],
             "stop_reason":"end_turn","stop_sequence":null,
             "usage":{"input_tokens":40,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,
                      "output_tokens":120,"output_tokens_details":{"thinking_tokens":95}}}""";

    static final String WEB_SEARCH_MESSAGE = """
            {"id":"msg_01WebSearch","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
             "content":[
               {"type":"server_tool_use","id":"srvtoolu_01WYG3ziw53XMcoyKL4XcZmE","name":"web_search",
                "input":{"query":"claude shannon birth date"}},
               {"type":"web_search_tool_result","tool_use_id":"srvtoolu_01WYG3ziw53XMcoyKL4XcZmE",
                "content":[{"type":"web_search_result","url":"https://en.wikipedia.org/wiki/Claude_Shannon",
                            "title":"Claude Shannon - Wikipedia","encrypted_content":"EqgfCioIARgBIiQ3YTAw",
                            "page_age":"April 30, 2025"}]},
               {"type":"text","text":"Claude Shannon was born on April 30, 1916, in Petoskey, Michigan",
                "citations":[{"type":"web_search_result_location","url":"https://en.wikipedia.org/wiki/Claude_Shannon",
                              "title":"Claude Shannon - Wikipedia","encrypted_index":"Eo8BCioIAhgBIiQy",
                              "cited_text":"Claude Elwood Shannon (April 30, 1916 - February 24, 2001)"}]}],
             "stop_reason":"end_turn","stop_sequence":null,
             "usage":{"input_tokens":6039,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,
                      "output_tokens":931,"server_tool_use":{"web_search_requests":1}}}""";

    static String error(String type, String message) {
        return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message
                + "\"},\"request_id\":\"req_011CSHoEeqs5C35K2UUqR7Fy\"}";
    }

    static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    static final String MESSAGE_START = event("message_start", """
            {"type":"message_start","message":{"id":"msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY","type":"message",\
            "role":"assistant","content":[],"model":"claude-sonnet-4-5-20250929","stop_reason":null,\
            "stop_sequence":null,"usage":{"input_tokens":25,"cache_creation_input_tokens":5,\
            "cache_read_input_tokens":10,"output_tokens":1}}}""");

    static final String TEXT_STREAM = MESSAGE_START
            + event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                    + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}")
            + event("ping", "{\"type\": \"ping\"}")
            + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello\"}}")
            + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":\" there!\"}}")
            + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")
            + event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                    + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":15}}")
            + event("message_stop", "{\"type\":\"message_stop\"}");

    /** A text block, then the stream breaks off: no stop reason, no {@code message_stop}. */
    static final String TRUNCATED_STREAM = MESSAGE_START
            + event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                    + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}")
            + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello\"}}");

    /** A text block, then an {@code error} event in the open stream. */
    static final String OVERLOADED_MID_STREAM = TRUNCATED_STREAM
            + event("error", "{\"type\": \"error\", \"error\": {\"type\": \"overloaded_error\", "
                    + "\"message\": \"Overloaded\"}}");

    /** A text block, then an event whose data is not JSON. */
    static final String MALFORMED_STREAM = TRUNCATED_STREAM
            + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{");

    static final String TOOL_USE_STREAM = MESSAGE_START
            + event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                    + "\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"\"}}")
            + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"Need the weather tool.\"}}")
            + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"signature_delta\",\"signature\":\"EqQBCgIYAhIM1gbc\"}}")
            + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")
            + event("content_block_start", "{\"type\":\"content_block_start\",\"index\":1,"
                    + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}")
            + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,"
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Checking.\"}}")
            + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":1}")
            + event("content_block_start", "{\"type\":\"content_block_start\",\"index\":2,"
                    + "\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_01T1x1fJ34qAmk2tNTrN7Up6\","
                    + "\"name\":\"get_weather\",\"input\":{}}}")
            + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":2,"
                    + "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"\"}}")
            + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":2,"
                    + "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"location\\\": \\\"San Fra\"}}")
            + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":2,"
                    + "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"ncisco, CA\\\"}\"}}")
            + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":2}")
            + event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\","
                    + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":89}}")
            + event("message_stop", "{\"type\":\"message_stop\"}");

    static final String WEB_SEARCH_STREAM = MESSAGE_START
            + event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":"
                    + "{\"type\":\"server_tool_use\",\"id\":\"srvtoolu_014hJH82Qum7Td6UV8gDXThB\","
                    + "\"name\":\"web_search\",\"input\":{}}}")
            + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"input_json_delta\","
                    + "\"partial_json\":\"{\\\"query\\\": \\\"weather NYC\\\"}\"}}")
            + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")
            + event("content_block_start", "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":"
                    + "{\"type\":\"web_search_tool_result\",\"tool_use_id\":\"srvtoolu_014hJH82Qum7Td6UV8gDXThB\","
                    + "\"content\":[{\"type\":\"web_search_result\",\"title\":\"Weather in New York City\","
                    + "\"url\":\"https://weather.example/nyc\",\"encrypted_content\":\"Ev0DCioIAxgC\","
                    + "\"page_age\":null}]}}")
            + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":1}")
            + event("content_block_start", "{\"type\":\"content_block_start\",\"index\":2,"
                    + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}")
            + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":2,"
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":\"It is sunny.\"}}")
            + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":2,"
                    + "\"delta\":{\"type\":\"citations_delta\",\"citation\":{\"type\":\"web_search_result_location\","
                    + "\"cited_text\":\"Sunny, 75F\",\"url\":\"https://weather.example/nyc\","
                    + "\"title\":\"Weather in New York City\",\"encrypted_index\":\"EpMBCioIAhgB\"}}}")
            + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":2}")
            + event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                    + "\"stop_sequence\":null},\"usage\":{\"input_tokens\":10682,\"cache_creation_input_tokens\":0,"
                    + "\"cache_read_input_tokens\":0,\"output_tokens\":510,"
                    + "\"server_tool_use\":{\"web_search_requests\":1}}}")
            + event("message_stop", "{\"type\":\"message_stop\"}");
}

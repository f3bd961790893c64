package dev.genaiotel.semconv.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Best-effort parsing of JSON text that a provider hands over as a string (tool-call arguments, tool results,
 * schemas), as the conventions ask: such values are recorded as structure when they can be.
 */
final class RawJson {

    /** Returned when the text is not one complete, valid JSON value within the depth limit. */
    static final Object INVALID = new Object();

    private RawJson() {}

    /** Whether the first non-whitespace character opens an object or an array. */
    static boolean looksLikeJson(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '{' || c == '[') {
                return true;
            }
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
        }
        return false;
    }

    /** Maps, lists and scalars for {@code text}, or {@link #INVALID}. */
    static Object parse(String text, int maxDepth) {
        try (JsonParser parser = JsonSink.FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            Object value = read(parser, first, 0, maxDepth);
            if (value == INVALID || parser.nextToken() != null) {
                return INVALID;
            }
            return value;
        } catch (IOException | RuntimeException e) {
            return INVALID;
        }
    }

    private static Object read(JsonParser parser, JsonToken token, int depth, int maxDepth) throws IOException {
        if (token == null) {
            return INVALID;
        }
        switch (token) {
            case START_OBJECT -> {
                if (depth >= maxDepth) {
                    return INVALID;
                }
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    Object value = read(parser, parser.nextToken(), depth + 1, maxDepth);
                    if (value == INVALID) {
                        return INVALID;
                    }
                    map.put(name, value);
                }
                return map;
            }
            case START_ARRAY -> {
                if (depth >= maxDepth) {
                    return INVALID;
                }
                List<Object> list = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    Object value = read(parser, next, depth + 1, maxDepth);
                    if (value == INVALID) {
                        return INVALID;
                    }
                    list.add(value);
                }
                return list;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? parser.getBigIntegerValue() : parser.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> {
                return INVALID;
            }
        }
    }
}

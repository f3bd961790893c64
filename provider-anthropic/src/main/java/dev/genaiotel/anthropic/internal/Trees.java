package dev.genaiotel.anthropic.internal;

import com.anthropic.core.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * anthropic-java models as plain JSON trees (maps, lists, strings, numbers), read by their wire names. Used only for
 * content, which is built only when something records it: one walk over a tree covers every variant of the models'
 * unions, including block types newer than this code.
 */
final class Trees {

    private Trees() {}

    /** The wire form of a model: a {@code Map}, {@code List}, {@code String}, number, boolean or null. */
    static Object of(Object model) {
        if (model == null) {
            return null;
        }
        return exact(JsonValue.from(model).convert(Object.class));
    }

    /** Floats widened to the double the wire showed ({@code 0.93}, not {@code 0.9300000071525574}). */
    private static Object exact(Object value) {
        if (value instanceof Float number) {
            return Double.valueOf(number.toString());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>(map.size() * 2);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                copy.put(String.valueOf(entry.getKey()), exact(entry.getValue()));
            }
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                copy.add(exact(element));
            }
            return copy;
        }
        return value;
    }

    static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    static String string(Map<?, ?> map, String key) {
        return map.get(key) instanceof String text ? text : null;
    }

    /** The entries of {@code map} other than {@code excluded} and nulls, with string keys, in order. */
    static Map<String, Object> without(Map<?, ?> map, String... excluded) {
        Map<String, Object> copy = new LinkedHashMap<>();
        outer:
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            for (String skip : excluded) {
                if (skip.equals(key)) {
                    continue outer;
                }
            }
            if (entry.getValue() != null) {
                copy.put(key, entry.getValue());
            }
        }
        return copy;
    }
}

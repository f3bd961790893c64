package dev.genaiotel.semconv.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Construction-time checks whose messages name the field that is wrong. Not part of the public API. */
public final class Checks {

    private Checks() {}

    /** Returns {@code value}, or throws a {@link NullPointerException} naming {@code owner.field}. */
    public static <T> T required(T value, String owner, String field) {
        if (value == null) {
            throw new NullPointerException(owner + "." + field + " is required");
        }
        return value;
    }

    /** Returns {@code value} if it is neither null nor blank, else throws naming {@code owner.field}. */
    public static String requiredText(String value, String owner, String field) {
        required(value, owner, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(owner + "." + field + " must not be blank");
        }
        return value;
    }

    /** An unmodifiable copy of {@code list} that rejects null elements with a message naming the index. */
    public static <T> List<T> copyOfElements(List<? extends T> list, String owner, String field) {
        required(list, owner, field);
        List<T> copy = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            T element = list.get(i);
            if (element == null) {
                throw new NullPointerException(owner + "." + field + "[" + i + "] is null");
            }
            copy.add(element);
        }
        return Collections.unmodifiableList(copy);
    }

    /**
     * An unmodifiable, order-keeping copy of {@code map}; null values are allowed (they are JSON nulls), null keys
     * are not.
     */
    public static Map<String, Object> copyOfProperties(Map<String, ?> map, String owner, String field) {
        required(map, owner, field);
        Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
        for (Map.Entry<String, ?> entry : map.entrySet()) {
            if (entry.getKey() == null) {
                throw new NullPointerException(owner + "." + field + " has a null key");
            }
            copy.put(entry.getKey(), entry.getValue());
        }
        return Collections.unmodifiableMap(copy);
    }
}

package dev.genaiotel.bedrock.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;

/** Turns the SDK's {@link Document} (tool inputs, JSON schemas, model fields) into plain Java values. */
final class Documents {

    private static final int MAX_DEPTH = 64;

    private Documents() {}

    /** Maps, lists, strings, numbers, booleans or null; nesting deeper than 64 levels is cut off. */
    static Object toJava(Document document) {
        return toJava(document, 0);
    }

    private static Object toJava(Document document, int depth) {
        if (document == null || document.isNull() || depth > MAX_DEPTH) {
            return null;
        }
        if (document.isString()) {
            return document.asString();
        }
        if (document.isBoolean()) {
            return document.asBoolean();
        }
        if (document.isNumber()) {
            return number(document.asNumber());
        }
        if (document.isList()) {
            List<Document> items = document.asList();
            List<Object> list = new ArrayList<>(items.size());
            for (Document item : items) {
                list.add(toJava(item, depth + 1));
            }
            return list;
        }
        if (document.isMap()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, Document> entry : document.asMap().entrySet()) {
                map.put(entry.getKey(), toJava(entry.getValue(), depth + 1));
            }
            return map;
        }
        return null;
    }

    /** A whole number as a long, any other number as a double; null when not a number. */
    static Number number(SdkNumber number) {
        if (number == null) {
            return null;
        }
        BigDecimal value = number.bigDecimalValue();
        if (value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0) {
            try {
                return value.longValueExact();
            } catch (ArithmeticException e) {
                return value.doubleValue();
            }
        }
        return value.doubleValue();
    }

    /** The member of a map document, or null. */
    static Document member(Document document, String name) {
        if (document == null || !document.isMap()) {
            return null;
        }
        return document.asMap().get(name);
    }

    /** The whole number held by a document, or null. */
    static Long longValue(Document document) {
        if (document == null || !document.isNumber()) {
            return null;
        }
        Number number = number(document.asNumber());
        return number == null ? null : number.longValue();
    }
}

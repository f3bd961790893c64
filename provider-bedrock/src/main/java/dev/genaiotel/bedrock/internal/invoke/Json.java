package dev.genaiotel.bedrock.internal.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genaiotel.semconv.message.MessagePart;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lenient reads of Jackson trees: every method accepts a missing, null or wrongly typed node and answers null (or an
 * empty list) instead of throwing, so that a body of an unexpected shape only loses what cannot be read.
 */
final class Json {

    private Json() {}

    /** The string value, or null when the node is not a JSON string. */
    static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    /** The integral value, or null when the node is not a number that fits a long. */
    static Long longValue(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? node.longValue() : null;
        }
        double value = node.doubleValue();
        return Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) < 9.0e15 ? (long) value : null;
    }

    /** The first of the nodes that is an integral number, or null. */
    static Long longValue(JsonNode first, JsonNode second) {
        Long value = longValue(first);
        return value != null ? value : longValue(second);
    }

    /** A choice, content-block or tool-call index; 0 when absent or not a non-negative int. */
    static int index(JsonNode node) {
        Long index = longValue(node);
        return index == null || index < 0 || index > Integer.MAX_VALUE ? 0 : index.intValue();
    }

    /** The numeric value, or null when the node is not a finite number. */
    static Double doubleValue(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return null;
        }
        double value = node.doubleValue();
        return Double.isFinite(value) ? value : null;
    }

    /** The first of the nodes that is a number, or null. */
    static Double doubleValue(JsonNode first, JsonNode second) {
        Double value = doubleValue(first);
        return value != null ? value : doubleValue(second);
    }

    /** The strings of an array (non-strings skipped), a single string as a one-element list, else empty. */
    static List<String> strings(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.textValue());
        }
        if (!node.isArray() || node.isEmpty()) {
            return List.of();
        }
        List<String> values = new ArrayList<>(node.size());
        for (JsonNode element : node) {
            if (element.isTextual()) {
                values.add(element.textValue());
            }
        }
        return values;
    }

    /**
     * The node as plain Java values: maps (in order), lists, strings, numbers, booleans and nulls; null for a missing
     * node. Used for tool-call arguments and results, which the content encoder writes as structured values.
     */
    static Object value(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode element : node) {
                list.add(value(element));
            }
            return list;
        }
        if (node.isObject()) {
            return properties(node, null);
        }
        return node.asText();
    }

    /**
     * The node as plain values like {@link #value(JsonNode)}, but without inline binary data: string fields named
     * {@code data} or {@code bytes} (base64 images and documents inside tool results) are left out, so that they
     * neither bypass the blob policy nor blow up the recorded content.
     */
    static Object valueWithoutInlineData(JsonNode node) {
        if (node == null || !node.isContainerNode()) {
            return value(node);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode element : node) {
                list.add(valueWithoutInlineData(element));
            }
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            if (!(field.getValue().isTextual() && (key.equals("data") || key.equals("bytes")))) {
                map.put(key, valueWithoutInlineData(field.getValue()));
            }
        }
        return map;
    }

    /** An object's fields as plain values, in order, leaving out {@code skipped} (may be null). */
    static Map<String, Object> properties(JsonNode node, String skipped) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (node == null || !node.isObject()) {
            return map;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!field.getKey().equals(skipped)) {
                map.put(field.getKey(), value(field.getValue()));
            }
        }
        return map;
    }

    /**
     * Tool-call arguments: a JSON object or array as plain values, a string as it is (often JSON text, which the
     * encoder parses best-effort); null when absent.
     */
    static Object arguments(JsonNode node) {
        return value(node);
    }

    /**
     * A blob part for base64 data, or null when the data is missing or not valid base64. Decoding happens only here,
     * which families call only when content is captured.
     *
     * @param base64 the node holding the base64 text
     * @param mimeType the media type, or null to guess it for images from the first bytes
     * @param modality the modality
     */
    static MessagePart blob(JsonNode base64, String mimeType, String modality) {
        return blob(text(base64), mimeType, modality);
    }

    /** A blob part for base64 text, or null when it is missing or not valid base64. */
    static MessagePart blob(String data, String mimeType, String modality) {
        if (data == null || data.isEmpty()) {
            return null;
        }
        byte[] bytes;
        try {
            boolean wrapped = data.indexOf('\n') >= 0 || data.indexOf('\r') >= 0;
            bytes = (wrapped ? Base64.getMimeDecoder() : Base64.getDecoder()).decode(data);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (bytes.length == 0) {
            return null;
        }
        return new MessagePart.Blob(mimeType != null ? mimeType : sniffImageType(data), modality, bytes);
    }

    /** The image media type told by the first base64 characters (PNG, JPEG, GIF, WebP), or null. */
    static String sniffImageType(String base64) {
        if (base64.startsWith("iVBORw0KGgo")) {
            return "image/png";
        }
        if (base64.startsWith("/9j/")) {
            return "image/jpeg";
        }
        if (base64.startsWith("R0lGOD")) {
            return "image/gif";
        }
        if (base64.startsWith("UklGR")) {
            return "image/webp";
        }
        return null;
    }

    /** A text part, or null for a missing or empty string. */
    static MessagePart textPart(JsonNode node) {
        String text = text(node);
        return text == null || text.isEmpty() ? null : new MessagePart.Text(text);
    }

    /** Adds the part unless it is null. */
    static void add(List<MessagePart> parts, MessagePart part) {
        if (part != null) {
            parts.add(part);
        }
    }
}

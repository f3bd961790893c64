package dev.genaiotel.core.internal;

import dev.genaiotel.semconv.message.ContentEncoder;
import dev.genaiotel.semconv.message.MessagePart;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.UnaryOperator;

/**
 * Rewrites every text inside a message part or an arbitrary value: part contents, URIs, and the strings nested in
 * maps, lists and arrays. Numbers, booleans, enum constants, dates, map keys and bytes are kept; any other object is
 * rewritten as its {@code toString()}, which is how it would be recorded. Unchanged values are returned as they
 * are, so a function that changes nothing allocates nothing. Walks are bounded like {@link ContentEncoder}.
 */
public final class ContentText {

    /** Returned by {@link #mapValue} when the function dropped a text. */
    public static final Object DROPPED = new Object();

    private final UnaryOperator<String> function;
    private int nodes;
    private boolean dropped;

    private ContentText(UnaryOperator<String> function) {
        this.function = function;
    }

    /**
     * The part with every text rewritten by {@code function}, or null when {@code function} returned null for any
     * of them (the whole part is dropped).
     */
    public static MessagePart map(MessagePart part, UnaryOperator<String> function) {
        ContentText walk = new ContentText(function);
        MessagePart result = walk.part(part);
        return walk.dropped ? null : result;
    }

    /** The value with every text rewritten, or {@link #DROPPED} when {@code function} returned null for one. */
    public static Object mapValue(Object value, UnaryOperator<String> function) {
        ContentText walk = new ContentText(function);
        Object result = walk.value(value, 0);
        return walk.dropped ? DROPPED : result;
    }

    private MessagePart part(MessagePart part) {
        if (part instanceof MessagePart.Text text) {
            String content = text(text.content());
            return content == null ? null : content == text.content() ? part : new MessagePart.Text(content);
        } else if (part instanceof MessagePart.Reasoning reasoning) {
            String content = text(reasoning.content());
            return content == null ? null
                    : content == reasoning.content() ? part : new MessagePart.Reasoning(content);
        } else if (part instanceof MessagePart.ToolCallRequest call) {
            Object arguments = value(call.arguments(), 0);
            return dropped ? null : arguments == call.arguments() ? part
                    : new MessagePart.ToolCallRequest(call.id(), call.name(), arguments);
        } else if (part instanceof MessagePart.ToolCallResponse response) {
            Object result = value(response.response(), 0);
            return dropped ? null : result == response.response() ? part
                    : new MessagePart.ToolCallResponse(response.id(), result);
        } else if (part instanceof MessagePart.ServerToolCall call) {
            Map<String, Object> description = properties(call.serverToolCall(), true);
            return dropped ? null : description == call.serverToolCall() ? part
                    : new MessagePart.ServerToolCall(call.id(), call.name(), description);
        } else if (part instanceof MessagePart.ServerToolCallResponse response) {
            Map<String, Object> result = properties(response.serverToolCallResponse(), true);
            return dropped ? null : result == response.serverToolCallResponse() ? part
                    : new MessagePart.ServerToolCallResponse(response.id(), result);
        } else if (part instanceof MessagePart.Uri uri) {
            String value = text(uri.uri());
            return value == null ? null
                    : value == uri.uri() ? part : new MessagePart.Uri(uri.mimeType(), uri.modality(), value);
        } else if (part instanceof MessagePart.Compaction compaction) {
            if (compaction.content() == null) {
                return part;
            }
            String content = text(compaction.content());
            return content == null ? null
                    : content == compaction.content() ? part : new MessagePart.Compaction(compaction.id(), content);
        } else if (part instanceof MessagePart.GenericPart generic) {
            Map<String, Object> properties = properties(generic.properties(), false);
            return dropped ? null : properties == generic.properties() ? part
                    : new MessagePart.GenericPart(generic.type(), properties);
        }
        return part;
    }

    /** Rewrites the values of a part's map; {@code keepType} keeps its top-level {@code type} entry as it is. */
    private Map<String, Object> properties(Map<String, Object> map, boolean keepType) {
        Map<String, Object> copy = null;
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            Object value = entry.getValue();
            Object mapped = keepType && entry.getKey().equals("type") ? value : value(value, 1);
            if (dropped) {
                return map;
            }
            if (mapped != value && copy == null) {
                copy = new LinkedHashMap<>(map);
            }
            if (copy != null) {
                copy.put(entry.getKey(), mapped);
            }
        }
        return copy == null ? map : copy;
    }

    private String text(String value) {
        if (dropped) {
            return null;
        }
        String mapped = function.apply(value);
        if (mapped == null) {
            dropped = true;
        }
        return mapped;
    }

    private Object value(Object value, int depth) {
        if (dropped) {
            return null;
        }
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>
                || value instanceof Date || value instanceof TemporalAccessor || value instanceof TemporalAmount
                || value instanceof byte[]) {
            return value;
        }
        if (nodes++ >= ContentEncoder.MAX_NODES) {
            return ContentEncoder.SIZE_MARKER;
        }
        if (value instanceof String text) {
            return text(text);
        }
        if (value instanceof Map<?, ?> || value instanceof Iterable<?> || value instanceof Object[]
                || value instanceof Value<?>) {
            if (depth >= ContentEncoder.MAX_DEPTH) {
                return ContentEncoder.DEPTH_MARKER;
            }
        }
        if (value instanceof Map<?, ?> map) {
            return map(map, depth);
        }
        if (value instanceof List<?> list && list instanceof RandomAccess) {
            return list(list, depth);
        }
        if (value instanceof Iterable<?> iterable) {
            List<Object> copy = new ArrayList<>();
            boolean changed = false;
            for (Object element : iterable) {
                Object mapped = value(element, depth + 1);
                changed |= mapped != element;
                copy.add(mapped);
            }
            return changed ? copy : value;
        }
        if (value instanceof Object[] array) {
            return value(Arrays.asList(array), depth);
        }
        if (value instanceof Optional<?> optional) {
            return value(optional.orElse(null), depth);
        }
        if (value instanceof Value<?> otel) {
            return otelValue(otel, depth);
        }
        if (value instanceof char[] chars) {
            return text(new String(chars));
        }
        if (value.getClass().isArray()) {
            return value;
        }
        return text(String.valueOf(value));
    }

    /** The map with its values rewritten and its keys as strings; the map itself, not a copy, when nothing changed. */
    private Object map(Map<?, ?> map, int depth) {
        Map<String, Object> copy = null;
        int index = 0;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Object key = entry.getKey();
            Object element = entry.getValue();
            Object mapped = value(element, depth + 1);
            if (copy == null && (mapped != element || !(key instanceof String))) {
                copy = new LinkedHashMap<>();
                int earlier = 0;
                for (Map.Entry<?, ?> kept : map.entrySet()) {
                    if (earlier++ == index) {
                        break;
                    }
                    copy.put((String) kept.getKey(), kept.getValue());
                }
            }
            if (copy != null) {
                copy.put(String.valueOf(key), mapped);
            }
            index++;
        }
        return copy == null ? map : copy;
    }

    /** The list with its elements rewritten; the list itself, not a copy, when nothing changed. */
    private Object list(List<?> list, int depth) {
        List<Object> copy = null;
        for (int i = 0, size = list.size(); i < size; i++) {
            Object element = list.get(i);
            Object mapped = value(element, depth + 1);
            if (copy == null && mapped != element) {
                copy = new ArrayList<>(size);
                copy.addAll(list.subList(0, i));
            }
            if (copy != null) {
                copy.add(mapped);
            }
        }
        return copy == null ? list : copy;
    }

    private Object otelValue(Value<?> value, int depth) {
        switch (value.getType()) {
            case STRING: {
                String text = (String) value.getValue();
                String mapped = text(text);
                return mapped == text ? value : mapped;
            }
            case ARRAY: {
                List<?> elements = (List<?>) value.getValue();
                Object mapped = value(elements, depth);
                return mapped == elements ? value : mapped;
            }
            case KEY_VALUE_LIST: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Object element : (List<?>) value.getValue()) {
                    KeyValue field = (KeyValue) element;
                    map.put(field.getKey(), field.getValue());
                }
                Object mapped = value(map, depth);
                return mapped == map ? value : mapped;
            }
            default:
                return value;
        }
    }
}

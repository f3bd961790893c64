package dev.genaiotel.anthropic.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.genaiotel.semconv.message.MessagePart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content blocks of a streamed message, kept in index order while content is recorded: each block as its
 * {@code content_block_start} announced it, plus the text, thinking, tool input and citations its deltas added. At
 * the end each block is mapped like a block of a non-streamed message ({@link ContentMapping#part}).
 *
 * <p>Not thread-safe: a stream delivers its events one after the other.
 */
final class StreamedContent {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TreeMap<Integer, Block> blocks = new TreeMap<>();

    void start(int index, Map<?, ?> block) {
        blocks.put(index, new Block(block));
    }

    boolean isToolUse(int index) {
        Block block = blocks.get(index);
        return block != null && "tool_use".equals(Trees.string(block.start, "type"));
    }

    void text(int index, String delta) {
        Block block = block(index);
        block.text = append(block.text, delta);
    }

    void thinking(int index, String delta) {
        Block block = block(index);
        block.thinking = append(block.thinking, delta);
    }

    void json(int index, String delta) {
        Block block = block(index);
        block.json = append(block.json, delta);
    }

    void citation(int index, Object citation) {
        if (citation == null) {
            return;
        }
        Block block = block(index);
        if (block.citations == null) {
            block.citations = new ArrayList<>();
        }
        block.citations.add(citation);
    }

    /** A block that got a delta without a start: kept as the type its deltas imply. */
    private Block block(int index) {
        return blocks.computeIfAbsent(index, ignored -> new Block(Map.of()));
    }

    private static StringBuilder append(StringBuilder target, String delta) {
        StringBuilder builder = target == null ? new StringBuilder() : target;
        if (delta != null) {
            builder.append(delta);
        }
        return builder;
    }

    /** The parts of the blocks so far, in index order. */
    List<MessagePart> parts() {
        List<MessagePart> parts = new ArrayList<>(blocks.size());
        for (Block block : blocks.values()) {
            MessagePart part = ContentMapping.part(block.complete());
            if (part != null) {
                parts.add(part);
            }
        }
        return parts;
    }

    private static final class Block {
        final Map<?, ?> start;
        StringBuilder text;
        StringBuilder thinking;
        StringBuilder json;
        List<Object> citations;

        Block(Map<?, ?> start) {
            this.start = start;
        }

        /** The block as a non-streamed message would carry it. */
        Map<String, Object> complete() {
            Map<String, Object> block = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : start.entrySet()) {
                block.put(String.valueOf(entry.getKey()), entry.getValue());
            }
            if (text != null) {
                block.putIfAbsent("type", "text");
                block.put("text", Trees.string(block, "text") == null ? text.toString()
                        : Trees.string(block, "text") + text);
            }
            if (thinking != null) {
                block.putIfAbsent("type", "thinking");
                block.put("thinking", Trees.string(block, "thinking") == null ? thinking.toString()
                        : Trees.string(block, "thinking") + thinking);
            }
            if (json != null) {
                block.put("input", input(json.toString()));
            }
            if (citations != null) {
                List<Object> all = new ArrayList<>(Trees.list(block.get("citations")));
                all.addAll(citations);
                block.put("citations", all);
            }
            return block;
        }

        /** The tool input its JSON deltas spell, or their text when it is not (yet) valid JSON. */
        private static Object input(String json) {
            if (json.isBlank()) {
                return Map.of();
            }
            try {
                return JSON.readValue(json, Object.class);
            } catch (JsonProcessingException e) {
                return json;
            }
        }
    }
}

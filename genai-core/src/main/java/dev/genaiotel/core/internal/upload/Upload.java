package dev.genaiotel.core.internal.upload;

import dev.genaiotel.core.UploadCompletionHook.Format;
import dev.genaiotel.semconv.message.ContentEncoder;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import dev.genaiotel.semconv.message.ToolDefinition;
import java.util.List;

/**
 * One inference's content as queued: the (immutable) lists, the relative paths they go to (null when a list is empty
 * and nothing is written), and the compact JSON already made for a digest on the calling thread. Encoding happens on
 * the worker, in the file format, by genai-semconv's {@link ContentEncoder}.
 */
record Upload(String inputsPath, List<InputMessage> inputs, String outputsPath, List<OutputMessage> outputs,
        String systemPath, List<MessagePart> system, String systemJson, String toolsPath, List<ToolDefinition> tools,
        boolean toolDetails, String toolsJson) {

    String inputsContent(Format format) {
        return format == Format.JSON ? ContentEncoder.inputMessagesJson(inputs) + '\n'
                : ContentEncoder.inputMessagesJsonLines(inputs);
    }

    String outputsContent(Format format) {
        return format == Format.JSON ? ContentEncoder.outputMessagesJson(outputs) + '\n'
                : ContentEncoder.outputMessagesJsonLines(outputs);
    }

    String systemContent(Format format) {
        if (format == Format.JSONL) {
            return ContentEncoder.systemInstructionsJsonLines(system);
        }
        return (systemJson != null ? systemJson : ContentEncoder.systemInstructionsJson(system)) + '\n';
    }

    String toolsContent(Format format) {
        if (format == Format.JSONL) {
            return ContentEncoder.toolDefinitionsJsonLines(tools, toolDetails);
        }
        return (toolsJson != null ? toolsJson : ContentEncoder.toolDefinitionsJson(tools, toolDetails)) + '\n';
    }
}

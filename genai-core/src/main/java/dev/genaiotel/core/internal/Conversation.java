package dev.genaiotel.core.internal;

import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import dev.genaiotel.semconv.message.ToolDefinition;
import io.opentelemetry.api.common.Attributes;
import java.util.List;

/** The messages of an inference or agent invocation, as the compatibility formats read them; lists never null. */
record Conversation(List<MessagePart> system, List<InputMessage> input, List<ToolDefinition> tools,
        List<OutputMessage> output, List<String> finishReasons, Attributes requestAttributes) {}

package dev.genaiotel.benchmarks;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.genaiotel.semconv.message.ContentEncoder;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encodes a ten-message conversation with one tool call and one tool result to the compact JSON form used on span
 * attributes. Target (issue 2): at most 2 us and 4 KB allocated per encode. Run with {@code -prof gc} to read
 * {@code gc.alloc.rate.norm}.
 *
 * <p>{@link #handWrittenJacksonFloor} writes the same ten text messages with a bare jackson generator and no tool
 * payloads, checks or sanitising: the floor this machine sets for any jackson-based encoder.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ConversationEncodingBenchmark {

    private static final JsonFactory JSON = new JsonFactory();

    private List<InputMessage> conversation;

    @Setup
    public void setUp() {
        List<InputMessage> messages = new ArrayList<>();
        messages.add(InputMessage.text("system", "You are a helpful travel assistant. Answer briefly."));
        messages.add(InputMessage.text("user", "I am planning a weekend in Paris next month."));
        messages.add(InputMessage.text("assistant", "Lovely! What would you like to know about Paris?"));
        messages.add(InputMessage.text("user", "What will the weather be like, and what should I pack?"));
        messages.add(new InputMessage("assistant", List.of(new MessagePart.ToolCallRequest(
                "call_VSPygqKTWdrhaFErNvMV18Yl", "get_weather",
                "{\"location\":\"Paris, France\",\"unit\":\"celsius\",\"days\":3}"))));
        messages.add(new InputMessage("tool", List.of(new MessagePart.ToolCallResponse(
                "call_VSPygqKTWdrhaFErNvMV18Yl",
                Map.of("forecast", "rain", "high", 14, "low", 8)))));
        messages.add(InputMessage.text("assistant",
                "Expect rain with highs around 14°C. Pack a waterproof jacket and comfortable shoes."));
        messages.add(InputMessage.text("user", "Any museums that are good on a rainy day?"));
        messages.add(InputMessage.text("assistant",
                "The Louvre, the Musée d'Orsay and the Centre Pompidou are all great choices."));
        messages.add(InputMessage.text("user", "Thanks! Which one is least crowded on a Saturday morning?"));
        conversation = List.copyOf(messages);
    }

    @Benchmark
    public String encodeConversationToJson() {
        return ContentEncoder.inputMessagesJson(conversation);
    }

    @Benchmark
    public String handWrittenJacksonFloor() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try (JsonGenerator generator = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            generator.writeStartArray();
            for (InputMessage message : conversation) {
                generator.writeStartObject();
                generator.writeStringField("role", message.role());
                generator.writeArrayFieldStart("parts");
                generator.writeStartObject();
                generator.writeStringField("type", "text");
                generator.writeStringField("content", message.parts().get(0) instanceof MessagePart.Text text
                        ? text.content() : "tool payload");
                generator.writeEndObject();
                generator.writeEndArray();
                generator.writeEndObject();
            }
            generator.writeEndArray();
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}

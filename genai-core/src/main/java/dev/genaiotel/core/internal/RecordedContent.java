package dev.genaiotel.core.internal;

import dev.genaiotel.core.GenAiSettings;
import dev.genaiotel.semconv.message.ContentEncoder;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import dev.genaiotel.semconv.message.RetrievalDocument;
import dev.genaiotel.semconv.message.ToolDefinition;
import java.util.List;

/**
 * The content attributes of one operation after the budgets of {@link GenAiSettings}, computed once and shared by
 * the span and the event so that both record the same thing.
 *
 * <ol>
 *   <li>Every text longer than {@code maxPartChars} keeps its first characters (never half a surrogate pair) and
 *       gets the marker {@code …[truncated N chars]}, N being the characters cut. Blobs larger than
 *       {@code blobMaxBytes} become an {@link OmittedBlob}.</li>
 *   <li>If the content attributes together are longer than {@code maxContentAttributesChars}, texts are cut
 *       shorter, to no fewer than {@value #MIN_PART_CHARS} characters.</li>
 *   <li>If still too long, whole units are left out in this order until they fit: tool definitions, system
 *       instructions, input messages (oldest first), tool-call arguments, retrieval query, output messages (first
 *       first), tool-call result, retrieval documents.</li>
 * </ol>
 *
 * <p>JSON lengths are measured on the compact JSON form, which spans record; events record the same units in
 * structured form. Whatever is cut or left out sets {@code gen_ai.content.truncated}.
 */
final class RecordedContent {

    /** The fewest characters a text is cut to in order to meet the per-span budget. */
    static final int MIN_PART_CHARS = 64;

    private final CutContent.Original original;

    List<MessagePart> system;
    List<InputMessage> input;
    List<ToolDefinition> tools;
    List<OutputMessage> output;
    Object arguments;
    Object result;
    String query;
    List<RetrievalDocument> documents;

    String systemJson;
    String inputJson;
    String toolsJson;
    String outputJson;
    String argumentsJson;
    String resultJson;
    String documentsJson;
    boolean truncated;

    /** The content of an operation that records none. */
    static RecordedContent none(GenAiSettings settings) {
        return new RecordedContent(List.of(), List.of(), List.of(), List.of(), null, null, null, List.of(), settings);
    }

    RecordedContent(List<MessagePart> system, List<InputMessage> input, List<ToolDefinition> tools,
            List<OutputMessage> output, Object arguments, Object result, String query,
            List<RetrievalDocument> documents, GenAiSettings settings) {
        this.original = new CutContent.Original(system, input, output, arguments, result, query,
                settings.blobMaxBytes());
        this.tools = tools;
        this.documents = documents;
        this.toolsJson = tools.isEmpty() ? null
                : ContentEncoder.toolDefinitionsJson(tools, settings.toolDefinitionDetails());
        this.documentsJson = documents.isEmpty() ? null : ContentEncoder.retrievalDocumentsJson(documents);
        fit(settings.maxPartChars(), settings.maxContentAttributesChars());
    }

    private void fit(int maxPartChars, int budget) {
        CutContent cut = new CutContent(original, maxPartChars);
        Encoded encoded = new Encoded(cut);
        if (encoded.total() > budget && maxPartChars > MIN_PART_CHARS) {
            int limit = shorterLimit(maxPartChars, encoded.total(), budget);
            if (limit < maxPartChars) {
                cut = new CutContent(original, limit);
                encoded = new Encoded(cut);
            }
        }
        truncated = cut.truncated;
        encoded.leaveOutUntil(budget);
        truncated |= encoded.leftOut;
        encoded.publish(cut);
    }

    /** The longest per-text limit at which the content would fit, estimated from the texts' lengths. */
    private int shorterLimit(int maxPartChars, long total, int budget) {
        int[] lengths = original.textLengths();
        long overhead = total - cost(lengths, maxPartChars);
        int floor = Math.min(MIN_PART_CHARS, maxPartChars);
        if (overhead + cost(lengths, floor) > budget) {
            return floor;
        }
        int low = floor;
        int high = maxPartChars - 1;
        while (low < high) {
            int middle = (int) (((long) low + high + 1) / 2);
            if (overhead + cost(lengths, middle) <= budget) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    private static long cost(int[] lengths, int limit) {
        long sum = 0;
        for (int length : lengths) {
            sum += length <= limit ? length : limit + marker(length - limit).length();
        }
        return sum;
    }

    /** {@code text} cut to {@code limit} characters plus the marker, or {@code text} when it is short enough. */
    static String truncate(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        int end = limit;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1)) && Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        return text.substring(0, end) + marker(text.length() - end);
    }

    private static String marker(int cut) {
        return "\u2026[truncated " + cut + " chars]";
    }

    private static String element(String arrayJson) {
        return arrayJson.substring(1, arrayJson.length() - 1);
    }

    private static long arrayLength(long elementsLength, int count) {
        return count == 0 ? 0 : elementsLength + count + 1;
    }

    /**
     * The compact JSON of each unit that can be left out, and which are still in. The message arrays are encoded
     * whole, which is all that content within the budget ever needs; they are split into one encoding per message
     * only when messages have to be left out.
     */
    private final class Encoded {
        final String system;
        final List<InputMessage> inputMessages;
        final List<OutputMessage> outputMessages;
        final String inputWhole;
        final String outputWhole;
        String[] input;
        String[] output;
        final String arguments;
        final String result;
        final String query;
        long inputLength;
        long outputLength;
        int inputFrom;
        int outputFrom;
        boolean toolsIn;
        boolean systemIn;
        boolean argumentsIn;
        boolean queryIn;
        boolean resultIn;
        boolean documentsIn;
        boolean leftOut;

        Encoded(CutContent cut) {
            system = cut.system.isEmpty() ? null : ContentEncoder.systemInstructionsJson(cut.system);
            inputMessages = cut.input;
            outputMessages = cut.output;
            inputWhole = inputMessages.isEmpty() ? null : ContentEncoder.inputMessagesJson(inputMessages);
            outputWhole = outputMessages.isEmpty() ? null : ContentEncoder.outputMessagesJson(outputMessages);
            inputLength = elementsLength(inputWhole, inputMessages.size());
            outputLength = elementsLength(outputWhole, outputMessages.size());
            arguments = cut.arguments == null ? null : ContentEncoder.anyJson(cut.arguments);
            result = cut.result == null ? null : ContentEncoder.anyJson(cut.result);
            query = cut.query;
            toolsIn = toolsJson != null;
            systemIn = system != null;
            argumentsIn = arguments != null;
            queryIn = query != null;
            resultIn = result != null;
            documentsIn = documentsJson != null;
        }

        long total() {
            return length(toolsIn, toolsJson) + length(systemIn, system)
                    + arrayLength(inputLength, inputMessages.size() - inputFrom) + length(argumentsIn, arguments)
                    + length(queryIn, query) + arrayLength(outputLength, outputMessages.size() - outputFrom)
                    + length(resultIn, result) + length(documentsIn, documentsJson);
        }

        private long length(boolean in, String value) {
            return in ? value.length() : 0;
        }

        /** The length of an array's elements without brackets and commas: what {@link #total()} adds up. */
        private long elementsLength(String arrayJson, int count) {
            return arrayJson == null ? 0 : arrayJson.length() - count - 1;
        }

        private String[] inputElements() {
            if (input == null) {
                input = new String[inputMessages.size()];
                for (int i = 0; i < input.length; i++) {
                    input[i] = element(ContentEncoder.inputMessagesJson(List.of(inputMessages.get(i))));
                }
            }
            return input;
        }

        private String[] outputElements() {
            if (output == null) {
                output = new String[outputMessages.size()];
                for (int i = 0; i < output.length; i++) {
                    output[i] = element(ContentEncoder.outputMessagesJson(List.of(outputMessages.get(i))));
                }
            }
            return output;
        }

        void leaveOutUntil(int budget) {
            if (total() <= budget) {
                return;
            }
            leftOut = true;
            toolsIn = false;
            if (total() <= budget) {
                return;
            }
            systemIn = false;
            while (inputFrom < inputMessages.size() && total() > budget) {
                inputLength -= inputElements()[inputFrom++].length();
            }
            if (total() <= budget) {
                return;
            }
            argumentsIn = false;
            if (total() <= budget) {
                return;
            }
            queryIn = false;
            while (outputFrom < outputMessages.size() && total() > budget) {
                outputLength -= outputElements()[outputFrom++].length();
            }
            if (total() <= budget) {
                return;
            }
            resultIn = false;
            if (total() <= budget) {
                return;
            }
            documentsIn = false;
        }

        void publish(CutContent cut) {
            RecordedContent content = RecordedContent.this;
            if (!toolsIn) {
                content.tools = List.of();
                content.toolsJson = null;
            }
            if (!documentsIn) {
                content.documents = List.of();
                content.documentsJson = null;
            }
            content.system = systemIn ? cut.system : List.of();
            content.systemJson = systemIn ? system : null;
            content.input = cut.input.subList(inputFrom, inputMessages.size());
            content.inputJson = inputFrom == 0 ? inputWhole : join(inputElements(), inputFrom, inputLength);
            content.output = cut.output.subList(outputFrom, outputMessages.size());
            content.outputJson = outputFrom == 0 ? outputWhole : join(outputElements(), outputFrom, outputLength);
            content.arguments = argumentsIn ? cut.arguments : null;
            content.argumentsJson = argumentsIn ? arguments : null;
            content.query = queryIn ? query : null;
            content.result = resultIn ? cut.result : null;
            content.resultJson = resultIn ? result : null;
        }

        private String join(String[] elements, int from, long elementsLength) {
            if (from == elements.length) {
                return null;
            }
            StringBuilder json = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 8,
                    arrayLength(elementsLength, elements.length - from)));
            json.append('[');
            for (int i = from; i < elements.length; i++) {
                if (i > from) {
                    json.append(',');
                }
                json.append(elements[i]);
            }
            return json.append(']').toString();
        }
    }
}

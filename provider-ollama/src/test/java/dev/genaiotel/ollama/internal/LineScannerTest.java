package dev.genaiotel.ollama.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The byte scanner that spares a full parse for the common chunk of a stream when no content is recorded. */
class LineScannerTest {

    private static int classify(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        int viaTail = LineScanner.classify(bytes, 0, bytes.length);
        byte[] padded = new byte[bytes.length + 4];
        System.arraycopy(bytes, 0, padded, 2, bytes.length);
        assertThat(LineScanner.classify(padded, 2, bytes.length)).isEqualTo(viaTail);
        return viaTail;
    }

    @Test
    void intermediateChunkIsAChunk() {
        assertThat(classify("{\"model\":\"llama3.2\",\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"},"
                + "\"done\":false}")).isEqualTo(LineScanner.CHUNK);
    }

    @Test
    void finalChunkIsDoneEvenWithWhitespaceAroundTheColon() {
        assertThat(classify("{\"model\":\"m\",\"done\" : true,\"eval_count\":3}\r")).isEqualTo(LineScanner.DONE);
    }

    @Test
    void doneOrErrorInsideStringsOrNestedObjectsIsIgnored() {
        assertThat(classify("{\"message\":{\"content\":\"\\\"done\\\":true \\\"error\\\"\","
                + "\"tool_calls\":[{\"function\":{\"name\":\"f\",\"arguments\":{\"done\":true,\"error\":1}}}]},"
                + "\"done\":false}")).isEqualTo(LineScanner.CHUNK);
    }

    @Test
    void topLevelErrorIsAnError() {
        assertThat(classify("{\"error\":\"model \\\"x\\\" not found\"}")).isEqualTo(LineScanner.ERROR);
    }

    @Test
    void truncatedOrNonObjectLinesAreMalformed() {
        assertThat(classify("{\"model\":\"llama3.2\",\"mess")).isEqualTo(LineScanner.MALFORMED);
        assertThat(classify("{\"content\":\"unterminated}")).isEqualTo(LineScanner.MALFORMED);
        assertThat(classify("[1,2]")).isEqualTo(LineScanner.MALFORMED);
        assertThat(classify("{\"done\":false} trailing")).isEqualTo(LineScanner.MALFORMED);
        assertThat(classify("")).isEqualTo(LineScanner.MALFORMED);
    }

    @Test
    void multiByteUtf8ContentDoesNotConfuseTheScanner() {
        assertThat(classify("{\"message\":{\"content\":\"ciel bleu \u00e9\u00e8 \u2603 \ud83d\ude00\"},\"done\":false}"))
                .isEqualTo(LineScanner.CHUNK);
    }

    @Test
    void newlineIsFoundAtEveryPositionAndOnlyAfterFrom() {
        for (int length = 0; length < 40; length++) {
            for (int at = 0; at < length; at++) {
                byte[] bytes = new byte[length];
                java.util.Arrays.fill(bytes, (byte) 'x');
                bytes[at] = '\n';
                assertThat(LineScanner.indexOfNewline(bytes, 0, length)).isEqualTo(at);
                assertThat(LineScanner.indexOfNewline(bytes, at + 1, length)).isEqualTo(-1);
                assertThat(LineScanner.indexOfNewline(bytes, 0, at)).isEqualTo(-1);
            }
        }
        byte[] highBytes = "\u00e9\u00e8\u2603 \ud83d\ude00\u00ff\n".getBytes(StandardCharsets.UTF_8);
        assertThat(LineScanner.indexOfNewline(highBytes, 0, highBytes.length)).isEqualTo(highBytes.length - 1);
    }
}

package dev.genaiotel.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.semconv.message.MessagePart;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatternRedactorTest {

    private static final ContentContext CONTEXT = new ContentContext("chat", "gen_ai.input.messages", "user");
    private final PatternRedactor redactor = PatternRedactor.create();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "write to jane.doe+x@mail.example.co.uk now | write to [REDACTED:email] now",
        "card 4111-1111-1111-1111. | card [REDACTED:card].",
        "card 4111111111111 ok | card [REDACTED:card] ok",
        "not a card 123456789012 | not a card 123456789012",
        "digits 12345678901234567890123 | digits 12345678901234567890123",
        "Authorization: Bearer abc.DEF-123_xyz= | Authorization: [REDACTED:bearer_token]",
        "the bearer of bad news | the bearer of bad news",
        "key=sk-abcdefghijklmnopqrstuvwx | key=[REDACTED:api_key]",
        "id AKIAIOSFODNN7EXAMPLE; | id [REDACTED:aws_access_key_id];",
        "nothing to see | nothing to see",
    })
    void presetsReplaceWhatTheyFindByAMarker(String text, String expected) {
        assertThat(redactor.redactText(text)).isEqualTo(expected);
    }

    @Test
    void textWithoutMatchesIsReturnedAsItIs() {
        MessagePart part = new MessagePart.Text("plain");

        assertThat(redactor.redact(part, CONTEXT)).isSameAs(part);
    }

    @Test
    void stringsNestedInToolArgumentsAreRedactedAndOtherScalarsKept() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("to", List.of("a@b.io", Map.of("cc", "c@d.io")));
        arguments.put("count", 2);
        arguments.put("urgent", true);
        arguments.put("missing", null);

        MessagePart redacted = redactor.redact(new MessagePart.ToolCallRequest("c1", "mail", arguments), CONTEXT);

        Map<?, ?> result = (Map<?, ?>) ((MessagePart.ToolCallRequest) redacted).arguments();
        assertThat(result.get("to")).isEqualTo(List.of("[REDACTED:email]", Map.of("cc", "[REDACTED:email]")));
        assertThat(result.get("count")).isEqualTo(2);
        assertThat(result.get("urgent")).isEqualTo(true);
        assertThat(result.containsKey("missing")).isTrue();
        assertThat(result.get("missing")).isNull();
    }

    @Test
    void everyTextCarryingPartIsRedacted() {
        assertThat(redactor.redact(new MessagePart.Reasoning("a@b.io"), CONTEXT))
                .isEqualTo(new MessagePart.Reasoning("[REDACTED:email]"));
        assertThat(redactor.redact(new MessagePart.ToolCallResponse("c", "a@b.io"), CONTEXT))
                .isEqualTo(new MessagePart.ToolCallResponse("c", "[REDACTED:email]"));
        assertThat(redactor.redact(new MessagePart.Compaction("k", "a@b.io"), CONTEXT))
                .isEqualTo(new MessagePart.Compaction("k", "[REDACTED:email]"));
        assertThat(redactor.redact(new MessagePart.Uri(null, "image", "https://x.io/?u=a@b.io"), CONTEXT))
                .isEqualTo(new MessagePart.Uri(null, "image", "https://x.io/?u=[REDACTED:email]"));
        assertThat(redactor.redact(new MessagePart.GenericPart("note", Map.of("body", "a@b.io")), CONTEXT))
                .isEqualTo(new MessagePart.GenericPart("note", Map.of("body", "[REDACTED:email]")));
        assertThat(redactor.redact(new MessagePart.ServerToolCallResponse("s",
                Map.of("type", "web_search", "query", "a@b.io")), CONTEXT))
                .isEqualTo(new MessagePart.ServerToolCallResponse("s",
                        Map.of("type", "web_search", "query", "[REDACTED:email]")));
    }

    @Test
    void customPatternsUseTheirLabel() {
        PatternRedactor custom = PatternRedactor.builder()
                .addPattern("employee_id", Pattern.compile("EMP-\\d{6}"))
                .addPreset(PatternRedactor.Preset.EMAIL)
                .build();

        assertThat(custom.redactText("EMP-123456 is a@b.io, card 4111111111111111"))
                .isEqualTo("[REDACTED:employee_id] is [REDACTED:email], card 4111111111111111");
    }

    @Test
    void presetsRunInLinearTimeOnHugeTexts() {
        String[] texts = {"a".repeat(5 << 20), "1".repeat(5 << 20), "a@".repeat(5 << 19), "1 ".repeat(5 << 19)};
        long start = System.nanoTime();
        for (String text : texts) {
            redactor.redactText(text);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void hashingReplacesEveryTextByItsDigest() {
        HashingRedactor hashing = HashingRedactor.create();

        assertThat(hashing.redactText("hello"))
                .isEqualTo("sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        MessagePart.ToolCallRequest call = (MessagePart.ToolCallRequest) hashing.redact(
                new MessagePart.ToolCallRequest("c", "f", Map.of("q", "hello", "n", 1)), CONTEXT);
        Map<?, ?> arguments = (Map<?, ?>) call.arguments();
        assertThat(arguments.get("q")).isEqualTo(hashing.redactText("hello"));
        assertThat(arguments.get("n")).isEqualTo(1);
    }
}

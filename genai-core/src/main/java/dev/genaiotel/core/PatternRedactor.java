package dev.genaiotel.core;

import dev.genaiotel.core.internal.ContentText;
import dev.genaiotel.semconv.message.MessagePart;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link ContentRedactor} that replaces every match of its patterns, inside every text (as
 * {@link ContentRedactor#ofText} walks them), by the marker {@code [REDACTED:<label>]}. Patterns apply in the order
 * they were added. {@link #create()} has all {@link Preset}s. Thread-safe.
 *
 * <p>The presets favour not leaking over not over-matching: {@link Preset#PAYMENT_CARD}, for example, also matches
 * other runs of 13 to 19 digits, such as millisecond timestamps. Each preset is written to run in linear time on
 * very large texts; a pattern added by the user should be too.
 */
public final class PatternRedactor implements ContentRedactor {

    /** Built-in patterns. */
    public enum Preset {
        /** {@code Bearer <token>}, as in an {@code Authorization} header: {@code [REDACTED:bearer_token]}. */
        BEARER_TOKEN("bearer_token", "(?i)\\bbearer\\s+[A-Za-z0-9._~+/-]{8,}=*"),
        /** OpenAI-style secret keys, {@code sk-...} (also {@code sk-proj-...}): {@code [REDACTED:api_key]}. */
        OPENAI_API_KEY("api_key", "(?<![A-Za-z0-9_-])sk-[A-Za-z0-9_-]{16,}"),
        /** AWS access key ids, {@code AKIA...} and {@code ASIA...}: {@code [REDACTED:aws_access_key_id]}. */
        AWS_ACCESS_KEY_ID("aws_access_key_id", "(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])"),
        /** E-mail addresses: {@code [REDACTED:email]}. */
        EMAIL("email",
                "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"),
        /**
         * Payment card numbers: 13 to 19 digits, optionally grouped by single spaces or dashes, not part of a longer
         * digit run: {@code [REDACTED:card]}.
         */
        PAYMENT_CARD("card", "(?<![0-9])(?:[0-9][ -]?){12,18}[0-9](?![0-9])");

        private final String label;
        private final Pattern pattern;

        Preset(String label, String regex) {
            this.label = label;
            this.pattern = Pattern.compile(regex);
        }

        /** The label in the marker. */
        public String label() {
            return label;
        }

        /** The pattern. */
        public Pattern pattern() {
            return pattern;
        }
    }

    private final Pattern[] patterns;
    private final String[] replacements;

    private PatternRedactor(List<Pattern> patterns, List<String> labels) {
        this.patterns = patterns.toArray(new Pattern[0]);
        this.replacements = new String[labels.size()];
        for (int i = 0; i < replacements.length; i++) {
            replacements[i] = Matcher.quoteReplacement(marker(labels.get(i)));
        }
    }

    /** A redactor with every preset. */
    public static PatternRedactor create() {
        return builder().addPresets().build();
    }

    /** A builder, initially without patterns. */
    public static Builder builder() {
        return new Builder();
    }

    /** The marker written in place of a match of a pattern labelled {@code label}: {@code [REDACTED:label]}. */
    public static String marker(String label) {
        return "[REDACTED:" + label + "]";
    }

    /** {@code text} with every match replaced by its marker; {@code text} itself when nothing matches. */
    public String redactText(String text) {
        String result = text;
        for (int i = 0; i < patterns.length; i++) {
            Matcher matcher = patterns[i].matcher(result);
            if (matcher.find()) {
                result = matcher.replaceAll(replacements[i]);
            }
        }
        return result;
    }

    @Override
    public MessagePart redact(MessagePart part, ContentContext context) {
        return ContentText.map(part, this::redactText);
    }

    /** Builds a {@link PatternRedactor}; not thread-safe. */
    public static final class Builder {
        private final List<Pattern> patterns = new ArrayList<>();
        private final List<String> labels = new ArrayList<>();

        private Builder() {}

        /** Adds a preset. */
        public Builder addPreset(Preset preset) {
            Objects.requireNonNull(preset, "preset");
            return addPattern(preset.label(), preset.pattern());
        }

        /** Adds every preset, in their declared order. */
        public Builder addPresets() {
            for (Preset preset : Preset.values()) {
                addPreset(preset);
            }
            return this;
        }

        /**
         * Adds a pattern whose matches are replaced by {@code [REDACTED:label]}.
         *
         * @param label names what the pattern finds, such as {@code employee_id}
         * @param pattern the pattern
         */
        public Builder addPattern(String label, Pattern pattern) {
            labels.add(Objects.requireNonNull(label, "label"));
            patterns.add(Objects.requireNonNull(pattern, "pattern"));
            return this;
        }

        /** Adds a pattern given as a regular expression; see {@link #addPattern(String, Pattern)}. */
        public Builder addPattern(String label, String regex) {
            return addPattern(label, Pattern.compile(Objects.requireNonNull(regex, "regex")));
        }

        /** The redactor. */
        public PatternRedactor build() {
            return new PatternRedactor(patterns, labels);
        }
    }
}

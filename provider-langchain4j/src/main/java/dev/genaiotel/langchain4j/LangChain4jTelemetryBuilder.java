package dev.genaiotel.langchain4j;

import dev.genaiotel.core.GenAiTelemetry;
import java.util.Objects;

/** Builds a {@link LangChain4jTelemetry}; not thread-safe. */
public final class LangChain4jTelemetryBuilder {

    /** The default of {@link #setOtherProviderName(String)}. */
    public static final String DEFAULT_OTHER_PROVIDER_NAME = "langchain4j";

    private final GenAiTelemetry telemetry;
    private String otherProviderName = DEFAULT_OTHER_PROVIDER_NAME;

    LangChain4jTelemetryBuilder(GenAiTelemetry telemetry) {
        this.telemetry = telemetry;
    }

    /**
     * The {@code gen_ai.provider.name} recorded for a model whose {@code ModelProvider} is {@code OTHER} or not
     * given (custom models); default {@value #DEFAULT_OTHER_PROVIDER_NAME}. Every other provider is mapped as the
     * README's table says.
     */
    public LangChain4jTelemetryBuilder setOtherProviderName(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("otherProviderName must not be blank");
        }
        otherProviderName = value;
        return this;
    }

    /** The telemetry. */
    public LangChain4jTelemetry build() {
        return new LangChain4jTelemetry(telemetry, otherProviderName);
    }
}

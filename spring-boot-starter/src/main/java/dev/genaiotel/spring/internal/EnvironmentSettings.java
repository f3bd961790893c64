package dev.genaiotel.spring.internal;

import java.util.Objects;
import java.util.function.Function;
import org.springframework.core.env.Environment;

/**
 * Looks a genai-otel setting up in the Spring {@link Environment} by its dotted name. The Environment already holds
 * system properties and environment variables (with Spring's relaxed binding, which finds
 * {@code OTEL_INSTRUMENTATION_GENAI_ENABLED} for {@code otel.instrumentation.genai.enabled}), so Spring's order of
 * property sources decides which value wins.
 */
public final class EnvironmentSettings implements Function<String, String> {

    private final Environment environment;

    /** Reads from {@code environment}. */
    public EnvironmentSettings(Environment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public String apply(String name) {
        return environment.getProperty(name);
    }
}

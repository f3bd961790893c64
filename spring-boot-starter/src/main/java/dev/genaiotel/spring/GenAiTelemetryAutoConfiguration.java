package dev.genaiotel.spring;

import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.spring.internal.EnvironmentSettings;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The application's one {@link GenAiTelemetry}, unless it defines its own.
 *
 * <p>It records through the application's {@link OpenTelemetry}: the bean when there is exactly one (Spring Boot's
 * OpenTelemetry starter defines one), otherwise {@link GlobalOpenTelemetry} (the Java agent's SDK, when the agent
 * runs). It never builds an SDK of its own. Its settings are the {@code otel.instrumentation.genai.*} names of the
 * README's configuration reference, read from the Spring {@link Environment} (so from {@code application.properties},
 * YAML, profiles, command-line arguments, system properties and environment variables, in Spring's order), then from
 * the environment variables the Environment does not hold. The context closes it on shutdown, which flushes its
 * completion hooks.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration"})
public class GenAiTelemetryAutoConfiguration {

    /** Creates the auto-configuration; Spring calls it. */
    public GenAiTelemetryAutoConfiguration() {}

    /**
     * The telemetry every instrumented Spring AI model records through, closed with the context.
     *
     * @param openTelemetry the application's OpenTelemetry beans
     * @param environment where the {@code otel.instrumentation.genai.*} settings are read
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public GenAiTelemetry genAiTelemetry(ObjectProvider<OpenTelemetry> openTelemetry, Environment environment) {
        return GenAiTelemetry.builder(openTelemetry.getIfUnique(GlobalOpenTelemetry::get))
                .setSettingsSources(new EnvironmentSettings(environment), System::getenv)
                .build();
    }
}

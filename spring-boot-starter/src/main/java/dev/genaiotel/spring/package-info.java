/**
 * Spring Boot auto-configuration for genai-otel: GenAI telemetry (the OpenTelemetry GenAI semantic conventions) for
 * every Spring AI model call of an application, with no code. Adding the starter is the whole integration; the
 * auto-configurations here are registered in
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}.
 *
 * <ul>
 *   <li>{@link dev.genaiotel.spring.GenAiTelemetryAutoConfiguration}: one {@link dev.genaiotel.core.GenAiTelemetry}
 *       on the application's {@code OpenTelemetry}, with settings from the Spring {@code Environment};</li>
 *   <li>{@link dev.genaiotel.spring.SpringAiTelemetryAutoConfiguration}: Spring AI's chat, embedding and tool
 *       calls recorded through it.</li>
 * </ul>
 */
package dev.genaiotel.spring;

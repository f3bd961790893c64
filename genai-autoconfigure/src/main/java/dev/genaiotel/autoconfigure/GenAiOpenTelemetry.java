package dev.genaiotel.autoconfigure;

import dev.genaiotel.core.GenAiTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An OpenTelemetry SDK set up in one call for GenAI telemetry, with the {@link GenAiTelemetry} that records into it;
 * for applications that have no SDK yet. Built on {@code opentelemetry-sdk-extension-autoconfigure}, so every standard
 * {@code OTEL_*} environment variable and {@code otel.*} system property works as documented by OpenTelemetry
 * (service name and resource, exporters, sampler, limits, ...), and the {@code otel.instrumentation.genai.*} settings
 * come from the same sources.
 *
 * <pre>{@code
 * try (GenAiOpenTelemetry otel = GenAiOpenTelemetry.builder()
 *         .setServiceName("chat-service")
 *         .setExportPreset(ExportPreset.console())
 *         .setContentCapture(ContentCapture.SPAN_ONLY)
 *         .build()) {
 *     OpenAIClient client = OpenAITelemetry.create(otel.genAiTelemetry()).wrap(rawClient);
 *     ...
 * }
 * }</pre>
 *
 * <p>{@link #close()} flushes and shuts down both; a JVM shutdown hook does the same for an application that never
 * closes it. The SDK is registered as {@code GlobalOpenTelemetry} only when asked
 * ({@link GenAiOpenTelemetryBuilder#setRegisterGlobal(boolean)}). Thread-safe.
 */
public final class GenAiOpenTelemetry implements AutoCloseable {

    private final OpenTelemetrySdk openTelemetry;
    private final GenAiTelemetry genAiTelemetry;
    private final Resource resource;
    private final String description;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook;

    GenAiOpenTelemetry(OpenTelemetrySdk openTelemetry, GenAiTelemetry genAiTelemetry, Resource resource,
            String description) {
        this.openTelemetry = openTelemetry;
        this.genAiTelemetry = genAiTelemetry;
        this.resource = resource;
        this.description = description;
        this.shutdownHook = new Thread(this::shutDown, "genai-otel-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * The SDK configured from the environment alone: the {@code OTEL_*} variables and {@code otel.*} properties
     * (autoconfigure's defaults when nothing is set: OTLP over {@code grpc} to {@code http://localhost:4317}).
     */
    public static GenAiOpenTelemetry create() {
        return builder().build();
    }

    /** A builder for presets and settings in code. */
    public static GenAiOpenTelemetryBuilder builder() {
        return new GenAiOpenTelemetryBuilder();
    }

    /**
     * The OpenTelemetry SDK, for other instrumentations and for spans of the application's own. Give the provider
     * modules {@link #genAiTelemetry()}, not this: a provider's {@code create(OpenTelemetry)} builds a telemetry of its
     * own from the environment alone, without the settings made in code here (a warning is logged if its content
     * capture mode differs).
     */
    public OpenTelemetrySdk openTelemetry() {
        return openTelemetry;
    }

    /**
     * The GenAI telemetry recording into {@link #openTelemetry()}, with the settings resolved by autoconfigure; pass
     * it to the provider modules, such as {@code OpenAITelemetry.create(genAiTelemetry())}.
     */
    public GenAiTelemetry genAiTelemetry() {
        return genAiTelemetry;
    }

    /** The resource every signal carries: service name, the {@code OTEL_RESOURCE_ATTRIBUTES} and the preset's. */
    public Resource resource() {
        return resource;
    }

    /** Flushes and shuts down the GenAI telemetry (its completion hooks) and then the SDK; later calls do nothing. */
    @Override
    public void close() {
        if (shutDown()) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already running the hooks
            }
        }
    }

    private boolean shutDown() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        try {
            genAiTelemetry.close();
        } finally {
            openTelemetry.close();
        }
        return true;
    }

    /** The preset and the resource; never a credential. */
    @Override
    public String toString() {
        return "GenAiOpenTelemetry{" + description + ", resource=" + resource.getAttributes() + '}';
    }
}

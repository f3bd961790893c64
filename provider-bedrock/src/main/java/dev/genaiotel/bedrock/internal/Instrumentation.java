package dev.genaiotel.bedrock.internal;

import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.InstrumentedView;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/**
 * The state one {@code BedrockTelemetry} shares between its interceptors and wrapped clients. Immutable apart from
 * the flag of the one-time warning; thread-safe.
 */
public final class Instrumentation {

    private final GenAiTelemetry telemetry;
    private final int maxParsedBodyBytes;
    private final AtomicBoolean unwrappedStreamWarned = new AtomicBoolean();

    /**
     * The instrumentation.
     *
     * @param telemetry the engine
     * @param maxParsedBodyBytes the largest InvokeModel body parsed when content is not recorded
     */
    public Instrumentation(GenAiTelemetry telemetry, int maxParsedBodyBytes) {
        this.telemetry = telemetry;
        this.maxParsedBodyBytes = maxParsedBodyBytes;
    }

    /** A new execution interceptor. */
    public ExecutionInterceptor newExecutionInterceptor() {
        return new TracingInterceptor(this);
    }

    /**
     * The client a wrapped client delegates to, or {@code client} itself when it is not one of this module's wrapped
     * clients. For the Java agent extension, which wraps clients before an application that also uses this module
     * wraps them: that application's instrumentation is then the only one.
     */
    public static Object unwrap(Object client) {
        return InstrumentedView.instrumentationOf(client) instanceof TracedBedrockRuntimeAsyncClient traced
                ? traced.delegate() : client;
    }

    /** An instrumented view of {@code client}; an instrumented client is returned unchanged. */
    public BedrockRuntimeAsyncClient wrap(BedrockRuntimeAsyncClient client) {
        if (InstrumentedView.instrumentationOf(client) instanceof TracedBedrockRuntimeAsyncClient) {
            return client;
        }
        return InstrumentedView.of(BedrockRuntimeAsyncClient.class, client,
                new TracedBedrockRuntimeAsyncClient(this, client));
    }

    GenAiTelemetry telemetry() {
        return telemetry;
    }

    /**
     * The largest InvokeModel body parsed for its parameters, finish reasons and usage: {@code maxParsedBodyBytes},
     * or any size when the core records content, since such a body is then parsed for its content anyway and one
     * parse serves both (the documented contract of {@code setMaxParsedBodyBytes}). This only bounds parsing: the
     * content of a parsed body is still handed to the core as mappings, and mapped only if the core reads it.
     */
    int parseBudget() {
        return telemetry.capturesContent() ? Integer.MAX_VALUE : maxParsedBodyBytes;
    }

    /** Says once per instrumentation what to add when a stream runs through the interceptor alone. */
    void warnUnwrappedStream(String operation) {
        if (unwrappedStreamWarned.compareAndSet(false, true)) {
            FailSoft.LOGGER.log(Level.WARNING, "Bedrock " + operation + " was called on an async client that is "
                    + "instrumented by the execution interceptor only: its span records the stream's lifecycle "
                    + "but no content and no time to first chunk. Wrap the client as well: "
                    + "BedrockRuntimeAsyncClient client = bedrockTelemetry.wrap(asyncClient). "
                    + "This warning is not repeated.");
        }
    }
}

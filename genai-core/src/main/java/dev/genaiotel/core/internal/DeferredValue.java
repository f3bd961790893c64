package dev.genaiotel.core.internal;

import dev.genaiotel.core.InstrumentationFailures;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.common.ValueType;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * A structured event attribute built from already recorded (redacted, budgeted) content when it is first read, not
 * when the event is emitted. With a batch log processor that read happens on the SDK's export thread, so the calling
 * thread pays for the span's JSON only, not for a second encoding of the same messages. (The SDK reads it at emit time
 * when an attribute length limit is set, and a simple processor exports on the calling thread.) It is built once,
 * under a lock, then kept; it equals, and hashes like, the value it stands for, compared through {@link #getValue()}
 * as the API's array and key-value-list values compare.
 *
 * <p>Should building fail (for instance because the application changed a map it handed over while it was being
 * read), the value is the JSON string the span carries, built from the same content at the call, and the failure is
 * logged once; an exporter never sees an exception from it.
 */
final class DeferredValue implements Value<Object> {

    private static final Logger LOGGER = Logger.getLogger("dev.genaiotel.core");

    private Supplier<Value<?>> build;
    private String json;
    private volatile Value<?> value;

    /**
     * @param build encodes the recorded content; called once
     * @param json the same content as compact JSON, the fallback
     */
    DeferredValue(Supplier<Value<?>> build, String json) {
        this.build = build;
        this.json = json;
    }

    private Value<?> value() {
        Value<?> built = value;
        if (built != null) {
            return built;
        }
        synchronized (this) {
            built = value;
            if (built == null) {
                try {
                    built = build.get();
                } catch (RuntimeException e) {
                    InstrumentationFailures.logOnce(LOGGER, "structured event content", e);
                    built = Value.of(json);
                }
                value = built;
                build = null;
                json = null;
            }
            return built;
        }
    }
    @Override
    public ValueType getType() {
        return value().getType();
    }

    @Override
    public Object getValue() {
        return value().getValue();
    }

    @Override
    public String asString() {
        return value().asString();
    }

    @Override
    public boolean equals(Object other) {
        return this == other || value().equals(other);
    }

    @Override
    public int hashCode() {
        return value().hashCode();
    }

    @Override
    public String toString() {
        return value().toString();
    }
}

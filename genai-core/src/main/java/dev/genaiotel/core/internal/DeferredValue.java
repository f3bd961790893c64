package dev.genaiotel.core.internal;

import dev.genaiotel.core.InstrumentationFailures;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.common.ValueType;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * A structured event attribute built from already recorded (redacted, budgeted, immutable) content when it is first
 * read, not when the event is emitted. With a batch log processor that read happens on the SDK's export thread, so
 * the calling thread pays for the span's JSON only, not for a second encoding of the same messages. Read once, the
 * value is kept; it equals, and hashes like, the value it stands for.
 *
 * <p>Should building ever fail, the value is the JSON string the span carries (built from the same content), and the
 * failure is logged once; an exporter never sees an exception from it.
 */
final class DeferredValue implements Value<Object> {

    private static final Logger LOGGER = Logger.getLogger("dev.genaiotel.core");

    private final Supplier<Value<?>> build;
    private final String json;
    private volatile Value<?> value;

    /**
     * @param build encodes the recorded content; called at most once per value unless it fails
     * @param json the same content as compact JSON, the fallback
     */
    DeferredValue(Supplier<Value<?>> build, String json) {
        this.build = build;
        this.json = json;
    }

    private Value<?> value() {
        Value<?> built = value;
        if (built == null) {
            try {
                built = build.get();
            } catch (RuntimeException e) {
                InstrumentationFailures.logOnce(LOGGER, "structured event content", e);
                built = Value.of(json);
            }
            value = built;
        }
        return built;
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

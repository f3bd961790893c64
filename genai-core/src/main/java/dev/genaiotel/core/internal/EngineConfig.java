package dev.genaiotel.core.internal;

import dev.genaiotel.core.CompatibilityFormat;
import dev.genaiotel.core.CompletionHook;
import dev.genaiotel.core.ContentRedactor;
import dev.genaiotel.core.GenAiListener;
import dev.genaiotel.core.GenAiSettings;
import dev.genaiotel.core.PriceTable;
import dev.genaiotel.semconv.SemconvVersion;
import io.opentelemetry.api.OpenTelemetry;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Everything an {@link Engine} is built from, resolved by the builder: the engine assembles its pipeline from this
 * once, in one place.
 *
 * @param openTelemetry the API entry point; a no-op instance makes every operation a pass-through
 * @param settings the settings
 * @param listeners user listeners, in order
 * @param redactors content redactors, in the order they run
 * @param completionHooks completion hooks, in the order they are called at the end of every inference
 * @param compatibilityFormats the older telemetry shapes to record as well; empty for none
 * @param prices the prices from which cost is recorded, or null for none
 * @param semconvVersions the versions of the GenAI conventions emitted; empty for the default, v0.1.0
 * @param nanoClock the monotonic clock operations are timed with, in nanoseconds; null for {@link System#nanoTime()}.
 *     Another clock is for tests that need known timings.
 */
public record EngineConfig(OpenTelemetry openTelemetry, GenAiSettings settings, List<GenAiListener> listeners,
        List<ContentRedactor> redactors, List<CompletionHook> completionHooks,
        Set<CompatibilityFormat> compatibilityFormats, PriceTable prices, Set<SemconvVersion> semconvVersions,
        LongSupplier nanoClock) {

    /** Checks the required components and copies the collections. */
    public EngineConfig {
        Objects.requireNonNull(openTelemetry, "openTelemetry");
        Objects.requireNonNull(settings, "settings");
        listeners = listeners == null ? List.of() : List.copyOf(listeners);
        redactors = redactors == null ? List.of() : List.copyOf(redactors);
        completionHooks = completionHooks == null ? List.of() : List.copyOf(completionHooks);
        compatibilityFormats = compatibilityFormats == null ? Set.of() : Set.copyOf(compatibilityFormats);
        semconvVersions = semconvVersions == null || semconvVersions.isEmpty() ? Set.of(SemconvVersion.V0_1_0)
                : Set.copyOf(semconvVersions);
        nanoClock = nanoClock == null ? System::nanoTime : nanoClock;
    }

    /** A configuration timed with {@link System#nanoTime()}. */
    public EngineConfig(OpenTelemetry openTelemetry, GenAiSettings settings, List<GenAiListener> listeners,
            List<ContentRedactor> redactors, List<CompletionHook> completionHooks,
            Set<CompatibilityFormat> compatibilityFormats, PriceTable prices, Set<SemconvVersion> semconvVersions) {
        this(openTelemetry, settings, listeners, redactors, completionHooks, compatibilityFormats, prices,
                semconvVersions, null);
    }
}

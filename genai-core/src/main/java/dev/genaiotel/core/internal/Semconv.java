package dev.genaiotel.core.internal;

import dev.genaiotel.semconv.SemconvVersion;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which versions of the GenAI conventions are emitted: {@code current} for v0.1.0, {@code legacy} for the 1.41.0
 * names, both during a migration. Where the two name the same signal alike, it is recorded once.
 *
 * @param current whether v0.1.0 is emitted
 * @param legacy whether the 1.41.0 names are emitted
 */
record Semconv(boolean current, boolean legacy) {

    static final Semconv DEFAULT = new Semconv(true, false);

    static Semconv of(Set<SemconvVersion> versions) {
        if (versions == null || versions.isEmpty()) {
            return DEFAULT;
        }
        Set<SemconvVersion> set = EnumSet.copyOf(versions);
        return new Semconv(set.contains(SemconvVersion.V0_1_0), set.contains(SemconvVersion.V1_41_0));
    }

    /** The schema URL for the instrumentation scope: 1.41.0's alone, none once v0.1.0 is emitted (unconfirmed). */
    String schemaUrl() {
        return current ? SemconvVersion.V0_1_0.schemaUrl().orElse(null)
                : SemconvVersion.V1_41_0.schemaUrl().orElse(null);
    }
}

package dev.genaiotel.mcp.internal;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The trace context in {@code params._meta}: written unprefixed ({@code traceparent}, {@code tracestate},
 * {@code baggage}) by the configured propagators, as the conventions and SEP-414 say.
 */
final class TraceMeta {

    private static final TextMapGetter<Map<?, ?>> GETTER =
            (carrier, key) -> carrier != null && carrier.get(key) instanceof String value ? value : null;

    private TraceMeta() {}

    /**
     * A copy of {@code params} whose {@code _meta} (a copy too) also carries {@code context}; the caller's maps are
     * left as they were.
     */
    static Map<String, Object> withContext(Map<String, Object> params, Context context,
            TextMapPropagator propagator) {
        Map<String, Object> meta = new LinkedHashMap<>();
        if (params.get("_meta") instanceof Map<?, ?> existing) {
            existing.forEach((key, value) -> meta.put(String.valueOf(key), value));
        }
        propagator.inject(context, meta, (carrier, key, value) -> carrier.put(key, value));
        Map<String, Object> copy = new LinkedHashMap<>(params);
        copy.put("_meta", meta);
        return copy;
    }

    /** The context carried in {@code meta} over the root context; the root context when there is none. */
    static Context extract(Map<?, ?> meta, TextMapPropagator propagator) {
        return meta == null ? Context.root() : propagator.extract(Context.root(), meta, GETTER);
    }
}

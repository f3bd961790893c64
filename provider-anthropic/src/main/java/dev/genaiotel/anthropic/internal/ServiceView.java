package dev.genaiotel.anthropic.internal;

import java.util.function.BiFunction;

/**
 * The instrumented view of one service accessor of a wrapped client ({@code messages()}, {@code withRawResponse()},
 * ...),
 * made once and handed out again while the client returns the same service object (anthropic-java makes each service
 * once per client), so that a call such as {@code client.messages().create(..)} builds no view.
 */
final class ServiceView<S> {

    private volatile Made<S> last;

    /** The view of {@code service}: the last one made when {@code service} is the same object, else a new one. */
    S of(S service, ClientTelemetry telemetry, BiFunction<S, ClientTelemetry, S> view) {
        Made<S> made = last;
        if (made != null && made.service == service) {
            return made.view;
        }
        S result = view.apply(service, telemetry);
        last = new Made<>(service, result);
        return result;
    }

    private record Made<S>(S service, S view) {
    }
}

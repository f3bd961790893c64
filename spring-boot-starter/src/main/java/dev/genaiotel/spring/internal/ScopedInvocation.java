package dev.genaiotel.spring.internal;

import dev.genaiotel.core.Invocation;
import io.opentelemetry.context.Scope;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An invocation started for one Micrometer observation, with the scopes the observation opened on each thread, so
 * that the invocation is current exactly while the observation is (HTTP spans and nested layers then nest in it).
 */
final class ScopedInvocation<I extends Invocation> {

    final I invocation;
    private final Map<Thread, Deque<Scope>> scopes = new ConcurrentHashMap<>(2);

    ScopedInvocation(I invocation) {
        this.invocation = invocation;
    }

    void opened() {
        scopes.computeIfAbsent(Thread.currentThread(), thread -> new ArrayDeque<>(2)).push(invocation.makeCurrent());
    }

    void closed() {
        Deque<Scope> stack = scopes.get(Thread.currentThread());
        if (stack == null || stack.isEmpty()) {
            return;
        }
        stack.pop().close();
        if (stack.isEmpty()) {
            scopes.remove(Thread.currentThread());
        }
    }
}

package dev.genaiotel.core;

import dev.genaiotel.core.internal.DeclaredMethods;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An instrumented view of a client library's interface that stays whole when the library's version differs from the
 * one the instrumentation was compiled against.
 *
 * <p>An instrumentation wraps a client in a class that implements the client's interface. Compiled against one
 * version, that class cannot implement methods a later version adds: called on the wrapper, such a method throws
 * {@link AbstractMethodError}, or runs an interface default that only stands in for the real client (openai-java and
 * the AWS SDK add methods as defaults that throw {@link UnsupportedOperationException}). The view implements the
 * interface as the running library has it and sends each call to one place:
 *
 * <ul>
 *   <li>a method the instrumentation's class implements goes to the instrumentation;
 *   <li>a method the instrumentation's class does not implement goes to the client when the client's class
 *       implements it, so that what the library added behaves as in the client itself (a client that is itself a
 *       {@link Proxy}, such as another instrumentation's, gets an interface default only when the default is a
 *       stand-in that throws {@link UnsupportedOperationException} by itself);
 *   <li>an interface default that neither class implements (typically an overload that calls another method of the
 *       interface) runs on the view, so that what it calls reaches the instrumentation;
 *   <li>any other method goes to the client.
 * </ul>
 *
 * <p>Results and exceptions are those of the object that ran the method, unchanged, except that a method returning
 * its own object (a fluent API's {@code this}) returns the view; {@code equals} is identity of the view.
 * Thread-safe; the routing of each method is worked out once per pair of classes.
 */
public final class InstrumentedView {

    /** Per wrapper class, per client class: where each method goes. */
    private static final ClassValue<Map<Class<?>, Routes>> ROUTES = new ClassValue<>() {
        @Override
        protected Map<Class<?>, Routes> computeValue(Class<?> instrumentation) {
            return new ConcurrentHashMap<>();
        }
    };

    private InstrumentedView() {}

    /**
     * A view of {@code type} over {@code client} and its instrumented wrapper.
     *
     * @param type the client interface the view implements
     * @param client the application's client, which the wrapper delegates to
     * @param instrumentation the wrapper that records telemetry: an instance of {@code type} as compiled, which may
     *     lack methods of the {@code type} that is running
     */
    public static <T> T of(Class<T> type, T client, T instrumentation) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(instrumentation, "instrumentation");
        Class<?> wrapper = instrumentation.getClass();
        Map<Class<?>, Routes> byClient = ROUTES.get(wrapper);
        Routes routes = byClient.get(client.getClass());
        if (routes == null) {
            routes = byClient.computeIfAbsent(client.getClass(),
                    clientType -> new Routes(new Pair(wrapper, clientType)));
        }
        Object view = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                new Handler(client, instrumentation, routes));
        return type.cast(view);
    }

    /**
     * The instrumented wrapper behind {@code object} when it is a view made by {@link #of}, otherwise null; lets an
     * instrumentation recognise its own views (to avoid wrapping twice).
     *
     * @param object any object, or null
     */
    public static Object instrumentationOf(Object object) {
        if (object != null && Proxy.isProxyClass(object.getClass())
                && Proxy.getInvocationHandler(object) instanceof Handler handler) {
            return handler.instrumentation;
        }
        return null;
    }

    private enum Route {
        INSTRUMENTATION, CLIENT, VIEW_DEFAULT, VIEW_DEFAULT_ELSE_CLIENT, EQUALS
    }

    private record Pair(Class<?> instrumentation, Class<?> client) {
    }

    /** Where each method of a view goes, for one pair of wrapper and client classes. */
    private static final class Routes {

        private final Pair pair;
        private final Map<Method, Route> byMethod = new ConcurrentHashMap<>();

        Routes(Pair pair) {
            this.pair = pair;
        }

        Route of(Method method) {
            Route route = byMethod.get(method);
            if (route == null) {
                route = byMethod.computeIfAbsent(method, this::resolve);
            }
            return route;
        }

        private Route resolve(Method method) {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("equals") ? Route.EQUALS : Route.INSTRUMENTATION;
            }
            if (DeclaredMethods.implement(pair.instrumentation(), method)) {
                return Route.INSTRUMENTATION;
            }
            if (method.isDefault()) {
                if (Proxy.isProxyClass(pair.client())) {
                    // A proxy's class implements every method, its handler decides: run the default here, and
                    // hand the proxy only a stand-in's work.
                    return Route.VIEW_DEFAULT_ELSE_CLIENT;
                }
                if (!DeclaredMethods.implement(pair.client(), method)) {
                    return Route.VIEW_DEFAULT;
                }
            }
            return Route.CLIENT;
        }
    }

    private static final class Handler implements InvocationHandler {

        private final Object client;
        private final Object instrumentation;
        private final Routes routes;

        Handler(Object client, Object instrumentation, Routes routes) {
            this.client = client;
            this.instrumentation = instrumentation;
            this.routes = routes;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            return switch (routes.of(method)) {
                case EQUALS -> proxy == args[0];
                case INSTRUMENTATION -> call(proxy, method, instrumentation, args);
                case VIEW_DEFAULT -> InvocationHandler.invokeDefault(proxy, method, args);
                case CLIENT -> call(proxy, method, client, args);
                case VIEW_DEFAULT_ELSE_CLIENT -> defaultElseClient(proxy, method, args);
            };
        }

        /** The default on the view, unless it is a stand-in that throws by itself: then the client's method. */
        private Object defaultElseClient(Object proxy, Method method, Object[] args) throws Throwable {
            try {
                return InvocationHandler.invokeDefault(proxy, method, args);
            } catch (UnsupportedOperationException e) {
                StackTraceElement[] trace = e.getStackTrace();
                if (trace.length > 0 && trace[0].getClassName().equals(method.getDeclaringClass().getName())
                        && trace[0].getMethodName().equals(method.getName())) {
                    return call(proxy, method, client, args);
                }
                throw e;
            }
        }

        /** Runs {@code method} on {@code target}; a fluent method's {@code this} comes back as the view. */
        private static Object call(Object proxy, Method method, Object target, Object[] args) throws Throwable {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return result == target ? proxy : result;
        }
    }
}

package dev.genaiotel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A view over a client interface whose running version has methods the instrumentation's class was not compiled
 * with: the shapes openai-java, the AWS SDK and LangChain4j use to grow their interfaces.
 */
class InstrumentedViewTest {

    /** The interface as the instrumentation was compiled against it. */
    public interface Service {
        String create(String params, int options);

        /** A convenience overload: runs on whatever object it is called on. */
        default String create(String params) {
            return create(params, 0);
        }

        /** Added later as a stand-in that only the real client implements (openai-java, AWS SDK). */
        default String connect() {
            throw new UnsupportedOperationException("Not supported by this implementation");
        }

        /** A fluent method returning its own object. */
        Service touch();
    }

    /** The same interface in a later version: one more abstract method. */
    public interface LaterService extends Service {
        String added();
    }

    private static final class Client implements LaterService {
        final List<String> calls = new ArrayList<>();

        @Override
        public String create(String params, int options) {
            calls.add("create " + params + " " + options);
            return "client:" + params;
        }

        @Override
        public String connect() {
            calls.add("connect");
            return "connected";
        }

        @Override
        public Service touch() {
            return this;
        }

        @Override
        public String added() {
            return "added by the client";
        }
    }

    /** The instrumentation's wrapper: it knows only {@link Service}, and records the calls it instruments. */
    private static final class Traced implements Service {
        final Service delegate;
        final List<String> recorded = new ArrayList<>();
        RuntimeException failure;

        Traced(Service delegate) {
            this.delegate = delegate;
        }

        @Override
        public String create(String params, int options) {
            if (failure != null) {
                throw failure;
            }
            recorded.add(params);
            return delegate.create(params, options);
        }

        @Override
        public Service touch() {
            delegate.touch();
            return this;
        }
    }

    private final Client client = new Client();
    private final Traced traced = new Traced(client);
    private final Service view = InstrumentedView.of(Service.class, client, traced);

    @Test
    void methodTheInstrumentationImplementsIsInstrumented() {
        assertThat(view.create("a", 2)).isEqualTo("client:a");
        assertThat(traced.recorded).containsExactly("a");
    }

    @Test
    void convenienceDefaultReachesTheInstrumentation() {
        assertThat(view.create("b")).isEqualTo("client:b");
        assertThat(traced.recorded).containsExactly("b");
        assertThat(client.calls).containsExactly("create b 0");
    }

    @Test
    void standInDefaultGoesToTheClientThatImplementsIt() {
        assertThat(view.connect()).isEqualTo("connected");
        assertThat(client.calls).containsExactly("connect");
    }

    @Test
    void standInDefaultNeitherImplementsFailsAsTheClientWould() {
        Service bare = new Service() {
            @Override
            public String create(String params, int options) {
                return params;
            }

            @Override
            public Service touch() {
                return this;
            }
        };
        Service overBare = InstrumentedView.of(Service.class, bare, new Traced(bare));

        assertThatThrownBy(overBare::connect).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(bare::connect).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"}) // the wrapper is no LaterService, as after a client upgrade
    void abstractMethodTheInstrumentationLacksGoesToTheClient() {
        // The wrapper was compiled against Service; the running interface is LaterService.
        LaterService later = (LaterService) InstrumentedView.of((Class) LaterService.class, client, traced);

        assertThat(later.added()).isEqualTo("added by the client");
        assertThat(later.create("c", 1)).isEqualTo("client:c");
        assertThat(traced.recorded).containsExactly("c");
    }

    @Test
    void clientThatIsAProxyGetsStandInsButNotConvenienceDefaults() {
        // Another instrumentation's view of the client (the Java agent's openai-java instrumentation is one).
        Service proxied = (Service) Proxy.newProxyInstance(Service.class.getClassLoader(),
                new Class<?>[] {Service.class}, (proxy, method, args) -> {
                    try {
                        return method.invoke(client, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        Traced tracedProxy = new Traced(proxied);
        Service overProxy = InstrumentedView.of(Service.class, proxied, tracedProxy);

        assertThat(overProxy.create("e")).isEqualTo("client:e");
        assertThat(tracedProxy.recorded).containsExactly("e");
        assertThat(overProxy.connect()).isEqualTo("connected");
        assertThat(client.calls).containsExactly("create e 0", "connect");
    }

    @Test
    void exceptionsReachTheCallerUnchanged() {
        IllegalStateException thrown = new IllegalStateException("from the instrumented call");
        traced.failure = thrown;

        assertThatThrownBy(() -> view.create("d", 0)).isSameAs(thrown);
    }

    @Test
    void fluentMethodReturnsTheView() {
        assertThat(view.touch()).isSameAs(view);
    }

    @Test
    void viewIsEqualToItselfOnlyAndKnowsItsInstrumentation() {
        Service other = InstrumentedView.of(Service.class, client, traced);

        assertThat(view).isEqualTo(view).isNotEqualTo(other).isNotEqualTo(client);
        assertThat(InstrumentedView.instrumentationOf(view)).isSameAs(traced);
        assertThat(InstrumentedView.instrumentationOf(client)).isNull();
        assertThat(InstrumentedView.instrumentationOf(null)).isNull();
    }
}

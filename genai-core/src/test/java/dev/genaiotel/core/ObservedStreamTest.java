package dev.genaiotel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ObservedStreamTest {

    /** Records what it is told; hides items that start with "internal". */
    private static final class Recording implements ObservedStream.Observer<String> {
        final List<String> calls = new ArrayList<>();

        @Override
        public boolean onItem(String item) {
            calls.add("item " + item);
            return !item.startsWith("internal");
        }

        @Override
        public void completed() {
            calls.add("completed");
        }

        @Override
        public void failed(Throwable error) {
            calls.add("failed " + error.getMessage());
        }
    }

    @Test
    void aDrainedStreamShowsEveryItemToTheObserverFirstAndTheApplicationSeesTheSameItems() {
        Recording observer = new Recording();

        List<String> seen = ObservedStream.of(Stream.of("a", "b", "c"), observer, null).collect(Collectors.toList());

        assertThat(seen).containsExactly("a", "b", "c");
        assertThat(observer.calls).containsExactly("item a", "item b", "item c", "completed");
    }

    @Test
    void itemsTheInstrumentationHidesNeverReachTheApplicationWhetherPushedOrPulled() {
        Recording pushed = new Recording();
        Recording pulled = new Recording();

        List<String> forEach = new ArrayList<>();
        ObservedStream.of(Stream.of("a", "internal usage", "b"), pushed, null).forEach(forEach::add);
        List<String> iterated = new ArrayList<>();
        Iterator<String> items = ObservedStream.of(Stream.of("a", "internal usage", "b"), pulled, null).iterator();
        items.forEachRemaining(iterated::add);

        assertThat(forEach).containsExactly("a", "b");
        assertThat(iterated).containsExactly("a", "b");
        assertThat(pushed.calls).containsExactly("item a", "item internal usage", "item b", "completed");
        assertThat(pulled.calls).containsExactly("item a", "item internal usage", "item b", "completed");
    }

    @Test
    void aSourceThatFailsIsReportedOnceAndTheApplicationGetsTheSameException() {
        IllegalStateException cut = new IllegalStateException("connection reset");
        Recording observer = new Recording();
        Stream<String> source = Stream.of("a", "b").map(item -> {
            if (item.equals("b")) {
                throw cut;
            }
            return item;
        });

        Throwable thrown = catchThrowable(() -> ObservedStream.of(source, observer, null).forEach(item -> {}));

        assertThat(thrown).isSameAs(cut);
        assertThat(observer.calls).containsExactly("item a", "failed connection reset");
    }

    @Test
    void anExceptionOfTheApplicationsOwnActionIsNotAFailureOfTheStream() {
        IllegalArgumentException own = new IllegalArgumentException("the application's bug");
        Recording observer = new Recording();

        Throwable thrown = catchThrowable(() -> ObservedStream.of(Stream.of("a", "b"), observer, null)
                .forEach(item -> {
                    throw own;
                }));

        assertThat(thrown).isSameAs(own);
        assertThat(observer.calls).containsExactly("item a");
    }

    @Test
    void nothingIsReadBeforeTheApplicationReadsAndClosingClosesTheSource() {
        Recording observer = new Recording();
        AtomicBoolean closed = new AtomicBoolean();
        Stream<String> source = Stream.of("a").peek(item -> observer.calls.add("read " + item))
                .onClose(() -> closed.set(true));

        Stream<String> observed = ObservedStream.of(source, observer, null);
        assertThat(observer.calls).isEmpty();
        observed.close();

        assertThat(closed).isTrue();
        assertThat(observer.calls).isEmpty();
    }
}

package dev.genaiotel.core;

import java.util.Objects;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A client library's {@link Stream} of streamed items, shown to the application unchanged while an instrumentation
 * sees each item and how the stream ended: the one piece every provider needs between a client's stream and the
 * core's stream lifecycle ({@link Invocation#endWhenAbandoned}).
 *
 * <p>The stream is sequential and lazy like its source: nothing is read before the application reads it. Terminal
 * operations that take every item ({@code forEach}, {@code collect}, ...) let the source push its items through its
 * own pipeline; pulling them one by one would make a pipelined source (a client that maps server-sent lines into
 * objects) buffer every item. An exception the application's own action throws is passed on and is not reported as a
 * failure of the stream. Closing the returned stream closes the source.
 */
public final class ObservedStream {

    private ObservedStream() {}

    /** What an instrumentation is told about a stream; called on the thread that reads it. */
    public interface Observer<T> {

        /**
         * An item arrived, before the application sees it.
         *
         * @return whether the application sees it; false only for items the instrumentation itself asked for
         */
        boolean onItem(T item);

        /** The stream was read to its end. */
        void completed();

        /** Reading the stream failed with {@code error}, which the application receives next. */
        void failed(Throwable error);
    }

    /**
     * The items of {@code source}, each shown to {@code observer} first.
     *
     * @param owner the object the application holds (a client's response object), kept reachable while the
     *     application reads only the returned stream, so that a stream being read is never taken for abandoned; may
     *     be null
     */
    public static <T> Stream<T> of(Stream<T> source, Observer<T> observer, Object owner) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(observer, "observer");
        return StreamSupport.stream(new ObservingSpliterator<>(source.spliterator(), observer, owner), false)
                .onClose(source::close);
    }

    private static final class ObservingSpliterator<T> implements Spliterator<T>, Consumer<T> {
        private final Spliterator<T> source;
        private final Observer<T> observer;
        @SuppressWarnings("unused") // holds the owner reachable while the application reads the stream
        private final Object owner;
        private T current;
        /** The application's action while {@link #forEachRemaining} runs, else null. */
        private Consumer<? super T> downstream;
        /** Set when the application's own action threw: that is not a failure of the stream. */
        private boolean downstreamFailed;

        ObservingSpliterator(Spliterator<T> source, Observer<T> observer, Object owner) {
            this.source = source;
            this.observer = observer;
            this.owner = owner;
        }

        @Override
        public void accept(T item) {
            Consumer<? super T> action = downstream;
            if (action == null) {
                current = item;
            } else if (observer.onItem(item)) {
                try {
                    action.accept(item);
                } catch (Throwable error) {
                    downstreamFailed = true;
                    throw error;
                }
            }
        }

        @Override
        public void forEachRemaining(Consumer<? super T> action) {
            downstream = action;
            try {
                source.forEachRemaining(this);
            } catch (Throwable error) {
                if (!downstreamFailed) {
                    observer.failed(error);
                }
                throw error;
            } finally {
                downstream = null;
            }
            observer.completed();
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            while (true) {
                boolean advanced;
                try {
                    advanced = source.tryAdvance(this);
                } catch (Throwable error) {
                    observer.failed(error);
                    throw error;
                }
                if (!advanced) {
                    observer.completed();
                    return false;
                }
                T item = current;
                current = null;
                if (observer.onItem(item)) {
                    action.accept(item);
                    return true;
                }
            }
        }

        @Override
        public Spliterator<T> trySplit() {
            return null;
        }

        @Override
        public long estimateSize() {
            return Long.MAX_VALUE;
        }

        @Override
        public int characteristics() {
            return source.characteristics() & (ORDERED | NONNULL | IMMUTABLE);
        }
    }
}

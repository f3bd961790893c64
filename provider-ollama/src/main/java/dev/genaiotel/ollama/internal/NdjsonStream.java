package dev.genaiotel.ollama.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genaiotel.ollama.OllamaException;
import dev.genaiotel.ollama.OllamaServerException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.ref.Cleaner;
import java.nio.charset.StandardCharsets;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An NDJSON response body as a {@link Stream} of parsed chunks. Closing the stream closes the body, which cancels
 * the HTTP exchange; a stream dropped without closing is closed by a {@link Cleaner} once unreachable, so the
 * connection (and an instrumented exchange's span) is not held forever.
 */
public final class NdjsonStream<T> extends Spliterators.AbstractSpliterator<T> {

    private static final Cleaner CLEANER = Cleaner.create();

    private final BufferedReader reader;
    private final int statusCode;
    private final Function<JsonNode, T> parser;
    private final Predicate<T> last;
    private boolean finished;

    private NdjsonStream(InputStream in, int statusCode, Function<JsonNode, T> parser, Predicate<T> last) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.statusCode = statusCode;
        this.parser = parser;
        this.last = last;
    }

    /** A stream over the body; closing it closes {@code in}. */
    public static <T> Stream<T> of(InputStream in, int statusCode, Function<JsonNode, T> parser,
            Predicate<T> last) {
        NdjsonStream<T> chunks = new NdjsonStream<>(in, statusCode, parser, last);
        if (in instanceof WatchedBody.WatchedInputStream) {
            // An instrumented exchange watches its body already: dropped, it ends the call as abandoned and closes.
            return StreamSupport.stream(chunks, false).onClose(new Closer(in));
        }
        Cleaner.Cleanable cleanable = CLEANER.register(chunks, new Closer(in));
        return StreamSupport.stream(chunks, false).onClose(cleanable::clean);
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
        if (finished) {
            return false;
        }
        String line;
        try {
            do {
                line = reader.readLine();
            } while (line != null && line.isBlank());
        } catch (IOException e) {
            finished = true;
            throw new OllamaException("I/O failure reading Ollama's stream", e);
        }
        if (line == null) {
            finished = true;
            return false;
        }
        JsonNode node;
        try {
            node = WireFormat.parse(line);
        } catch (IOException e) {
            finished = true;
            throw new OllamaException("Ollama sent a malformed stream line", e);
        }
        String error = WireFormat.errorMessage(node);
        if (error != null) {
            finished = true;
            throw new OllamaServerException(statusCode, error);
        }
        T chunk = parser.apply(node);
        finished = last.test(chunk);
        action.accept(chunk);
        return true;
    }

    /** Closes the body; must not refer to the stream, or the stream could never become unreachable. */
    private static final class Closer implements Runnable {
        private final InputStream in;

        Closer(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            try {
                in.close();
            } catch (IOException e) {
                // the exchange is being abandoned; nothing is waiting for this outcome
            }
        }
    }
}

package dev.genaiotel.ollama;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local Ollama stand-in on the JDK's HTTP server, loopback only. It answers with Ollama's wire format: JSON
 * objects for {@code "stream": false}, and {@code application/x-ndjson} chunked streams written and flushed line
 * by line, as Ollama does.
 */
final class OllamaStub implements AutoCloseable {

    /** A canned answer. */
    record Answer(int status, String contentType, List<String> lines, long delayMillis) {
        static Answer json(int status, String body) {
            return new Answer(status, "application/json; charset=utf-8", List.of(body), 0);
        }

        static Answer ndjson(List<String> lines) {
            return new Answer(200, "application/x-ndjson", lines, 0);
        }

        Answer withDelay(long millis) {
            return new Answer(status, contentType, lines, millis);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    final List<String> requestBodies = new CopyOnWriteArrayList<>();

    OllamaStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    OllamaStub answer(String method, String path, Answer answer) {
        answers.put(method + " " + path, answer);
        return this;
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port());
    }

    URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requestBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Answer answer = answers.get(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            if (answer == null) {
                answer = Answer.json(404, "404 page not found");
                exchange.getResponseHeaders().add("Content-Type", "text/plain");
                byte[] body = answer.lines().get(0).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(404, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            if (!answer.contentType().startsWith("application/x-ndjson")) {
                byte[] body = answer.lines().get(0).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer.status(), body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            exchange.sendResponseHeaders(answer.status(), 0);
            OutputStream out = exchange.getResponseBody();
            for (String line : answer.lines()) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (answer.delayMillis() > 0) {
                    Thread.sleep(answer.delayMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away mid-stream (early close tests): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

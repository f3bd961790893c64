package dev.genaiotel.autoconfigure;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A local OTLP/HTTP receiver on the JDK HttpServer: keeps every export request and answers 200. */
final class OtlpReceiver implements AutoCloseable {

    /** One received export request. */
    record Received(String path, Map<String, List<String>> headers, String contentType, byte[] body) {
        ExportTraceServiceRequest traces() {
            try {
                return ExportTraceServiceRequest.parseFrom(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        ExportLogsServiceRequest logs() {
            try {
                return ExportLogsServiceRequest.parseFrom(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        ExportMetricsServiceRequest metrics() {
            try {
                return ExportMetricsServiceRequest.parseFrom(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.join(",", e.getValue())).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    final List<Received> requests = new CopyOnWriteArrayList<>();

    OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                requests.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                        exchange.getRequestHeaders().getFirst("Content-Type"), in.readAllBytes()));
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        server.start();
    }

    /** The base endpoint, such as {@code http://127.0.0.1:4711}. */
    String endpoint() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /** The requests to {@code /v1/traces}. */
    List<Received> traceRequests() {
        return requests.stream().filter(r -> r.path().equals("/v1/traces")).toList();
    }

    /** Every span of every trace request, with the resource of its batch. */
    List<Map.Entry<ResourceSpans, Span>> spans() {
        List<Map.Entry<ResourceSpans, Span>> all = new ArrayList<>();
        for (Received request : traceRequests()) {
            for (ResourceSpans resourceSpans : request.traces().getResourceSpansList()) {
                for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                    for (Span span : scopeSpans.getSpansList()) {
                        all.add(Map.entry(resourceSpans, span));
                    }
                }
            }
        }
        return all;
    }

    /** Every log record of every request to {@code /v1/logs}. */
    List<LogRecord> logRecords() {
        List<LogRecord> all = new ArrayList<>();
        for (Received request : requests) {
            if (request.path().equals("/v1/logs")) {
                for (ResourceLogs resourceLogs : request.logs().getResourceLogsList()) {
                    for (ScopeLogs scopeLogs : resourceLogs.getScopeLogsList()) {
                        all.addAll(scopeLogs.getLogRecordsList());
                    }
                }
            }
        }
        return all;
    }

    /** Every metric of every request to {@code /v1/metrics}, in the order received. */
    List<Metric> metrics() {
        List<Metric> all = new ArrayList<>();
        for (Received request : requests) {
            if (request.path().equals("/v1/metrics")) {
                for (ResourceMetrics resourceMetrics : request.metrics().getResourceMetricsList()) {
                    for (ScopeMetrics scopeMetrics : resourceMetrics.getScopeMetricsList()) {
                        all.addAll(scopeMetrics.getMetricsList());
                    }
                }
            }
        }
        return all;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package dev.genaiotel.semconv;

import dev.genaiotel.semconv.MetricDefinition.Instrument;
import java.util.List;

/**
 * The metrics of the Model Context Protocol conventions: operation and session durations on either side, all
 * histograms in seconds with the bucket boundaries the conventions advise.
 */
public final class McpMetrics {

    /** The advised bucket boundaries of every MCP duration, in seconds. */
    public static final List<Double> DURATION_BUCKETS =
            List.of(0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0);

    /** {@code mcp.client.operation.duration}: from sending a request or notification to its response or ack. */
    public static final MetricDefinition MCP_CLIENT_OPERATION_DURATION = new MetricDefinition(
            "mcp.client.operation.duration",
            Instrument.DOUBLE_HISTOGRAM,
            "s",
            "Duration of an MCP request or notification as seen by its sender, until the response or ack.",
            DURATION_BUCKETS);

    /** {@code mcp.server.operation.duration}: the processing of a request or notification by its receiver. */
    public static final MetricDefinition MCP_SERVER_OPERATION_DURATION = new MetricDefinition(
            "mcp.server.operation.duration",
            Instrument.DOUBLE_HISTOGRAM,
            "s",
            "Duration of the processing of an MCP request or notification by its receiver.",
            DURATION_BUCKETS);

    /** {@code mcp.client.session.duration}: the life of an MCP session on the client. */
    public static final MetricDefinition MCP_CLIENT_SESSION_DURATION = new MetricDefinition(
            "mcp.client.session.duration",
            Instrument.DOUBLE_HISTOGRAM,
            "s",
            "Duration of an MCP session as seen by the client.",
            DURATION_BUCKETS);

    /** {@code mcp.server.session.duration}: the life of an MCP session on the server. */
    public static final MetricDefinition MCP_SERVER_SESSION_DURATION = new MetricDefinition(
            "mcp.server.session.duration",
            Instrument.DOUBLE_HISTOGRAM,
            "s",
            "Duration of an MCP session as seen by the server.",
            DURATION_BUCKETS);

    private McpMetrics() {}
}

package dev.genaiotel.mcp;

import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.mcp.internal.McpRecorder;

/** Options of {@link McpTelemetry}; the only mutable type of this module. */
public final class McpTelemetryBuilder {

    private final GenAiTelemetry telemetry;
    private boolean resourceUriInSpanName;

    McpTelemetryBuilder(GenAiTelemetry telemetry) {
        this.telemetry = telemetry;
    }

    /**
     * Whether {@code mcp.resource.uri} is the target in span names ({@code resources/read file:///a.txt}); off by
     * default, as the conventions advise, because URIs make span names high-cardinality.
     */
    public McpTelemetryBuilder setResourceUriInSpanName(boolean value) {
        resourceUriInSpanName = value;
        return this;
    }

    /** The telemetry. */
    public McpTelemetry build() {
        return new McpTelemetry(new McpRecorder(telemetry, resourceUriInSpanName));
    }
}

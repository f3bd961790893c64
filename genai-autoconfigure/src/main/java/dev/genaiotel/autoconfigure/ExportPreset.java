package dev.genaiotel.autoconfigure;

import dev.genaiotel.autoconfigure.internal.ConsoleSpanExporter;
import dev.genaiotel.autoconfigure.internal.CoralogixEndpoint;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where {@link GenAiOpenTelemetry} sends telemetry: a named set of standard autoconfigure properties, not a code
 * path of its own. A preset supplies <em>defaults</em> for the {@code otel.*} properties it names; a standard
 * {@code OTEL_*} environment variable or {@code otel.*} system property set by the user wins over them (for example
 * {@code OTEL_METRICS_EXPORTER=none} with the console preset). The one exception is the Coralogix endpoint and
 * authorization header, which win over {@code OTEL_EXPORTER_OTLP_ENDPOINT} and {@code OTEL_EXPORTER_OTLP_HEADERS} so
 * that the key is never sent elsewhere. Immutable; {@link #toString()} never shows a token.
 *
 * <ul>
 *   <li>{@link #console()}: traces, metrics and events printed for a person to read, for local work.
 *   <li>{@link #otlp()}: OTLP to any collector over {@code http/protobuf}; endpoint, headers, protocol and the
 *       rest from the standard {@code OTEL_EXPORTER_OTLP_*} variables, as autoconfigure reads them.
 *   <li>{@link #coralogix(String, String)}: OTLP to Coralogix with the Send-Your-Data key from {@code CX_TOKEN} and
 *       the endpoint from {@code CX_ENDPOINT}, labelled with the Coralogix application and subsystem names.
 * </ul>
 */
public final class ExportPreset {

    /** The environment variable holding the Coralogix Send-Your-Data API key. */
    public static final String CX_TOKEN = "CX_TOKEN";
    /** The environment variable holding the Coralogix endpoint, such as {@code ingress.eu2.coralogix.com:443}. */
    public static final String CX_ENDPOINT = "CX_ENDPOINT";
    /** The resource attribute Coralogix reads its application name from. */
    public static final AttributeKey<String> CX_APPLICATION_NAME = AttributeKey.stringKey("cx.application.name");
    /** The resource attribute Coralogix reads its subsystem name from. */
    public static final AttributeKey<String> CX_SUBSYSTEM_NAME = AttributeKey.stringKey("cx.subsystem.name");

    private enum Kind { CONSOLE, OTLP, CORALOGIX }

    private final Kind kind;
    private final String endpoint;
    private final String token;
    private final String applicationName;
    private final String subsystemName;
    private final Function<String, String> environment;

    private ExportPreset(Kind kind, String endpoint, String token, String applicationName, String subsystemName,
            Function<String, String> environment) {
        this.kind = kind;
        this.endpoint = endpoint;
        this.token = token;
        this.applicationName = applicationName;
        this.subsystemName = subsystemName;
        this.environment = environment;
    }

    /**
     * Traces, metrics and events printed to standard output for a person to read, by the {@code genai-console}
     * exporters: each batch of spans as a tree with kind, duration, status and attributes (tokens, time to first
     * chunk, ...), genai-otel's metric points as count and sum (what was recorded since the last print), and
     * events with their attributes. The SDK's own one-line format stays available as
     * {@code otel.traces.exporter=console} (and likewise for metrics and logs).
     */
    public static ExportPreset console() {
        return new ExportPreset(Kind.CONSOLE, null, null, null, null, System::getenv);
    }

    /**
     * Traces, metrics and logs over OTLP, configured by the standard {@code OTEL_EXPORTER_OTLP_*} variables. The
     * protocol defaults to {@code http/protobuf}, the protocol the OpenTelemetry specification recommends (the Java
     * SDK alone defaults to {@code grpc}), so the endpoint defaults to {@code http://localhost:4318};
     * {@code OTEL_EXPORTER_OTLP_PROTOCOL=grpc} switches back.
     */
    public static ExportPreset otlp() {
        return new ExportPreset(Kind.OTLP, null, null, null, null, System::getenv);
    }

    /**
     * OTLP, as {@link #otlp()}, to the given base endpoint, such as {@code http://collector:4318}, unless
     * {@code OTEL_EXPORTER_OTLP_ENDPOINT} names another.
     */
    public static ExportPreset otlp(String endpoint) {
        return new ExportPreset(Kind.OTLP, requireText(endpoint, "endpoint"), null, null, null, System::getenv);
    }

    /**
     * OTLP to Coralogix, the way llm-tracekit's {@code setup_export_to_coralogix} does it: the
     * {@code Authorization: Bearer <CX_TOKEN>} header, the endpoint from {@code CX_ENDPOINT} (a URL, a
     * {@code host:port} such as {@code ingress.eu2.coralogix.com:443}, or a bare domain such as
     * {@code eu2.coralogix.com}), the {@code grpc} protocol unless {@code OTEL_EXPORTER_OTLP_PROTOCOL} says otherwise,
     * and the resource attributes {@code cx.application.name} and {@code cx.subsystem.name}. The token and the
     * endpoint are read when the SDK is built; {@link #withToken(String)} and {@link #withEndpoint(String)} set them
     * in code instead. The token is sent in the header only: it is never logged nor recorded as an attribute.
     *
     * @param applicationName the Coralogix application name
     * @param subsystemName the Coralogix subsystem name
     */
    public static ExportPreset coralogix(String applicationName, String subsystemName) {
        return new ExportPreset(Kind.CORALOGIX, null, null, requireText(applicationName, "applicationName"),
                requireText(subsystemName, "subsystemName"), System::getenv);
    }

    /**
     * A copy with the endpoint set in code: the OTLP base endpoint, or the Coralogix endpoint instead of
     * {@code CX_ENDPOINT}.
     *
     * @throws IllegalStateException for the console preset
     */
    public ExportPreset withEndpoint(String value) {
        if (kind == Kind.CONSOLE) {
            throw new IllegalStateException("The console preset has no endpoint");
        }
        return new ExportPreset(kind, requireText(value, "endpoint"), token, applicationName, subsystemName,
                environment);
    }

    /**
     * A copy with the Coralogix Send-Your-Data key set in code instead of {@code CX_TOKEN}.
     *
     * @throws IllegalStateException for a preset other than Coralogix
     */
    public ExportPreset withToken(String value) {
        if (kind != Kind.CORALOGIX) {
            throw new IllegalStateException("Only the Coralogix preset takes a token");
        }
        return new ExportPreset(kind, endpoint, requireText(value, "token"), applicationName, subsystemName,
                environment);
    }

    /** A copy reading {@code CX_TOKEN} and {@code CX_ENDPOINT} from {@code source}; for tests. */
    ExportPreset withEnvironment(Function<String, String> source) {
        return new ExportPreset(kind, endpoint, token, applicationName, subsystemName,
                Objects.requireNonNull(source, "source"));
    }

    /** The properties this preset supplies as defaults, which the user's settings override. */
    Map<String, String> defaults() {
        Map<String, String> properties = new LinkedHashMap<>();
        String exporter = kind == Kind.CONSOLE ? ConsoleSpanExporter.NAME : "otlp";
        properties.put("otel.traces.exporter", exporter);
        properties.put("otel.metrics.exporter", exporter);
        properties.put("otel.logs.exporter", exporter);
        if (kind == Kind.OTLP) {
            properties.put("otel.exporter.otlp.protocol", "http/protobuf");
            if (endpoint != null) {
                properties.put("otel.exporter.otlp.endpoint", endpoint);
            }
        }
        if (kind == Kind.CORALOGIX) {
            properties.put("otel.exporter.otlp.protocol", "grpc");
        }
        return properties;
    }

    /**
     * The properties this preset sets over the user's: for Coralogix the endpoint and the authorization header, so
     * that the token is never sent to an endpoint other than the Coralogix one.
     *
     * @throws IllegalStateException when the Coralogix token or endpoint is set nowhere
     */
    Map<String, String> overrides() {
        if (kind != Kind.CORALOGIX) {
            return Map.of();
        }
        String key = token != null ? token : blankToNull(environment.apply(CX_TOKEN));
        if (key == null) {
            throw new IllegalStateException("The Coralogix preset needs the Send-Your-Data API key: set " + CX_TOKEN
                    + " or call withToken");
        }
        String target = endpoint != null ? endpoint : blankToNull(environment.apply(CX_ENDPOINT));
        if (target == null) {
            throw new IllegalStateException("The Coralogix preset needs the endpoint: set " + CX_ENDPOINT
                    + " (such as ingress.eu2.coralogix.com:443) or call withEndpoint");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("otel.exporter.otlp.endpoint", CoralogixEndpoint.toUrl(target));
        // autoconfigure URL-decodes header values, so the space after Bearer and any reserved character survive.
        properties.put("otel.exporter.otlp.headers",
                "Authorization=" + URLEncoder.encode("Bearer " + key.trim(), StandardCharsets.UTF_8));
        return properties;
    }

    /** The resource attributes this preset adds. */
    Attributes resourceAttributes() {
        if (kind != Kind.CORALOGIX) {
            return Attributes.empty();
        }
        return Attributes.of(CX_APPLICATION_NAME, applicationName, CX_SUBSYSTEM_NAME, subsystemName);
    }

    /** The preset's name and settings; a token shows as {@code ***}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("ExportPreset{").append(kind.name().toLowerCase(Locale.ROOT));
        if (endpoint != null) {
            text.append(", endpoint=").append(endpoint);
        }
        if (kind == Kind.CORALOGIX) {
            text.append(", application=").append(applicationName).append(", subsystem=").append(subsystemName)
                    .append(", token=").append(token != null ? "***" : "from " + CX_TOKEN);
        }
        return text.append('}').toString();
    }

    private static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

package dev.genaiotel.autoconfigure.internal;

import java.util.Locale;

/** Turns the forms in which Coralogix endpoints are written into the URL the OTLP exporters take. */
public final class CoralogixEndpoint {

    private CoralogixEndpoint() {}

    /**
     * The OTLP base URL for a Coralogix endpoint or domain.
     *
     * <ul>
     *   <li>a URL ({@code https://ingress.eu2.coralogix.com:443}, or {@code http://...} for a local stand-in) is
     *       kept, without a trailing slash;
     *   <li>a host and port ({@code ingress.eu2.coralogix.com:443}, the form Coralogix documents) gets
     *       {@code https://};
     *   <li>a bare domain ({@code eu2.coralogix.com}) becomes {@code https://ingress.eu2.coralogix.com:443}.
     * </ul>
     *
     * @throws IllegalArgumentException when {@code endpoint} is blank
     */
    public static String toUrl(String endpoint) {
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalArgumentException("The Coralogix endpoint is blank");
        }
        String value = endpoint.trim();
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            return value;
        }
        if (value.indexOf(':') >= 0) {
            return "https://" + value;
        }
        if (!lower.startsWith("ingress.")) {
            value = "ingress." + value;
        }
        return "https://" + value + ":443";
    }
}

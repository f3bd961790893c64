package dev.genaiotel.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.genaiotel.core.PriceTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A price table read from a JSON price file (format in {@link PriceTable#fromJson(java.nio.file.Path)}), read with
 * jackson-core's streaming parser. Immutable and thread-safe.
 */
public final class PriceFile implements PriceTable {

    private static final Logger LOGGER = Logger.getLogger(PriceFile.class.getName());
    private static final JsonFactory JSON = new JsonFactory();

    private static final int WILDCARD = 1;
    private static final int PREFIX = 2;
    private static final int EXACT = 3;

    private final List<Entry> entries;

    private PriceFile(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** One priced model pattern; {@code model} is the exact name or the prefix without its {@code *}. */
    private record Entry(String provider, String model, int match, Price price) {

        /** How specifically this entry matches, or -1 when it does not; higher wins. */
        long score(String providerName, String name) {
            if (provider != null && !provider.equals(providerName)) {
                return -1;
            }
            long score;
            if (match == WILDCARD) {
                score = (long) WILDCARD << 32;
            } else if (name == null) {
                return -1;
            } else if (match == EXACT) {
                if (!name.equals(model)) {
                    return -1;
                }
                score = (long) EXACT << 32;
            } else {
                if (!name.startsWith(model)) {
                    return -1;
                }
                score = ((long) PREFIX << 32) + model.length();
            }
            return score * 2 + (provider != null ? 1 : 0);
        }
    }

    @Override
    public Optional<Price> priceFor(String providerName, String model) {
        Entry best = null;
        long bestScore = -1;
        for (Entry entry : entries) {
            long score = entry.score(providerName, model);
            if (score > bestScore) {
                best = entry;
                bestScore = score;
            }
        }
        return best == null ? Optional.empty() : Optional.of(best.price);
    }

    /**
     * The price table named by the price-file setting, or null (logged once, as an error) when it cannot be read,
     * so that a bad file costs nothing but the cost attributes.
     *
     * @param path the setting's value
     * @param origin where the value came from, for the message
     */
    public static PriceTable fromSetting(String path, String origin) {
        try {
            return PriceTable.fromJson(Path.of(path.trim()));
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            LOGGER.log(Level.SEVERE, "GenAI price file ''{0}'' ({1}) could not be loaded, so no cost is recorded: {2}",
                    new Object[] {path, origin, e.toString()});
            return null;
        }
    }

    /**
     * Reads a price file.
     *
     * @param in the JSON, not closed
     * @param source what it is, for error messages
     * @throws IOException when the stream cannot be read
     * @throws IllegalArgumentException when the JSON is malformed or not a valid price file
     */
    public static PriceFile read(InputStream in, String source) throws IOException {
        try (JsonParser parser = JSON.createParser(in)) {
            parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            return new Reader(parser, source).file();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException("Invalid price file " + source + where(at) + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    private static String where(JsonLocation at) {
        return at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    private static final class Reader {
        private final JsonParser parser;
        private final String source;

        Reader(JsonParser parser, String source) {
            this.parser = parser;
            this.source = source;
        }

        PriceFile file() throws IOException {
            expect(parser.nextToken(), JsonToken.START_OBJECT, "the file must be a JSON object");
            String currency = null;
            List<RawEntry> raw = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "currency":
                        currency = string(value, field);
                        break;
                    case "prices":
                        raw = entries(value);
                        break;
                    default:
                        throw invalid("unknown field '" + field + "' (expected 'currency' or 'prices')");
                }
            }
            if (parser.nextToken() != null) {
                throw invalid("unexpected content after the price object");
            }
            if (raw == null) {
                throw invalid("the field 'prices' is missing");
            }
            List<Entry> entries = new ArrayList<>(raw.size());
            Set<String> seen = new HashSet<>();
            for (RawEntry entry : raw) {
                String entryCurrency = entry.currency != null ? entry.currency : currency;
                if (entryCurrency == null) {
                    throw invalid(entry, "no currency, and the file names no default 'currency'");
                }
                Price price;
                try {
                    price = new Price(entry.input, entry.output, entry.cacheRead, entry.cacheWrite, entryCurrency);
                } catch (IllegalArgumentException e) {
                    throw invalid(entry, e.getMessage());
                }
                if (!seen.add(entry.provider + '\u0000' + entry.model)) {
                    throw invalid(entry, "duplicate entry for this model"
                            + (entry.provider == null ? "" : " and provider"));
                }
                String model = entry.model;
                int star = model.indexOf('*');
                int match;
                if (model.equals("*")) {
                    match = WILDCARD;
                } else if (star < 0) {
                    match = EXACT;
                } else if (star == model.length() - 1) {
                    match = PREFIX;
                    model = model.substring(0, star);
                } else {
                    throw invalid(entry, "'*' is only allowed at the end of a model");
                }
                entries.add(new Entry(entry.provider, model, match, price));
            }
            return new PriceFile(entries);
        }

        private List<RawEntry> entries(JsonToken token) throws IOException {
            expect(token, JsonToken.START_ARRAY, "'prices' must be an array");
            List<RawEntry> entries = new ArrayList<>();
            JsonToken next;
            while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                entries.add(entry(next, entries.size()));
            }
            return entries;
        }

        private RawEntry entry(JsonToken token, int index) throws IOException {
            expect(token, JsonToken.START_OBJECT, "each element of 'prices' must be an object");
            JsonLocation start = parser.currentLocation();
            RawEntry entry = new RawEntry(index, start);
            Double input = null;
            Double output = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "model":
                        entry.model = string(value, field);
                        break;
                    case "provider":
                        entry.provider = string(value, field);
                        break;
                    case "currency":
                        entry.currency = string(value, field);
                        break;
                    case "input":
                        input = number(value, field, false);
                        break;
                    case "output":
                        output = number(value, field, false);
                        break;
                    case "cache_read":
                        entry.cacheRead = number(value, field, true);
                        break;
                    case "cache_write":
                        entry.cacheWrite = number(value, field, true);
                        break;
                    default:
                        throw invalid("unknown field '" + field + "' in prices[" + index + "] (expected model,"
                                + " provider, input, output, cache_read, cache_write, currency)");
                }
            }
            if (entry.model == null || entry.model.isEmpty()) {
                throw invalid(entry, "'model' is missing");
            }
            if (input == null || output == null) {
                throw invalid(entry, "'input' and 'output' prices are required");
            }
            entry.input = input;
            entry.output = output;
            return entry;
        }

        private String string(JsonToken token, String field) throws IOException {
            expect(token, JsonToken.VALUE_STRING, "'" + field + "' must be a string");
            return parser.getText();
        }

        private Double number(JsonToken token, String field, boolean nullable) throws IOException {
            if (token == JsonToken.VALUE_NULL && nullable) {
                return null;
            }
            if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
                throw invalid("'" + field + "' must be a number" + (nullable ? " or null" : ""));
            }
            return parser.getDoubleValue();
        }

        private void expect(JsonToken actual, JsonToken expected, String message) {
            if (actual != expected) {
                throw invalid(message);
            }
        }

        private IllegalArgumentException invalid(String message) {
            return new IllegalArgumentException("Invalid price file " + source + where(parser.currentLocation())
                    + ": " + message);
        }

        private IllegalArgumentException invalid(RawEntry entry, String message) {
            return new IllegalArgumentException("Invalid price file " + source + where(entry.start) + ": prices["
                    + entry.index + "]" + (entry.model == null ? "" : " (model '" + entry.model + "')") + ": "
                    + message);
        }
    }

    private static final class RawEntry {
        final int index;
        final JsonLocation start;
        String model;
        String provider;
        String currency;
        double input;
        double output;
        Double cacheRead;
        Double cacheWrite;

        RawEntry(int index, JsonLocation start) {
            this.index = index;
            this.start = start;
        }
    }
}

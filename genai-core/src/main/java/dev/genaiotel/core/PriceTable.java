package dev.genaiotel.core;

import dev.genaiotel.core.internal.PriceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The prices of models, from which {@code gen_ai.usage.cost} and the {@code gen_ai.client.usage.cost} metric are
 * computed. None is built in: supply one with {@link GenAiTelemetryBuilder#setPriceTable(PriceTable)} or point
 * {@code OTEL_INSTRUMENTATION_GENAI_PRICE_FILE} / {@code otel.instrumentation.genai.price-file} at a JSON price file
 * ({@link #fromJson(Path)}). Implementations must be thread-safe; one that throws is logged once and costs nothing.
 */
public interface PriceTable {

    /**
     * The price of a model.
     *
     * @param providerName {@code gen_ai.provider.name}, or null
     * @param model the model: the request model ({@code gen_ai.request.model}), or the response model when the
     *     request names none; may be null
     * @return the price, or empty when unknown (no cost is recorded)
     */
    Optional<Price> priceFor(String providerName, String model);

    /**
     * Reads a JSON price file.
     *
     * <pre>{@code
     * {
     *   "currency": "USD",
     *   "prices": [
     *     {"model": "gpt-4o", "input": 2.5, "output": 10.0, "cache_read": 1.25},
     *     {"model": "gpt-4o*", "provider": "openai", "input": 2.5, "output": 10.0},
     *     {"model": "*", "input": 1.0, "output": 2.0, "currency": "EUR"}
     *   ]
     * }
     * }</pre>
     *
     * <p>Prices are per million tokens. {@code model} is an exact name, a prefix ending in {@code *}, or {@code *}
     * alone for every model; {@code provider} (optional) limits an entry to one {@code gen_ai.provider.name}.
     * {@code cache_read} and {@code cache_write} are optional (the input price when absent); {@code currency} is an
     * ISO 4217 code, per entry or as the file's default. The most specific entry wins: an exact name over the
     * longest prefix over {@code *}, and at the same model match an entry for the provider over one for any
     * provider. Unknown fields, duplicate entries and a {@code *} anywhere but at the end are errors.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when the file is not a valid price file; the message gives the line and
     *     column
     */
    static PriceTable fromJson(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return PriceFile.read(in, file.toString());
        }
    }

    /**
     * Reads a JSON price file from a stream, which is not closed; see {@link #fromJson(Path)}.
     *
     * @throws IOException when the stream cannot be read
     * @throws IllegalArgumentException when the content is not a valid price file
     */
    static PriceTable fromJson(InputStream in) throws IOException {
        return PriceFile.read(in, "price table");
    }

    /**
     * The price of a model per million tokens. The cost of an operation is
     * {@code ((input - cacheRead - cacheWrite) * input + cacheRead * cacheRead + cacheWrite * cacheWrite
     * + output * output) / 1,000,000}: token counts on the left of each product, prices on the right. Input tokens
     * include the cached ones (as the conventions define {@code gen_ai.usage.input_tokens}), so they are taken out of
     * the input count and priced on their own.
     *
     * @param input the price of a million input tokens not read from or written to a cache; finite, at least 0
     * @param output the price of a million output tokens (reasoning included); finite, at least 0
     * @param cacheRead the price of a million input tokens read from a cache, or null for the input price
     * @param cacheWrite the price of a million input tokens written to a cache, or null for the input price
     * @param currency the ISO 4217 code of the currency, e.g. {@code USD}; stored in upper case
     */
    record Price(double input, double output, Double cacheRead, Double cacheWrite, String currency) {

        /** Checks the prices and the currency code. */
        public Price {
            check("input", input);
            check("output", output);
            if (cacheRead != null) {
                check("cacheRead", cacheRead);
            }
            if (cacheWrite != null) {
                check("cacheWrite", cacheWrite);
            }
            Objects.requireNonNull(currency, "currency");
            if (!currency.matches("[A-Za-z]{3}")) {
                throw new IllegalArgumentException("currency must be a three-letter ISO 4217 code: " + currency);
            }
            currency = currency.toUpperCase(Locale.ROOT);
        }

        /** A price without separate cache prices. */
        public static Price of(double input, double output, String currency) {
            return new Price(input, output, null, null, currency);
        }

        /**
         * The cost of the given usage; counts that are null count as 0.
         *
         * @param usage the token usage
         * @return the cost in {@link #currency()}
         */
        public double cost(TokenUsage usage) {
            long in = count(usage.inputTokens());
            long read = count(usage.cacheReadInputTokens());
            long write = count(usage.cacheWriteInputTokens());
            long uncached = Math.max(0, in - read - write);
            double readPrice = cacheRead != null ? cacheRead : input;
            double writePrice = cacheWrite != null ? cacheWrite : input;
            return (uncached * input + read * readPrice + write * writePrice
                    + count(usage.outputTokens()) * output) / 1_000_000d;
        }

        private static long count(Long tokens) {
            return tokens == null || tokens < 0 ? 0 : tokens;
        }

        private static void check(String name, double price) {
            if (!(price >= 0) || Double.isInfinite(price)) {
                throw new IllegalArgumentException(name + " price must be finite and at least 0: " + price);
            }
        }
    }
}

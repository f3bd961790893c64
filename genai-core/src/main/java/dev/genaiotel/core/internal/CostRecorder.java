package dev.genaiotel.core.internal;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OPERATION_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_OPERATION_PURPOSE;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_PROVIDER_NAME;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_REQUEST_MODEL;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_COST;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_CURRENCY;

import dev.genaiotel.core.PriceTable;
import dev.genaiotel.core.TokenUsage;
import dev.genaiotel.semconv.GenAiMetrics;
import dev.genaiotel.semconv.MetricDefinition;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import java.util.Optional;

/**
 * The estimated cost of inferences and embeddings, when the price table knows the model and the usage is known:
 * {@code gen_ai.usage.cost} and {@code gen_ai.usage.currency} on the span, and the {@code gen_ai.client.usage.cost}
 * counter with operation, provider, request model, currency and {@code gen_ai.operation.purpose} (read from the
 * request's attributes, where a provider or the application sets it). Runs before the span recorder, which ends the
 * span. Agent invocations are not priced: their inferences are.
 */
final class CostRecorder implements Recorder {

    private final PriceTable prices;
    private final DoubleCounter cost;

    CostRecorder(Meter meter, PriceTable prices) {
        this.prices = prices;
        MetricDefinition definition = GenAiMetrics.GEN_AI_CLIENT_USAGE_COST;
        this.cost = meter.counterBuilder(definition.name())
                .setUnit(definition.unit())
                .setDescription(definition.description())
                .ofDoubles()
                .build();
    }

    @Override
    public void onStart(Operation<?, ?> op) {}

    @Override
    public void onEnd(Operation<?, ?> op) {
        record(op);
    }

    @Override
    public void onError(Operation<?, ?> op) {
        record(op);
    }

    private void record(Operation<?, ?> op) {
        CostBasis basis = op.costBasis();
        if (basis == null) {
            return;
        }
        String provider = basis.providerName();
        TokenUsage usage = basis.usage();
        if (usage == null || (usage.inputTokens() == null && usage.outputTokens() == null)) {
            return;
        }
        Optional<PriceTable.Price> price = prices.priceFor(provider, basis.pricedModel());
        if (price.isEmpty()) {
            return;
        }
        double value = price.get().cost(usage);
        String currency = price.get().currency();
        Span span = op.span;
        if (span.isRecording()) {
            span.setAttribute(GEN_AI_USAGE_COST, value);
            span.setAttribute(GEN_AI_USAGE_CURRENCY, currency);
        }
        AttributesBuilder attributes = Attributes.builder()
                .put(GEN_AI_OPERATION_NAME, op.operationName())
                .put(GEN_AI_USAGE_CURRENCY, currency);
        if (provider != null) {
            attributes.put(GEN_AI_PROVIDER_NAME, provider);
        }
        String requestModel = basis.requestModel();
        if (requestModel != null) {
            attributes.put(GEN_AI_REQUEST_MODEL, requestModel);
        }
        String purpose = basis.requestAttributes().get(GEN_AI_OPERATION_PURPOSE);
        if (purpose != null) {
            attributes.put(GEN_AI_OPERATION_PURPOSE, purpose);
        }
        cost.add(value, attributes.build(), op.context);
    }
}

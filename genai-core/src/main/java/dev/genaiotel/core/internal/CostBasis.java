package dev.genaiotel.core.internal;

import dev.genaiotel.core.TokenUsage;
import io.opentelemetry.api.common.Attributes;

/**
 * What an operation's cost is computed from.
 *
 * @param providerName {@code gen_ai.provider.name}, or null
 * @param requestModel {@code gen_ai.request.model}, or null
 * @param pricedModel the model whose price applies: the requested one, else the one that answered; or null
 * @param usage the tokens; null when unknown
 * @param requestAttributes the request's provider attributes (for {@code gen_ai.operation.purpose})
 */
record CostBasis(String providerName, String requestModel, String pricedModel, TokenUsage usage,
        Attributes requestAttributes) {}

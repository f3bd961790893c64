package dev.genaiotel.spring.internal;

/**
 * Instruments the Spring AI models of one provider at the client they send requests with, so that each request is
 * one span recorded by that provider's genai-otel module.
 */
interface ModelInstrumentation {

    /** The Spring AI provider name ({@code AiProvider}) of the models this handles, such as {@code openai}. */
    String providerName();

    /**
     * The instrumented replacement for {@code bean}, of the same class; null when this does not handle it.
     *
     * @throws RuntimeException when the bean cannot be rebuilt (the caller keeps it as it was)
     */
    Object instrument(Object bean);
}

package dev.genaiotel.semconv;

/**
 * Well-known values of {@code gen_ai.provider.name} ({@link GenAiAttributes#GEN_AI_PROVIDER_NAME}). The vocabulary is
 * open: set it from the instrumentation's best knowledge, and use a stable custom value where none is listed.
 */
public final class ProviderName {

    /** {@code openai}: OpenAI. */
    public static final String OPENAI = "openai";

    /** {@code gcp.gen_ai}: any Google generative-AI endpoint, when the backend is unknown. */
    public static final String GCP_GEN_AI = "gcp.gen_ai";

    /** {@code gcp.vertex_ai}: Vertex AI ({@code aiplatform.googleapis.com}). */
    public static final String GCP_VERTEX_AI = "gcp.vertex_ai";

    /** {@code gcp.gemini}: Gemini, a.k.a. AI Studio ({@code generativelanguage.googleapis.com}). */
    public static final String GCP_GEMINI = "gcp.gemini";

    /** {@code anthropic}: Anthropic. */
    public static final String ANTHROPIC = "anthropic";

    /** {@code cohere}: Cohere. */
    public static final String COHERE = "cohere";

    /** {@code azure.ai.inference}: Azure AI Inference. */
    public static final String AZURE_AI_INFERENCE = "azure.ai.inference";

    /** {@code azure.ai.openai}: Azure OpenAI. */
    public static final String AZURE_AI_OPENAI = "azure.ai.openai";

    /** {@code ibm.watsonx.ai}: IBM watsonx.ai. */
    public static final String IBM_WATSONX_AI = "ibm.watsonx.ai";

    /** {@code aws.bedrock}: AWS Bedrock; spans with it carry the {@code aws.bedrock.*} attributes. */
    public static final String AWS_BEDROCK = "aws.bedrock";

    /** {@code perplexity}: Perplexity. */
    public static final String PERPLEXITY = "perplexity";

    /** {@code x_ai}: xAI. */
    public static final String X_AI = "x_ai";

    /** {@code deepseek}: DeepSeek. */
    public static final String DEEPSEEK = "deepseek";

    /** {@code groq}: Groq. */
    public static final String GROQ = "groq";

    /** {@code mistral_ai}: Mistral AI. */
    public static final String MISTRAL_AI = "mistral_ai";

    /** {@code moonshot_ai}: Moonshot AI. */
    public static final String MOONSHOT_AI = "moonshot_ai";

    /** {@code ollama}: ours, a custom value: the conventions list no value for Ollama. */
    public static final String OLLAMA = "ollama";

    private ProviderName() {}
}

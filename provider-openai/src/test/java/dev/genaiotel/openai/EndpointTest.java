package dev.genaiotel.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.openai.internal.Endpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointTest {

    @ParameterizedTest
    @CsvSource({
        "https://api.openai.com/v1, openai, api.openai.com, 443, true",
        "https://my-resource.openai.azure.com/openai/deployments/gpt4, azure.ai.openai, "
                + "my-resource.openai.azure.com, 443, false",
        "http://localhost:11434/v1, ollama, localhost, 11434, false",
        "http://127.0.0.1:11434/v1, ollama, 127.0.0.1, 11434, false",
        "http://localhost:8000/v1, openai, localhost, 8000, false",
        "https://api.deepseek.com, deepseek, api.deepseek.com, 443, false",
        "https://api.groq.com/openai/v1, groq, api.groq.com, 443, false",
        "https://api.mistral.ai/v1, mistral_ai, api.mistral.ai, 443, false",
        "https://api.x.ai/v1, x_ai, api.x.ai, 443, false",
        "https://generativelanguage.googleapis.com/v1beta/openai/, gcp.gemini, "
                + "generativelanguage.googleapis.com, 443, false",
        "http://gateway.internal/v1, openai, gateway.internal, 80, false"
    })
    void providerAndServerComeFromTheBaseUrl(String baseUrl, String provider, String host, long port,
            boolean openAiApi) {
        Endpoint endpoint = Endpoint.of(baseUrl, null);

        assertThat(endpoint.providerName()).isEqualTo(provider);
        assertThat(endpoint.serverAddress()).isEqualTo(host);
        assertThat(endpoint.serverPort()).isEqualTo(port);
        assertThat(endpoint.openAiApi()).isEqualTo(openAiApi);
    }

    @ParameterizedTest
    @CsvSource({"http://localhost:8000/v1, vllm", "https://api.openai.com/v1, openai"})
    void theConfiguredProviderOnlyFillsInForUnknownHosts(String baseUrl, String provider) {
        assertThat(Endpoint.of(baseUrl, "vllm").providerName()).isEqualTo(provider);
    }

    @ParameterizedTest
    @CsvSource(value = {"NULL", "not a url", "file:///tmp/x"}, nullValues = "NULL")
    void unusableBaseUrlsStillGiveAProvider(String baseUrl) {
        Endpoint endpoint = Endpoint.of(baseUrl, null);

        assertThat(endpoint.providerName()).isEqualTo("openai");
        assertThat(endpoint.serverAddress()).isNull();
    }
}

package dev.genaiotel.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JavaAgentDetectionTest {

    private static final String OPENAI = "com.openai.client.OpenAIClient";
    private static final String BEDROCK = "software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient";

    private static Optional<String> warning(Map<String, String> properties, Map<String, String> environment,
            String... classes) {
        Set<String> present = Set.of(classes);
        return JavaAgentDetection.warning(properties::get, environment::get, present::contains);
    }

    @Test
    void noAgentNoWarning() {
        assertThat(warning(Map.of(), Map.of(), OPENAI, BEDROCK)).isEmpty();
    }

    @Test
    void agentWithOpenAiNamesTheOpenAiFlag() {
        Optional<String> warning = warning(Map.of(), Map.of(), JavaAgentDetection.AGENT_CLASS, OPENAI);

        assertThat(warning).hasValueSatisfying(text -> assertThat(text)
                .contains("-Dotel.instrumentation.openai-java.enabled=false")
                .contains("OTEL_INSTRUMENTATION_OPENAI_JAVA_ENABLED=false")
                .doesNotContain("aws-sdk"));
    }

    @Test
    void agentRecognisedByItsBootstrapClassToo() {
        assertThat(warning(Map.of(), Map.of(), JavaAgentDetection.AGENT_BOOTSTRAP_CLASS, OPENAI)).isPresent();
    }

    @Test
    void agentWithBedrockNamesTheBedrockOnlyFlagAndTheWholeAwsSdkFlag() {
        Optional<String> warning = warning(Map.of(), Map.of(), JavaAgentDetection.AGENT_CLASS, BEDROCK);

        assertThat(warning).hasValueSatisfying(text -> assertThat(text)
                .contains("-Dotel.instrumentation.aws-sdk-2.2-bedrock-runtime.enabled=false")
                .contains("-Dotel.instrumentation.aws-sdk.enabled=false")
                .doesNotContain("openai"));
    }

    @Test
    void bedrockWarningNamesTheAgentsOwnBedrockSwitchWithItsEnvironmentVariable() {
        Optional<String> warning = warning(Map.of(), Map.of(), JavaAgentDetection.AGENT_CLASS, BEDROCK);

        assertThat(warning).hasValueSatisfying(text -> assertThat(text)
                .contains("OTEL_INSTRUMENTATION_AWS_SDK_2_2_BEDROCK_RUNTIME_ENABLED=false")
                .doesNotContain("aws-sdk-bedrock-runtime"));
    }

    @Test
    void theBedrockNameOfTheAgentsV3PreviewSilencesTheWarningToo() {
        assertThat(warning(Map.of("otel.instrumentation.aws-sdk-bedrock-runtime.enabled", "false"), Map.of(),
                JavaAgentDetection.AGENT_CLASS, BEDROCK)).isEmpty();
    }

    @Test
    void bothLibrariesGiveOneWarningNamingBoth() {
        Optional<String> warning = warning(Map.of(), Map.of(), JavaAgentDetection.AGENT_CLASS, OPENAI, BEDROCK);

        assertThat(warning).hasValueSatisfying(text -> assertThat(text)
                .contains("openai-java.enabled=false").contains("aws-sdk-2.2-bedrock-runtime.enabled=false"));
    }

    @Test
    void flagSetAsSystemPropertySilencesTheWarning() {
        assertThat(warning(Map.of("otel.instrumentation.openai-java.enabled", "false"), Map.of(),
                JavaAgentDetection.AGENT_CLASS, OPENAI)).isEmpty();
    }

    @Test
    void flagSetAsEnvironmentVariableSilencesTheWarning() {
        assertThat(warning(Map.of(), Map.of("OTEL_INSTRUMENTATION_AWS_SDK_ENABLED", "false"),
                JavaAgentDetection.AGENT_CLASS, BEDROCK)).isEmpty();
    }

    @Test
    void disablingOneLibraryStillWarnsForTheOther() {
        Optional<String> warning = warning(Map.of("otel.instrumentation.openai-java.enabled", "FALSE"), Map.of(),
                JavaAgentDetection.AGENT_CLASS, OPENAI, BEDROCK);

        assertThat(warning).hasValueSatisfying(text -> assertThat(text)
                .contains("aws-sdk-2.2-bedrock-runtime").doesNotContain("openai-java.enabled"));
    }

    @Test
    void commonDefaultOffSilencesUnlessTheInstrumentationIsSwitchedBackOn() {
        Map<String, String> defaultOff = Map.of("otel.instrumentation.common.default-enabled", "false");
        assertThat(warning(defaultOff, Map.of(), JavaAgentDetection.AGENT_CLASS, OPENAI)).isEmpty();

        Map<String, String> backOn = Map.of("otel.instrumentation.common.default-enabled", "false",
                "otel.instrumentation.openai-java.enabled", "true");
        assertThat(warning(backOn, Map.of(), JavaAgentDetection.AGENT_CLASS, OPENAI)).isPresent();
    }

    @Test
    void agentSwitchedOffEntirelyGivesNoWarning() {
        assertThat(warning(Map.of(), Map.of("OTEL_JAVAAGENT_ENABLED", "false"), JavaAgentDetection.AGENT_CLASS,
                OPENAI)).isEmpty();
    }

    @Test
    void agentWithoutAnOverlappingLibraryGivesNoWarning() {
        assertThat(warning(Map.of(), Map.of(), JavaAgentDetection.AGENT_CLASS)).isEmpty();
    }

    @Test
    void realLookupFindsNoAgentInThisTestJvm() {
        JavaAgentDetection.warnOnce();
        assertThat(JavaAgentDetection.warning(System::getProperty, System::getenv, name -> {
            try {
                Class.forName(name, false, ClassLoader.getSystemClassLoader());
                return true;
            } catch (ClassNotFoundException e) {
                return false;
            }
        })).isEmpty();
    }
}

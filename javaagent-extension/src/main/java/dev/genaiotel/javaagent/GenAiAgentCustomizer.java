package dev.genaiotel.javaagent;

import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Configures the agent for this extension, through the agent's own configuration: found by
 * {@link java.util.ServiceLoader} in the extension jar.
 *
 * <ul>
 *   <li>Switches off the agent's own GenAI instrumentation of the libraries this extension covers
 *       ({@value #OPENAI_AGENT_INSTRUMENTATION}, {@value #BEDROCK_AGENT_INSTRUMENTATION}), so that each call has one
 *       GenAI span. The values are also set as system properties, where genai-core's check for the agent's
 *       overlapping instrumentations reads them. A value the user gave for any of their names wins, and with
 *       {@code otel.instrumentation.genai.enabled=false} nothing is switched off: the extension then changes nothing.
 *   <li>Hands the resolved configuration to {@link GenAiAgent}, so that {@code otel.instrumentation.genai.*} may come
 *       from the agent's configuration file as well as from system properties and environment variables.
 * </ul>
 */
public final class GenAiAgentCustomizer implements AutoConfigurationCustomizerProvider {

    /** The agent's openai-java instrumentation (agent 2.33.1: {@code openai-java}, {@code openai-java-1.1}). */
    static final String OPENAI_AGENT_INSTRUMENTATION = "openai-java";
    /**
     * The agent's Bedrock Runtime instrumentation. Agent 2.33.1 names it {@code aws-sdk}, {@code aws-sdk-2.2} and
     * {@code aws-sdk-2.2-bedrock-runtime} (with {@code otel.instrumentation.common.v3-preview}:
     * {@code aws-sdk-2.2}, {@code aws-sdk-bedrock-runtime}, {@code aws-sdk}); the agent reads the names in that
     * order and the first one set decides, so the Bedrock-only names are the ones switched off. The AWS SDK
     * instrumentation itself stays on: its spans are not GenAI spans.
     */
    static final String BEDROCK_AGENT_INSTRUMENTATION = "aws-sdk-2.2-bedrock-runtime";

    /** For each overlapping agent instrumentation, the names switched off; any of them set by the user wins. */
    private static final Map<String, List<String>> AGENT_INSTRUMENTATIONS = Map.of(
            OPENAI_AGENT_INSTRUMENTATION, List.of("openai-java", "openai-java-1.1"),
            BEDROCK_AGENT_INSTRUMENTATION, List.of("aws-sdk-2.2-bedrock-runtime", "aws-sdk-bedrock-runtime"));

    static final String GENAI_ENABLED = "otel.instrumentation.genai.enabled";

    /** Called by {@link java.util.ServiceLoader}. */
    public GenAiAgentCustomizer() {}

    @Override
    public void customize(AutoConfigurationCustomizer customizer) {
        customizer.addPropertiesCustomizer(GenAiAgentCustomizer::agentDefaults);
        // The resource customizer is the first hook that sees the final configuration; the resource is kept as is.
        customizer.addResourceCustomizer((resource, config) -> {
            GenAiAgent.useSettings(config::getString);
            return resource;
        });
    }

    /** The properties that switch the agent's overlapping instrumentations off, unless the user decided already. */
    static Map<String, String> agentDefaults(ConfigProperties config) {
        Map<String, String> defaults = new HashMap<>();
        if (!config.getBoolean(GENAI_ENABLED, true)) {
            return defaults;
        }
        AGENT_INSTRUMENTATIONS.forEach((main, names) -> {
            boolean userDecided = names.stream().anyMatch(name -> config.getString(flag(name)) != null);
            if (!userDecided) {
                names.forEach(name -> defaults.put(flag(name), "false"));
            }
        });
        // Also where genai-core's Java agent check (this extension's copy and an application's own) reads them, so
        // that it does not warn about instrumentations that are off.
        defaults.forEach((name, value) -> {
            if (System.getProperty(name) == null) {
                System.setProperty(name, value);
            }
        });
        return defaults;
    }

    static String flag(String instrumentationName) {
        return "otel.instrumentation." + instrumentationName + ".enabled";
    }
}

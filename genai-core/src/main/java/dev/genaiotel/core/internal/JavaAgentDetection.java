package dev.genaiotel.core.internal;

import dev.genaiotel.core.InstrumentationFailures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Notices the OpenTelemetry Java agent, which records its own GenAI spans for openai-java and for the AWS SDK's
 * Bedrock Runtime client: with both the agent and genai-otel instrumenting the same call, every call has two GenAI
 * spans. Checked once per JVM, when the first {@code GenAiTelemetry} is built: when the agent is attached and one of
 * its overlapping instrumentations is not switched off while the library it instruments is present, one warning names
 * the exact flags that switch it off. Nothing is checked on the call path.
 *
 * <p>The agent is recognised by its classes: its premain class on the system class path, or its bootstrap classes.
 * The flags are read the way the agent reads them, from system properties and environment variables; a flag set in
 * the agent's configuration file is not seen, which the warning says.
 */
public final class JavaAgentDetection {

    /** The agent's premain class, on the system class path while the agent is attached. */
    static final String AGENT_CLASS = "io.opentelemetry.javaagent.OpenTelemetryAgent";
    /** One of the agent's bootstrap classes, for agents repackaged under another premain class. */
    static final String AGENT_BOOTSTRAP_CLASS = "io.opentelemetry.javaagent.bootstrap.AgentInitializer";

    /**
     * The agent instrumentations that record the same calls as a genai-otel provider. For each, the first name is the
     * finest switch; any of the names set to {@code false} switches the instrumentation off (agent 2.33.1, where
     * {@code aws-sdk-bedrock-runtime} is the Bedrock module's name only under the agent's v3 preview).
     */
    static final List<Overlap> OVERLAPS = List.of(
            new Overlap("openai-java", "com.openai.client.OpenAIClient", List.of("openai-java", "openai-java-1.1")),
            new Overlap("AWS SDK Bedrock Runtime",
                    "software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient",
                    List.of("aws-sdk-2.2-bedrock-runtime", "aws-sdk-bedrock-runtime", "aws-sdk-2.2", "aws-sdk")));

    private static final Logger LOGGER = Logger.getLogger(JavaAgentDetection.class.getName());
    private static final AtomicBoolean CHECKED = new AtomicBoolean();

    private JavaAgentDetection() {}

    /**
     * Runs the check the first time it is called in this JVM and logs at most one warning; later calls return at
     * once. Never throws.
     */
    public static void warnOnce() {
        if (!CHECKED.compareAndSet(false, true)) {
            return;
        }
        try {
            warning(System::getProperty, System::getenv, JavaAgentDetection::classPresent).ifPresent(LOGGER::warning);
        } catch (RuntimeException | LinkageError e) {
            InstrumentationFailures.logOnce(LOGGER, "Java agent detection", e);
        }
    }

    /**
     * The warning to log, if any.
     *
     * @param systemProperties looks up a system property; null when unset
     * @param environment looks up an environment variable; null when unset
     * @param classPresent whether a class of this name can be loaded, without initialising it
     */
    static Optional<String> warning(Function<String, String> systemProperties, Function<String, String> environment,
            Predicate<String> classPresent) {
        Settings settings = new Settings(systemProperties, environment);
        if (!agentAttached(settings, classPresent)) {
            return Optional.empty();
        }
        List<Overlap> active = new ArrayList<>();
        for (Overlap overlap : OVERLAPS) {
            if (classPresent.test(overlap.libraryClass()) && !disabled(overlap, settings)) {
                active.add(overlap);
            }
        }
        if (active.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder message = new StringBuilder("The OpenTelemetry Java agent is attached and records its own GenAI"
                + " spans for calls that genai-otel instruments too, so each such call would have two spans. To keep"
                + " only genai-otel's, switch the agent's instrumentation off:");
        for (Overlap overlap : active) {
            String finest = overlap.instrumentationNames().get(0);
            String coarsest = overlap.instrumentationNames().get(overlap.instrumentationNames().size() - 1);
            message.append(' ').append(overlap.library()).append(": -D").append(flag(finest)).append("=false (or ")
                    .append(Settings.environmentName(flag(finest))).append("=false)");
            if (!coarsest.equals(finest) && !coarsest.startsWith(finest)) {
                message.append(", or all of its ").append(coarsest).append(" instrumentation with -D")
                        .append(flag(coarsest)).append("=false");
            }
            message.append(';');
        }
        message.append(" ignore this if the agent's configuration file already does.");
        return Optional.of(message.toString());
    }

    static String flag(String instrumentationName) {
        return "otel.instrumentation." + instrumentationName + ".enabled";
    }

    private static boolean agentAttached(Settings settings, Predicate<String> classPresent) {
        if (Boolean.FALSE.equals(settings.bool("otel.javaagent.enabled"))) {
            return false;
        }
        return classPresent.test(AGENT_CLASS) || classPresent.test(AGENT_BOOTSTRAP_CLASS);
    }

    /** The agent's rule: any of the names switched off disables it; else the common default decides. */
    private static boolean disabled(Overlap overlap, Settings settings) {
        boolean explicitlyOn = false;
        for (String name : overlap.instrumentationNames()) {
            Boolean value = settings.bool(flag(name));
            if (Boolean.FALSE.equals(value)) {
                return true;
            }
            explicitlyOn |= Boolean.TRUE.equals(value);
        }
        return !explicitlyOn && Boolean.FALSE.equals(settings.bool("otel.instrumentation.common.default-enabled"));
    }

    private static boolean classPresent(String name) {
        ClassLoader[] loaders = {JavaAgentDetection.class.getClassLoader(), ClassLoader.getSystemClassLoader(), null};
        for (ClassLoader loader : loaders) {
            try {
                Class.forName(name, false, loader);
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                // not visible from this loader
            }
        }
        return false;
    }

    /** An agent instrumentation that overlaps a genai-otel provider. */
    record Overlap(String library, String libraryClass, List<String> instrumentationNames) {}

    private record Settings(Function<String, String> systemProperties, Function<String, String> environment) {

        Boolean bool(String property) {
            String value = systemProperties.apply(property);
            if (value == null || value.isBlank()) {
                value = environment.apply(environmentName(property));
            }
            if (value == null) {
                return null;
            }
            String normalized = value.trim().toLowerCase(Locale.ROOT);
            return normalized.equals("true") ? Boolean.TRUE : normalized.equals("false") ? Boolean.FALSE : null;
        }

        static String environmentName(String property) {
            return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        }
    }
}

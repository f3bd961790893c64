package dev.genaiotel.javaagent.bedrock;

import dev.genaiotel.bedrock.BedrockTelemetry;
import dev.genaiotel.bedrock.internal.Instrumentation;
import dev.genaiotel.javaagent.GenAiAgent;
import dev.genaiotel.javaagent.instrumentation.LibraryClassNames;
import software.amazon.awssdk.core.client.builder.SdkDefaultClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/** Between the advice and provider-bedrock, in the loader that sees the application's AWS SDK. */
public final class BedrockBridge {

    /** The package of this extension's copy of provider-bedrock, as relocated. */
    private static final String OWN_PACKAGE = BedrockTelemetry.class.getPackageName() + ".";

    private BedrockBridge() {}

    /** What {@link #beforeBuild} did to a builder, for {@link #afterBuild}. */
    private record Build(ClientOverrideConfiguration original, boolean restore, boolean instrument) {}

    /**
     * Adds this extension's interceptor to the configuration {@code builder} builds with, unless the application
     * gave it genai-otel's own.
     */
    public static Object beforeBuild(Object builder) {
        if (!(builder instanceof SdkDefaultClientBuilder<?, ?> sdkBuilder)) {
            return new Build(null, false, false);
        }
        ClientOverrideConfiguration original = sdkBuilder.overrideConfiguration();
        boolean applications = false;
        for (ExecutionInterceptor interceptor : original.executionInterceptors()) {
            String name = interceptor.getClass().getName();
            if (name.startsWith(LibraryClassNames.providerPackage("bedrock"))) {
                applications = true;
            } else if (name.startsWith(OWN_PACKAGE)) {
                return new Build(null, false, true);
            }
        }
        if (applications) {
            return new Build(null, false, false);
        }
        if (!isAgentRuntime(builder)) {
            sdkBuilder.overrideConfiguration(original.toBuilder()
                    .addExecutionInterceptor(Instrumented.TELEMETRY.newExecutionInterceptor()).build());
        }
        return new Build(original, true, true);
    }

    /** Puts the builder's configuration back and returns {@code client}, wrapped when it is async. */
    public static Object afterBuild(Object builder, Object build, Object client) {
        if (!(build instanceof Build done)) {
            return client;
        }
        if (done.restore() && builder instanceof SdkDefaultClientBuilder<?, ?> sdkBuilder) {
            sdkBuilder.overrideConfiguration(done.original());
        }
        if (!done.instrument()) {
            return client;
        }
        if (client instanceof BedrockRuntimeAsyncClient async) {
            return Instrumented.TELEMETRY.wrap(async);
        }
        if (isAgentRuntime(builder)) {
            return AgentRuntimeWrapping.wrap(Instrumented.TELEMETRY, client);
        }
        return client;
    }

    /** The async client under this extension's wrapper, or {@code client} when it has none. */
    public static Object uninstrument(Object client) {
        return Instrumentation.unwrap(client);
    }

    private static boolean isAgentRuntime(Object builder) {
        return builder.getClass().getName().startsWith("software.amazon.awssdk.services.bedrockagentruntime.");
    }

    static final class Instrumented {
        static final BedrockTelemetry TELEMETRY = BedrockTelemetry.create(GenAiAgent.telemetry());
    }
}

package dev.genaiotel.javaagent.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientAsync;
import dev.genaiotel.javaagent.GenAiAgent;
import dev.genaiotel.openai.OpenAITelemetry;
import dev.genaiotel.openai.internal.Wrapping;

/** Between the advice and provider-openai, in the loader that sees the application's openai-java. */
public final class OpenAiBridge {

    private OpenAiBridge() {}

    /** {@code client} instrumented, or as it is when it is not an openai-java client. */
    public static Object instrument(Object client) {
        if (client instanceof OpenAIClient sync) {
            return Instrumentation.TELEMETRY.wrap(sync);
        }
        if (client instanceof OpenAIClientAsync async) {
            return Instrumentation.TELEMETRY.wrap(async);
        }
        return client;
    }

    /** The client under this extension's instrumentation, or {@code client} when it has none. */
    public static Object uninstrument(Object client) {
        return Wrapping.unwrap(client);
    }

    private static final class Instrumentation {
        static final OpenAITelemetry TELEMETRY = OpenAITelemetry.create(GenAiAgent.telemetry());
    }
}

package dev.genaiotel.langchain4j;

import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.InstrumentedView;
import dev.genaiotel.langchain4j.internal.AiServiceHooks;
import dev.genaiotel.langchain4j.internal.AiServiceObserver;
import dev.genaiotel.langchain4j.internal.InstrumentedChatModel;
import dev.genaiotel.langchain4j.internal.InstrumentedStreamingChatModel;
import dev.genaiotel.langchain4j.internal.TelemetryChatModelListener;
import dev.genaiotel.langchain4j.internal.TelemetryEmbeddingModelListener;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.embedding.listener.EmbeddingModelListener;
import dev.langchain4j.service.AiServices;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Objects;

/**
 * The entry point: OpenTelemetry GenAI instrumentation for LangChain4j models.
 *
 * <pre>{@code
 * LangChain4jTelemetry telemetry = LangChain4jTelemetry.create(openTelemetry);
 * ChatModel model = OpenAiChatModel.builder()...listeners(List.of(telemetry.chatModelListener())).build();
 * StreamingChatModel streaming = telemetry.wrap(OpenAiStreamingChatModel.builder()...build());
 * EmbeddingModel embeddings = OpenAiEmbeddingModel.builder()...listeners(List.of(telemetry.embeddingModelListener()))
 *         .build();
 * }</pre>
 *
 * <p>Chat calls become inference spans ({@code chat {gen_ai.request.model}}, kind CLIENT), embedding calls
 * {@code embeddings} spans, with the core's metrics and events. {@code gen_ai.provider.name} comes from the model's
 * {@code ModelProvider}. Instrumentation never changes what LangChain4j or the application sees: its own failures
 * are logged once through {@code java.util.logging} and go no further.
 *
 * <p>Immutable and thread-safe.
 */
public final class LangChain4jTelemetry {

    private final GenAiTelemetry telemetry;
    private final String otherProviderName;
    private final TelemetryChatModelListener chatModelListener;
    private final TelemetryEmbeddingModelListener embeddingModelListener;
    private final AiServiceObserver aiServiceObserver;

    LangChain4jTelemetry(GenAiTelemetry telemetry, String otherProviderName) {
        this.telemetry = telemetry;
        this.otherProviderName = otherProviderName;
        this.chatModelListener = new TelemetryChatModelListener(telemetry, otherProviderName);
        this.embeddingModelListener = new TelemetryEmbeddingModelListener(telemetry, otherProviderName);
        this.aiServiceObserver = new AiServiceObserver(telemetry);
    }

    /**
     * Instrumentation with default options on a new {@link GenAiTelemetry} with the GenAI settings of this process
     * (system properties, environment). That telemetry belongs to the caller: close it at shutdown with
     * {@code genAiTelemetry().close()} when it runs completion hooks (such as the upload hook's worker thread).
     * With {@code genai-autoconfigure}, use {@link #create(GenAiTelemetry)} with {@code genAiTelemetry()} instead:
     * this method does not see settings made in code there, such as the content capture mode.
     */
    public static LangChain4jTelemetry create(OpenTelemetry openTelemetry) {
        return builder(openTelemetry).build();
    }

    /**
     * Instrumentation with default options on an existing {@link GenAiTelemetry}: its settings, listeners, redactors
     * and hooks apply. The caller keeps owning {@code telemetry} and closes it.
     */
    public static LangChain4jTelemetry create(GenAiTelemetry telemetry) {
        return builder(telemetry).build();
    }

    /**
     * The {@link GenAiTelemetry} this instrumentation records through: the one given to {@link #create(GenAiTelemetry)}
     * or {@link #builder(GenAiTelemetry)}, or the one {@link #create(OpenTelemetry)} built, which the caller closes.
     */
    public GenAiTelemetry genAiTelemetry() {
        return telemetry;
    }

    /** A builder on a new {@link GenAiTelemetry} with this process's settings. */
    public static LangChain4jTelemetryBuilder builder(OpenTelemetry openTelemetry) {
        return new LangChain4jTelemetryBuilder(
                GenAiTelemetry.create(Objects.requireNonNull(openTelemetry, "openTelemetry")));
    }

    /** A builder sharing an existing {@link GenAiTelemetry} (its settings, listeners and switch). */
    public static LangChain4jTelemetryBuilder builder(GenAiTelemetry telemetry) {
        return new LangChain4jTelemetryBuilder(Objects.requireNonNull(telemetry, "telemetry"));
    }

    /**
     * A listener for any chat model's {@code listeners(...)}: one inference span per call, synchronous or
     * streaming. The span's state travels in the call's listener attributes, so streaming callbacks on other
     * threads find it. A listener cannot see individual chunks nor make its span current during the model's HTTP
     * call; {@link #wrap(StreamingChatModel)} and {@link #wrap(ChatModel)} can. The same instance is returned on
     * every call.
     */
    public ChatModelListener chatModelListener() {
        return chatModelListener;
    }

    /**
     * A listener for any embedding model's {@code listeners(...)}: one {@code embeddings} span per call. The same
     * instance is returned on every call.
     */
    public EmbeddingModelListener embeddingModelListener() {
        return embeddingModelListener;
    }

    /**
     * A chat model that delegates every method to {@code model} and records one inference span per call, current
     * while {@code model} runs (an instrumented HTTP or provider client underneath nests in it; a second GenAI
     * inference layer only enriches it). Wrapping an already wrapped model returns it unchanged.
     */
    public ChatModel wrap(ChatModel model) {
        Objects.requireNonNull(model, "model");
        if (InstrumentedView.instrumentationOf(model) instanceof InstrumentedChatModel) {
            return model;
        }
        return InstrumentedView.of(ChatModel.class, model, new InstrumentedChatModel(model, telemetry,
                otherProviderName));
    }

    /**
     * A streaming chat model that delegates every method to {@code model} and records one inference span per call,
     * with {@code gen_ai.request.stream}, {@code gen_ai.response.time_to_first_chunk} and per-chunk timing; the span
     * ends when the stream completes or fails. Wrapping an already wrapped model returns it unchanged.
     */
    public StreamingChatModel wrap(StreamingChatModel model) {
        Objects.requireNonNull(model, "model");
        if (InstrumentedView.instrumentationOf(model) instanceof InstrumentedStreamingChatModel) {
            return model;
        }
        return InstrumentedView.of(StreamingChatModel.class, model, new InstrumentedStreamingChatModel(model,
                telemetry, otherProviderName));
    }

    /**
     * Instruments an AI service before it is built: registers AI-service listeners and sets the before/after
     * tool-execution hooks, then returns {@code services} for further configuration.
     *
     * <pre>{@code
     * Assistant assistant = telemetry.instrument(AiServices.builder(Assistant.class))
     *         .chatModel(model).tools(new WeatherTools()).build();
     * }</pre>
     *
     * <p>Each call of a service method becomes an {@code invoke_agent} INTERNAL span ({@code gen_ai.agent.name} the
     * interface's simple name, {@code gen_ai.conversation.id} the {@code @MemoryId} when one is given); for methods
     * that answer synchronously it is current while the service runs, so the inference spans of its model calls
     * nest in it (instrument the model with {@link #chatModelListener()} or {@link #wrap(ChatModel)}). Each tool the
     * service runs becomes an {@code execute_tool} span under it, also when tools run concurrently. The tool hooks
     * replace hooks set earlier on the same builder; set your own after this call only if you do not need the
     * tool spans. Needs the {@code dev.langchain4j:langchain4j} artifact, an optional dependency of this module.
     */
    @SuppressWarnings("exports") // langchain4j is optional (requires static): only callers of this method need it
    public <T> AiServices<T> instrument(AiServices<T> services) {
        Objects.requireNonNull(services, "services");
        return AiServiceHooks.attach(services, aiServiceObserver);
    }
}

package dev.genaiotel.openai.internal;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientAsync;
import com.openai.core.ClientOptions;
import com.openai.services.async.AdminServiceAsync;
import com.openai.services.async.AudioServiceAsync;
import com.openai.services.async.BatchServiceAsync;
import com.openai.services.async.BetaServiceAsync;
import com.openai.services.async.ChatServiceAsync;
import com.openai.services.async.CompletionServiceAsync;
import com.openai.services.async.ContainerServiceAsync;
import com.openai.services.async.ContentProvenanceCheckServiceAsync;
import com.openai.services.async.ConversationServiceAsync;
import com.openai.services.async.DecisionServiceAsync;
import com.openai.services.async.EmbeddingServiceAsync;
import com.openai.services.async.EvalServiceAsync;
import com.openai.services.async.FileServiceAsync;
import com.openai.services.async.FineTuningServiceAsync;
import com.openai.services.async.GraderServiceAsync;
import com.openai.services.async.ImageServiceAsync;
import com.openai.services.async.LiveServiceAsync;
import com.openai.services.async.ModelServiceAsync;
import com.openai.services.async.ModerationServiceAsync;
import com.openai.services.async.RealtimeServiceAsync;
import com.openai.services.async.ResponseServiceAsync;
import com.openai.services.async.SafetyServiceAsync;
import com.openai.services.async.SkillServiceAsync;
import com.openai.services.async.UploadServiceAsync;
import com.openai.services.async.VectorStoreServiceAsync;
import com.openai.services.async.VideoServiceAsync;
import com.openai.services.async.WebhookServiceAsync;
import dev.genaiotel.core.InstrumentedView;
import java.util.function.Consumer;

/**
 * An instrumented {@code OpenAIClientAsync}: every call goes to the delegate; model calls are
 * traced, and every client or service derived from it is instrumented too.
 */
@SuppressWarnings("deprecation") // delegates the deprecated video services too
final class TracedOpenAIClientAsync implements OpenAIClientAsync {

    private final OpenAIClientAsync delegate;
    private final ClientTelemetry telemetry;
    private final ServiceView<OpenAIClient> syncView = new ServiceView<>();
    private final ServiceView<OpenAIClientAsync.WithRawResponse> withRawResponseView = new ServiceView<>();
    private final ServiceView<CompletionServiceAsync> completionsView = new ServiceView<>();
    private final ServiceView<ChatServiceAsync> chatView = new ServiceView<>();
    private final ServiceView<EmbeddingServiceAsync> embeddingsView = new ServiceView<>();
    private final ServiceView<ResponseServiceAsync> responsesView = new ServiceView<>();

    private TracedOpenAIClientAsync(OpenAIClientAsync delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    static OpenAIClientAsync of(OpenAIClientAsync delegate, ClientTelemetry telemetry) {
        return InstrumentedView.of(OpenAIClientAsync.class, delegate, new TracedOpenAIClientAsync(delegate, telemetry));
    }

    /** The uninstrumented client. */
    OpenAIClientAsync delegate() {
        return delegate;
    }

    @Override
    public OpenAIClient sync() {
        return syncView.of(delegate.sync(), telemetry, TracedOpenAIClient::of);
    }

    @Override
    public OpenAIClientAsync.WithRawResponse withRawResponse() {
        return withRawResponseView.of(delegate.withRawResponse(), telemetry, TracedOpenAIClientAsyncRaw::of);
    }

    @Override
    public OpenAIClientAsync withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return TracedOpenAIClientAsync.of(delegate.withOptions(capture), capture.result());
    }

    @Override
    public DecisionServiceAsync decisions() {
        return delegate.decisions();
    }

    @Override
    public CompletionServiceAsync completions() {
        return completionsView.of(delegate.completions(), telemetry, TracedCompletionServiceAsync::of);
    }

    @Override
    public ChatServiceAsync chat() {
        return chatView.of(delegate.chat(), telemetry, TracedChatServiceAsync::of);
    }

    @Override
    public EmbeddingServiceAsync embeddings() {
        return embeddingsView.of(delegate.embeddings(), telemetry, TracedEmbeddingServiceAsync::of);
    }

    @Override
    public FileServiceAsync files() {
        return delegate.files();
    }

    @Override
    public ImageServiceAsync images() {
        return delegate.images();
    }

    @Override
    public ContentProvenanceCheckServiceAsync contentProvenanceChecks() {
        return delegate.contentProvenanceChecks();
    }

    @Override
    public AudioServiceAsync audio() {
        return delegate.audio();
    }

    @Override
    public ModerationServiceAsync moderations() {
        return delegate.moderations();
    }

    @Override
    public ModelServiceAsync models() {
        return delegate.models();
    }

    @Override
    public FineTuningServiceAsync fineTuning() {
        return delegate.fineTuning();
    }

    @Override
    public GraderServiceAsync graders() {
        return delegate.graders();
    }

    @Override
    public VectorStoreServiceAsync vectorStores() {
        return delegate.vectorStores();
    }

    @Override
    public SafetyServiceAsync safety() {
        return delegate.safety();
    }

    @Override
    public WebhookServiceAsync webhooks() {
        return delegate.webhooks();
    }

    @Override
    public BetaServiceAsync beta() {
        return delegate.beta();
    }

    @Override
    public BatchServiceAsync batches() {
        return delegate.batches();
    }

    @Override
    public UploadServiceAsync uploads() {
        return delegate.uploads();
    }

    @Override
    public AdminServiceAsync admin() {
        return delegate.admin();
    }

    @Override
    public ResponseServiceAsync responses() {
        return responsesView.of(delegate.responses(), telemetry, TracedResponseServiceAsync::of);
    }

    @Override
    public LiveServiceAsync live() {
        return delegate.live();
    }

    @Override
    public RealtimeServiceAsync realtime() {
        return delegate.realtime();
    }

    @Override
    public ConversationServiceAsync conversations() {
        return delegate.conversations();
    }

    @Override
    public EvalServiceAsync evals() {
        return delegate.evals();
    }

    @Override
    public ContainerServiceAsync containers() {
        return delegate.containers();
    }

    @Override
    public SkillServiceAsync skills() {
        return delegate.skills();
    }

    @Override
    public VideoServiceAsync videos() {
        return delegate.videos();
    }

    @Override
    public void close() {
        delegate.close();
    }
}

package dev.genaiotel.openai.internal;

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
 * An instrumented {@code OpenAIClientAsync.WithRawResponse}: every call goes to the delegate; model calls are
 * traced, and every client or service derived from it is instrumented too.
 */
@SuppressWarnings("deprecation") // delegates the deprecated video services too
final class TracedOpenAIClientAsyncRaw implements OpenAIClientAsync.WithRawResponse {

    private final OpenAIClientAsync.WithRawResponse delegate;
    private final ClientTelemetry telemetry;
    private final ServiceView<CompletionServiceAsync.WithRawResponse> completionsView = new ServiceView<>();
    private final ServiceView<ChatServiceAsync.WithRawResponse> chatView = new ServiceView<>();
    private final ServiceView<EmbeddingServiceAsync.WithRawResponse> embeddingsView = new ServiceView<>();
    private final ServiceView<ResponseServiceAsync.WithRawResponse> responsesView = new ServiceView<>();

    private TracedOpenAIClientAsyncRaw(OpenAIClientAsync.WithRawResponse delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    static OpenAIClientAsync.WithRawResponse of(OpenAIClientAsync.WithRawResponse delegate, ClientTelemetry telemetry) {
        return InstrumentedView.of(OpenAIClientAsync.WithRawResponse.class,
                delegate, new TracedOpenAIClientAsyncRaw(delegate, telemetry));
    }

    @Override
    public OpenAIClientAsync.WithRawResponse withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return TracedOpenAIClientAsyncRaw.of(delegate.withOptions(capture), capture.result());
    }

    @Override
    public DecisionServiceAsync.WithRawResponse decisions() {
        return delegate.decisions();
    }

    @Override
    public CompletionServiceAsync.WithRawResponse completions() {
        return completionsView.of(delegate.completions(), telemetry, TracedCompletionServiceAsyncRaw::of);
    }

    @Override
    public ChatServiceAsync.WithRawResponse chat() {
        return chatView.of(delegate.chat(), telemetry, TracedChatServiceAsyncRaw::of);
    }

    @Override
    public EmbeddingServiceAsync.WithRawResponse embeddings() {
        return embeddingsView.of(delegate.embeddings(), telemetry, TracedEmbeddingServiceAsyncRaw::of);
    }

    @Override
    public FileServiceAsync.WithRawResponse files() {
        return delegate.files();
    }

    @Override
    public ImageServiceAsync.WithRawResponse images() {
        return delegate.images();
    }

    @Override
    public ContentProvenanceCheckServiceAsync.WithRawResponse contentProvenanceChecks() {
        return delegate.contentProvenanceChecks();
    }

    @Override
    public AudioServiceAsync.WithRawResponse audio() {
        return delegate.audio();
    }

    @Override
    public ModerationServiceAsync.WithRawResponse moderations() {
        return delegate.moderations();
    }

    @Override
    public ModelServiceAsync.WithRawResponse models() {
        return delegate.models();
    }

    @Override
    public FineTuningServiceAsync.WithRawResponse fineTuning() {
        return delegate.fineTuning();
    }

    @Override
    public GraderServiceAsync.WithRawResponse graders() {
        return delegate.graders();
    }

    @Override
    public VectorStoreServiceAsync.WithRawResponse vectorStores() {
        return delegate.vectorStores();
    }

    @Override
    public SafetyServiceAsync.WithRawResponse safety() {
        return delegate.safety();
    }

    @Override
    public WebhookServiceAsync.WithRawResponse webhooks() {
        return delegate.webhooks();
    }

    @Override
    public BetaServiceAsync.WithRawResponse beta() {
        return delegate.beta();
    }

    @Override
    public BatchServiceAsync.WithRawResponse batches() {
        return delegate.batches();
    }

    @Override
    public UploadServiceAsync.WithRawResponse uploads() {
        return delegate.uploads();
    }

    @Override
    public AdminServiceAsync.WithRawResponse admin() {
        return delegate.admin();
    }

    @Override
    public ResponseServiceAsync.WithRawResponse responses() {
        return responsesView.of(delegate.responses(), telemetry, TracedResponseServiceAsyncRaw::of);
    }

    @Override
    public LiveServiceAsync.WithRawResponse live() {
        return delegate.live();
    }

    @Override
    public RealtimeServiceAsync.WithRawResponse realtime() {
        return delegate.realtime();
    }

    @Override
    public ConversationServiceAsync.WithRawResponse conversations() {
        return delegate.conversations();
    }

    @Override
    public EvalServiceAsync.WithRawResponse evals() {
        return delegate.evals();
    }

    @Override
    public ContainerServiceAsync.WithRawResponse containers() {
        return delegate.containers();
    }

    @Override
    public SkillServiceAsync.WithRawResponse skills() {
        return delegate.skills();
    }

    @Override
    public VideoServiceAsync.WithRawResponse videos() {
        return delegate.videos();
    }
}

package dev.genaiotel.openai.internal;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientAsync;
import com.openai.core.ClientOptions;
import com.openai.services.blocking.AdminService;
import com.openai.services.blocking.AudioService;
import com.openai.services.blocking.BatchService;
import com.openai.services.blocking.BetaService;
import com.openai.services.blocking.ChatService;
import com.openai.services.blocking.CompletionService;
import com.openai.services.blocking.ContainerService;
import com.openai.services.blocking.ContentProvenanceCheckService;
import com.openai.services.blocking.ConversationService;
import com.openai.services.blocking.DecisionService;
import com.openai.services.blocking.EmbeddingService;
import com.openai.services.blocking.EvalService;
import com.openai.services.blocking.FileService;
import com.openai.services.blocking.FineTuningService;
import com.openai.services.blocking.GraderService;
import com.openai.services.blocking.ImageService;
import com.openai.services.blocking.LiveService;
import com.openai.services.blocking.ModelService;
import com.openai.services.blocking.ModerationService;
import com.openai.services.blocking.RealtimeService;
import com.openai.services.blocking.ResponseService;
import com.openai.services.blocking.SafetyService;
import com.openai.services.blocking.SkillService;
import com.openai.services.blocking.UploadService;
import com.openai.services.blocking.VectorStoreService;
import com.openai.services.blocking.VideoService;
import com.openai.services.blocking.WebhookService;
import dev.genaiotel.core.InstrumentedView;
import java.util.function.Consumer;

/**
 * An instrumented {@code OpenAIClient}: every call goes to the delegate; model calls are
 * traced, and every client or service derived from it is instrumented too.
 */
@SuppressWarnings("deprecation") // delegates the deprecated video services too
final class TracedOpenAIClient implements OpenAIClient {

    private final OpenAIClient delegate;
    private final ClientTelemetry telemetry;
    private final ServiceView<OpenAIClientAsync> asyncView = new ServiceView<>();
    private final ServiceView<OpenAIClient.WithRawResponse> withRawResponseView = new ServiceView<>();
    private final ServiceView<CompletionService> completionsView = new ServiceView<>();
    private final ServiceView<ChatService> chatView = new ServiceView<>();
    private final ServiceView<EmbeddingService> embeddingsView = new ServiceView<>();
    private final ServiceView<ResponseService> responsesView = new ServiceView<>();

    private TracedOpenAIClient(OpenAIClient delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    static OpenAIClient of(OpenAIClient delegate, ClientTelemetry telemetry) {
        return InstrumentedView.of(OpenAIClient.class, delegate, new TracedOpenAIClient(delegate, telemetry));
    }

    /** The uninstrumented client. */
    OpenAIClient delegate() {
        return delegate;
    }

    @Override
    public OpenAIClientAsync async() {
        return asyncView.of(delegate.async(), telemetry, TracedOpenAIClientAsync::of);
    }

    @Override
    public OpenAIClient.WithRawResponse withRawResponse() {
        return withRawResponseView.of(delegate.withRawResponse(), telemetry, TracedOpenAIClientRaw::of);
    }

    @Override
    public OpenAIClient withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return TracedOpenAIClient.of(delegate.withOptions(capture), capture.result());
    }

    @Override
    public DecisionService decisions() {
        return delegate.decisions();
    }

    @Override
    public CompletionService completions() {
        return completionsView.of(delegate.completions(), telemetry, TracedCompletionService::of);
    }

    @Override
    public ChatService chat() {
        return chatView.of(delegate.chat(), telemetry, TracedChatService::of);
    }

    @Override
    public EmbeddingService embeddings() {
        return embeddingsView.of(delegate.embeddings(), telemetry, TracedEmbeddingService::of);
    }

    @Override
    public FileService files() {
        return delegate.files();
    }

    @Override
    public ImageService images() {
        return delegate.images();
    }

    @Override
    public ContentProvenanceCheckService contentProvenanceChecks() {
        return delegate.contentProvenanceChecks();
    }

    @Override
    public AudioService audio() {
        return delegate.audio();
    }

    @Override
    public ModerationService moderations() {
        return delegate.moderations();
    }

    @Override
    public ModelService models() {
        return delegate.models();
    }

    @Override
    public FineTuningService fineTuning() {
        return delegate.fineTuning();
    }

    @Override
    public GraderService graders() {
        return delegate.graders();
    }

    @Override
    public VectorStoreService vectorStores() {
        return delegate.vectorStores();
    }

    @Override
    public SafetyService safety() {
        return delegate.safety();
    }

    @Override
    public WebhookService webhooks() {
        return delegate.webhooks();
    }

    @Override
    public BetaService beta() {
        return delegate.beta();
    }

    @Override
    public BatchService batches() {
        return delegate.batches();
    }

    @Override
    public UploadService uploads() {
        return delegate.uploads();
    }

    @Override
    public AdminService admin() {
        return delegate.admin();
    }

    @Override
    public ResponseService responses() {
        return responsesView.of(delegate.responses(), telemetry, TracedResponseService::of);
    }

    @Override
    public LiveService live() {
        return delegate.live();
    }

    @Override
    public RealtimeService realtime() {
        return delegate.realtime();
    }

    @Override
    public ConversationService conversations() {
        return delegate.conversations();
    }

    @Override
    public EvalService evals() {
        return delegate.evals();
    }

    @Override
    public ContainerService containers() {
        return delegate.containers();
    }

    @Override
    public SkillService skills() {
        return delegate.skills();
    }

    @Override
    public VideoService videos() {
        return delegate.videos();
    }

    @Override
    public void close() {
        delegate.close();
    }
}

package dev.genaiotel.openai.internal;

import com.openai.client.OpenAIClient;
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
 * An instrumented {@code OpenAIClient.WithRawResponse}: every call goes to the delegate; model calls are
 * traced, and every client or service derived from it is instrumented too.
 */
@SuppressWarnings("deprecation") // delegates the deprecated video services too
final class TracedOpenAIClientRaw implements OpenAIClient.WithRawResponse {

    private final OpenAIClient.WithRawResponse delegate;
    private final ClientTelemetry telemetry;
    private final ServiceView<CompletionService.WithRawResponse> completionsView = new ServiceView<>();
    private final ServiceView<ChatService.WithRawResponse> chatView = new ServiceView<>();
    private final ServiceView<EmbeddingService.WithRawResponse> embeddingsView = new ServiceView<>();
    private final ServiceView<ResponseService.WithRawResponse> responsesView = new ServiceView<>();

    private TracedOpenAIClientRaw(OpenAIClient.WithRawResponse delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    static OpenAIClient.WithRawResponse of(OpenAIClient.WithRawResponse delegate, ClientTelemetry telemetry) {
        return InstrumentedView.of(OpenAIClient.WithRawResponse.class,
                delegate, new TracedOpenAIClientRaw(delegate, telemetry));
    }

    @Override
    public OpenAIClient.WithRawResponse withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return TracedOpenAIClientRaw.of(delegate.withOptions(capture), capture.result());
    }

    @Override
    public DecisionService.WithRawResponse decisions() {
        return delegate.decisions();
    }

    @Override
    public CompletionService.WithRawResponse completions() {
        return completionsView.of(delegate.completions(), telemetry, TracedCompletionServiceRaw::of);
    }

    @Override
    public ChatService.WithRawResponse chat() {
        return chatView.of(delegate.chat(), telemetry, TracedChatServiceRaw::of);
    }

    @Override
    public EmbeddingService.WithRawResponse embeddings() {
        return embeddingsView.of(delegate.embeddings(), telemetry, TracedEmbeddingServiceRaw::of);
    }

    @Override
    public FileService.WithRawResponse files() {
        return delegate.files();
    }

    @Override
    public ImageService.WithRawResponse images() {
        return delegate.images();
    }

    @Override
    public ContentProvenanceCheckService.WithRawResponse contentProvenanceChecks() {
        return delegate.contentProvenanceChecks();
    }

    @Override
    public AudioService.WithRawResponse audio() {
        return delegate.audio();
    }

    @Override
    public ModerationService.WithRawResponse moderations() {
        return delegate.moderations();
    }

    @Override
    public ModelService.WithRawResponse models() {
        return delegate.models();
    }

    @Override
    public FineTuningService.WithRawResponse fineTuning() {
        return delegate.fineTuning();
    }

    @Override
    public GraderService.WithRawResponse graders() {
        return delegate.graders();
    }

    @Override
    public VectorStoreService.WithRawResponse vectorStores() {
        return delegate.vectorStores();
    }

    @Override
    public SafetyService.WithRawResponse safety() {
        return delegate.safety();
    }

    @Override
    public WebhookService.WithRawResponse webhooks() {
        return delegate.webhooks();
    }

    @Override
    public BetaService.WithRawResponse beta() {
        return delegate.beta();
    }

    @Override
    public BatchService.WithRawResponse batches() {
        return delegate.batches();
    }

    @Override
    public UploadService.WithRawResponse uploads() {
        return delegate.uploads();
    }

    @Override
    public AdminService.WithRawResponse admin() {
        return delegate.admin();
    }

    @Override
    public ResponseService.WithRawResponse responses() {
        return responsesView.of(delegate.responses(), telemetry, TracedResponseServiceRaw::of);
    }

    @Override
    public LiveService.WithRawResponse live() {
        return delegate.live();
    }

    @Override
    public RealtimeService.WithRawResponse realtime() {
        return delegate.realtime();
    }

    @Override
    public ConversationService.WithRawResponse conversations() {
        return delegate.conversations();
    }

    @Override
    public EvalService.WithRawResponse evals() {
        return delegate.evals();
    }

    @Override
    public ContainerService.WithRawResponse containers() {
        return delegate.containers();
    }

    @Override
    public SkillService.WithRawResponse skills() {
        return delegate.skills();
    }

    @Override
    public VideoService.WithRawResponse videos() {
        return delegate.videos();
    }
}

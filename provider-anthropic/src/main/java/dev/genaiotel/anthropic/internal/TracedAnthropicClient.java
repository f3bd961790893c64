package dev.genaiotel.anthropic.internal;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.AnthropicClientAsync;
import com.anthropic.core.ClientOptions;
import com.anthropic.services.blocking.BetaService;
import com.anthropic.services.blocking.FileService;
import com.anthropic.services.blocking.MessageService;
import com.anthropic.services.blocking.ModelService;
import com.anthropic.services.blocking.OrganizationService;
import com.anthropic.services.blocking.SkillService;
import com.anthropic.services.blocking.UserProfileService;
import dev.genaiotel.core.InstrumentedView;
import java.util.function.Consumer;

/**
 * An instrumented {@code AnthropicClient}: every call goes to the delegate; the Messages API is traced, and every
 * client derived from it ({@code async()}, {@code withOptions}, {@code withRawResponse()}) is instrumented too.
 */
final class TracedAnthropicClient implements AnthropicClient {

    private final AnthropicClient delegate;
    private final ClientTelemetry telemetry;
    private final ServiceView<AnthropicClientAsync> asyncView = new ServiceView<>();
    private final ServiceView<AnthropicClient.WithRawResponse> withRawResponseView = new ServiceView<>();
    private final ServiceView<MessageService> messagesView = new ServiceView<>();

    private TracedAnthropicClient(AnthropicClient delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    static AnthropicClient of(AnthropicClient delegate, ClientTelemetry telemetry) {
        return InstrumentedView.of(AnthropicClient.class, delegate, new TracedAnthropicClient(delegate, telemetry));
    }

    /** The client this view calls. */
    AnthropicClient delegate() {
        return delegate;
    }

    @Override
    public AnthropicClientAsync async() {
        return asyncView.of(delegate.async(), telemetry, TracedAnthropicClientAsync::of);
    }

    @Override
    public AnthropicClient.WithRawResponse withRawResponse() {
        return withRawResponseView.of(delegate.withRawResponse(), telemetry, TracedAnthropicClientRaw::of);
    }

    @Override
    public ClientOptions options() {
        return delegate.options();
    }

    @Override
    public AnthropicClient withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        AnthropicClient derived = delegate.withOptions(capture);
        return TracedAnthropicClient.of(derived, capture.result());
    }

    @Override
    public MessageService messages() {
        return messagesView.of(delegate.messages(), telemetry, TracedMessageService::of);
    }

    @Override
    public ModelService models() {
        return delegate.models();
    }

    @Override
    public FileService files() {
        return delegate.files();
    }

    @Override
    public SkillService skills() {
        return delegate.skills();
    }

    @Override
    public UserProfileService userProfiles() {
        return delegate.userProfiles();
    }

    @Override
    public OrganizationService organization() {
        return delegate.organization();
    }

    @Override
    public BetaService beta() {
        return delegate.beta();
    }

    @Override
    public void close() {
        delegate.close();
    }
}

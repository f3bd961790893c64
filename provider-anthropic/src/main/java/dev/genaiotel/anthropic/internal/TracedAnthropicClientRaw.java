package dev.genaiotel.anthropic.internal;

import com.anthropic.client.AnthropicClient;
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
 * An instrumented {@code AnthropicClient.WithRawResponse}: the Messages API is traced until the caller parses,
 * closes or drops each raw response; every other service is the delegate's own.
 */
final class TracedAnthropicClientRaw implements AnthropicClient.WithRawResponse {

    private final AnthropicClient.WithRawResponse delegate;
    private final ClientTelemetry telemetry;
    private final ServiceView<MessageService.WithRawResponse> messagesView = new ServiceView<>();

    private TracedAnthropicClientRaw(AnthropicClient.WithRawResponse delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    static AnthropicClient.WithRawResponse of(AnthropicClient.WithRawResponse delegate, ClientTelemetry telemetry) {
        return InstrumentedView.of(AnthropicClient.WithRawResponse.class,
                delegate, new TracedAnthropicClientRaw(delegate, telemetry));
    }

    @Override
    public AnthropicClient.WithRawResponse withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return TracedAnthropicClientRaw.of(delegate.withOptions(capture), capture.result());
    }

    @Override
    public MessageService.WithRawResponse messages() {
        return messagesView.of(delegate.messages(), telemetry, TracedMessageServiceRaw::of);
    }

    @Override
    public ModelService.WithRawResponse models() {
        return delegate.models();
    }

    @Override
    public FileService.WithRawResponse files() {
        return delegate.files();
    }

    @Override
    public SkillService.WithRawResponse skills() {
        return delegate.skills();
    }

    @Override
    public UserProfileService.WithRawResponse userProfiles() {
        return delegate.userProfiles();
    }

    @Override
    public OrganizationService.WithRawResponse organization() {
        return delegate.organization();
    }

    @Override
    public BetaService.WithRawResponse beta() {
        return delegate.beta();
    }
}

package dev.genaiotel.anthropic.internal;

import com.anthropic.client.AnthropicClientAsync;
import com.anthropic.core.ClientOptions;
import com.anthropic.services.async.BetaServiceAsync;
import com.anthropic.services.async.FileServiceAsync;
import com.anthropic.services.async.MessageServiceAsync;
import com.anthropic.services.async.ModelServiceAsync;
import com.anthropic.services.async.OrganizationServiceAsync;
import com.anthropic.services.async.SkillServiceAsync;
import com.anthropic.services.async.UserProfileServiceAsync;
import dev.genaiotel.core.InstrumentedView;
import java.util.function.Consumer;

/**
 * An instrumented {@code AnthropicClientAsync.WithRawResponse}: the Messages API is traced until the caller parses,
 * closes or drops each raw response; every other service is the delegate's own.
 */
final class TracedAnthropicClientAsyncRaw implements AnthropicClientAsync.WithRawResponse {

    private final AnthropicClientAsync.WithRawResponse delegate;
    private final ClientTelemetry telemetry;
    private final ServiceView<MessageServiceAsync.WithRawResponse> messagesView = new ServiceView<>();

    private TracedAnthropicClientAsyncRaw(AnthropicClientAsync.WithRawResponse delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    static AnthropicClientAsync.WithRawResponse of(
            AnthropicClientAsync.WithRawResponse delegate, ClientTelemetry telemetry) {
        return InstrumentedView.of(AnthropicClientAsync.WithRawResponse.class,
                delegate, new TracedAnthropicClientAsyncRaw(delegate, telemetry));
    }

    @Override
    public AnthropicClientAsync.WithRawResponse withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return TracedAnthropicClientAsyncRaw.of(delegate.withOptions(capture), capture.result());
    }

    @Override
    public MessageServiceAsync.WithRawResponse messages() {
        return messagesView.of(delegate.messages(), telemetry, TracedMessageServiceAsyncRaw::of);
    }

    @Override
    public ModelServiceAsync.WithRawResponse models() {
        return delegate.models();
    }

    @Override
    public FileServiceAsync.WithRawResponse files() {
        return delegate.files();
    }

    @Override
    public SkillServiceAsync.WithRawResponse skills() {
        return delegate.skills();
    }

    @Override
    public UserProfileServiceAsync.WithRawResponse userProfiles() {
        return delegate.userProfiles();
    }

    @Override
    public OrganizationServiceAsync.WithRawResponse organization() {
        return delegate.organization();
    }

    @Override
    public BetaServiceAsync.WithRawResponse beta() {
        return delegate.beta();
    }
}

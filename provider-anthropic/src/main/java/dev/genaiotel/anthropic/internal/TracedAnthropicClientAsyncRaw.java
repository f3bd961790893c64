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
import java.util.function.Consumer;

/**
 * An instrumented {@code AnthropicClientAsync.WithRawResponse}: the Messages API is traced until the caller parses,
 * closes or drops each raw response; every other service is the delegate's own.
 */
final class TracedAnthropicClientAsyncRaw implements AnthropicClientAsync.WithRawResponse {

    private final AnthropicClientAsync.WithRawResponse delegate;
    private final ClientTelemetry telemetry;

    TracedAnthropicClientAsyncRaw(AnthropicClientAsync.WithRawResponse delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    @Override
    public AnthropicClientAsync.WithRawResponse withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        return new TracedAnthropicClientAsyncRaw(delegate.withOptions(capture), capture.result());
    }

    @Override
    public MessageServiceAsync.WithRawResponse messages() {
        return new TracedMessageServiceAsyncRaw(delegate.messages(), telemetry);
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

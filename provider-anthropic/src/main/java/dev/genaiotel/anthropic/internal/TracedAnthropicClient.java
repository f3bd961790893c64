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
import java.util.function.Consumer;

/**
 * An instrumented {@code AnthropicClient}: every call goes to the delegate; the Messages API is traced, and every
 * client derived from it ({@code async()}, {@code withOptions}, {@code withRawResponse()}) is instrumented too.
 */
final class TracedAnthropicClient implements AnthropicClient {

    private final AnthropicClient delegate;
    private final ClientTelemetry telemetry;

    TracedAnthropicClient(AnthropicClient delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    @Override
    public AnthropicClientAsync async() {
        return new TracedAnthropicClientAsync(delegate.async(), telemetry);
    }

    @Override
    public AnthropicClient.WithRawResponse withRawResponse() {
        return new TracedAnthropicClientRaw(delegate.withRawResponse(), telemetry);
    }

    @Override
    public ClientOptions options() {
        return delegate.options();
    }

    @Override
    public AnthropicClient withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        AnthropicClient derived = delegate.withOptions(capture);
        return new TracedAnthropicClient(derived, capture.result());
    }

    @Override
    public MessageService messages() {
        return new TracedMessageService(delegate.messages(), telemetry);
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

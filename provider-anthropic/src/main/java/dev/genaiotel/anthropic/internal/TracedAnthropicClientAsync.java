package dev.genaiotel.anthropic.internal;

import com.anthropic.client.AnthropicClient;
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
 * An instrumented {@code AnthropicClientAsync}: every call goes to the delegate; the Messages API is traced, and
 * every client derived from it ({@code sync()}, {@code withOptions}, {@code withRawResponse()}) is instrumented too.
 */
final class TracedAnthropicClientAsync implements AnthropicClientAsync {

    private final AnthropicClientAsync delegate;
    private final ClientTelemetry telemetry;
    private final ServiceView<AnthropicClient> syncView = new ServiceView<>();
    private final ServiceView<AnthropicClientAsync.WithRawResponse> withRawResponseView = new ServiceView<>();
    private final ServiceView<MessageServiceAsync> messagesView = new ServiceView<>();

    private TracedAnthropicClientAsync(AnthropicClientAsync delegate, ClientTelemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    /** An instrumented view of {@code delegate}: see {@link InstrumentedView}. */
    static AnthropicClientAsync of(AnthropicClientAsync delegate, ClientTelemetry telemetry) {
        return InstrumentedView.of(AnthropicClientAsync.class,
                delegate, new TracedAnthropicClientAsync(delegate, telemetry));
    }

    /** The client this view calls. */
    AnthropicClientAsync delegate() {
        return delegate;
    }

    @Override
    public AnthropicClient sync() {
        return syncView.of(delegate.sync(), telemetry, TracedAnthropicClient::of);
    }

    @Override
    public AnthropicClientAsync.WithRawResponse withRawResponse() {
        return withRawResponseView.of(delegate.withRawResponse(), telemetry, TracedAnthropicClientAsyncRaw::of);
    }

    @Override
    public ClientOptions options() {
        return delegate.options();
    }

    @Override
    public AnthropicClientAsync withOptions(Consumer<ClientOptions.Builder> modifier) {
        ClientTelemetry.OptionsCapture capture = telemetry.capture(modifier);
        AnthropicClientAsync derived = delegate.withOptions(capture);
        return TracedAnthropicClientAsync.of(derived, capture.result());
    }

    @Override
    public MessageServiceAsync messages() {
        return messagesView.of(delegate.messages(), telemetry, TracedMessageServiceAsync::of);
    }

    @Override
    public ModelServiceAsync models() {
        return delegate.models();
    }

    @Override
    public FileServiceAsync files() {
        return delegate.files();
    }

    @Override
    public SkillServiceAsync skills() {
        return delegate.skills();
    }

    @Override
    public UserProfileServiceAsync userProfiles() {
        return delegate.userProfiles();
    }

    @Override
    public OrganizationServiceAsync organization() {
        return delegate.organization();
    }

    @Override
    public BetaServiceAsync beta() {
        return delegate.beta();
    }

    @Override
    public void close() {
        delegate.close();
    }
}

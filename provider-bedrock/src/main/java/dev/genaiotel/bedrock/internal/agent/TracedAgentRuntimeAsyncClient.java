package dev.genaiotel.bedrock.internal.agent;

import dev.genaiotel.bedrock.internal.Endpoint;
import dev.genaiotel.bedrock.internal.WrappedCall;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.core.InstrumentedView;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeServiceClientConfiguration;
import software.amazon.awssdk.services.bedrockagentruntime.model.AgenticRetrieveStreamRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.AgenticRetrieveStreamResponseHandler;
import software.amazon.awssdk.services.bedrockagentruntime.model.CreateInvocationRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.CreateInvocationResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.CreateSessionRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.CreateSessionResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.DeleteAgentMemoryRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.DeleteAgentMemoryResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.DeleteSessionRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.DeleteSessionResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.EndSessionRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.EndSessionResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.GenerateQueryRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.GenerateQueryResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.GetAgentMemoryRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.GetAgentMemoryResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.GetDocumentContentRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.GetDocumentContentResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.GetExecutionFlowSnapshotRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.GetExecutionFlowSnapshotResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.GetFlowExecutionRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.GetFlowExecutionResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.GetInvocationStepRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.GetInvocationStepResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.GetSessionRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.GetSessionResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.InvokeAgentRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.InvokeAgentResponseHandler;
import software.amazon.awssdk.services.bedrockagentruntime.model.InvokeFlowRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.InvokeFlowResponseHandler;
import software.amazon.awssdk.services.bedrockagentruntime.model.InvokeInlineAgentRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.InvokeInlineAgentResponseHandler;
import software.amazon.awssdk.services.bedrockagentruntime.model.ListFlowExecutionEventsRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.ListFlowExecutionEventsResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.ListFlowExecutionsRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.ListFlowExecutionsResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.ListInvocationStepsRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.ListInvocationStepsResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.ListInvocationsRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.ListInvocationsResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.ListSessionsRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.ListSessionsResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.OptimizePromptRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.OptimizePromptResponseHandler;
import software.amazon.awssdk.services.bedrockagentruntime.model.PutInvocationStepRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.PutInvocationStepResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.RerankRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.RerankResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrieveAndGenerateRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrieveAndGenerateResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrieveAndGenerateStreamRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrieveAndGenerateStreamResponseHandler;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrieveRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrieveResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.StartFlowExecutionRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.StartFlowExecutionResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.StopFlowExecutionRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.StopFlowExecutionResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.TagResourceRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.TagResourceResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.UntagResourceRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.UntagResourceResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.UpdateSessionRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.UpdateSessionResponse;
import software.amazon.awssdk.services.bedrockagentruntime.paginators.GetAgentMemoryPublisher;
import software.amazon.awssdk.services.bedrockagentruntime.paginators.ListFlowExecutionEventsPublisher;
import software.amazon.awssdk.services.bedrockagentruntime.paginators.ListFlowExecutionsPublisher;
import software.amazon.awssdk.services.bedrockagentruntime.paginators.ListInvocationStepsPublisher;
import software.amazon.awssdk.services.bedrockagentruntime.paginators.ListInvocationsPublisher;
import software.amazon.awssdk.services.bedrockagentruntime.paginators.ListSessionsPublisher;
import software.amazon.awssdk.services.bedrockagentruntime.paginators.RerankPublisher;
import software.amazon.awssdk.services.bedrockagentruntime.paginators.RetrievePublisher;

/**
 * A {@link BedrockAgentRuntimeAsyncClient} that records each {@code InvokeAgent} call as an {@code invoke_agent}
 * CLIENT span (the GenAI agent spans and the AWS Bedrock page of the conventions). Every other operation is delegated
 * unchanged. The application's
 * handler sees the same events, callbacks and exceptions as with the wrapped client.
 */
public final class TracedAgentRuntimeAsyncClient implements BedrockAgentRuntimeAsyncClient {

    private final GenAiTelemetry telemetry;
    private final BedrockAgentRuntimeAsyncClient delegate;
    private final Endpoint endpoint;

    /**
     * Wraps a client.
     *
     * @param telemetry the engine that records the calls
     * @param delegate the client that makes them
     */
    public TracedAgentRuntimeAsyncClient(GenAiTelemetry telemetry, BedrockAgentRuntimeAsyncClient delegate) {
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.endpoint = Endpoint.of(Endpoint.AGENT_RUNTIME, delegate);
    }

    /**
     * Invokes the agent through the wrapped client, inside an {@code invoke_agent} span that ends when the event
     * stream completes, fails, is cancelled or is dropped without a subscriber.
     */
    /**
     * Invokes the agent through the wrapped client, inside an {@code invoke_agent} span that ends when the event
     * stream completes, fails, is cancelled or is dropped without a subscriber.
     */
    @Override
    public CompletableFuture<Void> invokeAgent(InvokeAgentRequest request, InvokeAgentResponseHandler handler) {
        if (request == null || handler == null || !telemetry.isRecording()) {
            return delegate.invokeAgent(request, handler);
        }
        return WrappedCall.run("invoke agent", () -> AgentCall.start(telemetry, request, endpoint),
                call -> delegate.invokeAgent(request, InstrumentedView.of(InvokeAgentResponseHandler.class, handler,
                        new TracedInvokeAgentHandler(handler, call))),
                () -> delegate.invokeAgent(request, handler));
    }

    @Override
    public String serviceName() {
        return delegate.serviceName();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public BedrockAgentRuntimeServiceClientConfiguration serviceClientConfiguration() {
        return delegate.serviceClientConfiguration();
    }

    @Override
    public CompletableFuture<Void> agenticRetrieveStream(
            AgenticRetrieveStreamRequest request, AgenticRetrieveStreamResponseHandler handler) {
        return delegate.agenticRetrieveStream(request, handler);
    }

    @Override
    public CompletableFuture<CreateInvocationResponse> createInvocation(CreateInvocationRequest request) {
        return delegate.createInvocation(request);
    }

    @Override
    public CompletableFuture<CreateSessionResponse> createSession(CreateSessionRequest request) {
        return delegate.createSession(request);
    }

    @Override
    public CompletableFuture<DeleteAgentMemoryResponse> deleteAgentMemory(DeleteAgentMemoryRequest request) {
        return delegate.deleteAgentMemory(request);
    }

    @Override
    public CompletableFuture<DeleteSessionResponse> deleteSession(DeleteSessionRequest request) {
        return delegate.deleteSession(request);
    }

    @Override
    public CompletableFuture<EndSessionResponse> endSession(EndSessionRequest request) {
        return delegate.endSession(request);
    }

    @Override
    public CompletableFuture<GenerateQueryResponse> generateQuery(GenerateQueryRequest request) {
        return delegate.generateQuery(request);
    }

    @Override
    public CompletableFuture<GetAgentMemoryResponse> getAgentMemory(GetAgentMemoryRequest request) {
        return delegate.getAgentMemory(request);
    }

    @Override
    public GetAgentMemoryPublisher getAgentMemoryPaginator(GetAgentMemoryRequest request) {
        return delegate.getAgentMemoryPaginator(request);
    }

    @Override
    public CompletableFuture<GetDocumentContentResponse> getDocumentContent(GetDocumentContentRequest request) {
        return delegate.getDocumentContent(request);
    }

    @Override
    public CompletableFuture<GetExecutionFlowSnapshotResponse> getExecutionFlowSnapshot(
            GetExecutionFlowSnapshotRequest request) {
        return delegate.getExecutionFlowSnapshot(request);
    }

    @Override
    public CompletableFuture<GetFlowExecutionResponse> getFlowExecution(GetFlowExecutionRequest request) {
        return delegate.getFlowExecution(request);
    }

    @Override
    public CompletableFuture<GetInvocationStepResponse> getInvocationStep(GetInvocationStepRequest request) {
        return delegate.getInvocationStep(request);
    }

    @Override
    public CompletableFuture<GetSessionResponse> getSession(GetSessionRequest request) {
        return delegate.getSession(request);
    }

    @Override
    public CompletableFuture<Void> invokeFlow(InvokeFlowRequest request, InvokeFlowResponseHandler handler) {
        return delegate.invokeFlow(request, handler);
    }

    @Override
    public CompletableFuture<Void> invokeInlineAgent(
            InvokeInlineAgentRequest request, InvokeInlineAgentResponseHandler handler) {
        return delegate.invokeInlineAgent(request, handler);
    }

    @Override
    public CompletableFuture<ListFlowExecutionEventsResponse> listFlowExecutionEvents(
            ListFlowExecutionEventsRequest request) {
        return delegate.listFlowExecutionEvents(request);
    }

    @Override
    public ListFlowExecutionEventsPublisher listFlowExecutionEventsPaginator(ListFlowExecutionEventsRequest request) {
        return delegate.listFlowExecutionEventsPaginator(request);
    }

    @Override
    public CompletableFuture<ListFlowExecutionsResponse> listFlowExecutions(ListFlowExecutionsRequest request) {
        return delegate.listFlowExecutions(request);
    }

    @Override
    public ListFlowExecutionsPublisher listFlowExecutionsPaginator(ListFlowExecutionsRequest request) {
        return delegate.listFlowExecutionsPaginator(request);
    }

    @Override
    public CompletableFuture<ListInvocationStepsResponse> listInvocationSteps(ListInvocationStepsRequest request) {
        return delegate.listInvocationSteps(request);
    }

    @Override
    public ListInvocationStepsPublisher listInvocationStepsPaginator(ListInvocationStepsRequest request) {
        return delegate.listInvocationStepsPaginator(request);
    }

    @Override
    public CompletableFuture<ListInvocationsResponse> listInvocations(ListInvocationsRequest request) {
        return delegate.listInvocations(request);
    }

    @Override
    public ListInvocationsPublisher listInvocationsPaginator(ListInvocationsRequest request) {
        return delegate.listInvocationsPaginator(request);
    }

    @Override
    public CompletableFuture<ListSessionsResponse> listSessions(ListSessionsRequest request) {
        return delegate.listSessions(request);
    }

    @Override
    public ListSessionsPublisher listSessionsPaginator(ListSessionsRequest request) {
        return delegate.listSessionsPaginator(request);
    }

    @Override
    public CompletableFuture<ListTagsForResourceResponse> listTagsForResource(ListTagsForResourceRequest request) {
        return delegate.listTagsForResource(request);
    }

    @Override
    public CompletableFuture<Void> optimizePrompt(
            OptimizePromptRequest request, OptimizePromptResponseHandler handler) {
        return delegate.optimizePrompt(request, handler);
    }

    @Override
    public CompletableFuture<PutInvocationStepResponse> putInvocationStep(PutInvocationStepRequest request) {
        return delegate.putInvocationStep(request);
    }

    @Override
    public CompletableFuture<RerankResponse> rerank(RerankRequest request) {
        return delegate.rerank(request);
    }

    @Override
    public RerankPublisher rerankPaginator(RerankRequest request) {
        return delegate.rerankPaginator(request);
    }

    @Override
    public CompletableFuture<RetrieveResponse> retrieve(RetrieveRequest request) {
        return delegate.retrieve(request);
    }

    @Override
    public CompletableFuture<RetrieveAndGenerateResponse> retrieveAndGenerate(RetrieveAndGenerateRequest request) {
        return delegate.retrieveAndGenerate(request);
    }

    @Override
    public CompletableFuture<Void> retrieveAndGenerateStream(
            RetrieveAndGenerateStreamRequest request, RetrieveAndGenerateStreamResponseHandler handler) {
        return delegate.retrieveAndGenerateStream(request, handler);
    }

    @Override
    public RetrievePublisher retrievePaginator(RetrieveRequest request) {
        return delegate.retrievePaginator(request);
    }

    @Override
    public CompletableFuture<StartFlowExecutionResponse> startFlowExecution(StartFlowExecutionRequest request) {
        return delegate.startFlowExecution(request);
    }

    @Override
    public CompletableFuture<StopFlowExecutionResponse> stopFlowExecution(StopFlowExecutionRequest request) {
        return delegate.stopFlowExecution(request);
    }

    @Override
    public CompletableFuture<TagResourceResponse> tagResource(TagResourceRequest request) {
        return delegate.tagResource(request);
    }

    @Override
    public CompletableFuture<UntagResourceResponse> untagResource(UntagResourceRequest request) {
        return delegate.untagResource(request);
    }

    @Override
    public CompletableFuture<UpdateSessionResponse> updateSession(UpdateSessionRequest request) {
        return delegate.updateSession(request);
    }
}

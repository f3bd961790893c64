package dev.genaiotel.core;

/**
 * The description of what an operation was asked to do, one record per kind of operation. A {@link GenAiListener} or
 * {@link CompletionHook} reads it through {@link GenAiOperation#request()} and tells the kinds apart with
 * {@code instanceof} (or {@link GenAiOperation#requestAs(Class)}); the set is closed, so a check over all six is
 * complete.
 */
public sealed interface GenAiRequest
        permits InferenceRequest, EmbeddingsRequest, ToolCall, AgentRequest, RetrievalRequest, WorkflowRequest {}

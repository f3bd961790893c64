package dev.genaiotel.core;

import dev.genaiotel.core.internal.LazyList;
import dev.genaiotel.semconv.message.InputMessage;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.ToolDefinition;
import io.opentelemetry.api.common.Attributes;
import java.util.List;
import java.util.function.Supplier;

/**
 * An agent to invoke ({@code invoke_agent} of the GenAI conventions) or create ({@code create_agent},
 * section 2.7). A remote agent (OpenAI Assistants, Bedrock Agents) gets a CLIENT span with provider and server
 * attributes; an in-process agent (LangChain4j AI services) an INTERNAL span without them.
 *
 * @param remote true for a remote agent service, false for an in-process agent
 * @param providerName {@code gen_ai.provider.name} (remote agents only), or null
 * @param agentName {@code gen_ai.agent.name}, or null
 * @param agentId {@code gen_ai.agent.id} (remote agents only; a stable provider id), or null
 * @param agentDescription {@code gen_ai.agent.description}, or null
 * @param agentVersion {@code gen_ai.agent.version} (remote agents only), or null
 * @param model {@code gen_ai.request.model} when the agent uses a single model, or null
 * @param conversationId {@code gen_ai.conversation.id} (never synthesised), or null
 * @param dataSourceId {@code gen_ai.data_source.id}, or null
 * @param serverAddress {@code server.address} (remote agents only), or null
 * @param serverPort {@code server.port}, recorded only with an address; or null
 * @param systemInstructions {@code gen_ai.system_instructions} (opt-in content)
 * @param inputMessages {@code gen_ai.input.messages} (opt-in content)
 * @param toolDefinitions {@code gen_ai.tool.definitions} (opt-in content)
 * @param attributes further attributes set on the span at start
 * @param parameters the model parameters the agent sends, or null: its temperature, top_p, max_tokens,
 *     stop_sequences, penalties, seed, choice count and output type are recorded on {@code invoke_agent} spans
 *     ({@code gen_ai.request.*}, {@code gen_ai.output.type}), and for remote agents its previous response id;
 *     its operation, provider and model are ignored
 */
public record AgentRequest(
        boolean remote, String providerName, String agentName, String agentId, String agentDescription,
        String agentVersion, String model, String conversationId, String dataSourceId, String serverAddress,
        Long serverPort, List<MessagePart> systemInstructions, List<InputMessage> inputMessages,
        List<ToolDefinition> toolDefinitions, Attributes attributes, InferenceRequest parameters)
        implements GenAiRequest {

    /** Copies the lists; input messages handed over as a mapping stay unread. */
    public AgentRequest {
        systemInstructions = systemInstructions == null ? List.of() : List.copyOf(systemInstructions);
        inputMessages = LazyList.copyOf(inputMessages);
        toolDefinitions = toolDefinitions == null ? List.of() : List.copyOf(toolDefinitions);
        attributes = attributes == null ? Attributes.empty() : attributes;
    }

    /** An in-process agent with a name. */
    public static AgentRequest local(String agentName) {
        return new AgentRequest(false, null, agentName, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /** A remote agent of a provider. */
    public static AgentRequest remote(String providerName, String agentName, String agentId) {
        return new AgentRequest(true, providerName, agentName, agentId, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    /** This request with input messages. */
    public AgentRequest withInputMessages(List<InputMessage> value) {
        return new AgentRequest(remote, providerName, agentName, agentId, agentDescription, agentVersion, model,
                conversationId, dataSourceId, serverAddress, serverPort, systemInstructions, value, toolDefinitions,
                attributes, parameters);
    }

    /**
     * This request with input messages that are mapped only if something records content, as
     * {@link InferenceRequest.Builder#inputMessages(Supplier)}: never with capture off, at most once.
     */
    public AgentRequest withInputMessages(Supplier<? extends List<InputMessage>> mapping) {
        return withInputMessages(LazyList.of(mapping));
    }

    /** This request with a model, conversation id and server. */
    public AgentRequest withDetails(String modelName, String conversation, String address, Long port) {
        return new AgentRequest(remote, providerName, agentName, agentId, agentDescription, agentVersion, modelName,
                conversation, dataSourceId, address, port, systemInstructions, inputMessages, toolDefinitions,
                attributes, parameters);
    }

    /** This request with the model parameters the agent sends. */
    public AgentRequest withParameters(InferenceRequest value) {
        return new AgentRequest(remote, providerName, agentName, agentId, agentDescription, agentVersion, model,
                conversationId, dataSourceId, serverAddress, serverPort, systemInstructions, inputMessages,
                toolDefinitions, attributes, value);
    }
}

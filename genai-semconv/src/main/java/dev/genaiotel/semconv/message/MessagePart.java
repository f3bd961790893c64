package dev.genaiotel.semconv.message;

import static dev.genaiotel.semconv.internal.Checks.copyOfProperties;
import static dev.genaiotel.semconv.internal.Checks.required;
import static dev.genaiotel.semconv.internal.Checks.requiredText;

import java.util.Arrays;
import java.util.Map;

/**
 * One part of a message, as the GenAI semantic conventions describe it (the {@code parts} array of
 * {@code gen_ai.input.messages}, {@code gen_ai.output.messages} and {@code gen_ai.system_instructions}).
 *
 * <p>The set is closed: a part the conventions do not name is a {@link GenericPart}, never a typed part with missing
 * fields. Required fields are checked when a part is built, and the exception names the missing field. Fields
 * documented as nullable are omitted from the encoding when null.
 */
public sealed interface MessagePart {

    /** The semconv {@code type} of this part, such as {@code text} or {@code tool_call}. */
    String type();

    /**
     * Text sent to or received from the model ({@code type: "text"}).
     *
     * @param content the text
     */
    record Text(String content) implements MessagePart {
        /** Checks the required field. */
        public Text {
            required(content, "Text", "content");
        }

        @Override
        public String type() {
            return "text";
        }
    }

    /**
     * Reasoning or thinking output of the model ({@code type: "reasoning"}).
     *
     * @param content the reasoning text
     */
    record Reasoning(String content) implements MessagePart {
        /** Checks the required field. */
        public Reasoning {
            required(content, "Reasoning", "content");
        }

        @Override
        public String type() {
            return "reasoning";
        }
    }

    /**
     * A request by the model to call a client-side tool ({@code type: "tool_call"}).
     *
     * @param id the provider's tool-call id, or null when the provider gives none (never synthesised)
     * @param name the tool's name
     * @param arguments the arguments: a map, list, scalar, or a raw JSON string that is parsed best-effort when
     *     encoded; null when absent. Encoding can happen after the call, on an export or upload thread, so a
     *     map or list must not change once handed over
     */
    record ToolCallRequest(String id, String name, Object arguments) implements MessagePart {
        /** Checks the required field. */
        public ToolCallRequest {
            required(name, "ToolCallRequest", "name");
        }

        @Override
        public String type() {
            return "tool_call";
        }
    }

    /**
     * The result of a client-side tool call, sent back to the model ({@code type: "tool_call_response"}).
     *
     * @param id the id of the tool call this answers, or null when unknown
     * @param response the tool's result: any value; a raw JSON string is parsed best-effort when encoded. A null
     *     response is encoded as JSON {@code null}: the field is always present. Encoding can happen after the call,
     *     on an export or upload thread, so a map or list must not change once handed over.
     */
    record ToolCallResponse(String id, Object response) implements MessagePart {
        @Override
        public String type() {
            return "tool_call_response";
        }
    }

    /**
     * A tool the provider runs on its side, such as web search or a code interpreter
     * ({@code type: "server_tool_call"}).
     *
     * @param id the provider's id for the call, or null
     * @param name the tool's name
     * @param serverToolCall the provider-specific description; must contain a {@code type} entry
     */
    record ServerToolCall(String id, String name, Map<String, Object> serverToolCall) implements MessagePart {
        /** Checks the required fields and copies the description. */
        public ServerToolCall {
            required(name, "ServerToolCall", "name");
            serverToolCall = copyOfProperties(serverToolCall, "ServerToolCall", "serverToolCall");
            requireTypeEntry(serverToolCall, "ServerToolCall", "serverToolCall");
        }

        @Override
        public String type() {
            return "server_tool_call";
        }
    }

    /**
     * The result of a server-side tool call ({@code type: "server_tool_call_response"}).
     *
     * @param id the provider's id for the call, or null
     * @param serverToolCallResponse the provider-specific result; must contain a {@code type} entry
     */
    record ServerToolCallResponse(String id, Map<String, Object> serverToolCallResponse) implements MessagePart {
        /** Checks the required field and copies the result. */
        public ServerToolCallResponse {
            serverToolCallResponse =
                    copyOfProperties(serverToolCallResponse, "ServerToolCallResponse", "serverToolCallResponse");
            requireTypeEntry(serverToolCallResponse, "ServerToolCallResponse", "serverToolCallResponse");
        }

        @Override
        public String type() {
            return "server_tool_call_response";
        }
    }

    /**
     * Binary data sent inline ({@code type: "blob"}), encoded as base64 in JSON and as bytes in structured form.
     *
     * @param mimeType the IANA media type, or null when unknown
     * @param modality the modality, see {@code dev.genaiotel.semconv.Modality}
     * @param content the bytes; copied on construction and on access
     */
    record Blob(String mimeType, String modality, byte[] content) implements MessagePart {
        /** Checks the required fields and copies the bytes. */
        public Blob {
            required(modality, "Blob", "modality");
            content = required(content, "Blob", "content").clone();
        }

        /** A copy of the bytes. */
        @Override
        public byte[] content() {
            return content.clone();
        }

        /** The number of bytes, without copying them. */
        public int contentLength() {
            return content.length;
        }

        @Override
        public String type() {
            return "blob";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Blob blob
                    && java.util.Objects.equals(mimeType, blob.mimeType)
                    && modality.equals(blob.modality)
                    && Arrays.equals(content, blob.content);
        }

        @Override
        public int hashCode() {
            return (java.util.Objects.hashCode(mimeType) * 31 + modality.hashCode()) * 31 + Arrays.hashCode(content);
        }

        @Override
        public String toString() {
            return "Blob[mimeType=" + mimeType + ", modality=" + modality + ", content=" + content.length + " bytes]";
        }
    }

    /**
     * A reference to a file uploaded to the provider beforehand ({@code type: "file"}).
     *
     * @param mimeType the IANA media type, or null when unknown
     * @param modality the modality, see {@code dev.genaiotel.semconv.Modality}
     * @param fileId the provider's file id
     */
    record File(String mimeType, String modality, String fileId) implements MessagePart {
        /** Checks the required fields. */
        public File {
            required(modality, "File", "modality");
            required(fileId, "File", "fileId");
        }

        @Override
        public String type() {
            return "file";
        }
    }

    /**
     * Data the model fetches from a URI ({@code type: "uri"}). A {@code data:} URL carries its bytes inline and
     * belongs in a {@link Blob} instead.
     *
     * @param mimeType the IANA media type, or null when unknown
     * @param modality the modality, see {@code dev.genaiotel.semconv.Modality}
     * @param uri the URI
     */
    record Uri(String mimeType, String modality, String uri) implements MessagePart {
        /** Checks the required fields. */
        public Uri {
            required(modality, "Uri", "modality");
            required(uri, "Uri", "uri");
        }

        @Override
        public String type() {
            return "uri";
        }
    }

    /**
     * The marker a provider leaves where it compacted earlier conversation ({@code type: "compaction"}).
     *
     * @param id the provider's id for the compaction item, or null
     * @param content an unencrypted summary of what was compacted, or null
     */
    record Compaction(String id, String content) implements MessagePart {
        @Override
        public String type() {
            return "compaction";
        }
    }

    /**
     * Any part the conventions do not name, written as its {@code type} plus the given properties.
     *
     * @param type the part's type; not blank
     * @param properties further fields, in order; must not contain {@code type}
     */
    record GenericPart(String type, Map<String, Object> properties) implements MessagePart {
        /** Checks the required field and copies the properties. */
        public GenericPart {
            requiredText(type, "GenericPart", "type");
            properties = copyOfProperties(properties, "GenericPart", "properties");
            if (properties.containsKey("type")) {
                throw new IllegalArgumentException("GenericPart.properties must not contain 'type'");
            }
        }
    }

    private static void requireTypeEntry(Map<String, Object> map, String owner, String field) {
        if (!(map.get("type") instanceof String type) || type.isBlank()) {
            throw new IllegalArgumentException(owner + "." + field + " must contain a non-blank 'type' string");
        }
    }
}

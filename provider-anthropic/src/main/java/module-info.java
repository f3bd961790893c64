/**
 * OpenTelemetry GenAI instrumentation for {@code com.anthropic:anthropic-java}: the Messages API, sync, async and
 * streaming, on the Anthropic API and on the Bedrock, Vertex AI and Foundry backends. Entry point:
 * {@link dev.genaiotel.anthropic.AnthropicTelemetry}.
 */
module dev.genaiotel.anthropic {
    requires transitive dev.genaiotel.core;
    // An explicit module (anthropic-java ships descriptors); it brings Jackson and kotlin.stdlib transitively.
    requires transitive com.anthropic.core;
    requires java.logging;

    exports dev.genaiotel.anthropic;
}

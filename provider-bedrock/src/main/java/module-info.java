/**
 * OpenTelemetry GenAI instrumentation for the AWS SDK v2 Bedrock clients: Converse, ConverseStream, InvokeModel per
 * model family (including embeddings), InvokeModelWithResponseStream and InvokeAgent. Entry point:
 * {@link dev.genaiotel.bedrock.BedrockTelemetry}.
 */
module dev.genaiotel.bedrock {
    requires transitive dev.genaiotel.core;
    requires transitive software.amazon.awssdk.services.bedrockruntime;
    // Only applications that call Bedrock Agents have it (an optional Maven dependency).
    requires static software.amazon.awssdk.services.bedrockagentruntime;
    requires transitive software.amazon.awssdk.core;
    requires software.amazon.awssdk.awscore;
    requires software.amazon.awssdk.http;
    requires software.amazon.awssdk.utils;
    requires software.amazon.awssdk.regions;
    requires software.amazon.awssdk.auth;
    requires org.reactivestreams;
    requires com.fasterxml.jackson.databind;
    requires java.logging;
    // The SDK logs through slf4j, and its default sync HTTP client (httpclient5) loads jdk.net.Sockets: neither is
    // resolved on the plain module path unless a named module requires it.
    requires org.slf4j;
    requires jdk.net;

    exports dev.genaiotel.bedrock;
}

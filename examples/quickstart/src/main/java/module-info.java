/** The genai-otel quickstart: requires the published modules the way an application does. */
module dev.genaiotel.examples.quickstart {
    requires dev.genaiotel.core;
    requires dev.genaiotel.autoconfigure;
    requires dev.genaiotel.bedrock;
    requires software.amazon.awssdk.auth;
    requires software.amazon.awssdk.core;
    requires software.amazon.awssdk.http;
    requires software.amazon.awssdk.http.nio.netty;
    requires software.amazon.awssdk.regions;
    requires software.amazon.eventstream;
    // Netty (the async Bedrock client) uses sun.misc.Unsafe for direct buffers and says so when it cannot.
    requires jdk.unsupported;
    requires dev.genaiotel.anthropic;
    requires com.anthropic.client.okhttp;
    requires dev.genaiotel.ollama;
    requires dev.genaiotel.openai;
    requires openai.java.client.okhttp;
    requires dev.genaiotel.langchain4j;
    requires langchain4j.open.ai;
    requires jdk.httpserver;
    requires io.opentelemetry.sdk;
    requires io.opentelemetry.sdk.common;
    requires io.opentelemetry.sdk.trace;
    requires io.opentelemetry.sdk.metrics;
    requires io.opentelemetry.sdk.logs;
}

/**
 * One-call OpenTelemetry SDK setup for GenAI telemetry: {@link dev.genaiotel.autoconfigure.GenAiOpenTelemetry} with
 * {@link dev.genaiotel.autoconfigure.ExportPreset}s (console, OTLP, Coralogix) for applications without an SDK, and
 * {@link dev.genaiotel.autoconfigure.GenAiAutoConfigurationCustomizerProvider} for applications already on the SDK's
 * autoconfiguration or the OpenTelemetry Java agent.
 */
package dev.genaiotel.autoconfigure;

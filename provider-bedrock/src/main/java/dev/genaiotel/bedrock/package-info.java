/**
 * OpenTelemetry GenAI instrumentation for the AWS SDK v2 Bedrock Runtime and Bedrock Agents runtime clients. Entry
 * point: {@link dev.genaiotel.bedrock.BedrockTelemetry}.
 */
package dev.genaiotel.bedrock;

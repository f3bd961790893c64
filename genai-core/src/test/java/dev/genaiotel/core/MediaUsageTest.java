package dev.genaiotel.core;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_AUDIO_INPUT_SECONDS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_AUDIO_OUTPUT_SECONDS;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_IMAGE_INPUT_COUNT;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_IMAGE_OUTPUT_COUNT;
import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_USAGE_OUTPUT_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.semconv.MetricDefinition;
import dev.genaiotel.semconv.Role;
import dev.genaiotel.semconv.SemconvVersion;
import dev.genaiotel.semconv.message.MessagePart;
import dev.genaiotel.semconv.message.OutputMessage;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.data.MetricData;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MediaUsageTest {

    private final TelemetryFixture fixture = new TelemetryFixture();

    private Attributes spanAttributes() {
        return fixture.onlySpan().getAttributes();
    }

    @Test
    void audioSecondsAndImageCountsAreRecordedOnTheInferenceSpan() {
        fixture.telemetry().startInference(InferenceRequest.chat("openai", "gpt-4o-audio-preview").build())
                .end(InferenceResponse.builder().usage(TokenUsage.of(120, 80))
                        .mediaUsage(new MediaUsage(3.5, 12.25, 2L, 1L)).build());

        Attributes attributes = spanAttributes();
        assertThat(attributes.get(GEN_AI_USAGE_AUDIO_INPUT_SECONDS)).isEqualTo(3.5);
        assertThat(attributes.get(GEN_AI_USAGE_AUDIO_OUTPUT_SECONDS)).isEqualTo(12.25);
        assertThat(attributes.get(GEN_AI_USAGE_IMAGE_INPUT_COUNT)).isEqualTo(2L);
        assertThat(attributes.get(GEN_AI_USAGE_IMAGE_OUTPUT_COUNT)).isEqualTo(1L);
        assertThat(attributes.get(GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(80L);
    }

    @Test
    void onlyTheFiguresTheProviderReportedAreRecorded() {
        fixture.telemetry().startInference(InferenceRequest.chat("openai", "gpt-image-1").build())
                .end(InferenceResponse.builder().mediaUsage(MediaUsage.images(null, 4L)).build());

        Attributes attributes = spanAttributes();
        assertThat(attributes.get(GEN_AI_USAGE_IMAGE_OUTPUT_COUNT)).isEqualTo(4L);
        assertThat(attributes.get(GEN_AI_USAGE_IMAGE_INPUT_COUNT)).isNull();
        assertThat(attributes.get(GEN_AI_USAGE_AUDIO_INPUT_SECONDS)).isNull();
        assertThat(attributes.get(GEN_AI_USAGE_AUDIO_OUTPUT_SECONDS)).isNull();
    }

    @Test
    void figuresThatCannotBeUsageAreDropped() {
        MediaUsage usage = new MediaUsage(-1.0, Double.NaN, -2L, 3L);

        assertThat(usage).isEqualTo(MediaUsage.images(null, 3L));
        assertThat(MediaUsage.audioSeconds(Double.POSITIVE_INFINITY, 0.0))
                .isEqualTo(MediaUsage.audioSeconds(null, 0.0));
    }

    @Test
    @SuppressWarnings("try")
    void anOuterLayerTakesTheMediaUsageANestedLayerReported() {
        GenAiTelemetry telemetry = fixture.telemetry();
        Inference framework = telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o").build());
        try (Scope ignored = framework.makeCurrent()) {
            telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o").build())
                    .end(InferenceResponse.builder().mediaUsage(MediaUsage.audioSeconds(null, 4.0)).build());
        }
        framework.end(InferenceResponse.builder().mediaUsage(MediaUsage.images(1L, null)).build());

        Attributes attributes = spanAttributes();
        assertThat(attributes.get(GEN_AI_USAGE_AUDIO_OUTPUT_SECONDS)).isEqualTo(4.0);
        assertThat(attributes.get(GEN_AI_USAGE_IMAGE_INPUT_COUNT)).isEqualTo(1L);
    }

    @Test
    void redactingTheOutputKeepsTheMediaUsage() {
        fixture.telemetry(builder -> builder.setContentCapture(ContentCapture.SPAN_ONLY)
                        .addContentRedactor(ContentRedactor.ofText((text, context) -> "[redacted]")))
                .startInference(InferenceRequest.chat("openai", "gpt-4o").build())
                .end(InferenceResponse.builder()
                        .outputMessages(List.of(new OutputMessage(Role.ASSISTANT,
                                List.of(new MessagePart.Text("Here is your picture.")), "stop")))
                        .mediaUsage(MediaUsage.images(null, 1L)).build());

        assertThat(spanAttributes().get(GEN_AI_USAGE_IMAGE_OUTPUT_COUNT)).isEqualTo(1L);
    }

    @Test
    void anAgentResponseCarriesMediaUsageToTheAgentSpan() {
        fixture.telemetry().startAgentInvocation(AgentRequest.local("illustrator"))
                .end(InferenceResponse.builder().mediaUsage(MediaUsage.images(null, 2L)).build());

        assertThat(spanAttributes().get(GEN_AI_USAGE_IMAGE_OUTPUT_COUNT)).isEqualTo(2L);
    }

    @Test
    void noMetricIsRecordedForMediaUsage() {
        for (SemconvVersion version : SemconvVersion.values()) {
            TelemetryFixture emitting = TelemetryFixture.emitting(version);
            emitting.telemetry().startInference(InferenceRequest.chat("openai", "gpt-4o").build())
                    .end(InferenceResponse.builder().mediaUsage(new MediaUsage(1.0, 2.0, 3L, 4L)).build());

            Set<String> defined = new HashSet<>();
            version.metrics().forEach(metric -> defined.add(metric.name()));
            assertThat(emitting.allMetrics()).extracting(MetricData::getName).as(version.id())
                    .isNotEmpty().allSatisfy(name -> assertThat(defined).contains(name));
            assertThat(version.metrics()).extracting(MetricDefinition::name)
                    .noneMatch(name -> name.contains("seconds") || name.contains("image"));
        }
    }

    @Test
    void theResponseConstructorWithoutMediaUsageStillBuildsAResponse() {
        InferenceResponse response = new InferenceResponse("chatcmpl-1", "gpt-4o", List.of("stop"), null,
                TokenUsage.of(1, 2), null);

        assertThat(response.mediaUsage()).isNull();
        assertThat(response.orElse(InferenceResponse.builder().mediaUsage(MediaUsage.images(null, 1L)).build())
                .mediaUsage()).isEqualTo(MediaUsage.images(null, 1L));
    }
}

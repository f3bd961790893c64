package dev.genaiotel.core;

import static dev.genaiotel.semconv.GenAiAttributes.GEN_AI_RESPONSE_FINISH_REASONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a response keeps the finish reasons it is given: unmodifiable, a missing one as {@code error}. */
class FinishReasonsTest {

    private final TelemetryFixture fixture = new TelemetryFixture();
    private final GenAiTelemetry telemetry = fixture.builder().build();

    @Test
    void aMissingReasonIsRecordedAsErrorAtItsPosition() {
        InferenceResponse response = InferenceResponse.builder()
                .finishReasons(Arrays.asList("stop", null, "length"))
                .build();

        telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o").build()).end(response);

        assertThat(response.finishReasons()).containsExactly("stop", "error", "length");
        assertThat(fixture.spans.getFinishedSpanItems()).singleElement()
                .satisfies(span -> assertThat(span.getAttributes().get(GEN_AI_RESPONSE_FINISH_REASONS))
                        .containsExactly("stop", "error", "length"));
    }

    @Test
    void aListTheCallerChangesAfterwardsDoesNotChangeWhatIsRecorded() {
        List<String> reasons = new ArrayList<>(List.of("stop"));
        InferenceResponse response = InferenceResponse.builder().finishReasons(reasons).build();
        reasons.set(0, "length");
        reasons.add("tool_calls");

        telemetry.startInference(InferenceRequest.chat("openai", "gpt-4o").build()).end(response);

        assertThat(response.finishReasons()).containsExactly("stop");
        assertThatThrownBy(() -> response.finishReasons().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(fixture.spans.getFinishedSpanItems()).singleElement()
                .satisfies(span -> assertThat(span.getAttributes().get(GEN_AI_RESPONSE_FINISH_REASONS))
                        .containsExactly("stop"));
    }

    @Test
    void anUnmodifiableListWithoutMissingReasonsIsKeptWithoutACopy() {
        List<String> reasons = List.of("stop", "tool_calls");

        InferenceResponse response = InferenceResponse.builder().finishReasons(reasons).build();

        assertThat(response.finishReasons()).isSameAs(reasons);
        assertThat(response.orElse(InferenceResponse.empty()).finishReasons()).isSameAs(reasons);
    }
}

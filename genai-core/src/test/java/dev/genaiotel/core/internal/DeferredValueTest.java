package dev.genaiotel.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.semconv.message.ContentEncoder;
import dev.genaiotel.semconv.message.InputMessage;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.common.ValueType;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DeferredValueTest {

    private static final List<InputMessage> MESSAGES = List.of(InputMessage.text("user", "Is it raining in Paris?"));

    @Test
    void buildsNothingUntilReadThenBuildsOnce() {
        AtomicInteger builds = new AtomicInteger();
        DeferredValue value = new DeferredValue(() -> {
            builds.incrementAndGet();
            return ContentEncoder.inputMessagesValue(MESSAGES);
        }, ContentEncoder.inputMessagesJson(MESSAGES));

        assertThat(builds).hasValue(0);
        assertThat(value.getType()).isEqualTo(ValueType.ARRAY);
        value.getValue();
        value.asString();
        assertThat(builds).hasValue(1);
    }

    @Test
    void equalsHashesAndPrintsLikeTheValueItStandsFor() {
        Value<?> eager = ContentEncoder.inputMessagesValue(MESSAGES);
        DeferredValue deferred = new DeferredValue(() -> ContentEncoder.inputMessagesValue(MESSAGES),
                ContentEncoder.inputMessagesJson(MESSAGES));

        assertThat(deferred).isEqualTo(eager);
        assertThat(eager).isEqualTo(deferred);
        assertThat(deferred.hashCode()).isEqualTo(eager.hashCode());
        assertThat(deferred.getValue()).isEqualTo(eager.getValue());
        assertThat(deferred.asString()).isEqualTo(eager.asString());
        assertThat(deferred).hasToString(eager.toString());
        assertThat(deferred).isNotEqualTo(Value.of("Is it raining in Paris?"));
    }

    @Test
    void aFailingBuildFallsBackToTheJsonStringInsteadOfThrowingAtTheExporter() {
        String json = ContentEncoder.inputMessagesJson(MESSAGES);
        Supplier<Value<?>> broken = () -> {
            throw new IllegalStateException("encoder bug");
        };
        DeferredValue value = new DeferredValue(broken, json);

        assertThat(value.getType()).isEqualTo(ValueType.STRING);
        assertThat(value.getValue()).isEqualTo(json);
        assertThat(value).isEqualTo(Value.of(json));
    }
}

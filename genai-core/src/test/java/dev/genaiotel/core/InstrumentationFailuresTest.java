package dev.genaiotel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InstrumentationFailuresTest {

    private final Logger logger = Logger.getLogger("dev.genaiotel.test.failures." + System.nanoTime());
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void listen() {
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(handler);
    }

    @Test
    void aFailureIsLoggedOncePerPlaceAndCause() {
        for (int i = 0; i < 3; i++) {
            InstrumentationFailures.logOnce(logger, "response mapping", new IllegalStateException("bad " + i));
        }
        InstrumentationFailures.logOnce(logger, "response mapping", new NullPointerException());
        InstrumentationFailures.logOnce(logger, "request mapping", new IllegalStateException());

        assertThat(records).hasSize(3);
        assertThat(records.get(0).getMessage()).contains("response mapping");
        assertThat(records.get(0).getThrown()).hasMessage("bad 0");
    }

    @Test
    void virtualMachineErrorsAreNotSwallowed() {
        assertThatThrownBy(() -> InstrumentationFailures.logOnce(logger, "anywhere", new OutOfMemoryError("full")))
                .isInstanceOf(OutOfMemoryError.class);
        assertThat(records).isEmpty();
    }
}

package dev.genaiotel.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Records everything logged through java.util.logging, at every level, while open. */
final class LogCapture extends Handler implements AutoCloseable {

    private static final String[] LOGGERS = {"", "io.opentelemetry", "dev.genaiotel", "okhttp3"};

    final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Level[] previous = new Level[LOGGERS.length];

    LogCapture() {
        setLevel(Level.ALL);
        for (int i = 0; i < LOGGERS.length; i++) {
            Logger logger = Logger.getLogger(LOGGERS[i]);
            previous[i] = logger.getLevel();
            logger.setLevel(Level.ALL);
        }
        Logger.getLogger("").addHandler(this);
    }

    /** Every message, formatted with its parameters, and its exception if any. */
    String text() {
        StringBuilder text = new StringBuilder();
        java.util.logging.Formatter formatter = new java.util.logging.SimpleFormatter();
        for (LogRecord record : records) {
            text.append(formatter.format(record)).append('\n');
        }
        return text.toString();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
        for (int i = 0; i < LOGGERS.length; i++) {
            Logger.getLogger(LOGGERS[i]).setLevel(previous[i]);
        }
    }
}

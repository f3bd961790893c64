package dev.genaiotel.core.internal.upload;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A bounded queue drained by one daemon thread: offering never blocks, a full queue refuses. Once closed, nothing more
 * is accepted and the thread ends when the queue is empty. Accepting and closing exclude each other, so an item is
 * either refused or accepted before the close, and an accepted item is always handed to the task.
 *
 * @param <T> the queued item
 */
final class UploadWorker<T> {

    /** What became of an offered item. */
    enum Admission {
        /** Queued; the task will see it. */
        ACCEPTED,
        /** Refused: the queue was full. */
        FULL,
        /** Refused: the worker was closed. */
        CLOSED
    }

    private static final long POLL_MILLIS = 100;

    private final BlockingQueue<T> queue;
    private final Consumer<T> task;
    private final Thread thread;
    private final Object lock = new Object();
    private int pending;
    private volatile boolean closed;

    /**
     * A worker whose thread is not started yet.
     *
     * @param capacity the most items waiting
     * @param threadName the name of the (daemon) thread
     * @param task runs on the worker thread for each accepted item; it handles its own failures, a failure that
     *     escapes it is ignored so the thread goes on
     */
    UploadWorker(int capacity, String threadName, Consumer<T> task) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.task = task;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** True once {@link #close} began; later offers are refused. */
    boolean isClosed() {
        return closed;
    }

    /** Queues {@code item} unless the queue is full or the worker is closed; never blocks. */
    Admission offer(T item) {
        synchronized (lock) {
            if (closed) {
                return Admission.CLOSED;
            }
            if (!queue.offer(item)) {
                return Admission.FULL;
            }
            pending++;
            return Admission.ACCEPTED;
        }
    }

    /** The room left in the queue. */
    int remainingCapacity() {
        return queue.remainingCapacity();
    }

    /** Waits until every accepted item is done, at most {@code timeout}; true when they are. */
    boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        synchronized (lock) {
            while (pending > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Refuses further items; the thread still drains what was accepted. False when already closed.
     */
    boolean close() {
        synchronized (lock) {
            if (closed) {
                return false;
            }
            closed = true;
            return true;
        }
    }

    /** Waits for the thread to end, at most {@code timeout}. */
    void join(Duration timeout) throws InterruptedException {
        thread.join(Math.max(1, timeout.toMillis()));
    }

    private void run() {
        while (true) {
            T item;
            try {
                item = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                item = null;
            }
            if (item == null) {
                if (closed && queue.isEmpty()) {
                    return;
                }
                continue;
            }
            try {
                task.accept(item);
            } catch (RuntimeException | LinkageError ignored) {
                // the task logs and counts its own failures; this keeps the thread alive for the next item
            } finally {
                done();
            }
        }
    }

    private void done() {
        synchronized (lock) {
            pending--;
            lock.notifyAll();
        }
    }
}

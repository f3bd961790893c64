package dev.genaiotel.core.internal.upload;

import dev.genaiotel.core.UploadCompletionHook;
import dev.genaiotel.semconv.GenAiMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes one upload file so that a reader never sees part of it, retrying once.
 *
 * <p>On the default file system the bytes go to a temporary file in the target's directory, which is then moved into
 * place with {@code ATOMIC_MOVE}. NIO cannot tell whether another provider's {@code ATOMIC_MOVE} is real (the S3
 * provider accepts it and copies, then deletes), so on every other file system the file is written in one go: one
 * write of the complete bytes, which an object store publishes as one object when the put completes and a zip file
 * system when it is closed. There directories are created only when the write needs them, so an object store gets no
 * directory marker objects.
 */
final class UploadWriter {

    private static final Logger LOGGER = Logger.getLogger(UploadCompletionHook.class.getName());
    private static final int MAX_LOGGED_CAUSES = 64;

    private final Path base;
    private final boolean moveAtomically;
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private final Set<String> loggedCauses = ConcurrentHashMap.newKeySet();

    UploadWriter(Path base) {
        this.base = base;
        this.moveAtomically = movesAtomically(base);
    }

    /** True when files under {@code base} are written through a temporary file and an atomic move. */
    static boolean movesAtomically(Path base) {
        return base.getFileSystem().provider() == FileSystems.getDefault().provider();
    }

    /**
     * Whether {@code base} can be written: a small file written (the directories created as for an upload) and
     * deleted. When not, one error is logged.
     */
    static boolean probe(Path base) {
        try {
            Path probe = base.resolve(".genai-otel-upload-probe-" + UUID.randomUUID());
            if (movesAtomically(base)) {
                Files.createDirectories(base);
                Files.write(probe, new byte[] {'\n'});
            } else {
                writeInOneGo(probe, new byte[] {'\n'});
            }
            try {
                Files.delete(probe);
            } catch (IOException | RuntimeException e) {
                // writing is what uploads need; deleting is not
            }
            return true;
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.SEVERE, "The GenAI upload base path " + UploadLayout.describe(base)
                    + " cannot be written (" + e + "); the upload completion hook is disabled and no content is"
                    + " uploaded", e);
            return false;
        }
    }

    /**
     * Writes one file, retrying once; false (logged once per cause) when both attempts failed. With
     * {@code onlyIfAbsent} (content-addressed files) an existing file is kept and remembered.
     */
    boolean write(String relative, boolean onlyIfAbsent, Supplier<String> content) {
        if (onlyIfAbsent && written.contains(relative)) {
            return true;
        }
        Path target = base.resolve(relative);
        for (int attempt = 1; ; attempt++) {
            try {
                if (!onlyIfAbsent || !Files.exists(target)) {
                    byte[] bytes = content.get().getBytes(StandardCharsets.UTF_8);
                    if (moveAtomically) {
                        writeAndMove(target, bytes);
                    } else {
                        writeInOneGo(target, bytes);
                    }
                }
                if (onlyIfAbsent) {
                    if (written.size() >= DigestCache.MAX_CACHED) {
                        written.clear();
                    }
                    written.add(relative);
                }
                return true;
            } catch (IOException | RuntimeException failure) {
                if (attempt >= 2) {
                    logOnce(failure, target);
                    return false;
                }
            }
        }
    }

    /** Logs a failure that cost an upload, once per type of cause. */
    void logOnce(Throwable failure, Path target) {
        String cause = failure.getClass().getName();
        if (loggedCauses.size() < MAX_LOGGED_CAUSES && loggedCauses.add(cause)) {
            LOGGER.log(Level.SEVERE, "GenAI content upload to " + UploadLayout.describe(target)
                    + " failed twice; it is dropped and counted on " + GenAiMetrics.GEN_AI_UPLOAD_DROPPED.name()
                    + " (error.type=" + UploadCompletionHook.WRITE_FAILED + "); this cause is not logged again",
                    failure);
        }
    }

    private static void writeAndMove(Path target, byte[] bytes) throws IOException {
        Path directory = target.getParent();
        if (directory != null) {
            Files.createDirectories(directory);
        }
        Path temporary = target.resolveSibling("." + target.getFileName() + '.' + UUID.randomUUID() + ".tmp");
        try {
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | UnsupportedOperationException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException | RuntimeException e) {
                // the temporary file is left behind; the upload itself succeeded or failed above
            }
        }
    }

    private static void writeInOneGo(Path target, byte[] bytes) throws IOException {
        try {
            writeBytes(target, bytes);
        } catch (NoSuchFileException e) {
            Path directory = target.getParent();
            if (directory == null) {
                throw e;
            }
            Files.createDirectories(directory);
            writeBytes(target, bytes);
        }
    }

    private static void writeBytes(Path target, byte[] bytes) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            out.write(bytes);
        }
    }
}

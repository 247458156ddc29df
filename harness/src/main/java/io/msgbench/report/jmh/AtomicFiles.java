package io.msgbench.report.jmh;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a file so that readers (and a crash) see either the old content or the complete new one, never an
 * empty or half-written file — which JMH itself leaves behind when {@code -foe true} aborts a run.
 *
 * <p>How: write a temporary file in the target's directory (same file system, so the rename is atomic), fsync
 * it, rename it over the target, then fsync the directory where the platform allows. On any failure, including
 * one thrown by the body half-way, the temporary file is deleted and the target is untouched. The temporary file
 * is created with the default permissions, not {@code Files.createTempFile}'s owner-only ones, so the result
 * file is as readable as any other file the user creates.
 */
public final class AtomicFiles {

    /** Writes a file's content; may throw half-way. */
    @FunctionalInterface
    public interface TextBody {
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Atomically replaces (or creates) {@code target} with the UTF-8 text {@code body} writes. */
    /**
     * Makes sure {@code target} can be written later: its folder created if missing, and a file created there and
     * removed, so that a run learns now, not after its measurement, that its result would be lost.
     *
     * @param what names the option in the message, e.g. {@code -rff}
     * @throws IllegalArgumentException one line naming {@code what}, the place and why not
     */
    public static void requireWritable(Path target, String what) {
        Path file = target.toAbsolutePath();
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(what + " " + target + ": is a directory, not a file");
        }
        Path dir = file.getParent();
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".msgbench-writable", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            String why = e instanceof java.nio.file.FileAlreadyExistsException ? "a file is in the way"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.NoSuchFileException ? "it cannot be created there"
                    : e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null ? fse.getReason()
                    : e.getMessage();
            throw new IllegalArgumentException(what + " " + target + ": cannot write in " + dir + " (" + why + ")");
        }
    }

    public static void writeText(Path target, TextBody body) throws IOException {
        Path file = target.toAbsolutePath();
        Path dir = file.getParent();
        Path tmp = dir.resolve("." + file.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, CREATE_NEW, WRITE);
                    Writer out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), UTF_8))) {
                body.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(tmp, file, ATOMIC_MOVE, REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // Rare (some network file systems); a same-directory rename is still the best available.
                Files.move(tmp, file, REPLACE_EXISTING);
            }
        } catch (Throwable t) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                t.addSuppressed(suppressed);
            }
            throw t;
        }
        syncDirectory(dir);
    }

    /** Makes the rename itself durable; not every platform can open a directory, which is harmless. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Windows cannot open directories; the rename is still atomic there.
        }
    }
}

package io.msgbench.driver.kafka.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Temporary directories named {@code msgbench-<kind>-<ownerPid>-<random>} under {@code java.io.tmpdir}.
 *
 * <p>The owner's pid is in the name so that a later run can tell a directory whose owner died without
 * cleaning up (SIGKILL, power loss of a child) from one that is in use, and delete only the former.
 * A pid that has been reused by an unrelated process keeps its directory until that process ends too:
 * the sweep errs on the side of keeping data.
 */
public final class OwnedTempDirectories {
    /** {@code msgbench-<kind>-<pid>-<anything>}; the kind is lower-case letters, so the pid is unambiguous. */
    private static final Pattern NAME = Pattern.compile("msgbench-[a-z]+-(\\d+)-.+");

    private OwnedTempDirectories() {
    }

    /** The directory that holds them: {@code java.io.tmpdir}. */
    public static Path root() {
        return Paths.get(System.getProperty("java.io.tmpdir"));
    }

    /** Creates {@code msgbench-<kind>-<this pid>-<random>} under {@link #root()}. */
    public static Path create(String kind) {
        if (!kind.matches("[a-z]+")) {
            throw new IllegalArgumentException("directory kind must be lower-case letters: " + kind);
        }
        try {
            return Files.createTempDirectory(root(), "msgbench-" + kind + "-" + ProcessHandle.current().pid() + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory under " + root() + ": " + e.getMessage(), e);
        }
    }

    /** The owner pid encoded in a directory's name, if the name follows the pattern. */
    public static OptionalLong ownerPid(Path dir) {
        Matcher m = NAME.matcher(dir.getFileName().toString());
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(m.group(1)));
        } catch (NumberFormatException tooLong) {
            return OptionalLong.empty();
        }
    }

    /**
     * Deletes every directory in {@code root} whose name carries a pid that is no longer alive.
     *
     * @return the directories deleted (best effort: one that cannot be deleted is left and not listed)
     */
    public static List<Path> sweepStale(Path root) {
        List<Path> swept = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, "msgbench-*")) {
            for (Path dir : entries) {
                OptionalLong pid = ownerPid(dir);
                if (pid.isPresent() && ProcessHandle.of(pid.getAsLong()).isEmpty()
                        && Files.isDirectory(dir) && deleteRecursively(dir)) {
                    swept.add(dir);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // Sweeping is housekeeping; a root we cannot list must not stop a run.
        }
        return swept;
    }

    /**
     * Deletes a directory tree without following symbolic links; a file that vanishes meanwhile (another
     * process cleaning the same directory) is not an error.
     *
     * @return true when the directory no longer exists afterwards
     */
    public static boolean deleteRecursively(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    if (e != null && !(e instanceof NoSuchFileException)) {
                        throw e;
                    }
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException gone) {
            return true;
        } catch (IOException e) {
            // Reported through the return value; callers decide whether it matters.
        }
        return !Files.exists(dir);
    }
}

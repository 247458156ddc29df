package io.msgbench.driver.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnedTempDirectoriesTest {
    @TempDir
    Path root;

    @Test
    void readsTheOwnerPidFromTheName() {
        assertThat(OwnedTempDirectories.ownerPid(Path.of("/tmp/msgbench-broker-1234-98765"))).hasValue(1234);
        assertThat(OwnedTempDirectories.ownerPid(Path.of("msgbench-worker-7-x"))).hasValue(7);
        assertThat(OwnedTempDirectories.ownerPid(Path.of("msgbench-broker-abc-1"))).isEmpty();
        assertThat(OwnedTempDirectories.ownerPid(Path.of("msgbench-1234-x"))).isEmpty();
        assertThat(OwnedTempDirectories.ownerPid(Path.of("other-broker-1234-x"))).isEmpty();
        assertThat(OwnedTempDirectories.ownerPid(Path.of("msgbench-broker-99999999999999999999-x"))).isEmpty();
    }

    @Test
    void createdDirectoryCarriesThisProcessPid() {
        Path dir = OwnedTempDirectories.create("test");
        try {
            assertThat(dir).isDirectory().hasParent(OwnedTempDirectories.root());
            assertThat(OwnedTempDirectories.ownerPid(dir)).hasValue(ProcessHandle.current().pid());
        } finally {
            OwnedTempDirectories.deleteRecursively(dir);
        }
    }

    @Test
    void sweepsOnlyDirectoriesOfDeadOwners() throws Exception {
        long dead = TestProcesses.deadPid();
        Path stale = Files.createDirectories(root.resolve("msgbench-broker-" + dead + "-1/data/topic-0"));
        Files.writeString(stale.resolve("00000.log"), "x");
        Path staleDir = root.resolve("msgbench-broker-" + dead + "-1");
        Path live = Files.createDirectory(root.resolve("msgbench-broker-" + ProcessHandle.current().pid() + "-2"));
        Path unrelated = Files.createDirectory(root.resolve("msgbench-notes"));
        Path plainFile = Files.writeString(root.resolve("msgbench-broker-" + dead + "-3"), "not a directory");

        assertThat(OwnedTempDirectories.sweepStale(root)).containsExactly(staleDir);

        assertThat(staleDir).doesNotExist();
        assertThat(live).isDirectory();
        assertThat(unrelated).isDirectory();
        assertThat(plainFile).isRegularFile();
    }

    @Test
    void deletingAMissingDirectorySucceeds() {
        assertThat(OwnedTempDirectories.deleteRecursively(root.resolve("never-created"))).isTrue();
    }
}

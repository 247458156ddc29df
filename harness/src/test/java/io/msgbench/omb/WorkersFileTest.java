package io.msgbench.omb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.msgbench.worker.WorkerRole;
import io.msgbench.worker.http.WorkerEndpoint;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkersFileTest {
    @Test
    void readsOmbsListAndMsgbenchsDedicatedLists(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("workers.yaml");
        Files.writeString(file, """
                workers:
                  - http://a:8080
                producerWorkers:
                  - http://b:8080
                consumerWorkers:
                  - http://c:8080
                  - http://a:8080
                """);
        List<WorkerEndpoint> named = WorkersFile.read(file);
        assertThat(WorkerEndpoint.merged(named)).containsExactly(
                new WorkerEndpoint(URI.create("http://a:8080"), WorkerRole.BOTH),
                new WorkerEndpoint(URI.create("http://b:8080"), WorkerRole.PRODUCE),
                new WorkerEndpoint(URI.create("http://c:8080"), WorkerRole.CONSUME));
    }

    @Test
    void aWorkerNamedAsProducerAndAsConsumerDoesBoth() {
        URI u = URI.create("http://x:1");
        assertThat(WorkerEndpoint.merged(List.of(new WorkerEndpoint(u, WorkerRole.PRODUCE),
                new WorkerEndpoint(u, WorkerRole.CONSUME)))).containsExactly(new WorkerEndpoint(u, WorkerRole.BOTH));
        assertThat(WorkerRole.PRODUCE.and(WorkerRole.PRODUCE)).isEqualTo(WorkerRole.PRODUCE);
        assertThat(WorkerRole.CONSUME.and(WorkerRole.BOTH)).isEqualTo(WorkerRole.BOTH);
    }

    @Test
    void badEntriesNameTheirLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("workers.yaml");
        Files.writeString(file, "workers:\n  - http://a:8080\nconsumerWorkers:\n  - a:8080\n");
        assertThatThrownBy(() -> WorkersFile.read(file)).isInstanceOf(OmbFileException.class)
                .hasMessage(file + ":3: consumerWorkers: 'a:8080' is not a worker URL (http://host:port)");
        Files.writeString(file, "producerWorkers: []\n");
        assertThatThrownBy(() -> WorkersFile.read(file))
                .hasMessage(file + ":1: producerWorkers: expected a list of worker URLs (- http://host:port)");
        Files.writeString(file, "hosts:\n  - http://a:8080\n");
        assertThatThrownBy(() -> WorkersFile.read(file)).hasMessage(file + ": no 'workers:' list of worker URLs");
    }
}

package io.msgbench.omb;

import com.fasterxml.jackson.databind.JsonNode;
import io.msgbench.worker.WorkerRole;
import io.msgbench.worker.http.WorkerEndpoint;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OMB's workers file: a YAML mapping whose {@code workers} key lists the workers' URLs. msgbench also reads
 * {@code producerWorkers} and {@code consumerWorkers}, lists of workers dedicated to producing or consuming.
 */
public final class WorkersFile {
    /** The file's keys and the role of the workers each lists. */
    private static final Map<String, WorkerRole> LISTS = Map.of("workers", WorkerRole.BOTH,
            "producerWorkers", WorkerRole.PRODUCE, "consumerWorkers", WorkerRole.CONSUME);

    private WorkersFile() {
    }

    /** @throws OmbFileException naming {@code file:line} of what is wrong */
    public static List<WorkerEndpoint> read(Path file) {
        YamlFile y = YamlFile.read(file);
        List<WorkerEndpoint> workers = new ArrayList<>();
        for (String key : List.of("workers", "producerWorkers", "consumerWorkers")) {
            YamlFile.Entry e = y.entries().get(key);
            if (e == null) {
                continue;
            }
            if (!e.value().isArray() || e.value().isEmpty()) {
                throw y.error(key, "expected a list of worker URLs (- http://host:port)");
            }
            for (JsonNode url : e.value()) {
                if (!url.isTextual()) {
                    throw y.error(key, "expected a worker URL, found " + url);
                }
                try {
                    workers.add(new WorkerEndpoint(url(url.asText()), LISTS.get(key)));
                } catch (IllegalArgumentException bad) {
                    throw y.error(key, bad.getMessage());
                }
            }
        }
        if (workers.isEmpty()) {
            throw new OmbFileException(file + ": no 'workers:' list of worker URLs");
        }
        return workers;
    }

    /** A worker's URL: {@code http://host:port}; one line saying what is wrong otherwise. */
    public static URI url(String text) {
        try {
            URI uri = new URI(text.strip());
            if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
                throw new IllegalArgumentException("'" + text + "' is not a worker URL (http://host:port)");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a worker URL (http://host:port)");
        }
    }
}

package io.msgbench.worker.http;

import io.msgbench.worker.WorkerRole;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A worker of a distributed run: where it answers and what it hosts. */
public record WorkerEndpoint(URI uri, WorkerRole role) {
    public WorkerEndpoint {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(role, "role");
    }

    /**
     * The workers named in several lists (e.g. {@code --workers} and {@code --consumer-workers}), each once, in the
     * order first named, with the roles it was named with combined.
     */
    public static List<WorkerEndpoint> merged(List<WorkerEndpoint> named) {
        Map<URI, WorkerRole> roles = new LinkedHashMap<>();
        named.forEach(e -> roles.merge(e.uri(), e.role(), WorkerRole::and));
        List<WorkerEndpoint> out = new ArrayList<>();
        roles.forEach((uri, role) -> out.add(new WorkerEndpoint(uri, role)));
        return List.copyOf(out);
    }
}

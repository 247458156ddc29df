package io.msgbench.omb;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** OMB's workers file: a YAML mapping whose {@code workers} key lists the workers' URLs. */
public final class WorkersFile {
    private WorkersFile() {
    }

    /** @throws OmbFileException naming {@code file:line} of what is wrong */
    public static List<URI> read(Path file) {
        YamlFile y = YamlFile.read(file);
        YamlFile.Entry e = y.entries().get("workers");
        if (e == null) {
            throw new OmbFileException(file + ": no 'workers:' list of worker URLs");
        }
        if (!e.value().isArray() || e.value().isEmpty()) {
            throw y.error("workers", "expected a list of worker URLs (- http://host:port)");
        }
        List<URI> workers = new ArrayList<>();
        for (JsonNode url : e.value()) {
            if (!url.isTextual()) {
                throw y.error("workers", "expected a worker URL, found " + url);
            }
            try {
                workers.add(url(url.asText()));
            } catch (IllegalArgumentException bad) {
                throw y.error("workers", bad.getMessage());
            }
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

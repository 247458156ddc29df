package io.msgbench.scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The benchmarks on the classpath, read from the index resources {@value #RESOURCE} (one class name
 * per line, {@code #} comments) rather than by scanning the classpath, as JMH reads its BenchmarkList.
 */
public final class BenchmarkIndex {
    public static final String RESOURCE = "META-INF/msgbench/BenchmarkList";

    private final List<BenchmarkDefinition> benchmarks;

    private BenchmarkIndex(List<BenchmarkDefinition> benchmarks) {
        this.benchmarks = List.copyOf(benchmarks);
    }

    public static BenchmarkIndex load(ClassLoader loader) {
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> urls = loader.getResources(RESOURCE);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        line = line.strip();
                        if (!line.isEmpty() && !line.startsWith("#")) {
                            names.add(line);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        List<BenchmarkDefinition> found = new ArrayList<>();
        for (String name : names) {
            try {
                found.add(BenchmarkDefinition.of(Class.forName(name, false, loader)));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(RESOURCE + " lists " + name + ", which is not on the classpath");
            }
        }
        return new BenchmarkIndex(found);
    }

    public List<BenchmarkDefinition> all() {
        return benchmarks;
    }

    /**
     * Benchmarks whose class name matches any of {@code includes} (unanchored {@code find()}, as JMH),
     * in name order; all of them when {@code includes} is empty.
     */
    public List<BenchmarkDefinition> matching(List<String> includes) {
        List<Pattern> patterns = includes.stream().map(Pattern::compile).toList();
        return benchmarks.stream()
                .filter(b -> patterns.isEmpty() || patterns.stream().anyMatch(p -> p.matcher(b.className()).find()))
                .toList();
    }
}

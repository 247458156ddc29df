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
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The benchmarks on the classpath, read from the index resources {@value #RESOURCE} that msgbench's
 * annotation processor writes, rather than by scanning the classpath — as JMH reads its BenchmarkList.
 * Each benchmark's definition comes from its generated {@link GeneratedBenchmark}, never from
 * reading annotations at run time.
 */
public final class BenchmarkIndex {
    public static final String RESOURCE = "META-INF/msgbench/BenchmarkList";

    /**
     * One line of the index: {@code <benchmark class> <generated class>}, both binary names, separated
     * by one space. Lines starting with {@code #} and blank lines are ignored. The processor and this
     * reader share this one definition of the format.
     */
    public record Entry(String benchmark, String generated) {
        public Entry {
            if (!isName(benchmark) || !isName(generated)) {
                throw new IllegalArgumentException("not a class name: '" + benchmark + "', '" + generated + "'");
            }
        }

        private static boolean isName(String s) {
            return !s.isEmpty() && s.chars().noneMatch(Character::isWhitespace);
        }

        /**
         * The entry on one line, or empty for a blank or comment line.
         *
         * @throws IllegalArgumentException for a line that is not {@code <benchmark class> <generated class>}
         */
        public static Optional<Entry> parse(String line) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                return Optional.empty();
            }
            String[] parts = s.split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("'" + s + "' is not '<benchmark class> <generated class>'");
            }
            return Optional.of(new Entry(parts[0], parts[1]));
        }

        /** The line {@link #parse} reads back. */
        public String line() {
            return benchmark + " " + generated;
        }
    }

    private final List<BenchmarkDefinition> benchmarks;

    private BenchmarkIndex(List<BenchmarkDefinition> benchmarks) {
        this.benchmarks = List.copyOf(benchmarks);
    }

    /** Reads every index resource {@code loader} sees and instantiates the generated classes, in benchmark name order. */
    public static BenchmarkIndex load(ClassLoader loader) {
        Map<String, Entry> entries = new TreeMap<>();
        try {
            Enumeration<URL> urls = loader.getResources(RESOURCE);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        try {
                            Entry.parse(line).ifPresent(e -> entries.putIfAbsent(e.benchmark(), e));
                        } catch (IllegalArgumentException e) {
                            throw new IllegalStateException(url + ": " + e.getMessage() + "; msgbench's annotation "
                                    + "processor writes this file: delete hand-written copies and rebuild", e);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        List<BenchmarkDefinition> found = new ArrayList<>();
        for (Entry entry : entries.values()) {
            found.add(instantiate(entry, loader).definition());
        }
        return new BenchmarkIndex(found);
    }

    private static GeneratedBenchmark instantiate(Entry entry, ClassLoader loader) {
        Object generated;
        try {
            generated = Class.forName(entry.generated(), true, loader).getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(RESOURCE + " lists " + entry.benchmark() + ", whose generated class "
                    + entry.generated() + " is not on the classpath");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot instantiate " + entry.generated() + ": " + e, e);
        }
        if (!(generated instanceof GeneratedBenchmark g)) {
            throw new IllegalStateException(entry.generated() + ", listed in " + RESOURCE + ", is not a "
                    + GeneratedBenchmark.class.getName());
        }
        return g;
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

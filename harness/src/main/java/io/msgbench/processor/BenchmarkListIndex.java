package io.msgbench.processor;

import io.msgbench.scenario.BenchmarkIndex;
import io.msgbench.scenario.BenchmarkIndex.Entry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The index resource {@value BenchmarkIndex#RESOURCE} in the class output, merged across incremental
 * compilations as JMH's BenchmarkGenerator merges its BenchmarkList. A compilation sees only the
 * classes it compiles, so it keeps each entry of the previous index unless the entry's benchmark class
 * was compiled this time (then this compilation's own result replaces it: a new entry, or none) or no
 * longer exists. Written once, in the last round; not written at all when there is nothing to index
 * and no previous index to correct, so modules without benchmarks get no empty file.
 */
final class BenchmarkListIndex {
    private final Set<String> compiled = new HashSet<>();
    private final Map<String, Entry> generated = new TreeMap<>();

    /** Remembers every class in {@code roots} (nested ones too) as compiled by this compilation. */
    void compiled(Collection<? extends Element> roots, Elements elements) {
        for (TypeElement type : ElementFilter.typesIn(roots)) {
            compiled.add(elements.getBinaryName(type).toString());
            compiled(type.getEnclosedElements(), elements);
        }
    }

    void add(Entry entry) {
        generated.put(entry.benchmark(), entry);
    }

    void write(Filer filer, Elements elements) throws IOException {
        Optional<List<Entry>> previous = previous(filer);
        Map<String, Entry> merged = new TreeMap<>(generated);
        previous.orElse(List.of()).stream()
                .filter(e -> !compiled.contains(e.benchmark()) && exists(e.benchmark(), elements))
                .forEach(e -> merged.putIfAbsent(e.benchmark(), e));
        if (merged.isEmpty() && previous.isEmpty()) {
            return;
        }
        FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", BenchmarkIndex.RESOURCE);
        try (Writer w = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
            w.write("# Written by " + BenchmarkProcessor.class.getName() + ": <benchmark class> <generated class>\n");
            for (Entry e : merged.values()) {
                w.write(e.line() + "\n");
            }
        }
    }

    /** The previous index's entries; empty when there is none. Lines that do not parse are dropped. */
    private static Optional<List<Entry>> previous(Filer filer) {
        List<Entry> entries = new ArrayList<>();
        try {
            FileObject file = filer.getResource(StandardLocation.CLASS_OUTPUT, "", BenchmarkIndex.RESOURCE);
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(file.openInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    try {
                        Entry.parse(line).ifPresent(entries::add);
                    } catch (IllegalArgumentException e) {
                        // e.g. a hand-written list of class names from before the processor
                    }
                }
            }
        } catch (IOException e) {
            return Optional.empty(); // no previous index (NoSuchFileException, FileNotFoundException, ...)
        }
        return Optional.of(entries);
    }

    /**
     * True when the class named by a binary name can still be found. Elements wants a canonical name,
     * so {@code $} is tried as a nesting separator first, then as part of a top-level name.
     */
    private static boolean exists(String binaryName, Elements elements) {
        for (String candidate : List.of(binaryName.replace('$', '.'), binaryName)) {
            TypeElement type = elements.getTypeElement(candidate);
            if (type != null && elements.getBinaryName(type).contentEquals(binaryName)) {
                return true;
            }
        }
        return false;
    }
}

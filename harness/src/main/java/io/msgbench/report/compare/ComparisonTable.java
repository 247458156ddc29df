package io.msgbench.report.compare;

import io.msgbench.report.Figures;
import io.msgbench.report.compare.Comparison.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A {@link Comparison} as an aligned text table or as Markdown, its notes after it. */
public final class ComparisonTable {
    private static final List<String> HEADER = List.of("benchmark", "params", "metric", "base", "new", "change",
            (int) Math.round(Comparison.CONFIDENCE * 100) + " % interval", "verdict");

    private ComparisonTable() {
    }

    public static String text(Comparison c, double threshold) {
        List<List<String>> lines = lines(c);
        int[] widths = new int[HEADER.size()];
        for (List<String> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> line : lines) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < line.size(); i++) {
                boolean right = i >= 3 && i <= 5;
                String cell = line.get(i);
                String pad = " ".repeat(widths[i] - cell.length());
                b.append(right ? pad + cell : cell + (i == line.size() - 1 ? "" : pad)).append(i == line.size() - 1 ? "" : "  ");
            }
            out.append(b.toString().stripTrailing()).append('\n');
        }
        out.append(summary(c, threshold)).append('\n');
        c.notes().forEach(n -> out.append("NOTE: ").append(n).append('\n'));
        c.warnings().forEach(w -> out.append("WARNING: ").append(w).append('\n'));
        return out.toString();
    }

    public static String markdown(Comparison c, double threshold) {
        List<List<String>> lines = lines(c);
        StringBuilder out = new StringBuilder();
        for (int l = 0; l < lines.size(); l++) {
            out.append('|');
            lines.get(l).forEach(v -> out.append(' ').append(v.replace("|", "\\|")).append(" |"));
            out.append('\n');
            if (l == 0) {
                out.append("|---|---|---|---:|---:|---:|---|---|\n");
            }
        }
        out.append('\n').append(summary(c, threshold)).append('\n');
        if (!c.notes().isEmpty()) {
            out.append('\n');
            c.notes().forEach(n -> out.append("- ").append(n.replace("|", "\\|")).append('\n'));
        }
        if (!c.warnings().isEmpty()) {
            out.append('\n');
            c.warnings().forEach(w -> out.append("- **warning** ").append(w.replace("|", "\\|")).append('\n'));
        }
        return out.toString();
    }

    private static String summary(Comparison c, double threshold) {
        java.util.function.ToLongFunction<Comparison.Verdict> count = v -> c.rows().stream()
                .filter(r -> r.verdict() == v).count();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%d metric(s) compared at a threshold of %s: "
                + "%d regressed, %d improved, %d unchanged, %d inconclusive.", c.rows().size(),
                Comparison.percent(threshold).replace("+", ""), count.applyAsLong(Comparison.Verdict.REGRESSED),
                count.applyAsLong(Comparison.Verdict.IMPROVED), count.applyAsLong(Comparison.Verdict.UNCHANGED),
                count.applyAsLong(Comparison.Verdict.INCONCLUSIVE)));
        for (Row r : c.rows()) {
            if (r.verdict() == Comparison.Verdict.INCONCLUSIVE) {
                b.append(String.format(Locale.ROOT, "%nInconclusive: %s (%s) %s: to settle it, %s.",
                        shortName(r.benchmark()), r.params(), r.metric(), r.settle()));
            }
        }
        return b.toString();
    }

    private static List<List<String>> lines(Comparison c) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(HEADER);
        for (Row r : c.rows()) {
            String unit = r.unit() == null ? "" : " " + r.unit();
            lines.add(List.of(shortName(r.benchmark()), r.params(), r.metric(), figure(r, r.base()) + unit,
                    figure(r, r.changed()) + unit, Comparison.percent(r.change()),
                    Double.isNaN(r.changeLow()) ? "–" : "[" + Comparison.percent(r.changeLow()) + ", "
                            + Comparison.percent(r.changeHigh()) + "]", r.verdict().text()));
        }
        return lines;
    }

    private static String figure(Row r, double v) {
        return r.unit() != null && r.unit().endsWith("/op") ? Figures.latency(v) : Figures.grouped(v);
    }

    /** {@code LatencyTest.endToEndLatencyCorrected} of the fully qualified name. */
    private static String shortName(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        int type = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
        return benchmark.substring(type + 1);
    }
}

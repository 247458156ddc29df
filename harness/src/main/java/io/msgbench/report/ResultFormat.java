package io.msgbench.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The result formats of {@code -rf}, by the names users type. */
public enum ResultFormat {
    /** JMH's JSON, with msgbench's extra key: {@code <stem>.json}. */
    JSON("json", "json", "JMH's JSON with msgbench's extra key (always written: compare, report and CI tools read it)"),
    /** One row per scenario, JMH's columns and one per secondary metric: {@code <stem>.csv}. */
    CSV("csv", "csv", "one row per scenario: JMH's columns and one per secondary metric"),
    /** Environment and one table per benchmark, for pull requests: {@code <stem>.md}. */
    MD("md", "md", "Markdown: the environment and a table per benchmark, for pull requests"),
    /** The Markdown content with charts, one self-contained file: {@code <stem>.html}. */
    HTML("html", "html", "the Markdown's content with charts, one self-contained page"),
    /** OMB's result files, one per scenario, under OMB's names. */
    OMB("omb", "json", "OMB's result files, one per scenario, under OMB's names"),
    /** Bencher Metric Format, every latency percentile and rate a measure: {@code <stem>.bmf.json}. */
    BMF("bmf", "bmf.json", "Bencher Metric Format: every latency percentile and rate a measure with its bounds"),
    /** github-action-benchmark's {@code customSmallerIsBetter} JSON, the latencies: {@code <stem>.github-smaller.json}. */
    GITHUB_SMALLER("github-smaller", "github-smaller.json",
            "github-action-benchmark's customSmallerIsBetter JSON: the latencies"),
    /** github-action-benchmark's {@code customBiggerIsBetter} JSON, the rates: {@code <stem>.github-bigger.json}. */
    GITHUB_BIGGER("github-bigger", "github-bigger.json",
            "github-action-benchmark's customBiggerIsBetter JSON: the rates");

    private final String optionName;
    private final String extension;
    private final String description;

    ResultFormat(String optionName, String extension, String description) {
        this.optionName = optionName;
        this.extension = extension;
        this.description = description;
    }

    /** What the format holds, for {@code -lrf}. */
    public String description() {
        return description;
    }

    public String optionName() {
        return optionName;
    }

    /** What follows the stem and a dot in the file's name. */
    public String extension() {
        return extension;
    }

    /** Every format's option name, for help and errors. */
    public static String names() {
        return Arrays.stream(values()).map(ResultFormat::optionName).collect(Collectors.joining(", "));
    }

    /**
     * True for the formats rendered from JMH-shaped results (also from saved files by {@code report}): the reports and
     * the CI tools' files.
     */
    public boolean isReport() {
        return this != JSON && this != OMB;
    }

    /**
     * The format named {@code name} (any case).
     *
     * @throws IllegalArgumentException one line naming the value and the supported ones
     */
    public static ResultFormat of(String name) {
        for (ResultFormat f : values()) {
            if (f.optionName.equalsIgnoreCase(name.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("Result format '" + name + "' is not supported; supported: " + names());
    }

    @Override
    public String toString() {
        return optionName.toLowerCase(Locale.ROOT);
    }
}

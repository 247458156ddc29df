package io.msgbench.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The result formats of {@code -rf}, by the names users type. */
public enum ResultFormat {
    /** JMH's JSON, with msgbench's extra key: {@code <stem>.json}. */
    JSON("json"),
    /** One row per scenario, JMH's columns and one per secondary metric: {@code <stem>.csv}. */
    CSV("csv"),
    /** Environment and one table per benchmark, for pull requests: {@code <stem>.md}. */
    MD("md"),
    /** The Markdown content with charts, one self-contained file: {@code <stem>.html}. */
    HTML("html"),
    /** OMB's result files, one per scenario, under OMB's names. */
    OMB("omb");

    private final String optionName;

    ResultFormat(String optionName) {
        this.optionName = optionName;
    }

    public String optionName() {
        return optionName;
    }

    /** True for the reports rendered from JMH-shaped results (also from saved files by {@code report}). */
    public boolean isReport() {
        return this == CSV || this == MD || this == HTML;
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
        throw new IllegalArgumentException("Result format '" + name + "' is not supported; supported: "
                + Arrays.stream(values()).map(ResultFormat::optionName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return optionName.toLowerCase(Locale.ROOT);
    }
}

package io.msgbench.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The result formats of {@code -rf}, by the names users type. */
public enum ResultFormat {
    /** JMH's JSON, with msgbench's extra key: {@code <stem>.json}. */
    JSON("json"),
    /** OMB's result files, one per scenario, under OMB's names. */
    OMB("omb");

    private final String optionName;

    ResultFormat(String optionName) {
        this.optionName = optionName;
    }

    public String optionName() {
        return optionName;
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

package io.msgbench.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * JMH's command line accepts a value glued to its option ({@code -f2}, {@code -i3}, {@code -r5s}); picocli
 * does so only with POSIX clustering, which would also read {@code -wi} as {@code -w i}. So such tokens are
 * split before parsing: a token that is not an option itself, but starts with an option that takes a value
 * followed by a digit, becomes the option and the value. The longest matching option wins ({@code -wi1}).
 */
final class JmhArgs {
    private JmhArgs() {
    }

    static String[] normalize(String[] args, Set<String> optionsWithValues, Set<String> allOptions) {
        List<String> out = new ArrayList<>(args.length);
        boolean valueExpected = false;
        for (String arg : args) {
            if (valueExpected || !arg.startsWith("-") || arg.startsWith("--") || allOptions.contains(arg)) {
                out.add(arg);
                valueExpected = optionsWithValues.contains(arg) && !valueExpected;
                continue;
            }
            String option = null;
            for (String candidate : optionsWithValues) {
                if (arg.length() > candidate.length() && arg.startsWith(candidate)
                        && Character.isDigit(arg.charAt(candidate.length()))
                        && (option == null || candidate.length() > option.length())) {
                    option = candidate;
                }
            }
            if (option == null) {
                out.add(arg);
            } else {
                out.add(option);
                out.add(arg.substring(option.length()));
            }
            valueExpected = false;
        }
        return out.toArray(new String[0]);
    }
}

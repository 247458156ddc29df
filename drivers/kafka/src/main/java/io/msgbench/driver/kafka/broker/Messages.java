package io.msgbench.driver.kafka.broker;

import java.time.Duration;

/** Pieces of the one-line messages this package shows users. */
final class Messages {
    private Messages() {
    }

    /** {@code 10 s}, or {@code 1500 ms} when not whole seconds. */
    static String duration(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** The innermost cause's message (usually the one that says what went wrong), on one line. */
    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return message(root);
    }

    /** The outermost message, adding the root cause's when it says something else; one line. */
    static String outerAndRootMessage(Throwable t) {
        String outer = message(t);
        String root = rootMessage(t);
        return (outer.contains(root) ? outer : outer + " (" + root + ")").replace('\n', ' ');
    }

    private static String message(Throwable t) {
        String m = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        return m.replace('\n', ' ');
    }
}

package io.msgbench.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The warnings of a result file that are about the messages themselves (lost, duplicated, reordered, failed, a
 * schedule not held, a drain that did not complete, unstamped messages, stalls), as opposed to the diagnosis of a
 * shared machine (host CPU, a generator or consumers behind on a busy host), which a functional test on 2 cores may
 * rightly see.
 */
public final class ResultWarnings {
    /** "generator behind schedule" is the machine's diagnosis; "schedule not held" or "unreachable" is the result's. */
    private static final List<String> ABOUT_THE_MESSAGES = List.of("lost", "duplicated", "publish errors",
            "out of order", "never sent", "schedule not held", "schedule unreachable", "drain", "stamp", "stall");

    private ResultWarnings() {
    }

    /** The warnings of {@code msgbench.warnings} that speak of the messages. */
    public static List<String> aboutTheMessages(JsonNode warnings) {
        List<String> found = new ArrayList<>();
        for (JsonNode w : warnings) {
            if (ABOUT_THE_MESSAGES.stream().anyMatch(w.asText()::contains)) {
                found.add(w.asText());
            }
        }
        return found;
    }
}

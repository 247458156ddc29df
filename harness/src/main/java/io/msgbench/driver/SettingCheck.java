package io.msgbench.driver;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The checks a driver's {@link DriverFactory#check} makes of its own settings before any server work, each failing
 * with one line {@code <client>: <key>=<value>: expected ...}. A setting not given passes: its default applies.
 */
public final class SettingCheck {
    private final String client;
    private final Map<String, String> all = new HashMap<>();

    /** The settings of every block, a side's winning over the common one. */
    public SettingCheck(String client, Map<String, String> common, Map<String, String> producer,
                        Map<String, String> consumer) {
        this.client = client;
        all.putAll(common);
        all.putAll(producer);
        all.putAll(consumer);
    }

    public SettingCheck bool(String key) {
        return check(key, v -> v.equals("true") || v.equals("false"), "true or false");
    }

    public SettingCheck wholeNumber(String key, long min, long max) {
        return check(key, v -> {
            try {
                long n = Long.parseLong(v);
                return n >= min && n <= max;
            } catch (NumberFormatException e) {
                return false;
            }
        }, String.format(Locale.ROOT, "a whole number from %d to %d", min, max));
    }

    /** One of {@code values}, as written (lower case). */
    public SettingCheck oneOf(String key, Set<String> values) {
        return check(key, values::contains, String.join(" or ", new java.util.TreeSet<>(values)));
    }

    private SettingCheck check(String key, java.util.function.Predicate<String> valid, String expected) {
        String v = all.get(key);
        if (v != null && !valid.test(v)) {
            throw new IllegalArgumentException(client + ": " + key + "=" + v + ": expected " + expected);
        }
        return this;
    }
}

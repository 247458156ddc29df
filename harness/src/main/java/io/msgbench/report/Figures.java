package io.msgbench.report;

import java.util.Locale;

/** Numbers as people read them, the same on the console and in reports. */
public final class Figures {
    private Figures() {
    }

    /** A latency (in any unit): whole from 100 up, one decimal from 10, three below; "–" for NaN. */
    public static String latency(double ms) {
        if (Double.isNaN(ms)) {
            return "–";
        }
        if (ms >= 100) {
            return String.format(Locale.ROOT, "%.0f", ms);
        }
        if (ms >= 10) {
            return String.format(Locale.ROOT, "%.1f", ms);
        }
        return String.format(Locale.ROOT, "%.3f", ms);
    }

    /** A rate or size: whole from 100 up, two decimals below; "–" for NaN. */
    public static String number(double v) {
        return plain(v, "%.0f");
    }

    /** {@link #number} with thousands separators, for tables. */
    public static String grouped(double v) {
        return plain(v, "%,.0f");
    }

    private static String plain(double v, String whole) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? whole : "%.2f", v);
    }
}

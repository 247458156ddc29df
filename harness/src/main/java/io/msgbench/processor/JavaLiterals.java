package io.msgbench.processor;

import java.time.Duration;

/**
 * Java source text for values, for generated code. Strings escape quotes, backslashes and control
 * characters with ordinary escapes; {@link #asciiOnly} then turns every non-ASCII character of the
 * finished source into a unicode escape, so the file compiles whatever {@code -encoding} the build
 * uses. Control characters never become unicode escapes: javac translates those before it lexes, so
 * {@code \u000a} or {@code \u0022} inside a string literal would end or break it.
 */
final class JavaLiterals {
    private JavaLiterals() {
    }

    static String string(String value) {
        StringBuilder s = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                case '\b' -> s.append("\\b");
                case '\f' -> s.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        s.append(String.format("\\%03o", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }

    /** {@code null} or the number; the generated code autoboxes it. */
    static String integer(Integer value) {
        return value == null ? "null" : value.toString();
    }

    /** A {@code double} literal that reads back as exactly {@code value}. */
    static String decimal(double value) {
        if (Double.isNaN(value)) {
            return "java.lang.Double.NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "java.lang.Double.POSITIVE_INFINITY" : "java.lang.Double.NEGATIVE_INFINITY";
        }
        return Double.toString(value); // always has '.' or 'E', so it is a double literal
    }

    /** {@code null} or an expression for exactly {@code value}. */
    static String duration(Duration value) {
        return value == null ? "null"
                : "java.time.Duration.ofSeconds(" + value.getSeconds() + "L, " + value.getNano() + "L)";
    }

    /** {@code source} with each character above U+007E written as a unicode escape. */
    static String asciiOnly(String source) {
        StringBuilder s = new StringBuilder(source.length());
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c > 0x7e) {
                s.append(String.format("\\u%04x", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }
}

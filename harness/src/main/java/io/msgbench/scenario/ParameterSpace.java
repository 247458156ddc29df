package io.msgbench.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameter combinations of a benchmark: declared parameters in declaration order, with command
 * line values replacing declared ones and undeclared names added as new dimensions after them
 * (a deliberate difference from JMH, which ignores them). The product is enumerated with the last
 * dimension varying fastest.
 */
public final class ParameterSpace {
    private final Map<String, List<String>> dimensions;

    private ParameterSpace(Map<String, List<String>> dimensions) {
        this.dimensions = dimensions;
    }

    public static ParameterSpace of(Map<String, List<String>> declared, Map<String, List<String>> overrides) {
        Map<String, List<String>> dims = new LinkedHashMap<>(declared);
        overrides.forEach((name, values) -> {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("Parameter " + name + " has no values");
            }
            // a value given twice would make two scenarios with one name
            dims.put(name, List.copyOf(new java.util.LinkedHashSet<>(values)));
        });
        return new ParameterSpace(Collections.unmodifiableMap(dims));
    }

    public Map<String, List<String>> dimensions() {
        return dimensions;
    }

    /** Position of {@code value} among the values of {@code name} (declaration order), −1 if absent. */
    public int indexOf(String name, String value) {
        List<String> values = dimensions.get(name);
        return values == null ? -1 : values.indexOf(value);
    }

    /** Every combination, each an ordered name → value map. */
    public List<Map<String, String>> combinations() {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> dim : dimensions.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>(out.size() * dim.getValue().size());
            for (Map<String, String> partial : out) {
                for (String value : dim.getValue()) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(dim.getKey(), value);
                    next.add(m);
                }
            }
            out = next;
        }
        return out.stream().map(Collections::unmodifiableMap).toList();
    }

    /**
     * Splits a {@code -p} value list on commas; {@code \,} is a literal comma.
     */
    public static List<String> splitValues(String text) {
        List<String> values = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == ',') {
                current.append(',');
                i++;
            } else if (c == ',') {
                values.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        values.add(current.toString());
        return values;
    }
}

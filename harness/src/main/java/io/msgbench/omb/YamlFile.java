package io.msgbench.omb;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A YAML mapping read key by key with the line of each key, so that a bad value is reported as
 * {@code file:line: key: what is wrong}. OMB's files are flat mappings of scalars and text blocks.
 */
final class YamlFile {
    private static final YAMLMapper MAPPER = new YAMLMapper();

    private final Path file;
    private final Map<String, Entry> entries;

    /** One key's value and where it stands. */
    record Entry(JsonNode value, int line) {
    }

    private YamlFile(Path file, Map<String, Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** @throws OmbFileException for a file that cannot be read or is not a YAML mapping */
    static YamlFile read(Path file) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (JsonParser p = new YAMLFactory(MAPPER).createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new OmbFileException(file + ": not a YAML mapping of keys to values");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int line = p.currentLocation().getLineNr();
                p.nextToken();
                entries.put(key, new Entry(p.readValueAsTree(), line));
            }
        } catch (JsonProcessingException e) {
            throw new OmbFileException(file + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
                    + ": malformed YAML: " + oneLine(e.getOriginalMessage()));
        } catch (java.io.FileNotFoundException | java.nio.file.NoSuchFileException e) {
            throw new OmbFileException(file + ": no such file");
        } catch (IOException e) {
            throw new OmbFileException(file + ": cannot be read: " + e.getMessage());
        }
        return new YamlFile(file, entries);
    }

    /**
     * The parser's own words on one line: its several lines of context and problem, without the lines that quote the
     * source and point at it (the location is already in front).
     */
    static String oneLine(String message) {
        StringBuilder b = new StringBuilder();
        for (String line : message.split("\\R")) {
            if (line.isBlank() || Character.isWhitespace(line.charAt(0))) {
                continue;
            }
            b.append(b.length() == 0 ? "" : "; ").append(line.strip());
        }
        return b.length() == 0 ? message.strip() : b.toString();
    }

    Path file() {
        return file;
    }

    /** The whole mapping, each key's value as YAML gave it. */
    JsonNode tree() {
        com.fasterxml.jackson.databind.node.ObjectNode tree = MAPPER.createObjectNode();
        entries.forEach((k, e) -> tree.set(k, e.value()));
        return tree;
    }

    Map<String, Entry> entries() {
        return entries;
    }

    /** An error at {@code key}'s line. */
    OmbFileException error(String key, String message) {
        Entry e = entries.get(key);
        return new OmbFileException(file + (e == null ? "" : ":" + e.line()) + ": " + key + ": " + message);
    }

    String text(String key, String fallback) {
        return scalar(key, fallback, "a text", v -> v.isValueNode() ? v.asText() : null);
    }

    long integer(String key, long fallback) {
        return scalar(key, fallback, "a whole number",
                v -> v.isIntegralNumber() ? Long.valueOf(v.asLong()) : parsed(v, Long::valueOf));
    }

    double decimal(String key, double fallback) {
        return scalar(key, fallback, "a number",
                v -> v.isNumber() ? Double.valueOf(v.asDouble()) : parsed(v, Double::valueOf));
    }

    boolean bool(String key, boolean fallback) {
        return scalar(key, fallback, "true or false", v -> v.isBoolean() ? Boolean.valueOf(v.asBoolean())
                : v.isTextual() && (v.asText().equals("true") || v.asText().equals("false"))
                ? Boolean.valueOf(v.asText()) : null);
    }

    /**
     * The value of {@code key} read by {@code reader} (null when it cannot read it), {@code fallback} when
     * the key is absent or null, or an error at the key's line saying what was expected.
     */
    private <T> T scalar(String key, T fallback, String expected, java.util.function.Function<JsonNode, T> reader) {
        Entry e = entries.get(key);
        if (e == null || e.value().isNull()) {
            return fallback;
        }
        T value = reader.apply(e.value());
        if (value == null) {
            String found = e.value().isValueNode() ? "'" + e.value().asText() + "'"
                    : "a " + e.value().getNodeType().name().toLowerCase(java.util.Locale.ROOT);
            throw error(key, "expected " + expected + ", found " + found);
        }
        return value;
    }

    /** A quoted number ({@code "1500"}), as YAML writers sometimes produce; null when it is none. */
    private static <T> T parsed(JsonNode v, java.util.function.Function<String, T> parse) {
        if (!v.isTextual()) {
            return null;
        }
        try {
            return parse.apply(v.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

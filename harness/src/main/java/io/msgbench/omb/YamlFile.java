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
            throw new OmbFileException(file + ":" + e.getLocation().getLineNr() + ": malformed YAML: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new OmbFileException(file + ": cannot be read: " + e);
        }
        return new YamlFile(file, entries);
    }

    Path file() {
        return file;
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
        Entry e = entries.get(key);
        if (e == null || e.value().isNull()) {
            return fallback;
        }
        if (!e.value().isValueNode()) {
            throw error(key, "expected a text, found " + e.value().getNodeType().name().toLowerCase());
        }
        return e.value().asText();
    }

    long integer(String key, long fallback) {
        Entry e = entries.get(key);
        if (e == null || e.value().isNull()) {
            return fallback;
        }
        JsonNode v = e.value();
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isTextual()) {
            try {
                return Long.parseLong(v.asText().trim());
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw error(key, "expected a whole number, found '" + v.asText() + "'");
    }

    double decimal(String key, double fallback) {
        Entry e = entries.get(key);
        if (e == null || e.value().isNull()) {
            return fallback;
        }
        JsonNode v = e.value();
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isTextual()) {
            try {
                return Double.parseDouble(v.asText().trim());
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw error(key, "expected a number, found '" + v.asText() + "'");
    }

    boolean bool(String key, boolean fallback) {
        Entry e = entries.get(key);
        if (e == null || e.value().isNull()) {
            return fallback;
        }
        JsonNode v = e.value();
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isTextual() && (v.asText().equals("true") || v.asText().equals("false"))) {
            return Boolean.parseBoolean(v.asText());
        }
        throw error(key, "expected true or false, found '" + v.asText() + "'");
    }
}

package org.lrkit.djl.checkpoint;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code meta} section of lrkit files: UTF-8 {@code key=value} lines, values on one line. */
final class MetaText {

    private MetaText() {
    }

    static byte[] format(Map<String, String> meta) {
        StringBuilder text = new StringBuilder();
        meta.forEach((key, value) -> {
            if (key.contains("=") || key.contains("\n") || value.contains("\n") || value.contains("\r")) {
                throw new IllegalArgumentException("meta key '" + key + "' or its value contains '=' or a line break");
            }
            text.append(key).append('=').append(value).append('\n');
        });
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, String> parse(Path path, byte[] bytes) throws CorruptCheckpointException {
        Map<String, String> meta = new LinkedHashMap<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new CorruptCheckpointException(path + " is corrupt: meta line '" + line + "' is not key=value");
            }
            meta.put(line.substring(0, equals), line.substring(equals + 1));
        }
        return meta;
    }

    static String value(Path path, Map<String, String> meta, String key) throws CorruptCheckpointException {
        String value = meta.get(key);
        if (value == null) {
            throw new CorruptCheckpointException(path + " is corrupt: its meta section lacks '" + key + "'");
        }
        return value;
    }

    static long longValue(Path path, Map<String, String> meta, String key) throws CorruptCheckpointException {
        String value = value(path, meta, key);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new CorruptCheckpointException(path + " is corrupt: meta '" + key + "' is '" + value
                    + "', not an integer", e);
        }
    }

    static double doubleValue(Path path, Map<String, String> meta, String key) throws CorruptCheckpointException {
        String value = value(path, meta, key);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new CorruptCheckpointException(path + " is corrupt: meta '" + key + "' is '" + value
                    + "', not a number", e);
        }
    }
}

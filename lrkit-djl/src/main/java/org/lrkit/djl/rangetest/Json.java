package org.lrkit.djl.rangetest;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * A small JSON writer for lrkit's reports: maps (objects, keys in their order), collections and primitive
 * arrays (arrays), strings, numbers, booleans and null. Non-finite numbers are written as {@code null}.
 * Objects and arrays of objects are indented; arrays of numbers stay on one line.
 */
public final class Json {

    private Json() {
    }

    /** The JSON text of {@code value}. */
    public static String of(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0);
        return out.toString();
    }

    static void write(StringBuilder out, Object value, int indent) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(out, text);
        } else if (value instanceof Double || value instanceof Float) {
            number(out, ((Number) value).doubleValue());
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Enum<?> constant) {
            string(out, constant.name());
        } else if (value instanceof double[] numbers) {
            out.append('[');
            for (int i = 0; i < numbers.length; i++) {
                out.append(i > 0 ? ", " : "");
                number(out, numbers[i]);
            }
            out.append(']');
        } else if (value instanceof int[] numbers) {
            out.append('[');
            for (int i = 0; i < numbers.length; i++) {
                out.append(i > 0 ? ", " : "").append(numbers[i]);
            }
            out.append(']');
        } else if (value instanceof long[] numbers) {
            out.append('[');
            for (int i = 0; i < numbers.length; i++) {
                out.append(i > 0 ? ", " : "").append(numbers[i]);
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            object(out, map, indent);
        } else if (value instanceof Collection<?> items) {
            array(out, items, indent);
        } else {
            string(out, value.toString());
        }
    }

    private static void object(StringBuilder out, Map<?, ?> map, int indent) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{\n");
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            pad(out, indent + 1);
            string(out, String.valueOf(entry.getKey()));
            out.append(": ");
            write(out, entry.getValue(), indent + 1);
            out.append(entries.hasNext() ? ",\n" : "\n");
        }
        pad(out, indent);
        out.append('}');
    }

    private static void array(StringBuilder out, Collection<?> items, int indent) {
        boolean nested = items.stream().anyMatch(item -> item instanceof Map || item instanceof Collection);
        if (!nested) {
            out.append('[');
            int i = 0;
            for (Object item : items) {
                out.append(i++ > 0 ? ", " : "");
                write(out, item, indent);
            }
            out.append(']');
            return;
        }
        out.append("[\n");
        Iterator<?> iterator = items.iterator();
        while (iterator.hasNext()) {
            pad(out, indent + 1);
            write(out, iterator.next(), indent + 1);
            out.append(iterator.hasNext() ? ",\n" : "\n");
        }
        pad(out, indent);
        out.append(']');
    }

    private static void number(StringBuilder out, double value) {
        if (!Double.isFinite(value)) {
            out.append("null");
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            out.append((long) value).append(".0");
        } else {
            out.append(value);
        }
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void pad(StringBuilder out, int indent) {
        for (int i = 0; i < indent; i++) {
            out.append("  ");
        }
    }
}

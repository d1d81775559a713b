package org.lrkit.djl.rangetest;

import com.google.gson.FormattingStyle;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;

/**
 * The JSON text of a report ({@code curve.json}), written with Gson's {@link JsonWriter} from plain Java values:
 * maps (objects, keys in their iteration order), collections and primitive arrays (arrays), strings, numbers,
 * booleans, enums (their names) and null; anything else as its {@code toString()}.
 *
 * <p>The layout is meant for people and diffs: objects, and arrays that hold objects or arrays, are indented by
 * two spaces, one entry a line; other arrays (numbers, strings) stay on one line, {@code [1.0, 2.5, null]}.
 * Doubles are Java's shortest round-trip text ({@link Double#toString(double)}), except that whole numbers
 * below 1e15 in magnitude are written in full with {@code .0} ({@code 10000000.0}, not {@code 1.0E7}); NaN and
 * infinities, which JSON lacks, are written as {@code null}.
 *
 * <p>It replaces lrkit's former hand-written {@code Json} writer and keeps its output.
 *
 * <pre>{@code
 * String text = ReportJson.of(Map.of("lr", new double[] {1e-7, 0.1}, "steps", 100));
 * }</pre>
 */
public final class ReportJson {

    private static final FormattingStyle INDENTED = FormattingStyle.PRETTY.withIndent("  ").withNewline("\n");
    private static final FormattingStyle ONE_LINE = FormattingStyle.COMPACT.withSpaceAfterSeparators(true);

    private ReportJson() {
    }

    /** The JSON text of {@code value}, without a final line break. */
    public static String of(Object value) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = new JsonWriter(text)) {
            writer.setFormattingStyle(INDENTED);
            writer.setSerializeNulls(true);
            writer.setHtmlSafe(false);
            write(writer, value);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string failed", e);
        }
        return text.toString();
    }

    private static void write(JsonWriter writer, Object value) throws IOException {
        if (value == null) {
            writer.nullValue();
        } else if (value instanceof String text) {
            writer.value(text);
        } else if (value instanceof Double || value instanceof Float) {
            number(writer, ((Number) value).doubleValue());
        } else if (value instanceof Number number) {
            writer.jsonValue(number.toString());
        } else if (value instanceof Boolean flag) {
            writer.value(flag);
        } else if (value instanceof Enum<?> constant) {
            writer.value(constant.name());
        } else if (value instanceof double[] numbers) {
            oneLine(writer, () -> {
                for (double number : numbers) {
                    number(writer, number);
                }
            });
        } else if (value instanceof int[] numbers) {
            oneLine(writer, () -> {
                for (int number : numbers) {
                    writer.value(number);
                }
            });
        } else if (value instanceof long[] numbers) {
            oneLine(writer, () -> {
                for (long number : numbers) {
                    writer.value(number);
                }
            });
        } else if (value instanceof Map<?, ?> map) {
            writer.beginObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                writer.name(String.valueOf(entry.getKey()));
                write(writer, entry.getValue());
            }
            writer.endObject();
        } else if (value instanceof Collection<?> items) {
            if (items.stream().anyMatch(item -> item instanceof Map || item instanceof Collection)) {
                writer.beginArray();
                for (Object item : items) {
                    write(writer, item);
                }
                writer.endArray();
            } else {
                oneLine(writer, () -> {
                    for (Object item : items) {
                        write(writer, item);
                    }
                });
            }
        } else {
            writer.value(value.toString());
        }
    }

    /** Elements written by {@code elements}. */
    private interface Elements {
        void write() throws IOException;
    }

    /**
     * An array on one line. The opening bracket is written in the surrounding style (so the line break and
     * indent before it, if any, are the enclosing object's), the elements and the closing bracket compactly.
     */
    private static void oneLine(JsonWriter writer, Elements elements) throws IOException {
        FormattingStyle outer = writer.getFormattingStyle();
        writer.beginArray();
        writer.setFormattingStyle(ONE_LINE);
        try {
            elements.write();
            writer.endArray();
        } finally {
            writer.setFormattingStyle(outer);
        }
    }

    private static void number(JsonWriter writer, double value) throws IOException {
        if (!Double.isFinite(value)) {
            writer.nullValue();
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            writer.jsonValue((long) value + ".0");
        } else {
            writer.jsonValue(Double.toString(value));
        }
    }
}

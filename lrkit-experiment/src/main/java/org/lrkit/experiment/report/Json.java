package org.lrkit.experiment.report;

import com.google.gson.FormattingStyle;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON of run directories ({@code config.json}, {@code summary.json}, {@code reproduction.json}), read and
 * written with Gson, plus typed accessors for the maps it reads.
 *
 * <p>{@link #write} takes plain Java values: maps (objects, keys in the map's order), collections and
 * {@code double[]}/{@code long[]} (arrays), strings, numbers, booleans and {@code null}; anything else is written
 * as its {@code toString()}. Objects and arrays holding objects or arrays get one entry a line, indented by two
 * spaces; arrays of plain values stay on one line. Whole doubles below 10<sup>15</sup> are written without a
 * fraction, non-finite ones as {@code null}; text is not HTML-escaped.
 *
 * <p>{@link #parse} reads strict JSON back into {@link LinkedHashMap}s, {@link ArrayList}s, {@link String}s,
 * {@link Double}s (every number), {@link Boolean}s and {@code null}. For example:
 *
 * <pre>{@code
 * Map<String, Object> summary = new LinkedHashMap<>();
 * summary.put("status", "completed");
 * summary.put("epochs", 30);
 * summary.put("accuracy", new double[] {0.5, 0.75});
 * String text = Json.write(summary);
 * // {
 * //   "status": "completed",
 * //   "epochs": 30,
 * //   "accuracy": [0.5, 0.75]
 * // }
 * Map<String, Object> back = Json.parseObject(text);
 * Json.whole(back, "epochs", 0);            // 30
 * Json.text(back, "status", "unknown");     // "completed"
 * }</pre>
 */
public final class Json {

    /** Objects, and arrays that hold objects or arrays: an entry a line. */
    private static final FormattingStyle BLOCK = FormattingStyle.PRETTY.withNewline("\n").withIndent("  ");
    /** Arrays of plain values: on one line, {@code ", "} between the values. */
    private static final FormattingStyle LINE = FormattingStyle.COMPACT.withSpaceAfterSeparators(true);
    /** Gson's syntax errors end in {@code " at line L column C path P"}. */
    private static final Pattern LOCATED = Pattern.compile("(.*) at line (\\d+) column (\\d+) path \\S*");
    /**
     * Gson's syntax errors in this class's words. Where Gson has consumed the offending character its column is
     * the next one: {@code shift} moves it back onto the character.
     */
    private static final List<Problem> PROBLEMS = List.of(
            new Problem("Expected ':'", "expected ':'", -1),
            new Problem("Unterminated object", "expected ',' or '}'", -1),
            new Problem("Unterminated array", "expected ',' or ']'", -1),
            new Problem("Expected name", "expected a key in quotes", -1),
            new Problem("Invalid escape sequence", "bad escape", 0),
            new Problem("Expected value", "expected a value", 0),
            new Problem("End of input", "unexpected end of text", 0),
            new Problem("Unterminated string", "unterminated string", 0),
            new Problem("Malformed Unicode escape", "bad \\u escape", 0),
            new Problem("Unescaped control characters", "unescaped control character in a string", 0),
            new Problem("Use JsonReader.setStrictness", "not strict JSON (a comment, unquoted or single-quoted"
                    + " text, NaN, a leading zero or an extra comma)", 0));
    /** What Gson's strict mode says of text after the value, which it has read. */
    private static final Problem AFTER_VALUE = new Problem("Use JsonReader.setStrictness",
            "unexpected text after the value", -1);

    private Json() {
    }

    /**
     * The JSON text of {@code value}, with a final newline: {@code Json.write(Map.of("seeds", List.of(0, 1)))} is
     * <code>"{\n  \"seeds\": [0, 1]\n}\n"</code>.
     *
     * @param value a map, collection, {@code double[]}, {@code long[]}, string, number, boolean or {@code null}
     * @return the text, objects indented by two spaces
     */
    public static String write(Object value) {
        StringWriter text = new StringWriter();
        try {
            JsonWriter out = new JsonWriter(text);
            out.setFormattingStyle(BLOCK);
            out.setHtmlSafe(false);
            out.setSerializeNulls(true);
            write(out, value);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string failed: " + e.getMessage(), e);
        }
        return text.append('\n').toString();
    }

    private static void write(JsonWriter out, Object value) throws IOException {
        if (value == null) {
            out.nullValue();
        } else if (value instanceof String text) {
            out.value(text);
        } else if (value instanceof Double || value instanceof Float) {
            number(out, ((Number) value).doubleValue());
        } else if (value instanceof Number number) {
            out.value(number);
        } else if (value instanceof Boolean flag) {
            out.value(flag.booleanValue());
        } else if (value instanceof double[] numbers) {
            array(out, Arrays.stream(numbers).boxed().toList(), true);
        } else if (value instanceof long[] numbers) {
            array(out, Arrays.stream(numbers).boxed().toList(), true);
        } else if (value instanceof Map<?, ?> map) {
            out.beginObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.name(String.valueOf(entry.getKey()));
                write(out, entry.getValue());
            }
            out.endObject();
        } else if (value instanceof Collection<?> items) {
            array(out, items, items.stream().noneMatch(item -> item instanceof Map || item instanceof Collection));
        } else {
            out.value(value.toString());
        }
    }

    /** Writes {@code items} as an array, on one line if {@code oneLine}. */
    private static void array(JsonWriter out, Collection<?> items, boolean oneLine) throws IOException {
        FormattingStyle style = out.getFormattingStyle();
        // The bracket (and the key before it) goes where the enclosing style puts it; the values follow the array's.
        out.beginArray();
        out.setFormattingStyle(oneLine ? LINE : style);
        for (Object item : items) {
            write(out, item);
        }
        out.endArray();
        out.setFormattingStyle(style);
    }

    /** Writes a whole number below 10<sup>15</sup> without a fraction, a non-finite one as {@code null}. */
    private static void number(JsonWriter out, double value) throws IOException {
        if (!Double.isFinite(value)) {
            out.nullValue();
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            out.value((long) value);
        } else {
            out.value(value);
        }
    }

    /**
     * One row of a JSON Lines file: {@code row} as an object on one line, without spaces, numbers as Java
     * prints them ({@code 1.0}, {@code 1.0E-4}), NaN and infinities as {@code null}:
     * {@code Json.line(Map.of("step", 3L, "loss", 0.5))} is <code>{"step":3,"loss":0.5}</code>.
     *
     * @param row keys in the map's order; values numbers, strings, booleans or {@code null}
     * @return the JSON object on one line, without a line break
     */
    public static String line(Map<String, ?> row) {
        StringWriter text = new StringWriter();
        try {
            JsonWriter out = new JsonWriter(text);
            out.setHtmlSafe(false);
            out.setSerializeNulls(true);
            out.beginObject();
            for (Map.Entry<String, ?> entry : row.entrySet()) {
                out.name(entry.getKey());
                Object value = entry.getValue();
                if (value instanceof Double number && !Double.isFinite(number)) {
                    out.nullValue();
                } else if (value instanceof Number number) {
                    out.value(number);
                } else if (value instanceof Boolean flag) {
                    out.value(flag.booleanValue());
                } else {
                    out.value(value == null ? null : value.toString());
                }
            }
            out.endObject();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string failed: " + e.getMessage(), e);
        }
        return text.toString();
    }

    /**
     * Reads strict JSON text (RFC 8259: no comments, no unquoted or single-quoted text, no NaN, nothing after the
     * value): {@code Json.parse("[1, \"a\", null]")} is {@code [1.0, "a", null]}.
     *
     * @param text the JSON text
     * @return {@link LinkedHashMap}, {@link ArrayList}, {@link String}, {@link Double}, {@link Boolean} or
     *         {@code null}
     * @throws IllegalArgumentException naming the line, the column and the first error, e.g.
     *         {@code invalid JSON at line 3, column 7: expected ':'}
     */
    public static Object parse(String text) {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        JsonElement tree;
        try {
            reader.peek(); // an empty text is an error (JsonParser would make it JSON null)
            tree = JsonParser.parseReader(reader);
        } catch (IOException | JsonParseException e) {
            throw invalid(e, null);
        }
        try {
            reader.peek(); // in strict mode, anything but the end of the text throws
        } catch (IOException e) {
            throw invalid(e, AFTER_VALUE);
        }
        return value(tree);
    }

    /**
     * Reads a JSON object, as {@link #parse} does: {@code Json.parseObject("{\"a\": 1}")} is {@code {a=1.0}}.
     *
     * @param text the JSON text
     * @return the object's entries in their order in the text
     * @throws IllegalArgumentException if the text is not JSON ({@link #parse}) or not an object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object value = parse(text);
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("expected a JSON object, got " + kind(value));
        }
        return (Map<String, Object>) value;
    }

    private static String kind(Object value) {
        return value == null ? "null" : value instanceof List ? "an array" : value instanceof String ? "a string"
                : value instanceof Boolean ? "a boolean" : "a number";
    }

    /** Gson's tree as plain Java values. */
    private static Object value(JsonElement element) {
        if (element instanceof JsonObject object) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
                map.put(entry.getKey(), value(entry.getValue()));
            }
            return map;
        }
        if (element instanceof JsonArray array) {
            List<Object> list = new ArrayList<>(array.size());
            for (JsonElement item : array) {
                list.add(value(item));
            }
            return list;
        }
        if (element instanceof JsonPrimitive primitive) {
            return primitive.isBoolean() ? Boolean.valueOf(primitive.getAsBoolean())
                    : primitive.isNumber() ? Double.valueOf(primitive.getAsDouble()) : primitive.getAsString();
        }
        return null;
    }

    /**
     * The one-line error for Gson's {@code failure}: in the words of {@code problem}, or of the first of
     * {@link #PROBLEMS} that Gson's message starts with, or in Gson's own.
     */
    private static IllegalArgumentException invalid(Exception failure, Problem problem) {
        Throwable cause = failure instanceof JsonParseException && failure.getCause() != null
                ? failure.getCause() : failure;
        String message = Objects.toString(cause.getMessage(), "").lines().findFirst().orElse("");
        Matcher located = LOCATED.matcher(message);
        String what = located.matches() ? located.group(1) : message;
        String words = what.isEmpty() ? "malformed" : Character.toLowerCase(what.charAt(0)) + what.substring(1);
        Problem known = problem != null ? problem : PROBLEMS.stream().filter(p -> what.startsWith(p.gson()))
                .findFirst().orElse(new Problem(what, words, 0));
        if (!located.matches()) {
            return new IllegalArgumentException("invalid JSON: " + known.words(), failure);
        }
        int column = Math.max(1, Integer.parseInt(located.group(3)) + known.shift());
        return new IllegalArgumentException("invalid JSON at line " + located.group(2) + ", column " + column + ": "
                + known.words(), failure);
    }

    /** A Gson error message's start, the words this class uses instead, and the correction to Gson's column. */
    private record Problem(String gson, String words, int shift) {
    }

    // ---- reading helpers for the maps the parser returns ----

    /**
     * The object under {@code key}: {@code Json.object(config, "settings")}.
     *
     * @param map a JSON object, or {@code null}
     * @param key the name of the entry
     * @return the object, or an empty map if {@code map} is null or the value is missing or not an object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Map<String, Object> map, String key) {
        Object value = map == null ? null : map.get(key);
        return value instanceof Map ? (Map<String, Object>) value : new LinkedHashMap<>();
    }

    /**
     * The array under {@code key}: {@code Json.array(summary, "runs")}.
     *
     * @param map a JSON object, or {@code null}
     * @param key the name of the entry
     * @return the array, or an empty list if {@code map} is null or the value is missing or not an array
     */
    @SuppressWarnings("unchecked")
    public static List<Object> array(Map<String, Object> map, String key) {
        Object value = map == null ? null : map.get(key);
        return value instanceof List ? (List<Object>) value : new ArrayList<>();
    }

    /**
     * The value under {@code key} as text; whole numbers below 10<sup>15</sup> without a fraction:
     * {@code Json.text(settings, "batchSize", "?")} is {@code "128"}, not {@code "128.0"}.
     *
     * @param map a JSON object, or {@code null}
     * @param key the name of the entry
     * @param fallback the text for a missing value
     * @return the text, or {@code fallback} if {@code map} is null or the value is missing or null
     */
    public static String text(Map<String, Object> map, String key, String fallback) {
        Object value = map == null ? null : map.get(key);
        return value == null ? fallback : value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15
                ? Long.toString(d.longValue()) : value.toString();
    }

    /**
     * The number under {@code key}: {@code Json.number(advice, "consensus")}.
     *
     * @param map a JSON object, or {@code null}
     * @param key the name of the entry
     * @return the number, or {@code NaN} if {@code map} is null or the value is missing or not a number
     */
    public static double number(Map<String, Object> map, String key) {
        Object value = map == null ? null : map.get(key);
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /**
     * The whole number under {@code key} (a fraction is cut off): {@code Json.whole(settings, "epochs", 0)}.
     *
     * @param map a JSON object, or {@code null}
     * @param key the name of the entry
     * @param fallback the number for a missing value
     * @return the number, or {@code fallback} if {@code map} is null or the value is missing or not a number
     */
    public static long whole(Map<String, Object> map, String key, long fallback) {
        Object value = map == null ? null : map.get(key);
        return value instanceof Number n ? n.longValue() : fallback;
    }

    /**
     * The boolean under {@code key}: {@code Json.flag(settings, "nesterov", false)}.
     *
     * @param map a JSON object, or {@code null}
     * @param key the name of the entry
     * @param fallback the value for a missing entry
     * @return the boolean, or {@code fallback} if {@code map} is null or the value is missing or not a boolean
     */
    public static boolean flag(Map<String, Object> map, String key, boolean fallback) {
        Object value = map == null ? null : map.get(key);
        return value instanceof Boolean b ? b : fallback;
    }
}

package org.lrkit.spec;

import java.util.List;

/**
 * The value of a {@link Spec} argument, as written in the text: a number, a boolean, {@code none}, a bare
 * word, a quoted string, a list, or a nested spec.
 *
 * <p>This is the syntax layer only: values are kept as written, and deciding what a value means (whether
 * {@code cos} is a known annealing shape, whether an integer is acceptable where a number is expected) is
 * left to the layer that reads specs.
 *
 * <table>
 *   <caption>Value kinds</caption>
 *   <tr><th>Record</th><th>{@link #kind()}</th><th>Written as</th><th>Canonical text</th></tr>
 *   <tr><td>{@link Int}</td><td>integer</td><td>{@code 10}, {@code -3}, {@code +7}</td>
 *       <td>{@code 10}, {@code -3}, {@code 7}</td></tr>
 *   <tr><td>{@link Real}</td><td>number</td><td>{@code 0.1}, {@code .5}, {@code 5.}, {@code 1e-4}</td>
 *       <td>{@link Double#toString(double)}: {@code 0.1}, {@code 0.5}, {@code 5.0}, {@code 1.0E-4}</td></tr>
 *   <tr><td>{@link Bool}</td><td>boolean</td><td>{@code true}, {@code False}</td>
 *       <td>{@code true}, {@code false}</td></tr>
 *   <tr><td>{@link None}</td><td>none</td><td>{@code none}, {@code None}, {@code null}</td>
 *       <td>{@code none}</td></tr>
 *   <tr><td>{@link Word}</td><td>word</td><td>{@code cos}, {@code triangular2}, {@code exp-range}</td>
 *       <td>the word</td></tr>
 *   <tr><td>{@link Text}</td><td>string</td><td>{@code 'a b'}, {@code "say \"hi\""}</td>
 *       <td>double-quoted, {@code \"} and {@code \\} escaped</td></tr>
 *   <tr><td>{@link ListValue}</td><td>list</td><td>{@code [30, 60,90]}</td><td>{@code [30, 60, 90]}</td></tr>
 *   <tr><td>{@link Nested}</td><td>spec</td><td>{@code oneCycle(peak=0.1)}</td>
 *       <td>the spec's canonical text</td></tr>
 * </table>
 *
 * <pre>{@code
 * SpecValue v = SpecValue.list(List.of(SpecValue.of(30), SpecValue.of(60)));
 * v.toString();   // "[30, 60]"
 * v.kind();       // "list"
 * }</pre>
 */
public sealed interface SpecValue {

    /**
     * The canonical text of this value; {@link Spec#parse(String)} reads it back to an equal value (as an
     * argument value).
     */
    @Override
    String toString();

    /**
     * A short name for this kind of value, for error messages: {@code "integer"}, {@code "number"},
     * {@code "boolean"}, {@code "none"}, {@code "word"}, {@code "string"}, {@code "list"} or {@code "spec"}.
     *
     * @return the kind's name
     */
    String kind();

    /**
     * A {@link Real} number; rejects NaN and infinities.
     *
     * @param value the number, finite
     * @return a {@link Real}
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    static SpecValue of(double value) {
        return new Real(value);
    }

    /**
     * An {@link Int}eger.
     *
     * @param value the integer
     * @return an {@link Int}
     */
    static SpecValue of(long value) {
        return new Int(value);
    }

    /**
     * A {@link Bool}ean.
     *
     * @param value the boolean
     * @return a {@link Bool}
     */
    static SpecValue of(boolean value) {
        return new Bool(value);
    }

    /**
     * The {@link None} value, meaning "not set, use the default".
     *
     * @return the single {@link None} instance
     */
    static SpecValue none() {
        return None.INSTANCE;
    }

    /**
     * A bare {@link Word} such as {@code cos}.
     *
     * @param value the word, not a reserved word
     * @return a {@link Word}
     * @throws IllegalArgumentException if {@code value} is not a word or is a reserved word
     */
    static SpecValue word(String value) {
        return new Word(value);
    }

    /**
     * A quoted {@link Text} string.
     *
     * @param value the string, without quotes or escapes, not null
     * @return a {@link Text}
     * @throws IllegalArgumentException if {@code value} is null
     */
    static SpecValue text(String value) {
        return new Text(value);
    }

    /**
     * A {@link ListValue} of the given values (copied).
     *
     * @param values the elements, in order, no nulls
     * @return a {@link ListValue}
     * @throws IllegalArgumentException if {@code values} is null or holds null
     */
    static SpecValue list(List<SpecValue> values) {
        return new ListValue(values);
    }

    /**
     * A {@link Nested} spec.
     *
     * @param spec the spec, not null
     * @return a {@link Nested}
     * @throws IllegalArgumentException if {@code spec} is null
     */
    static SpecValue nested(Spec spec) {
        return new Nested(spec);
    }

    /**
     * An integer literal: digits with an optional sign and no {@code '.'} or exponent, e.g. {@code 1000},
     * {@code -3}. Printed with {@link Long#toString(long)}.
     *
     * @param value the integer
     */
    record Int(long value) implements SpecValue {
        @Override
        public String kind() {
            return "integer";
        }

        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    /**
     * A real-number literal such as {@code 0.1}, {@code .5}, {@code 5.}, {@code 1e-4} or {@code -2.5E-3}.
     * Printed with {@link Double#toString(double)}, so {@code 1e-4} prints as {@code 1.0E-4} and
     * {@code 25.0} stays {@code 25.0}; {@code -0.0} keeps its sign. {@code inf} and {@code nan} are not
     * numbers in the spec language (they parse as {@link Word}s).
     *
     * @param value a finite double
     */
    record Real(double value) implements SpecValue {
        /**
         * Checks the number.
         *
         * @param value a finite double
         * @throws IllegalArgumentException if {@code value} is NaN or infinite
         */
        public Real {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a spec number must be finite, got " + value);
            }
        }

        @Override
        public String kind() {
            return "number";
        }

        @Override
        public String toString() {
            return Double.toString(value);
        }
    }

    /**
     * {@code true} or {@code false} (Python's {@code True} and {@code False} are read too).
     *
     * @param value the boolean
     */
    record Bool(boolean value) implements SpecValue {
        @Override
        public String kind() {
            return "boolean";
        }

        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    /**
     * "Not set, use the default": written {@code none}, {@code None} or {@code null}, printed {@code none}.
     */
    record None() implements SpecValue {
        static final None INSTANCE = new None();

        @Override
        public String kind() {
            return "none";
        }

        @Override
        public String toString() {
            return "none";
        }
    }

    /**
     * A bare word such as {@code cos}, {@code triangular2}, {@code exp-range} or {@code torch.float32}: a
     * letter or {@code '_'} followed by letters, digits, {@code '_'}, {@code '.'} or {@code '-'}. The
     * reserved words {@code true}, {@code false}, {@code True}, {@code False}, {@code none}, {@code None}
     * and {@code null} are not words (they are {@link Bool} and {@link None}); to pass one of them as text,
     * use a quoted {@link Text}.
     *
     * @param value the word
     */
    record Word(String value) implements SpecValue {
        /**
         * Checks the word.
         *
         * @param value the word
         * @throws IllegalArgumentException if {@code value} is not a word or is a reserved word
         */
        public Word {
            if (value == null) {
                throw new IllegalArgumentException("word must not be null");
            }
            if (!Spec.isWord(value)) {
                throw new IllegalArgumentException("a word must start with a letter or '_' and contain only "
                        + "letters, digits, '_', '.' and '-', got '" + value + "' (use a quoted string instead)");
            }
            if (Spec.isReservedWord(value)) {
                throw new IllegalArgumentException("'" + value + "' is a reserved word (a boolean or none), "
                        + "not a word; use SpecValue.of(boolean), SpecValue.none() or a quoted string");
            }
        }

        @Override
        public String kind() {
            return "word";
        }

        @Override
        public String toString() {
            return value;
        }
    }

    /**
     * A quoted string: {@code 'a b'} or {@code "a b"}, where a backslash escapes a quote or a backslash.
     * Printed in double quotes with {@code "} and {@code \} escaped; any other character (newlines,
     * non-ASCII) is printed as is.
     *
     * @param value the string, without quotes or escapes
     */
    record Text(String value) implements SpecValue {
        /**
         * Checks the string.
         *
         * @param value the string, without quotes or escapes, not null
         * @throws IllegalArgumentException if {@code value} is null
         */
        public Text {
            if (value == null) {
                throw new IllegalArgumentException("text must not be null");
            }
        }

        @Override
        public String kind() {
            return "string";
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            Spec.write(out, this);
            return out.toString();
        }
    }

    /**
     * A list {@code [v, v, ...]}, possibly empty; the elements may be any values, lists and specs included.
     *
     * @param values the elements, in order (copied; no nulls)
     */
    record ListValue(List<SpecValue> values) implements SpecValue {
        /**
         * Checks and copies the elements.
         *
         * @param values the elements, in order, no nulls
         * @throws IllegalArgumentException if {@code values} is null or holds null
         */
        public ListValue {
            if (values == null) {
                throw new IllegalArgumentException("list values must not be null");
            }
            for (SpecValue v : values) {
                if (v == null) {
                    throw new IllegalArgumentException("a list must not hold null (use SpecValue.none())");
                }
            }
            values = List.copyOf(values);
        }

        @Override
        public String kind() {
            return "list";
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            Spec.write(out, this);
            return out.toString();
        }
    }

    /**
     * A spec used as a value, e.g. the {@code oneCycle(...)} in {@code policy(lr=oneCycle(peak=0.1))}.
     *
     * @param spec the nested spec
     */
    record Nested(Spec spec) implements SpecValue {
        /**
         * Checks the spec.
         *
         * @param spec the nested spec, not null
         * @throws IllegalArgumentException if {@code spec} is null
         */
        public Nested {
            if (spec == null) {
                throw new IllegalArgumentException("nested spec must not be null");
            }
        }

        @Override
        public String kind() {
            return "spec";
        }

        @Override
        public String toString() {
            return spec.toString();
        }
    }
}

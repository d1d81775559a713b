package org.lrkit.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A parsed spec: a dotted name and named arguments, written {@code name(key=value, key=value, ...)}.
 *
 * <pre>{@code
 * Spec s = Spec.parse("torch.MultiStepLR(base_lr=0.1, milestones=[30, 60, 90], gamma=0.1)");
 * s.name();                 // "torch.MultiStepLR"
 * s.keys();                 // [base_lr, milestones, gamma]
 * s.get("gamma");           // Optional[0.1]  (a SpecValue.Real)
 * s.toString();             // "torch.MultiStepLR(base_lr=0.1, milestones=[30, 60, 90], gamma=0.1)"
 *
 * Spec.of("oneCycle", Argument.of("peak", SpecValue.of(0.1)), Argument.of("stepsUp", SpecValue.of(299)))
 *     .toString();          // "oneCycle(peak=0.1, stepsUp=299)"
 * }</pre>
 *
 * <p>The name is one or more identifiers ({@code [A-Za-z_][A-Za-z0-9_]*}) joined by dots; argument keys
 * are identifiers and appear at most once; argument order is kept. See the {@linkplain org.lrkit.spec
 * package documentation} for the full grammar.
 *
 * <p>{@link #toString()} is canonical and round-trips: {@code Spec.parse(s.toString()).equals(s)} for every
 * spec {@code s} nested at most {@value #MAX_DEPTH} levels deep, and {@code Spec.parse(t).toString()
 * .equals(t)} for every canonical text {@code t}.
 *
 * @param name      the dotted name, e.g. {@code torch.OneCycleLR}
 * @param arguments the arguments in order (copied; keys unique)
 */
public record Spec(String name, List<Argument> arguments) {

    /**
     * How deeply lists and nested specs may be nested inside one another in a parsed text; deeper texts are
     * rejected with a {@link SpecSyntaxException} rather than risking a stack overflow.
     */
    public static final int MAX_DEPTH = 256;

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern REAL =
            Pattern.compile("[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

    /**
     * Validates the name and the arguments.
     *
     * @param name      the spec name, identifiers joined by dots, e.g. {@code torch.OneCycleLR}
     * @param arguments the arguments, in order, with distinct keys (copied)
     * @throws IllegalArgumentException if the name is not identifiers joined by dots, the argument list is
     *                                  null or holds null, or a key appears twice
     */
    public Spec {
        if (name == null) {
            throw new IllegalArgumentException("spec name must not be null");
        }
        if (!isName(name)) {
            throw new IllegalArgumentException("spec name must be identifiers joined by dots, like "
                    + "torch.OneCycleLR, got '" + name + "'");
        }
        if (arguments == null) {
            throw new IllegalArgumentException("arguments of spec '" + name + "' must not be null");
        }
        Set<String> seen = new HashSet<>();
        for (Argument argument : arguments) {
            if (argument == null) {
                throw new IllegalArgumentException("arguments of spec '" + name + "' must not hold null");
            }
            if (!seen.add(argument.key())) {
                throw new IllegalArgumentException("duplicate argument '" + argument.key() + "' in spec '"
                        + name + "'");
            }
        }
        arguments = List.copyOf(arguments);
    }

    /**
     * Parses a spec from its text form, e.g. {@code "torch.StepLR(step_size=30, gamma=0.1)"}. Whitespace
     * (spaces, tabs, newlines) may appear between tokens.
     *
     * @param text the text to parse
     * @return the spec
     * @throws SpecSyntaxException      if the text is not a well-formed spec; the message says what was
     *                                  expected where, with a caret under the position
     * @throws IllegalArgumentException if {@code text} is null
     */
    public static Spec parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("spec text must not be null");
        }
        return new Parser(text).parseWhole();
    }

    /**
     * Builds a spec from a name and arguments.
     *
     * @param name      the spec name, identifiers joined by dots
     * @param arguments the arguments, in order, with distinct keys
     * @return the spec
     * @throws IllegalArgumentException as the constructor does
     */
    public static Spec of(String name, Argument... arguments) {
        if (arguments == null) {
            throw new IllegalArgumentException("arguments of spec '" + name + "' must not be null");
        }
        return new Spec(name, Arrays.asList(arguments));
    }

    /**
     * The value of the argument with this key, or empty if the spec has no such argument.
     *
     * @param key the argument name, e.g. {@code max_lr}
     * @return the value as written, or empty
     */
    public Optional<SpecValue> get(String key) {
        for (Argument argument : arguments) {
            if (argument.key().equals(key)) {
                return Optional.of(argument.value());
            }
        }
        return Optional.empty();
    }

    /**
     * The argument keys, in order.
     *
     * @return an unmodifiable list of the keys
     */
    public List<String> keys() {
        List<String> keys = new ArrayList<>(arguments.size());
        for (Argument argument : arguments) {
            keys.add(argument.key());
        }
        return List.copyOf(keys);
    }

    /** The canonical text, {@code name(key=value, key=value)}; {@code name()} when there are no arguments. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        write(out, this, false);
        return out.toString();
    }

    /**
     * The canonical text with every real number in the notation people write: {@code 1e-4} and
     * {@code 3.8e-5} rather than {@code 1.0E-4} and {@code 3.8E-5} (numbers without an exponent print as in
     * {@link #toString()}). {@link #parse} reads it back to an equal spec.
     *
     * <pre>{@code
     * Spec.parse("oneCyclePolicy(peak=3.8e-5, totalSteps=10)").toCompactString();
     * // "oneCyclePolicy(peak=3.8e-5, totalSteps=10)"; toString() gives peak=3.8E-5
     * }</pre>
     *
     * @return the canonical text in compact notation
     */
    public String toCompactString() {
        StringBuilder out = new StringBuilder();
        write(out, this, true);
        return out.toString();
    }

    // ---- lexical rules shared with Argument and SpecValue ------------------------------------------------

    static boolean isIdentifier(String s) {
        return IDENTIFIER.matcher(s).matches();
    }

    static boolean isName(String s) {
        return NAME.matcher(s).matches();
    }

    static boolean isWord(String s) {
        return WORD.matcher(s).matches();
    }

    static boolean isReservedWord(String s) {
        return booleanWord(s) != null || noneWord(s);
    }

    private static Boolean booleanWord(String s) {
        switch (s) {
            case "true":
            case "True":
                return Boolean.TRUE;
            case "false":
            case "False":
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    private static boolean noneWord(String s) {
        return s.equals("none") || s.equals("None") || s.equals("null");
    }

    // ---- printing ----------------------------------------------------------------------------------------

    static void write(StringBuilder out, Spec spec) {
        write(out, spec, false);
    }

    private static void write(StringBuilder out, Spec spec, boolean compact) {
        out.append(spec.name).append('(');
        boolean first = true;
        for (Argument argument : spec.arguments) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            out.append(argument.key()).append('=');
            write(out, argument.value(), compact);
        }
        out.append(')');
    }

    static void write(StringBuilder out, Argument argument) {
        out.append(argument.key()).append('=');
        write(out, argument.value(), false);
    }

    static void write(StringBuilder out, SpecValue value) {
        write(out, value, false);
    }

    private static void write(StringBuilder out, SpecValue value, boolean compact) {
        if (value instanceof SpecValue.Text text) {
            String s = text.value();
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
            out.append('"');
        } else if (value instanceof SpecValue.ListValue list) {
            out.append('[');
            boolean first = true;
            for (SpecValue element : list.values()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                write(out, element, compact);
            }
            out.append(']');
        } else if (value instanceof SpecValue.Nested nested) {
            write(out, nested.spec(), compact);
        } else if (compact && value instanceof SpecValue.Real real) {
            out.append(compactReal(real.toString()));
        } else {
            out.append(value.toString());
        }
    }

    /** {@code 1.0E-4} as {@code 1e-4}, {@code 3.8E-5} as {@code 3.8e-5}; text without an exponent as it is. */
    private static String compactReal(String canonical) {
        int exponent = canonical.indexOf('E');
        if (exponent < 0) {
            return canonical;
        }
        String mantissa = canonical.substring(0, exponent);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return mantissa + "e" + canonical.substring(exponent + 1);
    }

    // ---- parsing -----------------------------------------------------------------------------------------

    /** A recursive-descent parser over one text; positions are 0-based char indexes. */
    private static final class Parser {

        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Spec parseWhole() {
            skipSpace();
            if (atEnd()) {
                throw error("empty spec: expected a spec like name(key=value, ...)", pos);
            }
            int start = pos;
            if (!isIdentifierStart(peek())) {
                throw error("expected a spec name like torch.OneCycleLR(...), found " + describe(pos), pos);
            }
            String token = lexWord();
            int afterName = pos;
            skipSpace();
            if (atEnd() || peek() != '(') {
                if (isName(token)) {
                    throw error("expected '(' after spec name '" + token + "'" + (atEnd() ? "" : ", found "
                            + describe(pos)), atEnd() ? afterName : pos);
                }
                throw error("invalid spec name '" + token + "': must be identifiers joined by dots, like "
                        + "torch.OneCycleLR", start);
            }
            Spec spec = parseSpecAfterName(token, start, 1);
            skipSpace();
            if (!atEnd()) {
                char c = peek();
                if (c == ')' || c == ']') {
                    throw error("unbalanced brackets: unexpected '" + c + "' after the end of the spec", pos);
                }
                throw error("trailing text after the end of the spec: " + describe(pos), pos);
            }
            return spec;
        }

        /** Parses {@code (args)} after a name token that started at {@code start}; {@code pos} is at '('. */
        private Spec parseSpecAfterName(String name, int start, int depth) {
            if (!isName(name)) {
                throw error("invalid spec name '" + name + "': must be identifiers joined by dots, like "
                        + "torch.OneCycleLR", start);
            }
            if (depth > MAX_DEPTH) {
                throw error("specs and lists are nested too deeply (more than " + MAX_DEPTH + " levels)", pos);
            }
            int open = pos;
            pos++; // '('
            List<Argument> arguments = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            skipSpace();
            if (!atEnd() && peek() == ')') {
                pos++;
                return new Spec(name, arguments);
            }
            while (true) {
                skipSpace();
                arguments.add(parseArgument(name, open, keys, depth));
                skipSpace();
                if (atEnd()) {
                    throw missingParen(name, open);
                }
                char c = peek();
                if (c == ')') {
                    pos++;
                    return new Spec(name, arguments);
                }
                if (c == ',') {
                    pos++;
                    skipSpace();
                    if (!atEnd() && peek() == ')') {
                        throw error("expected an argument after ',' (trailing commas are not allowed)", pos);
                    }
                    continue;
                }
                if (c == ']') {
                    throw error("unbalanced brackets: found ']' but the '(' of '" + name + "' at position "
                            + open + " is not closed", pos);
                }
                String last = arguments.get(arguments.size() - 1).key();
                throw error("expected ',' or ')' after argument '" + last + "', found " + describe(pos), pos);
            }
        }

        private Argument parseArgument(String specName, int open, Set<String> keys, int depth) {
            if (atEnd()) {
                throw missingParen(specName, open);
            }
            int start = pos;
            char c = peek();
            if (isIdentifierStart(c)) {
                String token = lexWord();
                skipSpace();
                if (!atEnd() && peek() == '=') {
                    if (!isIdentifier(token)) {
                        throw error("invalid argument name '" + token + "': must be an identifier like max_lr "
                                + "(letters, digits and '_')", start);
                    }
                    if (!keys.add(token)) {
                        throw error("duplicate argument '" + token + "'", start);
                    }
                    pos++; // '='
                    SpecValue value = parseValue("argument '" + token + "'", depth);
                    return new Argument(token, value);
                }
                if (atEnd() || peek() == ',' || peek() == ')' || peek() == '(' || peek() == ']') {
                    throw positional(start);
                }
                throw error("expected '=' after argument name '" + token + "', found " + describe(pos), pos);
            }
            if (c == '"' || c == '\'' || c == '[' || isNumberStart(c)) {
                throw positional(start);
            }
            if (c == ')' || c == ']') {
                throw error("unbalanced brackets: found '" + c + "' where an argument was expected", pos);
            }
            throw error("expected an argument like key=value, found " + describe(pos), pos);
        }

        private SpecValue parseValue(String context, int depth) {
            skipSpace();
            if (atEnd()) {
                throw error("missing value for " + context, pos);
            }
            char c = peek();
            if (c == ',' || c == ')' || c == ']') {
                throw error("missing value for " + context, pos);
            }
            if (c == '"' || c == '\'') {
                return new SpecValue.Text(lexString());
            }
            if (c == '[') {
                return parseList(depth + 1);
            }
            if (isNumberStart(c)) {
                return lexNumber();
            }
            if (isIdentifierStart(c)) {
                int start = pos;
                String token = lexWord();
                int end = pos;
                skipSpace();
                if (!atEnd() && peek() == '(') {
                    return new SpecValue.Nested(parseSpecAfterName(token, start, depth + 1));
                }
                pos = end;
                Boolean b = booleanWord(token);
                if (b != null) {
                    return new SpecValue.Bool(b);
                }
                if (noneWord(token)) {
                    return SpecValue.none();
                }
                return new SpecValue.Word(token);
            }
            throw error("expected a value for " + context + ", found " + describe(pos), pos);
        }

        private SpecValue parseList(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("specs and lists are nested too deeply (more than " + MAX_DEPTH + " levels)", pos);
            }
            int open = pos;
            pos++; // '['
            List<SpecValue> values = new ArrayList<>();
            skipSpace();
            if (!atEnd() && peek() == ']') {
                pos++;
                return new SpecValue.ListValue(values);
            }
            while (true) {
                values.add(parseValue("list element " + (values.size() + 1), depth));
                skipSpace();
                if (atEnd()) {
                    throw error("unbalanced brackets: missing ']' to close the list opened at position " + open,
                            pos);
                }
                char c = peek();
                if (c == ']') {
                    pos++;
                    return new SpecValue.ListValue(values);
                }
                if (c == ',') {
                    pos++;
                    skipSpace();
                    if (!atEnd() && peek() == ']') {
                        throw error("expected a list element after ',' (trailing commas are not allowed)", pos);
                    }
                    continue;
                }
                if (c == ')') {
                    throw error("unbalanced brackets: found ')' but the list opened at position " + open
                            + " is not closed with ']'", pos);
                }
                throw error("expected ',' or ']' in the list opened at position " + open + ", found "
                        + describe(pos), pos);
            }
        }

        /** Lexes {@code [A-Za-z0-9_.-]*} starting at an identifier-start character. */
        private String lexWord() {
            int start = pos;
            while (!atEnd() && isWordPart(peek())) {
                pos++;
            }
            return text.substring(start, pos);
        }

        private String lexString() {
            int start = pos;
            char quote = text.charAt(pos++);
            StringBuilder out = new StringBuilder();
            while (true) {
                if (atEnd()) {
                    throw error("unterminated string: the " + (quote == '"' ? "double" : "single")
                            + " quote at position " + start + " is never closed", start);
                }
                char c = text.charAt(pos);
                if (c == quote) {
                    pos++;
                    return out.toString();
                }
                if (c == '\\') {
                    if (pos + 1 >= text.length()) {
                        throw error("unterminated string: the " + (quote == '"' ? "double" : "single")
                                + " quote at position " + start + " is never closed", start);
                    }
                    char escaped = text.charAt(pos + 1);
                    if (escaped != '\\' && escaped != '"' && escaped != '\'') {
                        throw error("unsupported escape '\\" + escaped + "' in string: only \\\\, \\\" and \\' "
                                + "are allowed (write \\\\ for a backslash)", pos);
                    }
                    out.append(escaped);
                    pos += 2;
                    continue;
                }
                out.append(c);
                pos++;
            }
        }

        private SpecValue lexNumber() {
            int start = pos;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            while (!atEnd()) {
                char c = peek();
                if (isWordPart(c) && c != '-') {
                    pos++;
                } else if ((c == '+' || c == '-') && (text.charAt(pos - 1) == 'e' || text.charAt(pos - 1) == 'E')) {
                    pos++;
                } else {
                    break;
                }
            }
            String literal = text.substring(start, pos);
            if (INTEGER.matcher(literal).matches()) {
                try {
                    return new SpecValue.Int(Long.parseLong(literal));
                } catch (NumberFormatException e) {
                    throw error("integer " + literal + " is out of range (" + Long.MIN_VALUE + " to "
                            + Long.MAX_VALUE + "); write it as a real number like " + literal + ".0 if meant",
                            start);
                }
            }
            if (REAL.matcher(literal).matches()) {
                double value = Double.parseDouble(literal);
                if (!Double.isFinite(value)) {
                    throw error("number " + literal + " is out of range (its magnitude must be at most "
                            + Double.MAX_VALUE + ")", start);
                }
                return new SpecValue.Real(value);
            }
            throw error("bad number literal '" + literal + "': expected an integer like 10 or a real number "
                    + "like 0.1, .5 or 1e-4", start);
        }

        private void skipSpace() {
            while (!atEnd()) {
                char c = peek();
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    pos++;
                } else {
                    break;
                }
            }
        }

        private boolean atEnd() {
            return pos >= text.length();
        }

        private char peek() {
            return text.charAt(pos);
        }

        private static boolean isIdentifierStart(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        }

        private static boolean isWordPart(char c) {
            return isIdentifierStart(c) || (c >= '0' && c <= '9') || c == '.' || c == '-';
        }

        private static boolean isNumberStart(char c) {
            return (c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-';
        }

        private String describe(int at) {
            if (at >= text.length()) {
                return "the end of the text";
            }
            char c = text.charAt(at);
            switch (c) {
                case '\n':
                    return "a line break";
                case '\t':
                    return "a tab";
                case '\'':
                    return "\"'\"";
                default:
                    if (Character.isHighSurrogate(c) && at + 1 < text.length()) {
                        return "'" + text.substring(at, at + 2) + "'";
                    }
                    return "'" + c + "'";
            }
        }

        private SpecSyntaxException positional(int start) {
            return error("arguments must be named, like key=value (positional arguments are not allowed)",
                    start);
        }

        private SpecSyntaxException missingParen(String name, int open) {
            return error("missing ')' to close the arguments of '" + name + "' opened at position " + open, pos);
        }

        private SpecSyntaxException error(String problem, int at) {
            return new SpecSyntaxException(problem, text, at);
        }
    }
}

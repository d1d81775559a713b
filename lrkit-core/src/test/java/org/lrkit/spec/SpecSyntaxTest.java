package org.lrkit.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpecSyntaxTest {

    private static SpecValue valueOf(String valueText) {
        return Spec.parse("f(x=" + valueText + ")").get("x").orElseThrow();
    }

    private static SpecSyntaxException syntaxError(String text) {
        try {
            Spec.parse(text);
        } catch (SpecSyntaxException e) {
            return e;
        }
        throw new AssertionError("expected a SpecSyntaxException for: " + text);
    }

    // ---- values ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10                   | 10",
        "-3                   | -3",
        "+7                   | 7",
        "0                    | 0",
        "007                  | 7",
        "9223372036854775807  | 9223372036854775807",
        "-9223372036854775808 | -9223372036854775808",
    })
    void integers(String text, long expected) {
        assertThat(valueOf(text)).isEqualTo(new SpecValue.Int(expected));
        assertThat(valueOf(text).kind()).isEqualTo("integer");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.1       | 0.1",
        ".5        | 0.5",
        "5.        | 5.0",
        "1e-4      | 1.0E-4",
        "1E+3      | 1000.0",
        "1e3       | 1000.0",
        "-2.5e-3   | -0.0025",
        "25.0      | 25.0",
        "+.5e1     | 5.0",
        "1.e2      | 100.0",
        "-0.0      | -0.0",
        "4e-07     | 4.0E-7",
        "1e-999    | 0.0",
        "4.9E-324  | 4.9E-324",
        "1.7976931348623157E308 | 1.7976931348623157E308",
    })
    void reals(String text, String canonical) {
        SpecValue value = valueOf(text);
        assertThat(value).isInstanceOf(SpecValue.Real.class);
        assertThat(value.kind()).isEqualTo("number");
        assertThat(value).hasToString(canonical);
        assertThat(((SpecValue.Real) value).value()).isEqualTo(Double.parseDouble(canonical));
    }

    @Test
    void negativeZeroKeepsItsSign() {
        SpecValue value = valueOf("-0.0");
        assertThat(value).isEqualTo(new SpecValue.Real(-0.0)).isNotEqualTo(new SpecValue.Real(0.0));
        assertThat(value).hasToString("-0.0");
    }

    @ParameterizedTest
    @CsvSource({"true, true", "True, true", "false, false", "False, false"})
    void booleans(String text, boolean expected) {
        assertThat(valueOf(text)).isEqualTo(new SpecValue.Bool(expected));
        assertThat(valueOf(text)).hasToString(Boolean.toString(expected));
        assertThat(valueOf(text).kind()).isEqualTo("boolean");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "null"})
    void none(String text) {
        assertThat(valueOf(text)).isEqualTo(new SpecValue.None()).isEqualTo(SpecValue.none());
        assertThat(valueOf(text)).hasToString("none");
        assertThat(valueOf(text).kind()).isEqualTo("none");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cos", "triangular2", "exp_range", "exp-range", "torch.float32", "_x", "inf",
        "nan", "Infinity", "TRUE", "nones", "true_", "e5", "a.", "x-1e5"})
    void words(String text) {
        assertThat(valueOf(text)).isEqualTo(new SpecValue.Word(text));
        assertThat(valueOf(text)).hasToString(text);
        assertThat(valueOf(text).kind()).isEqualTo("word");
    }

    @Test
    void quotedStrings() {
        assertThat(valueOf("'abc'")).isEqualTo(new SpecValue.Text("abc")).hasToString("\"abc\"");
        assertThat(valueOf("\"abc\"")).isEqualTo(new SpecValue.Text("abc")).hasToString("\"abc\"");
        assertThat(valueOf("''")).isEqualTo(new SpecValue.Text(""));
        assertThat(valueOf("'a, b) [c]'")).isEqualTo(new SpecValue.Text("a, b) [c]"));
        assertThat(valueOf("'say \"hi\"'")).isEqualTo(new SpecValue.Text("say \"hi\""))
                .hasToString("\"say \\\"hi\\\"\"");
        assertThat(valueOf("'it\\'s'")).isEqualTo(new SpecValue.Text("it's")).hasToString("\"it's\"");
        assertThat(valueOf("\"C:\\\\data\"")).isEqualTo(new SpecValue.Text("C:\\data"))
                .hasToString("\"C:\\\\data\"");
        assertThat(valueOf("'line1\nline2'")).isEqualTo(new SpecValue.Text("line1\nline2"));
        assertThat(valueOf("'π ≈ 3.14 😀'")).isEqualTo(new SpecValue.Text("π ≈ 3.14 😀"));
        assertThat(valueOf("'true'")).isEqualTo(new SpecValue.Text("true")).hasToString("\"true\"");
        assertThat(valueOf("'1'").kind()).isEqualTo("string");
    }

    @Test
    void lists() {
        assertThat(valueOf("[30, 60, 90]")).isEqualTo(SpecValue.list(
                List.of(SpecValue.of(30), SpecValue.of(60), SpecValue.of(90))));
        assertThat(valueOf("[]")).isEqualTo(SpecValue.list(List.of())).hasToString("[]");
        assertThat(valueOf("[ ]")).isEqualTo(SpecValue.list(List.of()));
        assertThat(valueOf("[1, 0.5, cos, 'a', true, none, [2], g(y=1)]")).isEqualTo(SpecValue.list(List.of(
                SpecValue.of(1), SpecValue.of(0.5), SpecValue.word("cos"), SpecValue.text("a"),
                SpecValue.of(true), SpecValue.none(), SpecValue.list(List.of(SpecValue.of(2))),
                SpecValue.nested(Spec.of("g", Argument.of("y", SpecValue.of(1)))))));
        assertThat(valueOf("[[], [[]]]")).hasToString("[[], [[]]]");
        assertThat(valueOf("[1,2,3]")).hasToString("[1, 2, 3]");
        assertThat(valueOf("[1]").kind()).isEqualTo("list");
    }

    @Test
    void nestedSpecs() {
        SpecValue value = valueOf("oneCycle(peak=0.1, stepsUp=299)");
        assertThat(value).isEqualTo(SpecValue.nested(Spec.of("oneCycle",
                Argument.of("peak", SpecValue.of(0.1)), Argument.of("stepsUp", SpecValue.of(299)))));
        assertThat(value.kind()).isEqualTo("spec");
        assertThat(valueOf("a.b.c()")).isEqualTo(SpecValue.nested(Spec.of("a.b.c")));
        assertThat(valueOf("true()")).isEqualTo(SpecValue.nested(Spec.of("true")));
        assertThat(valueOf("g (y=1)")).isEqualTo(valueOf("g(y=1)"));
    }

    // ---- specs ----

    @Test
    void oneCycleLR() {
        Spec spec = Spec.parse(
                "torch.OneCycleLR(max_lr=0.1, total_steps=1000, anneal_strategy=linear, three_phase=true)");
        assertThat(spec.name()).isEqualTo("torch.OneCycleLR");
        assertThat(spec.keys()).containsExactly("max_lr", "total_steps", "anneal_strategy", "three_phase");
        assertThat(spec.get("max_lr")).contains(SpecValue.of(0.1));
        assertThat(spec.get("total_steps")).contains(SpecValue.of(1000));
        assertThat(spec.get("anneal_strategy")).contains(SpecValue.word("linear"));
        assertThat(spec.get("three_phase")).contains(SpecValue.of(true));
        assertThat(spec.get("missing")).isEmpty();
    }

    @Test
    void policyWithNestedSpecs() {
        String text = "policy(lr=oneCycle(start=0.004, peak=0.1, end=4e-07, stepsUp=299, stepsDown=700), "
                + "momentum=oneCycle(start=0.95, peak=0.85, end=0.95, stepsUp=299, stepsDown=700))";
        Spec spec = Spec.parse(text);
        assertThat(spec.keys()).containsExactly("lr", "momentum");
        Spec lr = ((SpecValue.Nested) spec.get("lr").orElseThrow()).spec();
        assertThat(lr.name()).isEqualTo("oneCycle");
        assertThat(lr.get("end")).contains(SpecValue.of(4e-7));
        assertThat(spec).hasToString(text.replace("4e-07", "4.0E-7"));
    }

    @Test
    void multiStepLR() {
        String text = "torch.MultiStepLR(base_lr=0.1, milestones=[30, 60, 90], gamma=0.1)";
        Spec spec = Spec.parse(text);
        assertThat(spec.get("milestones")).contains(SpecValue.list(
                List.of(SpecValue.of(30), SpecValue.of(60), SpecValue.of(90))));
        assertThat(spec).hasToString(text);
    }

    @Test
    void noArguments() {
        assertThat(Spec.parse("constant()")).isEqualTo(Spec.of("constant")).hasToString("constant()");
        assertThat(Spec.parse("  a.b ( \n )  ")).isEqualTo(Spec.of("a.b"));
    }

    @Test
    void whitespaceAndNewlinesBetweenTokens() {
        Spec spec = Spec.parse("\n\t torch.StepLR (\n  step_size = 30 ,\r\n  gamma\t=\t0.1,\n"
                + "  extra = [ 1 ,\n 2 ] ,\n  g = h ( a = 'x y' )\n)\n");
        assertThat(spec).hasToString("torch.StepLR(step_size=30, gamma=0.1, extra=[1, 2], g=h(a=\"x y\"))");
    }

    @Test
    void argumentOrderIsKept() {
        assertThat(Spec.parse("f(z=1, a=2, m=3)").keys()).containsExactly("z", "a", "m");
        assertThat(Spec.parse("f(z=1, a=2)")).isNotEqualTo(Spec.parse("f(a=2, z=1)"));
    }

    @Test
    void reservedWordsAreFineAsKeysAndNames() {
        Spec spec = Spec.parse("none(true=false, None=null)");
        assertThat(spec.name()).isEqualTo("none");
        assertThat(spec.get("true")).contains(SpecValue.of(false));
        assertThat(spec.get("None")).contains(SpecValue.none());
    }

    // ---- canonical printing ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "f(x=25)                   | f(x=25)",
        "f(x=25.0)                 | f(x=25.0)",
        "f(x=1e-4)                 | f(x=1.0E-4)",
        "f(x='abc')                | f(x=\"abc\")",
        "f(x=True, y=None)         | f(x=true, y=none)",
        "f( x = 1 , y=[ 1,2 ] )    | f(x=1, y=[1, 2])",
        "f(x=+7, y=.5, z=5.)       | f(x=7, y=0.5, z=5.0)",
        "f(x=null)                 | f(x=none)",
    })
    void printsCanonically(String text, String canonical) {
        assertThat(Spec.parse(text)).hasToString(canonical);
        assertThat(Spec.parse(canonical)).hasToString(canonical);
    }

    @Test
    void argumentAndValueToString() {
        assertThat(Argument.of("max_lr", SpecValue.of(0.1))).hasToString("max_lr=0.1");
        assertThat(SpecValue.of(1000L)).hasToString("1000");
        assertThat(SpecValue.of(1000.0)).hasToString("1000.0");
        assertThat(SpecValue.of(1e-4)).hasToString("1.0E-4");
        assertThat(SpecValue.of(false)).hasToString("false");
        assertThat(SpecValue.none()).hasToString("none");
        assertThat(SpecValue.word("cos")).hasToString("cos");
        assertThat(SpecValue.text("a\"b\\c'd")).hasToString("\"a\\\"b\\\\c'd\"");
        assertThat(SpecValue.list(List.of(SpecValue.of(1), SpecValue.text("x")))).hasToString("[1, \"x\"]");
        assertThat(SpecValue.nested(Spec.of("g", Argument.of("a", SpecValue.list(List.of())))))
                .hasToString("g(a=[])");
    }

    @Test
    void intOverloadPicksInteger() {
        assertThat(SpecValue.of(3)).isInstanceOf(SpecValue.Int.class);
        assertThat(SpecValue.of(3.0)).isInstanceOf(SpecValue.Real.class);
    }

    // ---- construction ----

    @Test
    void validatesNames() {
        assertThatThrownBy(() -> Spec.of("1bad")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spec name").hasMessageContaining("'1bad'");
        assertThatThrownBy(() -> Spec.of("a..b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Spec.of("a.")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Spec.of("a-b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Spec.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Spec.of(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Spec.of("_a.B_2.c")).hasToString("_a.B_2.c()");
    }

    @Test
    void validatesKeys() {
        assertThatThrownBy(() -> Argument.of("1x", SpecValue.of(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'1x'");
        assertThatThrownBy(() -> Argument.of("a.b", SpecValue.of(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Argument.of("a-b", SpecValue.of(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Argument.of("", SpecValue.of(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Argument.of("a", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsDuplicateKeys() {
        assertThatThrownBy(() -> Spec.of("f", Argument.of("a", SpecValue.of(1)), Argument.of("a", SpecValue.of(2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate argument 'a'");
    }

    @Test
    void validatesWords() {
        assertThatThrownBy(() -> SpecValue.word("1x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpecValue.word("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpecValue.word("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpecValue.word("-a")).isInstanceOf(IllegalArgumentException.class);
        for (String reserved : List.of("true", "false", "True", "False", "none", "None", "null")) {
            assertThatThrownBy(() -> SpecValue.word(reserved)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("reserved word");
        }
        assertThat(SpecValue.word("a.b-c_1")).hasToString("a.b-c_1");
    }

    @Test
    void realMustBeFinite() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> SpecValue.of(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must be finite");
        }
    }

    @Test
    void rejectsNulls() {
        List<SpecValue> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> SpecValue.list(withNull)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpecValue.list(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpecValue.text(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpecValue.nested(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Spec.of("f", (Argument) null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Spec("f", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Spec.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void copiesListsDefensively() {
        List<SpecValue> values = new ArrayList<>(List.of(SpecValue.of(1)));
        SpecValue.ListValue list = new SpecValue.ListValue(values);
        values.add(SpecValue.of(2));
        assertThat(list.values()).hasSize(1);
        assertThatThrownBy(() -> list.values().add(SpecValue.of(3)))
                .isInstanceOf(UnsupportedOperationException.class);

        List<Argument> arguments = new ArrayList<>(List.of(Argument.of("a", SpecValue.of(1))));
        Spec spec = new Spec("f", arguments);
        arguments.clear();
        assertThat(spec.arguments()).hasSize(1);
        assertThatThrownBy(() -> spec.arguments().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> spec.keys().clear()).isInstanceOf(UnsupportedOperationException.class);

        Argument[] array = {Argument.of("a", SpecValue.of(1))};
        Spec fromArray = Spec.of("f", array);
        array[0] = Argument.of("b", SpecValue.of(2));
        assertThat(fromArray.keys()).containsExactly("a");
    }

    // ---- errors ----

    @Test
    void emptyInput() {
        assertThatThrownBy(() -> Spec.parse("")).isInstanceOf(SpecSyntaxException.class)
                .hasMessageContaining("empty spec");
        assertThat(syntaxError(" \n\t ").getMessage()).contains("empty spec");
    }

    @Test
    void missingValue() {
        assertThat(syntaxError("f(a=)")).hasMessageContaining("missing value for argument 'a'")
                .extracting(SpecSyntaxException::position).isEqualTo(4);
        assertThat(syntaxError("f(a=")).hasMessageContaining("missing value for argument 'a'");
        assertThat(syntaxError("f(a= , b=1)")).hasMessageContaining("missing value for argument 'a'");
        assertThat(syntaxError("f(a=[1, , 2])")).hasMessageContaining("missing value for list element 2");
    }

    @Test
    void positionalArguments() {
        for (String text : List.of("f(0.1)", "f(cos)", "f('x')", "f([1])", "f(g(a=1))", "f(a=1, 2)", "f(cos, a=1)",
                "f(-1)")) {
            assertThat(syntaxError(text)).as(text)
                    .hasMessageContaining("arguments must be named, like key=value");
        }
        assertThat(syntaxError("f(a=1, 2)").position()).isEqualTo(7);
    }

    @Test
    void missingEquals() {
        SpecSyntaxException e = syntaxError("torch.OneCycleLR(max_lr 0.1)");
        assertThat(e).hasMessageContaining("expected '=' after argument name 'max_lr'");
        assertThat(e.position()).isEqualTo(24);
        assertThat(e.text()).isEqualTo("torch.OneCycleLR(max_lr 0.1)");
        assertThat(e.getMessage()).isEqualTo("expected '=' after argument name 'max_lr', found '0' at position 24:\n"
                + "  torch.OneCycleLR(max_lr 0.1)\n"
                + "                          ^");
    }

    @Test
    void duplicateKey() {
        SpecSyntaxException e = syntaxError("f(gamma=0.1, step=3, gamma=0.2)");
        assertThat(e).hasMessageContaining("duplicate argument 'gamma'");
        assertThat(e.position()).isEqualTo(21);
        // the same key in different specs is fine
        assertThat(Spec.parse("f(a=g(a=1), b=g(a=2))").keys()).containsExactly("a", "b");
    }

    @Test
    void unterminatedString() {
        SpecSyntaxException e = syntaxError("f(a='abc)");
        assertThat(e).hasMessageContaining("unterminated string");
        assertThat(e.position()).isEqualTo(4);
        assertThat(syntaxError("f(a=\"abc\\\")")).hasMessageContaining("unterminated string");
        assertThat(syntaxError("f(a='abc\\")).hasMessageContaining("unterminated string");
    }

    @Test
    void unsupportedEscape() {
        SpecSyntaxException e = syntaxError("f(a='C:\\data')");
        assertThat(e).hasMessageContaining("unsupported escape '\\d'");
        assertThat(e.position()).isEqualTo(7);
    }

    @Test
    void unbalancedBrackets() {
        assertThat(syntaxError("f(a=[1, 2)")).hasMessageContaining("unbalanced brackets")
                .extracting(SpecSyntaxException::position).isEqualTo(9);
        assertThat(syntaxError("f(a=1]")).hasMessageContaining("unbalanced brackets");
        assertThat(syntaxError("f(a=[1, 2")).hasMessageContaining("unbalanced brackets")
                .hasMessageContaining("missing ']'");
        assertThat(syntaxError("f(a=1))")).hasMessageContaining("unbalanced brackets")
                .extracting(SpecSyntaxException::position).isEqualTo(6);
        assertThat(syntaxError("f(])")).hasMessageContaining("unbalanced brackets");
    }

    @Test
    void missingCloseParen() {
        SpecSyntaxException e = syntaxError("f(a=1");
        assertThat(e).hasMessageContaining("missing ')'").hasMessageContaining("'f'");
        assertThat(e.position()).isEqualTo(5);
        assertThat(syntaxError("f(")).hasMessageContaining("missing ')'");
        assertThat(syntaxError("f(a=1, ")).hasMessageContaining("missing ')'");
        assertThat(syntaxError("f(a=g(b=1)")).hasMessageContaining("missing ')'")
                .hasMessageContaining("'f'");
    }

    @Test
    void missingOpenParen() {
        assertThat(syntaxError("cos")).hasMessageContaining("expected '(' after spec name 'cos'")
                .extracting(SpecSyntaxException::position).isEqualTo(3);
        assertThat(syntaxError("torch.StepLR step_size=3")).hasMessageContaining(
                "expected '(' after spec name 'torch.StepLR'");
    }

    @Test
    void trailingText() {
        SpecSyntaxException e = syntaxError("f(a=1) g()");
        assertThat(e).hasMessageContaining("trailing text after the end of the spec");
        assertThat(e.position()).isEqualTo(7);
        assertThat(syntaxError("f() ,")).hasMessageContaining("trailing text");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "f(a=1e)       | 1e",
        "f(a=1.2.3)    | 1.2.3",
        "f(a=1e+)      | 1e+",
        "f(a=0x10)     | 0x10",
        "f(a=1_000)    | 1_000",
        "f(a=10L)      | 10L",
        "f(a=1.0f)     | 1.0f",
        "f(a=-inf)     | -inf",
        "f(a=.)        | .",
        "f(a=-)        | -",
        "f(a=+e5)      | +e5",
    })
    void badNumbers(String text, String literal) {
        SpecSyntaxException e = syntaxError(text);
        assertThat(e).hasMessageContaining("bad number literal '" + literal + "'");
        assertThat(e.position()).isEqualTo(4);
    }

    @Test
    void numbersOutOfRange() {
        assertThat(syntaxError("f(a=9223372036854775808)")).hasMessageContaining("out of range")
                .extracting(SpecSyntaxException::position).isEqualTo(4);
        assertThat(syntaxError("f(a=-9223372036854775809)")).hasMessageContaining("out of range");
        assertThat(syntaxError("f(a=1e309)")).hasMessageContaining("out of range");
    }

    @Test
    void invalidNames() {
        assertThat(syntaxError("1f()")).hasMessageContaining("expected a spec name");
        assertThat(syntaxError("(a=1)")).hasMessageContaining("expected a spec name");
        assertThat(syntaxError("a-b(x=1)")).hasMessageContaining("invalid spec name 'a-b'");
        assertThat(syntaxError("a..b()")).hasMessageContaining("invalid spec name 'a..b'");
        assertThat(syntaxError("f(x=my-g(a=1))")).hasMessageContaining("invalid spec name 'my-g'")
                .extracting(SpecSyntaxException::position).isEqualTo(4);
        assertThat(syntaxError("f(a.b=1)")).hasMessageContaining("invalid argument name 'a.b'");
    }

    @Test
    void trailingCommas() {
        assertThat(syntaxError("f(a=1,)")).hasMessageContaining("trailing commas are not allowed");
        assertThat(syntaxError("f(a=[1,])")).hasMessageContaining("trailing commas are not allowed");
    }

    @Test
    void missingSeparators() {
        assertThat(syntaxError("f(a=1 b=2)")).hasMessageContaining("expected ',' or ')' after argument 'a'")
                .extracting(SpecSyntaxException::position).isEqualTo(6);
        assertThat(syntaxError("f(a=[1 2])")).hasMessageContaining("expected ',' or ']'");
        assertThat(syntaxError("f(a='x'y)")).hasMessageContaining("expected ',' or ')'");
        assertThat(syntaxError("f(a=@)")).hasMessageContaining("expected a value for argument 'a', found '@'");
        assertThat(syntaxError("f(,a=1)")).hasMessageContaining("expected an argument like key=value");
    }

    @Test
    void tooDeep() {
        String deep = "f(a=" + "[".repeat(Spec.MAX_DEPTH) + "]".repeat(Spec.MAX_DEPTH) + ")";
        assertThat(syntaxError(deep)).hasMessageContaining("nested too deeply");
        String ok = "f(a=" + "[".repeat(Spec.MAX_DEPTH - 1) + "]".repeat(Spec.MAX_DEPTH - 1) + ")";
        assertThat(Spec.parse(ok)).hasToString(ok);
    }

    @Test
    void caretPointsAtThePosition() {
        SpecSyntaxException e = syntaxError("f(a=1e)");
        assertThat(e.getMessage()).endsWith("at position 4:\n  f(a=1e)\n      ^");
        SpecSyntaxException atEnd = syntaxError("f(a=1");
        assertThat(atEnd.getMessage()).endsWith("at position 5:\n  f(a=1\n       ^");
    }

    @Test
    void aHugeTextIsShownAroundThePositionOnly() {
        String huge = "f(a=[" + "1, ".repeat(300_000) + "1 2])";
        SpecSyntaxException e = syntaxError(huge);

        int position = huge.length() - 3;
        assertThat(e.position()).isEqualTo(position);
        assertThat(e.getMessage()).hasSizeLessThan(400).contains("at position " + position + ":\n  ...")
                .endsWith("1, 1 2])\n" + " ".repeat(e.getMessage().lines().toList().get(1).length() - 3) + "^");
        assertThat(e.excerpt()).hasSizeLessThanOrEqualTo(126).startsWith("...").endsWith("1 2])");

        String longName = "f(" + "a".repeat(1_000_000) + " 1)";
        assertThat(syntaxError(longName).getMessage()).hasSizeLessThan(500).contains("...");
        String deep = "f(a=".repeat(300) + "1" + ")".repeat(300);
        assertThat(syntaxError(deep).getMessage()).contains("nested too deeply").hasSizeLessThan(400);
    }

    @Test
    void multiLineTextShowsTheOffendingLine() {
        SpecSyntaxException e = syntaxError("f(\n\ta=1,\n\tb=1e\n)");
        assertThat(e.position()).isEqualTo(12);
        assertThat(e.getMessage()).isEqualTo("bad number literal '1e': expected an integer like 10 or a real "
                + "number like 0.1, .5 or 1e-4 at position 12 (line 3, column 4):\n  \tb=1e\n  \t  ^");
    }

    @Test
    void isAnIllegalArgumentException() {
        assertThatThrownBy(() -> Spec.parse("f(")).isInstanceOf(IllegalArgumentException.class);
        assertThat(syntaxError("f(a=)").problem()).isEqualTo("missing value for argument 'a'");
    }

    @Test
    void compactTextWritesExponentsAsPeopleDoAndReadsBack() {
        Spec spec = Spec.parse("f(a=1e-4, b=3.8e-5, c=[0.1, 5.0, 2.5E10], d=g(e=-4e-07), n=3, s=\"1.0E-4\")");
        assertThat(spec.toCompactString()).isEqualTo("f(a=1e-4, b=3.8e-5, c=[0.1, 5.0, 2.5e10], d=g(e=-4e-7), n=3, "
                + "s=\"1.0E-4\")");
        assertThat(Spec.parse(spec.toCompactString())).isEqualTo(spec);
        assertThat(spec.toString()).contains("a=1.0E-4");
    }
}

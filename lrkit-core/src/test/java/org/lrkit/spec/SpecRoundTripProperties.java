package org.lrkit.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Round-trip and robustness properties of the spec syntax over generated spec trees and texts. */
class SpecRoundTripProperties {

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_";
    private static final String DIGITS = "0123456789";
    private static final String[] SPACES = {"", "", "", " ", "  ", "\t", "\n", "\r\n", " \n  "};

    // ---- properties --------------------------------------------------------------------------------------

    @Property(tries = 1000)
    void parseInvertsToString(@ForAll("specs") Spec spec) {
        assertThat(Spec.parse(spec.toString())).isEqualTo(spec);
    }

    @Property(tries = 1000)
    void canonicalTextRoundTrips(@ForAll("specs") Spec spec) {
        String canonical = spec.toString();
        assertThat(Spec.parse(canonical).toString()).isEqualTo(canonical);
    }

    @Property(tries = 1000)
    void whitespaceAndAlternativeSpellingsParseToTheSameSpec(@ForAll("specs") Spec spec, @ForAll Random random) {
        String noisy = new NoisyPrinter(random).print(spec);
        assertThat(Spec.parse(noisy)).as(noisy).isEqualTo(spec);
    }

    @Property(tries = 2000)
    void realsRoundTripExactly(@ForAll("doubles") double value) {
        SpecValue parsed = Spec.parse("f(x=" + SpecValue.of(value) + ")").get("x").orElseThrow();
        assertThat(parsed).isInstanceOf(SpecValue.Real.class);
        assertThat(Double.doubleToRawLongBits(((SpecValue.Real) parsed).value()))
                .isEqualTo(Double.doubleToRawLongBits(value));
    }

    @Property(tries = 1000)
    void integersRoundTripExactly(@ForAll("longs") long value) {
        assertThat(Spec.parse("f(x=" + value + ")").get("x")).contains(SpecValue.of(value));
    }

    @Property(tries = 2000)
    void arbitraryTextEitherParsesOrFailsWithASyntaxError(@ForAll("junk") String text) {
        assertParsesOrFailsCleanly(text);
    }

    @Property(tries = 1000)
    void mutatedCanonicalTextEitherParsesOrFailsWithASyntaxError(@ForAll("specs") Spec spec,
                                                                  @ForAll Random random) {
        StringBuilder text = new StringBuilder(spec.toString());
        int edits = 1 + random.nextInt(3);
        String alphabet = "()[],='\"\\ .-+e1a";
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(3)) {
                case 0:
                    if (at < text.length()) {
                        text.deleteCharAt(at);
                    }
                    break;
                case 1:
                    text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    break;
                default:
                    if (at < text.length()) {
                        text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                    break;
            }
        }
        assertParsesOrFailsCleanly(text.toString());
    }

    private static void assertParsesOrFailsCleanly(String text) {
        Spec parsed;
        try {
            parsed = Spec.parse(text);
        } catch (SpecSyntaxException e) {
            assertThat(e.text()).isEqualTo(text);
            assertThat(e.position()).isBetween(0, text.length());
            assertThat(e.getMessage()).contains(" at position " + e.position()).contains("^");
            return;
        } catch (RuntimeException e) {
            fail("parsing " + text + " threw " + e + " instead of a SpecSyntaxException", e);
            return;
        }
        assertThat(Spec.parse(parsed.toString())).isEqualTo(parsed);
    }

    // ---- generators --------------------------------------------------------------------------------------

    @Provide
    Arbitrary<Spec> specs() {
        return specs(3);
    }

    @Provide
    Arbitrary<Double> doubles() {
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(4, Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite)),
                Tuple.of(2, Arbitraries.of(0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
                        Double.MAX_VALUE, -Double.MAX_VALUE, 0.1, 1e-4, 4e-7, 25.0, 1e7, 1e-3, 9999999.0, 1e16,
                        0.30000000000000004, 2.0 / 3.0, Math.PI)),
                Tuple.of(3, Arbitraries.doubles().between(-1e4, 1e4).ofScale(8)),
                Tuple.of(1, Arbitraries.integers().between(-320, 308)
                        .map(exponent -> Double.parseDouble("1e" + exponent)))));
    }

    @Provide
    Arbitrary<Long> longs() {
        return Arbitraries.oneOf(Arbitraries.longs(),
                Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, 0L, -1L, 1L));
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("fgx_.-=,()[]'\"\\ \n0123456789eE+").ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(20),
                specs(2).map(Spec::toString).flatMap(text -> Arbitraries.integers().between(0, text.length())
                        .map(cut -> text.substring(0, cut))));
    }

    private Arbitrary<Spec> specs(int depth) {
        Arbitrary<List<Argument>> arguments = Combinators.combine(identifiers(), values(depth))
                .as(Argument::of)
                .list().ofMaxSize(5).uniqueElements(Argument::key);
        return Combinators.combine(names(), arguments).as(Spec::new);
    }

    private Arbitrary<SpecValue> values(int depth) {
        Arbitrary<SpecValue> leaves = Arbitraries.oneOf(
                longs().map(SpecValue.Int::new),
                doubles().map(SpecValue.Real::new),
                Arbitraries.of(true, false).map(SpecValue.Bool::new),
                Arbitraries.just(SpecValue.none()),
                words().map(SpecValue.Word::new),
                texts().map(SpecValue.Text::new));
        if (depth <= 0) {
            return leaves;
        }
        Arbitrary<SpecValue> lists = Arbitraries.lazy(() -> values(depth - 1)).list().ofMaxSize(4)
                .map(SpecValue::list);
        Arbitrary<SpecValue> nested = Arbitraries.lazy(() -> specs(depth - 1)).map(SpecValue::nested);
        return Arbitraries.frequencyOf(List.of(Tuple.of(6, leaves), Tuple.of(1, lists), Tuple.of(1, nested)));
    }

    private static Arbitrary<String> identifiers() {
        return Combinators.combine(
                        Arbitraries.chars().with(LETTERS.toCharArray()),
                        Arbitraries.strings().withChars(LETTERS + DIGITS).ofMaxLength(8))
                .as((first, rest) -> first + rest);
    }

    private static Arbitrary<String> names() {
        return identifiers().list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join(".", parts));
    }

    private static Arbitrary<String> words() {
        Arbitrary<String> generated = Combinators.combine(
                        Arbitraries.chars().with(LETTERS.toCharArray()),
                        Arbitraries.strings().withChars(LETTERS + DIGITS + ".-").ofMaxLength(10))
                .as((first, rest) -> first + rest)
                .filter(word -> !Spec.isReservedWord(word));
        Arbitrary<String> tricky = Arbitraries.of("cos", "inf", "nan", "Infinity", "e5", "E", "nones", "True1",
                "null_", "a.", "a..b", "x-", "x-1e5", "triangular2", "torch.float32");
        return Arbitraries.frequencyOf(List.of(Tuple.of(3, generated), Tuple.of(1, tricky)));
    }

    private static Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("\"'\\ \n\t,()[]=a").ofMaxLength(12),
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.strings().withCharRange('\u0080', '\uffff').ofMaxLength(6),
                Arbitraries.of("", "\\", "\"", "'", "\\\"", "😀", "true", "none", "1e5", "f(a=1)"));
    }

    // ---- a printer that varies whitespace and spellings ---------------------------------------------------

    /** Prints a spec as non-canonical text that must still parse to the same spec. */
    private static final class NoisyPrinter {
        private final Random random;
        private final StringBuilder out = new StringBuilder();

        NoisyPrinter(Random random) {
            this.random = random;
        }

        String print(Spec spec) {
            space();
            spec(spec);
            space();
            return out.toString();
        }

        private void spec(Spec spec) {
            out.append(spec.name());
            space();
            out.append('(');
            space();
            for (int i = 0; i < spec.arguments().size(); i++) {
                if (i > 0) {
                    space();
                    out.append(',');
                    space();
                }
                Argument argument = spec.arguments().get(i);
                out.append(argument.key());
                space();
                out.append('=');
                space();
                value(argument.value());
            }
            space();
            out.append(')');
        }

        private void value(SpecValue value) {
            if (value instanceof SpecValue.Int v) {
                String digits = Long.toString(Math.abs(v.value()));
                if (v.value() == Long.MIN_VALUE) {
                    digits = "9223372036854775808";
                }
                out.append(v.value() < 0 ? "-" : pick("", "", "+")).append(pick("", "", "0", "00")).append(digits);
            } else if (value instanceof SpecValue.Real v) {
                out.append(real(v.value()));
            } else if (value instanceof SpecValue.Bool v) {
                out.append(v.value() ? pick("true", "True") : pick("false", "False"));
            } else if (value instanceof SpecValue.None) {
                out.append(pick("none", "None", "null"));
            } else if (value instanceof SpecValue.Word v) {
                out.append(v.value());
            } else if (value instanceof SpecValue.Text v) {
                char quote = random.nextBoolean() ? '"' : '\'';
                boolean escapeOther = random.nextBoolean();
                out.append(quote);
                for (char c : v.value().toCharArray()) {
                    if (c == quote || c == '\\' || (escapeOther && (c == '"' || c == '\''))) {
                        out.append('\\');
                    }
                    out.append(c);
                }
                out.append(quote);
            } else if (value instanceof SpecValue.ListValue v) {
                out.append('[');
                space();
                for (int i = 0; i < v.values().size(); i++) {
                    if (i > 0) {
                        space();
                        out.append(',');
                        space();
                    }
                    value(v.values().get(i));
                }
                space();
                out.append(']');
            } else if (value instanceof SpecValue.Nested v) {
                spec(v.spec());
            } else {
                throw new AssertionError("unknown value " + value);
            }
        }

        /** Another spelling of the same double: shortest, lower-case exponent, %e, or the exact decimal. */
        private String real(double value) {
            String sign = (Double.doubleToRawLongBits(value) >= 0) ? pick("", "+") : "";
            switch (random.nextInt(4)) {
                case 0:
                    return Double.toString(value);
                case 1:
                    return sign + Double.toString(value).toLowerCase(Locale.ROOT);
                case 2:
                    return sign + String.format(Locale.ROOT, "%.16e", value);
                default:
                    if (value == 0) {
                        return (Double.doubleToRawLongBits(value) < 0 ? "-" : sign) + pick("0.", ".0", "0e0", "0.0e-5");
                    }
                    String plain = new BigDecimal(value).toPlainString();
                    return sign + (plain.contains(".") ? plain : plain + ".");
            }
        }

        private void space() {
            out.append(SPACES[random.nextInt(SPACES.length)]);
        }

        private String pick(String... choices) {
            return choices[random.nextInt(choices.length)];
        }
    }
}

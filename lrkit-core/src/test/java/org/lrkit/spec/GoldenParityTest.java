package org.lrkit.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Schedule;

/**
 * Compatibility specs against values produced by the original libraries: {@code torch.txt} by PyTorch
 * itself ({@code tools/golden/torch_schedules.py}), {@code formulas.txt} from the documented formulas of
 * Keras, fastai, optax and timm ({@code tools/golden/formula_schedules.py}).
 *
 * <p>Tolerance: {@code 1e-12} relative to the case's largest value. Python's and Java's cosines differ by
 * an ulp on some arguments, and PyTorch's simple schedulers multiply the previous value at each step.
 */
class GoldenParityTest {

    private static final double RELATIVE = 1e-12;

    static Stream<GoldenCase> torchCases() {
        return GoldenCase.read("torch.txt").stream();
    }

    static Stream<GoldenCase> formulaCases() {
        return GoldenCase.read("formulas.txt").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("torchCases")
    void matchesPyTorch(GoldenCase golden) {
        assertMatches(golden);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formulaCases")
    void matchesPublishedFormulas(GoldenCase golden) {
        assertMatches(golden);
    }

    @Test
    void fixturesCoverEveryCompatibilitySpec() {
        List<String> names = Stream.concat(torchCases(), formulaCases())
                .map(golden -> golden.spec().substring(0, golden.spec().indexOf('('))).distinct().toList();
        List<String> compat = Specs.catalog().stream().map(SpecDescription::name).filter(n -> n.contains("."))
                .toList();
        assertThat(names).containsAll(compat);
        assertThat(torchCases().count()).isGreaterThan(100);
    }

    private static void assertMatches(GoldenCase golden) {
        Policy policy = Specs.parsePolicy(golden.spec());
        assertSeries(golden.spec(), "lr", policy.learningRate(), golden.lr());
        if (golden.momentum() != null) {
            assertThat(policy.momentum()).as("%s schedules momentum", golden.spec()).isPresent();
            assertSeries(golden.spec(), "momentum", policy.momentum().orElseThrow(), golden.momentum());
        } else {
            assertThat(policy.momentum()).as("%s schedules no momentum", golden.spec()).isEmpty();
        }
    }

    private static void assertSeries(String spec, String what, Schedule schedule, double[] expected) {
        double tolerance = RELATIVE * GoldenCase.scale(expected);
        for (int step = 0; step < expected.length; step++) {
            double actual = schedule.valueAt(step);
            double allowed = Math.max(tolerance, RELATIVE * Math.abs(expected[step]));
            int at = step;
            assertEquals(expected[step], actual, allowed,
                    () -> what + " at step " + at + " of " + spec);
        }
    }
}

package org.lrkit.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class AutoArgumentsTest {

    private static final AutoValues PEAK = (spec, key) -> OptionalDouble.of(0.0581734);

    @Test
    void lengthsTakeThePlannedStepsAndRatesTheAdvice() {
        Spec spec = Spec.parse("oneCyclePolicy(peak=auto, totalSteps=auto)");
        assertThat(AutoArguments.needsLearningRates(spec)).isTrue();
        assertThat(AutoArguments.resolve(spec, 4680, PEAK.roundedTo(3)))
                .hasToString("oneCyclePolicy(peak=0.0582, totalSteps=4680)");
    }

    @Test
    void autoIsReplacedAtEveryDepth() {
        Spec spec = Spec.parse("warmup(steps=10, then=cosine(from=auto, to=0, steps=auto), marks=[auto, 1])");
        Spec resolved = AutoArguments.resolve(spec, 90, (name, key) -> OptionalDouble.of(0.5));
        assertThat(resolved).hasToString("warmup(steps=10, then=cosine(from=0.5, to=0, steps=90), marks=[0.5, 1])");
        assertThat(resolved.toString()).doesNotContain("auto");
    }

    @Test
    void onlyLengthsNeedNoRangeTest() {
        Spec spec = Spec.parse("torch.OneCycleLR(max_lr=0.1, total_steps=auto)");
        assertThat(AutoArguments.needsLearningRates(spec)).isFalse();
        assertThat(AutoArguments.resolve(spec, 100, AutoValues.NONE))
                .hasToString("torch.OneCycleLR(max_lr=0.1, total_steps=100)");
    }

    @Test
    void missingValuesNameTheArgumentAndTheFix() {
        assertThatThrownBy(() -> AutoArguments.resolve(Spec.parse("constant(value=auto)"), 10, AutoValues.NONE))
                .hasMessageStartingWith("constant(value=auto) has no value: value=auto needs a value from a "
                        + "learning-rate range test")
                .hasMessageEndingWith("give value a number");
        assertThatThrownBy(() -> AutoArguments.resolve(Spec.parse("cosine(from=1, to=0, steps=auto)"), PEAK))
                .hasMessageStartingWith("cosine(steps=auto) has no value: steps=auto stands for the run's length");
        assertThatThrownBy(() -> AutoArguments.resolve(Spec.parse("constant(value=1)"), 0, PEAK))
                .hasMessage("plannedSteps must be > 0, got 0");
    }

    @Test
    void roundingKeepsMissingValuesMissing() {
        assertThat(AutoValues.NONE.roundedTo(3).valueFor("constant", "value")).isEmpty();
        assertThat(PEAK.roundedTo(1).valueFor("constant", "value")).hasValue(0.06);
        assertThatThrownBy(() -> PEAK.roundedTo(0)).hasMessage("digits must be in 1..17, got 0");
    }
}

package org.lrkit.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Policies: which schedules they carry and their text forms. */
class PolicyTest {

    private final Schedule lr = Schedule.constant(0.1);
    private final Schedule momentum = Schedule.constant(0.9);
    private final Schedule beta1 = Schedule.constant(0.8);

    @Test
    void aPolicyOfTheRateAloneIsWrittenAsTheRate() {
        Policy policy = Policy.of(lr);
        assertThat(policy.momentum()).isEmpty();
        assertThat(policy.beta1()).isEmpty();
        assertThat(policy.toSpec()).isEqualTo("constant(value=0.1)");
    }

    @Test
    void momentumAndBeta1() {
        assertThat(Policy.of(lr).withMomentum(momentum).toSpec())
                .isEqualTo("policy(lr=constant(value=0.1), momentum=constant(value=0.9))");
        assertThat(Policy.of(lr).withBeta1(beta1).toSpec())
                .isEqualTo("policy(lr=constant(value=0.1), beta1=constant(value=0.8))");
        Policy both = Policy.of(lr).withBeta1(beta1).withMomentum(momentum);
        assertThat(both.toSpec())
                .isEqualTo("policy(lr=constant(value=0.1), momentum=constant(value=0.9), beta1=constant(value=0.8))");
        assertThat(both).isEqualTo(new Policy(lr, Optional.of(momentum), Optional.of(beta1)));
        assertThat(both.withMomentum(lr).momentum()).contains(lr);
        assertThat(both.withMomentum(lr).beta1()).contains(beta1);
    }

    @Test
    void oneCyclePolicyText() {
        OneCycle oneCycle = OneCycle.of(0.004, 0.1, 4e-7, 1000, 0.3, 0.0, Interpolation.COSINE);
        Policy policy = Policy.of(oneCycle).withMomentum(oneCycle.mirrored(0.95, 0.85));
        assertThat(policy.toSpec()).isEqualTo("policy(lr=oneCycle(start=0.004, peak=0.1, end=4.0E-7, stepsUp=300, "
                + "stepsDown=699, stepsFinal=0, shape=cosine, pastEnd=hold), momentum=oneCycle(start=0.95, peak=0.85, "
                + "end=0.95, stepsUp=300, stepsDown=699, stepsFinal=0, shape=cosine, pastEnd=hold))");
    }

    @Test
    void checkValuesRefusesANegativeOrNonFiniteLearningRateNamingTheStep() {
        assertThatThrownBy(() -> Policy.of(Schedule.constant(-0.5)).checkValues(10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the learning rate at step 0 is -0.5; it must be finite and >= 0 at every step of a"
                        + " 10-step run");
        Policy down = Policy.of(Schedule.linear(0.1, -0.1, 100));
        long negative = LongStream.range(0, 100).filter(k -> down.learningRate().valueAt(k) < 0).findFirst()
                .orElseThrow();
        assertThatCode(() -> down.checkValues(negative)).doesNotThrowAnyException();
        assertThatThrownBy(() -> down.checkValues(negative + 1)).hasMessageStartingWith("the learning rate at step "
                + negative + " is " + down.learningRate().valueAt(negative) + "; it must be finite and >= 0");
        Schedule nan = step -> step == 7 ? Double.NaN : 0.1;
        assertThatThrownBy(() -> Policy.of(nan).checkValues(8))
                .hasMessageStartingWith("the learning rate at step 7 is NaN");
        assertThatCode(() -> Policy.of(Schedule.constant(0.0)).checkValues(10)).doesNotThrowAnyException();
    }

    @Test
    void checkValuesKeepsMomentumAndBeta1InZeroToOne() {
        Schedule rising = Schedule.linear(0.9, 1.1, 10);
        long one = LongStream.range(0, 10).filter(k -> rising.valueAt(k) >= 1).findFirst().orElseThrow();
        assertThatThrownBy(() -> Policy.of(lr).withMomentum(rising).checkValues(10))
                .hasMessageStartingWith("the momentum at step " + one + " is " + rising.valueAt(one)
                        + "; it must be in [0, 1)");
        assertThatThrownBy(() -> Policy.of(lr).withBeta1(Schedule.constant(-0.1)).checkValues(1))
                .hasMessageStartingWith("the beta1 at step 0 is -0.1; it must be in [0, 1)");
        assertThatCode(() -> Policy.of(lr).withMomentum(momentum).withBeta1(beta1).checkValues(1000))
                .doesNotThrowAnyException();
    }

    @Test
    void checkValuesOfALongRunLooksAtTheEndsWithoutScanningEveryStep() {
        long steps = 1_000_000_000_000L;
        Schedule lastGoesNegative = step -> step == steps - 1 ? -1.0 : 0.1;
        Schedule firstGoesNegative = step -> step == 1 ? -1.0 : 0.1;
        long start = System.nanoTime();

        assertThatThrownBy(() -> Policy.of(lastGoesNegative).checkValues(steps))
                .hasMessageStartingWith("the learning rate at step " + (steps - 1) + " is -1.0");
        assertThatThrownBy(() -> Policy.of(firstGoesNegative).checkValues(steps))
                .hasMessageStartingWith("the learning rate at step 1 is -1.0");
        assertThatCode(() -> Policy.of(lr).checkValues(steps)).doesNotThrowAnyException();
        assertThat((System.nanoTime() - start) / 1e9).as("seconds").isLessThan(10);
    }
}

package org.lrkit.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
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
}

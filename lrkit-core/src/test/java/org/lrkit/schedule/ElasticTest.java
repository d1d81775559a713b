package org.lrkit.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.lrkit.spec.Specs;

class ElasticTest {

    private final OneCycle plan = OneCycle.of(0.004, 0.1, 4e-7, 10_000, 0.3, 0.0, Interpolation.LINEAR);

    @Test
    void stretchKeepsThePastAndEndsOnTheNewLastStep() {
        Schedule longer = Elastic.stretch(plan, 4_000, 10_000, 16_000);
        double speed = 5_999.0 / 11_999.0;
        for (long step = 0; step <= 4_000; step += 500) {
            assertThat(longer.valueAt(step)).isEqualTo(plan.valueAt(step));
        }
        assertThat(longer.valueAt(15_999)).isEqualTo(4e-7);
        // the last planned step (9999) maps to the new last step (15999), linearly in between
        double time = 4_000 + 6_000 * speed;
        long before = (long) time;
        double expected = plan.valueAt(before) + (plan.valueAt(before + 1) - plan.valueAt(before)) * (time - before);
        assertThat(longer.valueAt(10_000)).isCloseTo(expected, within(1e-15));
        // between two planned steps the value is interpolated
        assertThat(longer.valueAt(4_001)).isCloseTo(
                plan.valueAt(4_000) + (plan.valueAt(4_001) - plan.valueAt(4_000)) * speed, within(1e-15));
    }

    @Test
    void stretchCanAlsoShorten() {
        Schedule shorter = Elastic.stretch(plan, 4_000, 10_000, 7_000);
        assertThat(shorter.valueAt(6_999)).isEqualTo(4e-7);
        // speed 5999/2999: new step 5500 is planned time 4000 + 1500 * 5999 / 2999 = 7000.50...
        double time = 4_000 + 1_500 * (5_999.0 / 2_999.0);
        assertThat(shorter.valueAt(5_500)).isBetween(plan.valueAt((long) time + 1), plan.valueAt((long) time));
    }

    @Test
    void stretchRefusesAFinishedPlan() {
        assertThatThrownBy(() -> Elastic.stretch(plan, 9_999, 10_000, 16_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("atStep must be before the last step")
                .hasMessageContaining("continueAtFinal");
    }

    @Test
    void continueAtFinalAndAppendCycle() {
        Sgdr sgdr = Sgdr.of(0.1, 0.0, 100, 1.0);
        Schedule held = Elastic.continueAtFinal(sgdr, 100);
        assertThat(held.valueAt(100)).isEqualTo(sgdr.valueAt(99));
        assertThat(held.valueAt(5_000)).isEqualTo(sgdr.valueAt(99));
        Schedule appended = Elastic.appendCycle(plan, 10_000, Schedule.cosine(0.01, 0.0, 1_000));
        assertThat(appended.valueAt(10_000)).isEqualTo(0.01);
        assertThat(appended.valueAt(11_000)).isEqualTo(0.0);
    }

    @Test
    void policiesStretchEverySchedule() {
        Policy policy = Policy.of(plan).withMomentum(plan.mirrored(0.95, 0.85));
        Policy longer = Elastic.stretch(policy, 4_000, 10_000, 16_000);
        assertThat(longer.momentum().orElseThrow().valueAt(15_999)).isEqualTo(0.95);
        assertThat(Specs.parsePolicy(longer.toSpec())).isEqualTo(longer);
    }

    @Test
    void fingerprintFollowsTheSpec() {
        Policy a = Policy.of(plan);
        assertThat(a.fingerprint()).hasSize(64).isEqualTo(Policy.of(plan).fingerprint());
        assertThat(a.fingerprint()).isNotEqualTo(Policy.of(plan.withPastEnd(PastEnd.ERROR)).fingerprint());
    }
}

package org.lrkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.lrkit.schedule.Cyclical;
import org.lrkit.schedule.Interpolation;
import org.lrkit.schedule.OneCycle;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Schedule;
import org.lrkit.schedule.Sgdr;
import org.lrkit.schedule.TrainingClock;
import org.lrkit.spec.Specs;

/** The README's Java and spec examples, kept true. */
class ReadmeExamplesTest {

    @Test
    void warmupThenCosine() {
        Schedule lr = Schedule.cosine(0.1, 0.0, 9_500).withWarmup(Interpolation.LINEAR, 500, 0.0);
        assertThat(lr.valueAt(0)).isEqualTo(0.0);
        assertThat(lr.valueAt(250)).isEqualTo(0.05);
        assertThat(lr.valueAt(500)).isEqualTo(0.1);
        assertThat(lr.valueAt(500 + 4_750)).isCloseTo(0.05, within(1e-15));
        assertThat(lr.valueAt(10_000)).isEqualTo(0.0);
        assertThat(lr.valueAt(20_000)).isEqualTo(0.0);
    }

    @Test
    void oneCyclePolicyWithMirroredMomentum() {
        OneCycle oneCycle = OneCycle.of(0.004, 0.1, 4e-7, 10_000, 0.3, 0.0, Interpolation.COSINE);
        Policy policy = Policy.of(oneCycle).withMomentum(oneCycle.mirrored(0.95, 0.85));
        assertThat(oneCycle.stepsUp()).isEqualTo(3_000);
        assertThat(policy.learningRate().valueAt(0)).isEqualTo(0.004);
        assertThat(policy.learningRate().valueAt(3_000)).isEqualTo(0.1);
        assertThat(policy.learningRate().valueAt(9_999)).isEqualTo(4e-7);
        assertThat(policy.momentum().orElseThrow().valueAt(0)).isEqualTo(0.95);
        assertThat(policy.momentum().orElseThrow().valueAt(3_000)).isEqualTo(0.85);
        assertThat(policy.momentum().orElseThrow().valueAt(9_999)).isEqualTo(0.95);
    }

    @Test
    void sgdrSnapshotSteps() {
        TrainingClock clock = new TrainingClock(391);
        Sgdr sgdr = Sgdr.of(0.05, 0.0, clock.steps(10), 2.0);
        assertThat(sgdr.cycleEnds(clock.wholeSteps(70))).containsExactly(3909, 11729, 27369);
        assertThat(sgdr.valueAt(3910)).isEqualTo(0.05);
    }

    @Test
    void cyclicalPolicy() {
        Cyclical clr = Cyclical.triangular2(0.001, 0.006, 2_000);
        Policy policy = Policy.of(clr).withMomentum(clr.withBounds(0.95, 0.85));
        assertThat(policy.learningRate().valueAt(2_000)).isEqualTo(0.006);
        assertThat(policy.momentum().orElseThrow().valueAt(2_000)).isEqualTo(0.85);
        assertThat(policy.learningRate().valueAt(6_000)).isCloseTo(0.0035, within(1e-15));
    }

    @Test
    void specExamplesParse() {
        assertThat(Specs.parsePolicy("oneCyclePolicy(peak=0.1, totalSteps=1000, fractionFinal=0.1, shape=linear)")
                .momentum()).isPresent();
        assertThat(Specs.parseSchedule("sgdr(peak=0.05, firstPeriod=3910, periodMultiplier=2, peakDecay=0.8)")
                .valueAt(3910)).isCloseTo(0.04, within(1e-15));
        assertThat(Specs.parseSchedule("warmup(steps=500, start=0.0, then=cosine(from=0.1, to=0.0, steps=9500))")
                .valueAt(500)).isEqualTo(0.1);
        Policy clr = Specs.parsePolicy("policy(lr=cyclical(base=0.001, peak=0.006, stepsUp=2000, scaling=triangular2),\n"
                + "       momentum=cyclical(base=0.95, peak=0.85, stepsUp=2000, scaling=triangular2))");
        assertThat(clr.momentum().orElseThrow().valueAt(2000)).isEqualTo(0.85);
        assertThat(Specs.parsePolicy("torch.OneCycleLR(max_lr=0.1, total_steps=1000, anneal_strategy=linear, "
                + "three_phase=true)").learningRate().valueAt(299)).isCloseTo(0.1, within(1e-15));
    }
}

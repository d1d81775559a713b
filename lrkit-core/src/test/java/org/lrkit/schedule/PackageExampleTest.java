package org.lrkit.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The example of this package's package-info, kept true. */
class PackageExampleTest {

    @Test
    void frontDoorExample() {
        long steps = 30 * 390;
        OneCycle oneCycle = OneCycle.builder().peak(0.1).totalSteps(steps).build();
        Policy policy = Policy.of(oneCycle).withMomentum(oneCycle.mirrored(0.95, 0.85));
        assertThat(policy.learningRate().valueAt(oneCycle.stepsUp())).isEqualTo(0.1);
        assertThat(policy.momentum().orElseThrow().valueAt(oneCycle.stepsUp())).isEqualTo(0.85);

        Schedule sgdr = Sgdr.builder().peak(0.05).firstPeriod(10 * 390).periodMultiplier(2).build();
        assertThat(sgdr.valueAt(3900)).isEqualTo(0.05);
        Schedule clr = Cyclical.triangular(0.001, 0.006, 2000);
        assertThat(clr.valueAt(2000)).isCloseTo(0.006, within(1e-12));
        assertThat(clr.valueAt(4000)).isCloseTo(0.001, within(1e-12));
        Schedule step = new StepDecay(0.1, 10 * 390, 0.1);
        assertThat(step.valueAt(3900)).isCloseTo(0.01, within(1e-12));
        Schedule warm = Schedule.cosine(0.1, 0.0, steps - 500)
                .withWarmup(Interpolation.LINEAR, 500, 0.0)
                .clampedTo(1e-5, 1.0);
        assertThat(warm.valueAt(500)).isEqualTo(0.1);
        assertThat(warm.valueAt(0)).isEqualTo(1e-5);
    }
}

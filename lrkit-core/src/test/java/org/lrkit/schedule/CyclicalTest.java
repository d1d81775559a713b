package org.lrkit.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.lrkit.schedule.CycleScaling.ExpRange;
import org.lrkit.schedule.CycleScaling.ExpRangeDecay;
import org.lrkit.schedule.CycleScaling.ScaleBasis;

/** Cyclical learning rates: the three scalings of Smith (2017), asymmetric cycles and the cycle structure. */
class CyclicalTest {

    private static final double TOLERANCE = 1e-15;

    private static double[] values(Schedule schedule, int steps) {
        return LongStream.range(0, steps).mapToDouble(schedule::valueAt).toArray();
    }

    @Test
    void triangular() {
        Cyclical clr = Cyclical.triangular(0.1, 1.0, 2);
        assertThat(values(clr, 9)).containsExactly(new double[] {0.1, 0.55, 1.0, 0.55, 0.1, 0.55, 1.0, 0.55, 0.1},
                within(TOLERANCE));
        assertThat(clr.valueAt(0)).isEqualTo(0.1);
        assertThat(clr.valueAt(2)).isEqualTo(1.0);
        assertThat(clr.valueAt(4_000_002)).isEqualTo(1.0);
        assertThat(clr.cycleLength()).isEqualTo(4);
    }

    @Test
    void triangular2HalvesTheAmplitudeEveryCycle() {
        Cyclical clr = Cyclical.triangular2(0.1, 1.0, 2);
        assertThat(values(clr, 13)).containsExactly(new double[] {0.1, 0.55, 1.0, 0.55, 0.1, 0.325, 0.55, 0.325,
                0.1, 0.2125, 0.325, 0.2125, 0.1}, within(TOLERANCE));
        // after 1100 halvings the amplitude is below the smallest double: the base, not NaN
        assertThat(clr.valueAt(4L * 5_000 + 2)).isEqualTo(0.1);
    }

    @Test
    void expRangeDecaysTheAmplitudePerStep() {
        Cyclical clr = Cyclical.expRange(0.1, 1.0, 2, 0.9);
        assertThat(values(clr, 8)).containsExactly(new double[] {0.1, 0.505, 0.829, 0.42805, 0.1, 0.3657205,
                0.5782969, 0.315233605}, within(TOLERANCE));
        assertThat(clr.scaling()).isEqualTo(new ExpRange(0.9, ExpRangeDecay.AMPLITUDE));
        assertThat(Cyclical.expRange(0.1, 1.0, 2, 1.0).valueAt(1_000_002)).isEqualTo(1.0);
    }

    @Test
    void expRangeBothBoundsScalesTheBaseToo() {
        Cyclical clr = new Cyclical(0.1, 1.0, 2, 2, new ExpRange(0.9, ExpRangeDecay.BOTH_BOUNDS));
        // (base + (peak - base) s) gamma^t
        assertThat(values(clr, 7)).containsExactly(new double[] {0.1, 0.495, 0.81, 0.40095, 0.06561, 0.3247695,
                0.531441}, within(TOLERANCE));
        assertThat(clr.toSpec()).isEqualTo("cyclical(base=0.1, peak=1.0, stepsUp=2, stepsDown=2, scaling=expRange, "
                + "gamma=0.9, decay=bothBounds)");
    }

    @Test
    void asymmetricCycle() {
        Cyclical clr = new Cyclical(0.1, 1.0, 1, 3, new CycleScaling.Triangular());
        assertThat(values(clr, 9)).containsExactly(new double[] {0.1, 1.0, 0.7, 0.4, 0.1, 1.0, 0.7, 0.4, 0.1},
                within(TOLERANCE));
        assertThat(clr.positionAt(1)).isEqualTo(new CyclePosition(0, "down", 0.0));
        assertThat(clr.positionAt(2)).isEqualTo(new CyclePosition(0, "down", 1.0 / 3));
        assertThat(clr.cycleEnds(12)).containsExactly(3, 7, 11);
    }

    @Test
    void mirroredMomentumFallsWhileTheRateRises() {
        Cyclical lr = Cyclical.triangular(0.1, 1.0, 2);
        Cyclical momentum = lr.withBounds(0.9, 0.8);
        assertThat(values(momentum, 5)).containsExactly(new double[] {0.9, 0.85, 0.8, 0.85, 0.9}, within(TOLERANCE));
        assertThat(momentum).isEqualTo(new Cyclical(0.9, 0.8, 2, 2, new CycleScaling.Triangular()));
        Cyclical halving = Cyclical.triangular2(0.1, 1.0, 2).withBounds(0.9, 0.8);
        assertThat(halving.valueAt(6)).isCloseTo(0.85, within(TOLERANCE));
    }

    @Test
    void customScalingByCycle() {
        Cyclical clr = new Cyclical(0.0, 1.0, 2, 2, new CycleScaling.Custom(ScaleBasis.CYCLE, c -> 1.0 / (c + 1)));
        assertThat(clr.valueAt(2)).isEqualTo(1.0);
        assertThat(clr.valueAt(6)).isEqualTo(0.5);
        assertThat(clr.valueAt(7)).isEqualTo(0.25);
        assertThat(clr.valueAt(10)).isCloseTo(1.0 / 3, within(TOLERANCE));
    }

    @Test
    void customScalingByStep() {
        Cyclical clr = new Cyclical(0.0, 1.0, 2, 2, new CycleScaling.Custom(ScaleBasis.STEP, s -> 1.0 - s / 100));
        assertThat(clr.valueAt(1)).isCloseTo(0.5 * 0.99, within(TOLERANCE));
        assertThat(clr.valueAt(2)).isCloseTo(0.98, within(TOLERANCE));
        assertThat(clr.valueAt(6)).isCloseTo(0.94, within(TOLERANCE));
    }

    @Test
    void customScalingHasNoTextForm() {
        Cyclical clr = new Cyclical(0.0, 1.0, 2, 3, new CycleScaling.Custom(ScaleBasis.CYCLE, c -> 1.0));
        assertThatThrownBy(clr::toSpec).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("custom cycle scaling has no text form");
        assertThat(clr.toString()).isEqualTo("cyclical(base=0.0, peak=1.0, stepsUp=2, stepsDown=3, scaling=custom)");
    }

    @Test
    void decayPolicyFallsOnceThenHolds() {
        Schedule decay = Cyclical.decayPolicy(0.1, 1.0, 3);
        assertThat(values(decay, 6)).containsExactly(new double[] {1.0, 0.7, 0.4, 0.1, 0.1, 0.1}, within(TOLERANCE));
        assertThat(decay).isEqualTo(new Anneal(Interpolation.LINEAR, 1.0, 0.1, 3, PastEnd.HOLD));
        assertThat(decay.valueAt(3)).isEqualTo(0.1);
    }

    @Test
    void cycleStructure() {
        Cyclical clr = Cyclical.triangular(0.1, 1.0, 2);
        assertThat(clr.cycles()).containsSame(clr);
        assertThat(clr.positionAt(0)).isEqualTo(new CyclePosition(0, "up", 0.0));
        assertThat(clr.positionAt(1)).isEqualTo(new CyclePosition(0, "up", 0.5));
        assertThat(clr.positionAt(2)).isEqualTo(new CyclePosition(0, "down", 0.0));
        assertThat(clr.positionAt(3)).isEqualTo(new CyclePosition(0, "down", 0.5));
        assertThat(clr.positionAt(4)).isEqualTo(new CyclePosition(1, "up", 0.0));
        assertThat(clr.positionAt(41)).isEqualTo(new CyclePosition(10, "up", 0.5));
        assertThat(clr.nextCycleEnd(0)).hasValue(3);
        assertThat(clr.nextCycleEnd(3)).hasValue(3);
        assertThat(clr.nextCycleEnd(4)).hasValue(7);
        assertThat(clr.cycleEnds(12)).containsExactly(3, 7, 11);
        assertThat(clr.cycleEnds(11)).containsExactly(3, 7);
        assertThat(clr.cycleEnds(0)).isEmpty();
        assertThat(clr.isCycleEnd(3)).isTrue();
        assertThat(clr.isCycleEnd(4)).isFalse();
        assertThat(clr.isCycleEnd(0)).isFalse();
        // the end of a cycle is one step above the base: the next step is the base again
        assertThat(clr.valueAt(3)).isGreaterThan(clr.valueAt(4));
    }

    @Test
    void specs() {
        assertThat(Cyclical.triangular(0.001, 0.006, 2000).toSpec())
                .isEqualTo("cyclical(base=0.001, peak=0.006, stepsUp=2000, stepsDown=2000, scaling=triangular)");
        assertThat(Cyclical.triangular2(0.001, 0.006, 5).toSpec())
                .isEqualTo("cyclical(base=0.001, peak=0.006, stepsUp=5, stepsDown=5, scaling=triangular2)");
        assertThat(Cyclical.expRange(0.001, 0.006, 5, 0.99994).toString())
                .isEqualTo("cyclical(base=0.001, peak=0.006, stepsUp=5, stepsDown=5, scaling=expRange, "
                        + "gamma=0.99994, decay=amplitude)");
    }

    @Test
    void veryLongCyclesDoNotOverflow() {
        Cyclical clr = new Cyclical(0.0, 1.0, Long.MAX_VALUE / 2, Long.MAX_VALUE / 2, new CycleScaling.Triangular());
        assertThat(clr.valueAt(Long.MAX_VALUE / 2)).isEqualTo(1.0);
        assertThat(clr.valueAt(Long.MAX_VALUE - 1)).isCloseTo(0.0, within(1e-15));
        assertThat(clr.nextCycleEnd(0)).hasValue(Long.MAX_VALUE - 2);
    }
}

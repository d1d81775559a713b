package org.lrkit.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SGDR (Loshchilov &amp; Hutter 2017): restarts, real and fractional periods, decay, warm-up, limit, k-decay. */
class SgdrTest {

    private static final double TOLERANCE = 1e-15;

    private static double[] values(Schedule schedule, int steps) {
        return LongStream.range(0, steps).mapToDouble(schedule::valueAt).toArray();
    }

    @Test
    void periodDoublesAtEachRestart() {
        Sgdr lr = Sgdr.of(1.0, 0.0, 2, 2);
        assertThat(values(lr, 8)).containsExactly(new double[] {1.0, 0.5, 1.0, 0.8535533905932737, 0.5,
                0.14644660940672627, 1.0, 0.9619397662556434}, within(TOLERANCE));
        assertThat(lr.valueAt(2)).isEqualTo(1.0);
        assertThat(lr.valueAt(6)).isEqualTo(1.0);
        assertThat(lr.valueAt(14)).isEqualTo(1.0);
        assertThat(lr.valueAt(30)).isEqualTo(1.0);
        assertThat(lr.cycleOf(1)).isEqualTo(0);
        assertThat(lr.cycleOf(2)).isEqualTo(1);
        assertThat(lr.cycleOf(5)).isEqualTo(1);
        assertThat(lr.cycleOf(6)).isEqualTo(2);
        assertThat(lr.cycleOf(13)).isEqualTo(2);
        assertThat(lr.cycleOf(14)).isEqualTo(3);
        assertThat(lr.cycleStart(3)).isEqualTo(14.0);
        assertThat(lr.period(3)).isEqualTo(16.0);
        assertThat(lr.cycleEnds(31)).containsExactly(1, 5, 13, 29);
    }

    @Test
    void constantPeriod() {
        Sgdr lr = Sgdr.of(0.1, 0.0, 4, 1);
        assertThat(lr.valueAt(2)).isCloseTo(0.05, within(TOLERANCE));
        assertThat(lr.valueAt(4)).isEqualTo(0.1);
        assertThat(lr.valueAt(400)).isEqualTo(0.1);
        assertThat(lr.cycleOf(399)).isEqualTo(99);
        assertThat(lr.cycleStart(7)).isEqualTo(28.0);
        assertThat(lr.cycleEnds(13)).containsExactly(3, 7, 11);
    }

    @Test
    void realMultiplierAndFractionalFirstPeriod() {
        Sgdr lr = Sgdr.of(1.0, 0.0, 2.5, 1.5);
        // restarts at 0, 2.5, 6.25, 11.875
        assertThat(lr.cycleStart(1)).isEqualTo(2.5);
        assertThat(lr.cycleStart(2)).isEqualTo(6.25);
        assertThat(lr.cycleStart(3)).isEqualTo(11.875);
        assertThat(lr.period(2)).isEqualTo(5.625);
        assertThat(LongStream.range(0, 13).map(lr::cycleOf).toArray())
                .containsExactly(0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3);
        assertThat(lr.valueAt(0)).isEqualTo(1.0);
        assertThat(lr.valueAt(1)).isCloseTo(0.6545084971874737, within(TOLERANCE));
        assertThat(lr.valueAt(2)).isCloseTo(0.09549150281252633, within(TOLERANCE));
        assertThat(lr.valueAt(3)).isCloseTo(0.9567727288213004, within(TOLERANCE));
        assertThat(lr.valueAt(6)).isCloseTo(0.010926199633097156, within(TOLERANCE));
        assertThat(lr.valueAt(7)).isCloseTo(0.9567727288213004, within(TOLERANCE));
        // a cycle ends at the last step before the (fractional) restart
        assertThat(lr.cycleEnds(13)).containsExactly(2, 6, 11);
        assertThat(lr.positionAt(3)).isEqualTo(new CyclePosition(1, "anneal", 0.5 / 3.75));
    }

    @Test
    void restartOnAnExactBoundaryIsNotMissed() {
        // T0 = 1, T_mult = 3: restarts at 0, 1, 4, 13, 40, 121; log(1 + 121 * 2) / log(3) is just below 5
        Sgdr lr = Sgdr.of(0.5, 0.0, 1, 3);
        assertThat(lr.cycleOf(121)).isEqualTo(5);
        assertThat(lr.cycleOf(120)).isEqualTo(4);
        assertThat(lr.valueAt(121)).isEqualTo(0.5);
        assertThat(lr.cycleStart(5)).isEqualTo(121.0);
        assertThat(lr.isCycleEnd(120)).isTrue();
        assertThat(lr.cycleEnds(122)).containsExactly(0, 3, 12, 39, 120);
    }

    @Test
    void everyIntegerRestartIsFoundExactly() {
        int checked = 0;
        for (long t0 : new long[] {1, 2, 3, 5, 7, 10}) {
            for (long mult = 2; mult <= 10; mult++) {
                Sgdr lr = new Sgdr(0.5, 0.1, t0, mult, 0.9, 0.5, 0.0, false, 0, 1.0);
                long power = 1;
                for (int n = 1; ; n++) {
                    power *= mult;
                    long start = t0 * (power - 1) / (mult - 1);
                    if (start >= 1e12) {
                        break;
                    }
                    String where = "T0=" + t0 + ", mult=" + mult + ", n=" + n + ", S_n=" + start;
                    assertThat(lr.cycleOf(start)).as(where).isEqualTo(n);
                    assertThat(lr.cycleOf(start - 1)).as(where).isEqualTo(n - 1);
                    assertThat(lr.valueAt(start)).as(where).isEqualTo(0.5 * Math.pow(0.9, n));
                    assertThat(lr.isCycleEnd(start - 1)).as(where).isTrue();
                    assertThat(lr.nextCycleEnd(start)).as(where)
                            .hasValue(t0 * (power * mult - 1) / (mult - 1) - 1);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(300);
    }

    @Test
    void restartGivesThePeakExactlyWithANonZeroFloor() {
        Sgdr lr = Sgdr.of(3.3228704014975263, 0.7010492091217044, 10, 1);
        assertThat(lr.valueAt(0)).isEqualTo(3.3228704014975263);
        assertThat(lr.valueAt(10)).isEqualTo(3.3228704014975263);
        assertThat(lr.valueAt(5)).isCloseTo((3.3228704014975263 + 0.7010492091217044) / 2, within(TOLERANCE));
    }

    @Test
    void peakAndFloorDecayAtEachRestart() {
        Sgdr lr = Sgdr.of(1.0, 0.1, 2, 1).withDecay(0.5, 0.5);
        assertThat(values(lr, 5)).containsExactly(new double[] {1.0, 0.55, 0.5, 0.275, 0.25}, within(TOLERANCE));
        Sgdr floorOnly = Sgdr.of(1.0, 0.2, 2, 1).withDecay(1.0, 0.5);
        assertThat(floorOnly.valueAt(3)).isCloseTo(0.55, within(TOLERANCE));
        assertThat(floorOnly.valueAt(5)).isCloseTo(0.525, within(TOLERANCE));
    }

    @Test
    void warmupOnTheFirstCycleOnly() {
        Sgdr lr = Sgdr.of(1.0, 0.0, 4, 1).withWarmup(2, false);
        assertThat(values(lr, 9)).containsExactly(new double[] {0.0, 0.5, 1.0, 0.5, 1.0, 0.8535533905932737, 0.5,
                0.14644660940672627, 1.0}, within(TOLERANCE));
        assertThat(lr.positionAt(1)).isEqualTo(new CyclePosition(0, "warmup", 0.5));
        assertThat(lr.positionAt(2)).isEqualTo(new CyclePosition(0, "anneal", 0.0));
        assertThat(lr.positionAt(5)).isEqualTo(new CyclePosition(1, "anneal", 0.25));
        assertThat(lr.cycleEnds(12)).containsExactly(3, 7, 11);
    }

    @Test
    void warmupOnEveryCycleKeepsTheRestarts() {
        Sgdr lr = new Sgdr(1.0, 0.2, 4, 1, 1.0, 0.5, 2, true, 0, 1.0);
        assertThat(values(lr, 9)).containsExactly(new double[] {0.2, 0.6, 1.0, 0.6, 0.1, 0.55, 1.0, 0.55, 0.05},
                within(TOLERANCE));
        assertThat(lr.positionAt(5)).isEqualTo(new CyclePosition(1, "warmup", 0.5));
        assertThat(LongStream.range(0, 12).map(lr::cycleOf).toArray())
                .containsExactly(0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2);
        assertThat(lr.cycleEnds(12)).containsExactly(3, 7, 11);
    }

    @Test
    void cycleLimitHoldsTheLastFloor() {
        Sgdr lr = Sgdr.of(1.0, 0.1, 2, 1).withDecay(1.0, 0.5).withCycleLimit(2);
        assertThat(values(lr, 7)).containsExactly(new double[] {1.0, 0.55, 1.0, 0.525, 0.05, 0.05, 0.05},
                within(TOLERANCE));
        assertThat(lr.valueAt(1_000_000)).isEqualTo(0.05);
        assertThat(lr.positionAt(4)).isEqualTo(new CyclePosition(2, "hold", 0.0));
        assertThat(lr.cycleEnds(100)).containsExactly(1, 3);
        assertThat(lr.nextCycleEnd(3)).hasValue(3);
        assertThat(lr.nextCycleEnd(4)).isEmpty();
        assertThat(lr.isCycleEnd(5)).isFalse();
    }

    @Test
    void timeExponentBendsTheCosine() {
        Sgdr lr = new Sgdr(1.0, 0.0, 4, 1, 1.0, 1.0, 0.0, false, 0, 2.0);
        assertThat(values(lr, 5)).containsExactly(new double[] {1.0, 0.9903926402016152, 0.8535533905932737,
                0.4024548389919359, 1.0}, within(TOLERANCE));
    }

    @Test
    void snapshotStepsAreTheCycleEnds() {
        Sgdr lr = Sgdr.of(0.05, 0.0, 3900, 2);
        assertThat(lr.cycleEnds(70 * 390)).containsExactly(3899, 11699, 27299);
        assertThat(lr.cycles().orElseThrow().cycleEnds(70 * 390)).containsExactly(3899, 11699, 27299);
        assertThat(lr.valueAt(3900)).isEqualTo(0.05);
        assertThat(lr.valueAt(3899)).isLessThan(1e-8);
    }

    @Test
    void periodsShorterThanAStep() {
        // restarts at 0, 0.5, 1, 1.5, ...: every whole step is a restart of an even cycle
        Sgdr lr = Sgdr.of(1.0, 0.0, 0.5, 1);
        assertThat(lr.cycleOf(1)).isEqualTo(2);
        assertThat(lr.cycleOf(7)).isEqualTo(14);
        assertThat(values(lr, 4)).containsOnly(1.0);
        assertThat(lr.cycleEnds(3)).containsExactly(0, 1, 2);
    }

    @Test
    @Timeout(10)
    void extremePeriodsAnswerQuickly() {
        // the logarithmic estimate and cycleStart overflow here; a step-by-step walk from the estimate never ended
        assertThat(Sgdr.of(1, 0, 1e-300, 2).cycleOf(1_000_000_000_000L)).isBetween(1_000L, 1_100L);
        assertThat(Sgdr.of(1, 0, Double.MIN_VALUE, 2).cycleOf(5)).isBetween(1_000L, 1_100L);
        assertThat(Sgdr.of(1, 0, 1e300, 3).cycleOf(Long.MAX_VALUE)).isEqualTo(0);
        // more cycles than a long can count: the count saturates instead of wrapping around
        assertThat(Sgdr.of(1, 0, 1e-10, 1).cycleOf(1_000_000_000_000L)).isGreaterThan(1L << 62);
        Sgdr nearlyConstant = Sgdr.of(1, 0, 3, 1.0000000001);
        long cycle = nearlyConstant.cycleOf(1_000_000_000_000L);
        assertThat(nearlyConstant.cycleStart(cycle)).isLessThanOrEqualTo(1e12);
        assertThat(nearlyConstant.cycleStart(cycle + 1)).isGreaterThan(1e12);
    }

    @Test
    void spec() {
        assertThat(Sgdr.of(0.05, 0.0, 3900, 2).toSpec()).isEqualTo("sgdr(peak=0.05, floor=0.0, firstPeriod=3900.0, "
                + "periodMultiplier=2.0, peakDecay=1.0, floorDecay=1.0, warmupSteps=0.0, warmupEveryCycle=false, "
                + "cycleLimit=0, timeExponent=1.0)");
        assertThat(new Sgdr(1, 0.5, 2.5, 1.5, 0.9, 0.8, 1.5, true, 3, 0.5).toString()).isEqualTo("sgdr(peak=1.0, "
                + "floor=0.5, firstPeriod=2.5, periodMultiplier=1.5, peakDecay=0.9, floorDecay=0.8, warmupSteps=1.5, "
                + "warmupEveryCycle=true, cycleLimit=3, timeExponent=0.5)");
    }

    @Test
    void floorDecayThatOvertakesThePeakIsRejectedUnlessTheCycleLimitStopsFirst() {
        assertThatThrownBy(() -> Sgdr.of(1.0, 0.5, 10, 1).withDecay(0.5, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("floorDecay=1.0 > peakDecay=0.5 lifts the floor (0.5) above the peak (1.0) after 2 restarts");
        // floor_1 = 0.5 < peak_1 = 0.5 only fails from cycle 2 on: a limit of 2 cycles is fine
        assertThat(new Sgdr(1.0, 0.5, 10, 1, 0.5, 1.0, 0, false, 2, 1.0).cycleLimit()).isEqualTo(2);
    }

    @Test
    void builderNamesTheValuesAndDefaultsToPlainSgdr() {
        assertThat(Sgdr.builder().peak(0.05).firstPeriod(3900).periodMultiplier(2).build())
                .isEqualTo(Sgdr.of(0.05, 0.0, 3900, 2.0));
        assertThat(Sgdr.builder().peak(0.05).floor(1e-4).firstPeriod(3900).periodMultiplier(1.5).peakDecay(0.9)
                .floorDecay(0.7).warmupSteps(195).warmupEveryCycle(true).cycleLimit(4).timeExponent(2).build())
                .isEqualTo(new Sgdr(0.05, 1e-4, 3900, 1.5, 0.9, 0.7, 195, true, 4, 2.0));
    }

    @Test
    void builderNamesWhatIsMissingOrWrong() {
        assertThatThrownBy(() -> Sgdr.builder().firstPeriod(10).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("peak must be set");
        assertThatThrownBy(() -> Sgdr.builder().peak(0.1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("firstPeriod must be set");
        assertThatThrownBy(() -> Sgdr.builder().peak(0.1).floor(0.2).firstPeriod(10).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("floor must be <= peak");
        assertThatThrownBy(() -> Sgdr.builder().peak(0.1).firstPeriod(10).periodMultiplier(0.5).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("periodMultiplier");
    }
}

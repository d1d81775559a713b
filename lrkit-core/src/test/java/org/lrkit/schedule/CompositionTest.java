package org.lrkit.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Warm-up, join, scaled, offset, clamped and skip: values in local time and the cycles they pass on. */
class CompositionTest {

    private static final double TOLERANCE = 1e-15;

    // ---- warmup ----------------------------------------------------------------------------------------

    @Test
    void linearWarmupThenTheScheduleInLocalTime() {
        Schedule lr = new Warmup(Interpolation.LINEAR, 4, 0.0, Schedule.cosine(1.0, 0.0, 10));
        assertThat(lr.valueAt(0)).isEqualTo(0.0);
        assertThat(lr.valueAt(1)).isEqualTo(0.25);
        assertThat(lr.valueAt(2)).isEqualTo(0.5);
        assertThat(lr.valueAt(3)).isEqualTo(0.75);
        assertThat(lr.valueAt(4)).isEqualTo(1.0);
        assertThat(lr.valueAt(6)).isCloseTo(0.9045084971874737, within(TOLERANCE));
        assertThat(lr.valueAt(9)).isCloseTo(0.5, within(TOLERANCE));
        assertThat(lr.valueAt(14)).isEqualTo(0.0);
        assertThat(lr.valueAt(1_000)).isEqualTo(0.0);
    }

    @Test
    void valueAtTheEndOfTheWarmupIsTheFirstValueOfTheSchedule() {
        Schedule then = Schedule.cosine(0.3, 0.1, 7);
        for (Interpolation shape : Interpolation.values()) {
            Warmup warmup = new Warmup(shape, 5, 0.01, then);
            assertThat(warmup.valueAt(5)).as(shape.word()).isEqualTo(then.valueAt(0));
            assertThat(warmup.valueAt(0)).as(shape.word()).isEqualTo(0.01);
        }
    }

    @Test
    void cosineAndExponentialWarmups() {
        Schedule cosine = new Warmup(Interpolation.COSINE, 4, 0.0, Schedule.constant(1.0));
        assertThat(cosine.valueAt(1)).isCloseTo(0.14644660940672627, within(TOLERANCE));
        assertThat(cosine.valueAt(2)).isCloseTo(0.5, within(TOLERANCE));
        assertThat(cosine.valueAt(3)).isCloseTo(0.8535533905932737, within(TOLERANCE));
        Schedule exponential = new Warmup(Interpolation.EXPONENTIAL, 2, 0.01, Schedule.constant(1.0));
        assertThat(exponential.valueAt(1)).isCloseTo(0.1, within(TOLERANCE));
        assertThat(exponential.valueAt(2)).isEqualTo(1.0);
    }

    @Test
    void withWarmupBuildsAWarmup() {
        Schedule cosine = Schedule.cosine(0.1, 0.0, 9_000);
        Schedule lr = cosine.withWarmup(Interpolation.LINEAR, 1_000, 0.0);
        assertThat(lr).isEqualTo(new Warmup(Interpolation.LINEAR, 1_000, 0.0, cosine));
        assertThat(lr.valueAt(500)).isEqualTo(0.05);
        assertThat(lr.valueAt(1_000)).isEqualTo(0.1);
        assertThat(lr.toSpec()).isEqualTo(
                "warmup(shape=linear, steps=1000, start=0.0, then=cosine(from=0.1, to=0.0, steps=9000, pastEnd=hold))");
    }

    @Test
    void warmupDelaysTheCyclesOfItsSchedule() {
        Schedule lr = new Warmup(Interpolation.LINEAR, 3, 0.0, Cyclical.triangular(0.1, 1.0, 2));
        CycleStructure cycles = lr.cycles().orElseThrow();
        assertThat(cycles.positionAt(0)).isEqualTo(new CyclePosition(0, "warmup", 0.0));
        assertThat(cycles.positionAt(2)).isEqualTo(new CyclePosition(0, "warmup", 2.0 / 3));
        assertThat(cycles.positionAt(3)).isEqualTo(new CyclePosition(0, "up", 0.0));
        assertThat(cycles.positionAt(7)).isEqualTo(new CyclePosition(1, "up", 0.0));
        assertThat(cycles.cycleEnds(15)).containsExactly(6, 10, 14);
        assertThat(cycles.nextCycleEnd(0)).hasValue(6);
        assertThat(cycles.isCycleEnd(10)).isTrue();
        assertThat(cycles.isCycleEnd(9)).isFalse();
        assertThat(new Warmup(Interpolation.LINEAR, 3, 0.0, Schedule.constant(1)).cycles()).isEmpty();
    }

    // ---- join ------------------------------------------------------------------------------------------

    @Test
    void joinSwitchesAtStepsAndRunsThenInLocalTime() {
        Schedule lr = new Join(Schedule.constant(0.1), 3, Schedule.linear(1.0, 0.0, 4));
        assertThat(lr.valueAt(0)).isEqualTo(0.1);
        assertThat(lr.valueAt(2)).isEqualTo(0.1);
        assertThat(lr.valueAt(3)).as("step `steps` belongs to then, local time 0").isEqualTo(1.0);
        assertThat(lr.valueAt(4)).isEqualTo(0.75);
        assertThat(lr.valueAt(5)).isEqualTo(0.5);
        assertThat(lr.valueAt(7)).isEqualTo(0.0);
        assertThat(lr.valueAt(100)).isEqualTo(0.0);
        assertThat(Schedule.constant(0.1).followedBy(3, Schedule.linear(1.0, 0.0, 4))).isEqualTo(lr);
        assertThat(lr.toSpec()).isEqualTo(
                "join(first=constant(value=0.1), steps=3, then=linear(from=1.0, to=0.0, steps=4, pastEnd=hold))");
    }

    @Test
    void joinCutsTheFirstScheduleOff() {
        // the first schedule's later values are never used, even past its own end
        Schedule lr = new Join(new Anneal(Interpolation.LINEAR, 0.0, 1.0, 2, PastEnd.ERROR), 3, Schedule.constant(5));
        assertThat(lr.valueAt(2)).isEqualTo(1.0);
        assertThat(lr.valueAt(3)).isEqualTo(5.0);
        assertThat(lr.valueAt(50)).isEqualTo(5.0);
    }

    @Test
    void joinNumbersTheCyclesOfThenAfterThoseOfFirst() {
        // first: cycles of 2 steps ending at 1, 3 (5 is cut off); then: cycles of 4 steps, ends 3, 7, 11 local
        Schedule lr = new Join(Cyclical.triangular(0.0, 1.0, 1), 5, Cyclical.triangular(0.0, 1.0, 2));
        CycleStructure cycles = lr.cycles().orElseThrow();
        assertThat(cycles.cycleEnds(21)).containsExactly(1, 3, 8, 12, 16, 20);
        assertThat(cycles.positionAt(0)).isEqualTo(new CyclePosition(0, "up", 0.0));
        assertThat(cycles.positionAt(2)).isEqualTo(new CyclePosition(1, "up", 0.0));
        assertThat(cycles.positionAt(5)).isEqualTo(new CyclePosition(2, "up", 0.0));
        assertThat(cycles.positionAt(9)).isEqualTo(new CyclePosition(3, "up", 0.0));
        assertThat(cycles.nextCycleEnd(4)).hasValue(8);
    }

    @Test
    void joinOfNonCyclicSchedulesHasNoCyclesAndOneSideSuffices() {
        assertThat(new Join(Schedule.constant(1), 2, Schedule.constant(2)).cycles()).isEmpty();
        CycleStructure lead = new Join(Schedule.constant(1), 4, Cyclical.triangular(0.0, 1.0, 1)).cycles()
                .orElseThrow();
        assertThat(lead.positionAt(2)).isEqualTo(new CyclePosition(0, "lead", 0.5));
        assertThat(lead.cycleEnds(10)).containsExactly(5, 7, 9);
        CycleStructure tail = new Join(Cyclical.triangular(0.0, 1.0, 1), 4, Schedule.constant(1)).cycles()
                .orElseThrow();
        assertThat(tail.cycleEnds(100)).containsExactly(1, 3);
        assertThat(tail.nextCycleEnd(4)).isEmpty();
        assertThat(tail.positionAt(6)).isEqualTo(new CyclePosition(2, "hold", 0.0));
    }

    // ---- scaled, offset, clamped, skip -------------------------------------------------------------------

    @Test
    void scaledOffsetAndClamped() {
        Schedule line = Schedule.linear(1.0, -1.0, 10);
        assertThat(new Scaled(line, 2.0).valueAt(0)).isEqualTo(2.0);
        assertThat(new Scaled(line, 2.0).valueAt(10)).isEqualTo(-2.0);
        assertThat(new Offset(line, 0.5).valueAt(0)).isEqualTo(1.5);
        assertThat(new Offset(line, 0.5).valueAt(10)).isEqualTo(-0.5);
        Schedule clamped = new Clamped(line, 0.0, 0.5);
        assertThat(clamped.valueAt(0)).isEqualTo(0.5);
        assertThat(clamped.valueAt(3)).isCloseTo(0.4, within(TOLERANCE));
        assertThat(clamped.valueAt(5)).isEqualTo(0.0);
        assertThat(clamped.valueAt(10)).isEqualTo(0.0);
        assertThat(new Clamped(line, 0.25, 0.25).valueAt(7)).isEqualTo(0.25);
        assertThat(line.scaledBy(2.0)).isEqualTo(new Scaled(line, 2.0));
        assertThat(line.plus(0.5)).isEqualTo(new Offset(line, 0.5));
        assertThat(line.clampedTo(0.0, 0.5)).isEqualTo(clamped);
        assertThat(clamped.toSpec()).isEqualTo(
                "clamped(schedule=linear(from=1.0, to=-1.0, steps=10, pastEnd=hold), min=0.0, max=0.5)");
        assertThat(new Scaled(Schedule.constant(1), 10).toSpec()).isEqualTo("scaled(schedule=constant(value=1.0), factor=10.0)");
        assertThat(new Offset(Schedule.constant(1), 1e-3).toSpec()).isEqualTo("offset(schedule=constant(value=1.0), offset=0.001)");
    }

    @Test
    void skipEntersTheSchedulePartWay() {
        Schedule line = Schedule.linear(1.0, 0.0, 10);
        Schedule rest = new Skip(line, 4);
        assertThat(rest.valueAt(0)).isCloseTo(0.6, within(TOLERANCE));
        assertThat(rest.valueAt(6)).isEqualTo(0.0);
        assertThat(rest.valueAt(100)).isEqualTo(0.0);
        assertThat(new Skip(line, 0).valueAt(3)).isEqualTo(line.valueAt(3));
        assertThat(line.skipping(4)).isEqualTo(rest);
        assertThat(rest.toSpec()).isEqualTo("skip(schedule=linear(from=1.0, to=0.0, steps=10, pastEnd=hold), steps=4)");
    }

    @Test
    void wrappersPassTheCyclesOn() {
        Cyclical clr = Cyclical.triangular(0.1, 1.0, 2);
        assertThat(clr.scaledBy(3).cycles()).containsSame(clr);
        assertThat(clr.plus(3).cycles()).containsSame(clr);
        assertThat(clr.clampedTo(0, 0.5).cycles()).containsSame(clr);
        CycleStructure skipped = clr.skipping(1).cycles().orElseThrow();
        assertThat(skipped.positionAt(0)).isEqualTo(new CyclePosition(0, "up", 0.5));
        assertThat(skipped.positionAt(3)).isEqualTo(new CyclePosition(1, "up", 0.0));
        assertThat(skipped.nextCycleEnd(0)).hasValue(2);
        assertThat(skipped.cycleEnds(11)).containsExactly(2, 6, 10);
        assertThat(Schedule.constant(1).skipping(3).cycles()).isEmpty();
    }

    @Test
    void cycleStructuresOfWrappersRejectNegativeSteps() {
        Cyclical clr = Cyclical.triangular(0.1, 1.0, 2);
        CycleStructure[] structures = {
            clr.withWarmup(Interpolation.LINEAR, 3, 0.0).cycles().orElseThrow(),
            clr.skipping(2).cycles().orElseThrow(),
            Schedule.constant(1).followedBy(4, clr).cycles().orElseThrow(),
            clr.followedBy(4, Schedule.constant(1)).cycles().orElseThrow(),
        };
        for (CycleStructure structure : structures) {
            assertThatThrownBy(() -> structure.positionAt(-1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("step must be >= 0").hasMessageContaining("-1");
            assertThatThrownBy(() -> structure.nextCycleEnd(-1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("step must be >= 0");
        }
    }
}

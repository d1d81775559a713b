package org.lrkit.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one-cycle policy: phase lengths from {@link OneCycle#of}, values, mirrored momentum and past-end rules. */
class OneCycleTest {

    private static final double TOLERANCE = 1e-15;

    private static double[] values(Schedule schedule, int steps) {
        return LongStream.range(0, steps).mapToDouble(schedule::valueAt).toArray();
    }

    @Test
    void ofSpreadsTheRunOverThePhases() {
        OneCycle lr = OneCycle.of(0.004, 0.1, 4e-7, 1000, 0.3, 0.0, Interpolation.COSINE);
        assertThat(lr).isEqualTo(new OneCycle(0.004, 0.1, 4e-7, 300, 699, 0, Interpolation.COSINE, PastEnd.HOLD));
        assertThat(lr.lastStep()).isEqualTo(999);
        assertThat(lr.threePhase()).isFalse();
        assertThat(lr.valueAt(0)).isEqualTo(0.004);
        assertThat(lr.valueAt(300)).isEqualTo(0.1);
        assertThat(lr.valueAt(999)).isEqualTo(4e-7);
        assertThat(lr.valueAt(1000)).isEqualTo(4e-7);
        assertThat(lr.toSpec()).isEqualTo("oneCycle(start=0.004, peak=0.1, end=4.0E-7, stepsUp=300, stepsDown=699, "
                + "stepsFinal=0, shape=cosine, pastEnd=hold)");
    }

    @ParameterizedTest(name = "totalSteps={0}, up={1}, final={2}")
    @CsvSource({
        "1000, 0.3, 0.0, 300, 699, 0",
        "10, 0.25, 0.0, 2, 7, 0",
        "101, 0.4, 0.2, 40, 40, 20",
        "3, 0.5, 0.0, 1, 1, 0",
        "4, 0.34, 0.34, 1, 1, 1",
        "10000, 0.3, 0.1, 3000, 5999, 1000",
    })
    void phaseLengths(long totalSteps, double up, double last, long stepsUp, long stepsDown, long stepsFinal) {
        OneCycle lr = OneCycle.of(0.1, 1.0, 0.001, totalSteps, up, last, Interpolation.LINEAR);
        assertThat(new long[] {lr.stepsUp(), lr.stepsDown(), lr.stepsFinal()})
                .containsExactly(stepsUp, stepsDown, stepsFinal);
        assertThat(lr.lastStep()).isEqualTo(totalSteps - 1);
        assertThat(lr.valueAt(lr.stepsUp())).isEqualTo(1.0);
        assertThat(lr.valueAt(totalSteps - 1)).isEqualTo(0.001);
    }

    @Test
    void threePhaseLinear() {
        OneCycle lr = OneCycle.of(0.01, 0.1, 0.0001, 101, 0.4, 0.2, Interpolation.LINEAR);
        assertThat(lr.threePhase()).isTrue();
        assertThat(lr.valueAt(0)).isEqualTo(0.01);
        assertThat(lr.valueAt(20)).isCloseTo(0.055, within(TOLERANCE));
        assertThat(lr.valueAt(40)).isEqualTo(0.1);
        assertThat(lr.valueAt(60)).isCloseTo(0.055, within(TOLERANCE));
        assertThat(lr.valueAt(80)).isEqualTo(0.01);
        assertThat(lr.valueAt(90)).isCloseTo(0.00505, within(TOLERANCE));
        assertThat(lr.valueAt(100)).isEqualTo(0.0001);
        assertThat(lr.valueAt(150)).isEqualTo(0.0001);
    }

    @Test
    void twoPhaseCosine() {
        OneCycle lr = new OneCycle(0.0, 1.0, 0.0, 2, 4, 0, Interpolation.COSINE, PastEnd.HOLD);
        assertThat(values(lr, 8)).containsExactly(new double[] {0.0, 0.5, 1.0, 0.8535533905932737, 0.5,
                0.14644660940672627, 0.0, 0.0}, within(TOLERANCE));
    }

    @Test
    void exponentialPhases() {
        OneCycle lr = new OneCycle(0.01, 1.0, 1e-4, 2, 2, 0, Interpolation.EXPONENTIAL, PastEnd.HOLD);
        assertThat(values(lr, 5)).containsExactly(new double[] {0.01, 0.1, 1.0, 0.01, 1e-4}, within(TOLERANCE));
    }

    @Test
    void mirroredMomentumIsHeldHighThroughTheFinalPhase() {
        OneCycle lr = OneCycle.of(0.01, 0.1, 0.0001, 101, 0.4, 0.2, Interpolation.LINEAR);
        OneCycle momentum = lr.mirrored(0.95, 0.85);
        assertThat(momentum).isEqualTo(new OneCycle(0.95, 0.85, 0.95, 40, 40, 20, Interpolation.LINEAR, PastEnd.HOLD));
        assertThat(momentum.valueAt(0)).isEqualTo(0.95);
        assertThat(momentum.valueAt(20)).isCloseTo(0.9, within(TOLERANCE));
        assertThat(momentum.valueAt(40)).isEqualTo(0.85);
        assertThat(momentum.valueAt(80)).isEqualTo(0.95);
        for (long step = 80; step <= 110; step++) {
            assertThat(momentum.valueAt(step)).as("step %d", step).isEqualTo(0.95);
        }
        OneCycle twoPhase = OneCycle.of(0.004, 0.1, 4e-7, 1000, 0.3, 0.0, Interpolation.COSINE).mirrored(0.95, 0.85);
        assertThat(twoPhase.valueAt(0)).isEqualTo(0.95);
        assertThat(twoPhase.valueAt(300)).isEqualTo(0.85);
        assertThat(twoPhase.valueAt(999)).isEqualTo(0.95);
        assertThat(twoPhase.valueAt(5000)).isEqualTo(0.95);
    }

    @Test
    void pastEndRules() {
        OneCycle lr = new OneCycle(0.0, 1.0, 0.0, 2, 4, 0, Interpolation.LINEAR, PastEnd.HOLD);
        assertThat(lr.valueAt(7)).isEqualTo(0.0);
        OneCycle error = lr.withPastEnd(PastEnd.ERROR);
        assertThat(error.valueAt(6)).isEqualTo(0.0);
        assertThatThrownBy(() -> error.valueAt(7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("step 7 is past the end of oneCycle(")
                .hasMessageContaining("pastEnd=error");
        OneCycle extrapolate = lr.withPastEnd(PastEnd.EXTRAPOLATE);
        assertThat(extrapolate.valueAt(8)).isCloseTo(-0.5, within(TOLERANCE));
        assertThat(extrapolate.valueAt(10)).isCloseTo(-1.0, within(TOLERANCE));
        OneCycle threePhase = new OneCycle(0.5, 1.0, 0.1, 2, 2, 4, Interpolation.LINEAR, PastEnd.EXTRAPOLATE);
        assertThat(threePhase.valueAt(8)).isEqualTo(0.1);
        assertThat(threePhase.valueAt(10)).isCloseTo(-0.1, within(TOLERANCE));
    }

    @Test
    void cycleStructure() {
        OneCycle lr = OneCycle.of(0.01, 0.1, 0.0001, 101, 0.4, 0.2, Interpolation.LINEAR);
        assertThat(lr.cycles()).containsSame(lr);
        assertThat(lr.positionAt(0)).isEqualTo(new CyclePosition(0, "up", 0.0));
        assertThat(lr.positionAt(10)).isEqualTo(new CyclePosition(0, "up", 0.25));
        assertThat(lr.positionAt(40)).isEqualTo(new CyclePosition(0, "down", 0.0));
        assertThat(lr.positionAt(79)).isEqualTo(new CyclePosition(0, "down", 39.0 / 40));
        assertThat(lr.positionAt(80)).isEqualTo(new CyclePosition(0, "final", 0.0));
        assertThat(lr.positionAt(100)).isEqualTo(new CyclePosition(0, "final", 1.0));
        assertThat(lr.positionAt(101)).isEqualTo(new CyclePosition(1, "hold", 0.0));
        assertThat(lr.nextCycleEnd(0)).hasValue(100);
        assertThat(lr.nextCycleEnd(100)).hasValue(100);
        assertThat(lr.nextCycleEnd(101)).isEmpty();
        assertThat(lr.cycleEnds(1_000)).containsExactly(100);
        assertThat(lr.cycleEnds(100)).isEmpty();
        OneCycle twoPhase = new OneCycle(0.0, 1.0, 0.0, 2, 4, 0, Interpolation.LINEAR, PastEnd.HOLD);
        assertThat(twoPhase.positionAt(6)).isEqualTo(new CyclePosition(0, "down", 1.0));
    }

    @Test
    void zeroWidthPhasesAreRefusedByOf() {
        assertThatThrownBy(() -> OneCycle.of(0.01, 0.1, 1e-5, 100, 0.001, 0.0, Interpolation.COSINE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fractionUp=0.001").hasMessageContaining("totalSteps=100")
                .hasMessageContaining("leaves the rising phase with no step");
        assertThatThrownBy(() -> OneCycle.of(0.01, 0.1, 1e-5, 100, 0.3, 0.001, Interpolation.COSINE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fractionFinal=0.001")
                .hasMessageContaining("leaves the annihilation phase with no step");
        assertThatThrownBy(() -> OneCycle.of(0.01, 0.1, 1e-5, 11, 0.7, 0.3, Interpolation.COSINE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fractionUp=0.7 and fractionFinal=0.3")
                .hasMessageContaining("leave the falling phase with no step");
        assertThatThrownBy(() -> OneCycle.of(0.01, 0.1, 1e-5, 100, 1.0, 0.0, Interpolation.COSINE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leave the falling phase with no step");
        assertThatThrownBy(() -> OneCycle.of(0.01, 0.1, 1e-5, 100, 0.0, 0.0, Interpolation.COSINE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leaves the rising phase with no step");
        assertThatThrownBy(() -> OneCycle.of(0.01, 0.1, 1e-5, 2, 0.5, 0.0, Interpolation.COSINE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("totalSteps must be >= 3");
    }

    @Test
    void builderNamesTheValuesAndTakesFastaisDefaults() {
        assertThat(OneCycle.builder().peak(0.1).totalSteps(1000).build())
                .isEqualTo(OneCycle.of(0.1 / 25, 0.1, 0.1 / 25 / 1e4, 1000, 0.3, 0.0, Interpolation.COSINE));
        assertThat(OneCycle.builder().start(0.004).peak(0.1).end(4e-7).totalSteps(1000).fractionUp(0.45)
                .fractionFinal(0.1).shape(Interpolation.LINEAR).pastEnd(PastEnd.ERROR).build())
                .isEqualTo(OneCycle.of(0.004, 0.1, 4e-7, 1000, 0.45, 0.1, Interpolation.LINEAR)
                        .withPastEnd(PastEnd.ERROR));
    }

    @Test
    void builderNamesWhatIsMissingOrWrong() {
        assertThatThrownBy(() -> OneCycle.builder().totalSteps(1000).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("peak must be set");
        assertThatThrownBy(() -> OneCycle.builder().peak(0.1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("totalSteps must be set");
        assertThatThrownBy(() -> OneCycle.builder().peak(0.1).totalSteps(1000).fractionUp(30).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fractionUp must be in [0, 1]");
        assertThatThrownBy(() -> OneCycle.builder().peak(0.1).totalSteps(2).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("totalSteps must be >= 3");
    }
}

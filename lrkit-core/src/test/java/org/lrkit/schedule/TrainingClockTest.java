package org.lrkit.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lrkit.schedule.TrainingClock.Remainder;

/** Epochs and optimizer steps under gradient accumulation. */
class TrainingClockTest {

    @ParameterizedTest(name = "{0} batches, {1} per step, {2} -> {3} steps")
    @CsvSource({
        "391, 1, STEP, 391",
        "391, 1, DROP, 391",
        "10, 4, STEP, 3",
        "10, 4, DROP, 2",
        "12, 4, STEP, 3",
        "12, 4, DROP, 3",
        "3, 4, STEP, 1",
        "1, 1, DROP, 1",
    })
    void ofBatches(long batches, long accumulation, Remainder remainder, long stepsPerEpoch) {
        assertThat(TrainingClock.ofBatches(batches, accumulation, remainder).stepsPerEpoch()).isEqualTo(stepsPerEpoch);
    }

    @Test
    void dropWithMoreAccumulationStepsThanBatchesMakesNoStep() {
        assertThatThrownBy(() -> TrainingClock.ofBatches(3, 4, Remainder.DROP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accumulationSteps=4 is more than the 3 batches")
                .hasMessageContaining("Remainder.STEP");
    }

    @Test
    void stepsAndEpochs() {
        TrainingClock clock = new TrainingClock(391);
        assertThat(clock.steps(10)).isEqualTo(3910.0);
        assertThat(clock.steps(0.5)).isEqualTo(195.5);
        assertThat(clock.steps(0)).isEqualTo(0.0);
        assertThat(clock.wholeSteps(70)).isEqualTo(27_370);
        assertThat(clock.wholeSteps(2)).isEqualTo(782);
        assertThat(clock.epochs(5000)).isEqualTo(5000.0 / 391);
        assertThat(clock.epochs(782)).isEqualTo(2.0);
        assertThat(clock.epochs(0)).isEqualTo(0.0);
        assertThat(new TrainingClock(4).wholeSteps(0.25)).isEqualTo(1);
    }

    @Test
    void wholeStepsRefusesFractions() {
        assertThatThrownBy(() -> new TrainingClock(391).wholeSteps(0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("epochs=0.5 is 195.5 steps at 391 steps per epoch, not a whole number");
    }

    @Test
    void wholeStepsRefusesCountsALongCannotHold() {
        // 2^63 steps: (long) 2^63 would silently become Long.MAX_VALUE = 2^63 - 1
        assertThatThrownBy(() -> new TrainingClock(1).wholeSteps(0x1p63))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than a long can count");
        assertThatThrownBy(() -> new TrainingClock(1_000).wholeSteps(1e300))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("epochs=1.0E300");
        assertThat(new TrainingClock(1).wholeSteps(0x1p62)).isEqualTo(1L << 62);
    }

    @Test
    void invalidArguments() {
        assertThatThrownBy(() -> new TrainingClock(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stepsPerEpoch must be > 0, got 0");
        assertThatThrownBy(() -> TrainingClock.ofBatches(0, 1, Remainder.STEP))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchesPerEpoch must be > 0, got 0");
        assertThatThrownBy(() -> TrainingClock.ofBatches(10, -1, Remainder.STEP))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accumulationSteps must be > 0, got -1");
        assertThatThrownBy(() -> TrainingClock.ofBatches(10, 1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("remainder must not be null");
        TrainingClock clock = new TrainingClock(10);
        assertThatThrownBy(() -> clock.steps(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("epochs must be >= 0, got -1.0");
        assertThatThrownBy(() -> clock.steps(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("epochs must be a finite number, got NaN");
        assertThatThrownBy(() -> clock.wholeSteps(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("epochs must be a finite number, got Infinity");
        assertThatThrownBy(() -> clock.epochs(-3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("step must be >= 0").hasMessageContaining("-3");
    }
}

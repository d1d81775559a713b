package org.lrkit.djl.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.lrkit.schedule.OneCycle;
import org.lrkit.schedule.Schedule;

/** DJL's optimizers following an lrkit schedule through {@link ScheduleTracker}: update n uses step n - 1. */
class ScheduleTrackerTest {

    private static final OneCycle ONE_CYCLE = OneCycle.builder().start(0.01).peak(0.5).end(1e-4).totalSteps(12)
            .build();

    @Property(tries = 200)
    void updateNUsesStepNMinusOne(@ForAll @IntRange(min = 1, max = 100_000) int numUpdate) {
        Schedule cosine = Schedule.cosine(0.1, 0.0, 50_000);
        ScheduleTracker tracker = ScheduleTracker.of(cosine);
        assertThat(tracker.getNewValue(numUpdate)).isEqualTo((float) cosine.valueAt(numUpdate - 1L));
        assertThat(tracker.getNewValue("any parameter", numUpdate)).isEqualTo(tracker.getNewValue(numUpdate));
        assertThat(ScheduleTracker.stepOf(numUpdate)).isEqualTo(numUpdate - 1L);
    }

    @Test
    void firstUpdateIsStepZeroAndBadCountsOrValuesAreRefused() {
        ScheduleTracker tracker = ScheduleTracker.of(ONE_CYCLE);
        assertThat(tracker.getNewValue(1)).isEqualTo((float) ONE_CYCLE.valueAt(0)).isEqualTo(0.01f);
        assertThat(tracker.schedule()).isSameAs(ONE_CYCLE);
        assertThat(tracker.toString()).startsWith("ScheduleTracker[oneCycle(");
        assertThatThrownBy(() -> tracker.getNewValue(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("numUpdate must be >= 1 (DJL counts updates from 1), got 0; pass the count DJL's "
                        + "optimizer gives, or call schedule().valueAt(step) for a 0-based step");
        assertThatThrownBy(() -> ScheduleTracker.of(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schedule");
        ScheduleTracker nan = ScheduleTracker.of(step -> step < 2 ? 0.1 : Double.NaN);
        assertThat(nan.getNewValue(2)).isEqualTo(0.1f);
        assertThatThrownBy(() -> nan.getNewValue(3)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NaN at step 2 (DJL update 3)");
    }

    /**
     * DJL's own SGD (no momentum, no weight decay) with a gradient of ones subtracts exactly the learning rate
     * of the step (in float arithmetic) from each weight: the weights show the rate DJL applied, step by step,
     * for two parameters.
     */
    @Test
    void djlSgdAppliesTheScheduleStepByStep() {
        List<Integer> counts = new ArrayList<>();
        ScheduleTracker tracker = ScheduleTracker.of(ONE_CYCLE);
        Tracker recording = numUpdate -> {
            counts.add(numUpdate);
            return tracker.getNewValue(numUpdate);
        };
        Optimizer sgd = Optimizer.sgd().setLearningRateTracker(recording).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray a = manager.zeros(new Shape(3));
            NDArray b = manager.zeros(new Shape(2, 2));
            for (int step = 0; step < 15; step++) {
                float beforeA = a.getFloat(0);
                float beforeB = b.getFloat(1, 1);
                try (NDArray gradA = manager.ones(new Shape(3)); NDArray gradB = manager.ones(new Shape(2, 2))) {
                    sgd.update("a", a, gradA);
                    sgd.update("b", b, gradB);
                }
                float expected = (float) ONE_CYCLE.valueAt(step);
                assertThat(a.getFloat(0)).as("step %d", step).isEqualTo(beforeA - expected);
                assertThat(b.getFloat(1, 1)).as("step %d", step).isEqualTo(beforeB - expected);
            }
        }
        List<Integer> expectedCounts = new ArrayList<>();
        for (int update = 1; update <= 15; update++) {
            expectedCounts.add(update);
            expectedCounts.add(update);
        }
        assertThat(counts).as("DJL counts from 1, both parameters of a step alike").isEqualTo(expectedCounts);
    }

    @Test
    void djlBeginNumUpdateContinuesAtThatStep() {
        Optimizer sgd = Optimizer.sgd().setLearningRateTracker(ScheduleTracker.of(ONE_CYCLE)).optBeginNumUpdate(5)
                .build();
        try (NDManager manager = NDManager.newBaseManager(); NDArray w = manager.zeros(new Shape(1));
                NDArray g = manager.ones(new Shape(1))) {
            sgd.update("w", w, g);
            assertThat(-w.getFloat(0)).isEqualTo((float) ONE_CYCLE.valueAt(5));
        }
    }
}

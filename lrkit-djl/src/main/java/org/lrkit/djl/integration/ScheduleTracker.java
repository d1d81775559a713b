package org.lrkit.djl.integration;

import ai.djl.training.tracker.Tracker;
import org.lrkit.Checks;
import org.lrkit.schedule.Schedule;

/**
 * Any lrkit {@link Schedule} as a DJL {@link Tracker}, for DJL's own optimizers: the learning rate of
 * {@code Optimizer.sgd()}, {@code nag()}, {@code adam()}, {@code adamW()}, {@code rmsprop()} and
 * {@code adagrad()} follows the schedule step by step.
 *
 * <pre>{@code
 * OneCycle lr = OneCycle.builder().start(0.004).peak(0.1).end(4e-7).totalSteps(4_690).build();
 * Optimizer sgd = Optimizer.sgd().setLearningRateTracker(ScheduleTracker.of(lr)).optMomentum(0.9f).build();
 * Optimizer adam = Optimizer.adam().optLearningRateTracker(ScheduleTracker.of(lr)).build();
 * }</pre>
 *
 * <p><b>Step numbering.</b> DJL counts updates from 1: its optimizers ask {@code getNewValue(numUpdate)} with
 * {@code numUpdate = 1} at the first update (and {@code k + 1} after {@code optBeginNumUpdate(k)}), the same
 * count for every parameter of one step. lrkit's schedules count optimizer steps from 0. This tracker answers
 * {@code schedule.valueAt(numUpdate - 1)}, so DJL's first update uses the schedule's step 0 and a run resumed
 * with {@code optBeginNumUpdate(k)} continues at step {@code k}.
 *
 * <p><b>Momentum cannot be scheduled through DJL.</b> DJL 0.36's optimizers take their momentum (SGD, NAG,
 * RMSProp) and Adam's beta1 as one fixed {@code float} in the builder, with no tracker, so the momentum half
 * of a one-cycle {@link org.lrkit.schedule.Policy} has no DJL counterpart; and DJL's {@code Sgd} folds the
 * learning rate into its momentum buffer (MXNet's convention), which drifts from PyTorch's SGD while the
 * rate changes. For a scheduled momentum or beta1, or PyTorch's convention, use lrkit's own optimizers
 * ({@link org.lrkit.djl.optim.ScheduledSgd}, {@link org.lrkit.djl.optim.ScheduledAdamW}), which DJL's
 * {@code Trainer} accepts like any other ({@link LrkitListeners#bindOnStart}).
 *
 * <p>Immutable and thread-safe. The value is narrowed to {@code float}, as DJL's trackers are.
 */
public final class ScheduleTracker implements Tracker {

    private final Schedule schedule;

    private ScheduleTracker(Schedule schedule) {
        this.schedule = schedule;
    }

    /**
     * A tracker following {@code schedule}: DJL's update {@code n} (from 1) gets {@code schedule.valueAt(n - 1)}.
     *
     * <pre>{@code
     * Tracker lr = ScheduleTracker.of(Schedule.cosine(0.1, 0.0, 1_000));
     * }</pre>
     *
     * @param schedule the schedule to follow, indexed by lrkit's 0-based optimizer step; not null
     * @return a tracker to give to a DJL optimizer's builder
     * @throws IllegalArgumentException if {@code schedule} is null
     */
    public static ScheduleTracker of(Schedule schedule) {
        return new ScheduleTracker(Checks.notNull("schedule", schedule));
    }

    /**
     * The schedule followed, indexed by lrkit's 0-based optimizer step.
     *
     * @return the schedule given to {@link #of}
     */
    public Schedule schedule() {
        return schedule;
    }

    /**
     * The 0-based lrkit step of DJL's 1-based update count: {@code numUpdate - 1}.
     *
     * @param numUpdate DJL's update count, {@code >= 1} (1 at the first update)
     * @return the 0-based optimizer step, {@code numUpdate - 1}
     * @throws IllegalArgumentException if {@code numUpdate < 1}
     */
    public static long stepOf(int numUpdate) {
        if (numUpdate < 1) {
            throw new IllegalArgumentException("numUpdate must be >= 1 (DJL counts updates from 1), got " + numUpdate
                    + "; pass the count DJL's optimizer gives, or call schedule().valueAt(step) for a 0-based step");
        }
        return numUpdate - 1L;
    }

    /**
     * The value for DJL's update {@code numUpdate} (1 at the first update): the schedule at step
     * {@code numUpdate - 1}, as a {@code float}. {@code getNewValue(1)} is {@code (float) schedule.valueAt(0)}.
     *
     * @throws IllegalArgumentException if {@code numUpdate < 1}
     * @throws IllegalStateException if the schedule gives NaN or an infinite value at that step
     */
    @Override
    public float getNewValue(int numUpdate) {
        long step = stepOf(numUpdate);
        double value = schedule.valueAt(step);
        if (!Double.isFinite(value)) {
            throw new IllegalStateException("the schedule gives " + value + " at step " + step + " (DJL update "
                    + numUpdate + "); a tracked value must be finite: use PastEnd.HOLD or a longer plan");
        }
        return (float) value;
    }

    @Override
    public String toString() {
        String text;
        try {
            text = schedule.toSpec();
        } catch (UnsupportedOperationException e) {
            text = schedule.toString();
        }
        return "ScheduleTracker[" + text + "]";
    }
}

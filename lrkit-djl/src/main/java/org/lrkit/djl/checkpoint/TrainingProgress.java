package org.lrkit.djl.checkpoint;

import org.lrkit.Checks;

/**
 * Where a training run stands, as a checkpoint records it: enough to continue the run exactly where it
 * stopped, including the position in the data order and the running mean of the epoch's training loss.
 *
 * @param step completed optimizer steps (the 0-based index of the next step)
 * @param epoch the 0-based epoch in progress
 * @param batchInEpoch batches of that epoch already trained on
 * @param plannedSteps the run's planned length in optimizer steps
 * @param epochLossSum the sum of the training losses of the epoch so far
 * @param epochLossSteps how many steps that sum covers
 * @param seconds wall-clock seconds the run has trained so far, over every session (0 in checkpoints written
 *     before lrkit recorded it)
 */
public record TrainingProgress(long step, long epoch, long batchInEpoch, long plannedSteps, double epochLossSum,
        long epochLossSteps, double seconds) {

    /**
     * Checks the components; see the record description.
     *
     * @param step completed optimizer steps, {@code >= 0}
     * @param epoch the 0-based epoch in progress, {@code >= 0}
     * @param batchInEpoch batches of that epoch already trained on, {@code >= 0}
     * @param plannedSteps the run's planned length in optimizer steps, {@code > 0}
     * @param epochLossSum the sum of the training losses of the epoch so far
     * @param epochLossSteps how many steps that sum covers, {@code >= 0}
     * @param seconds wall-clock seconds the run has trained so far, finite and {@code >= 0}
     * @throws IllegalArgumentException if a count is negative, {@code plannedSteps <= 0} or {@code seconds}
     *     is negative, NaN or infinite
     */
    public TrainingProgress {
        Checks.nonNegative("step", step);
        Checks.nonNegative("epoch", epoch);
        Checks.nonNegative("batchInEpoch", batchInEpoch);
        Checks.positive("plannedSteps", plannedSteps);
        Checks.nonNegative("epochLossSteps", epochLossSteps);
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("seconds must be a finite number >= 0, got " + seconds);
        }
    }

    /**
     * Progress with no training time recorded (0 seconds).
     *
     * @param step completed optimizer steps, {@code >= 0}
     * @param epoch the 0-based epoch in progress, {@code >= 0}
     * @param batchInEpoch batches of that epoch already trained on, {@code >= 0}
     * @param plannedSteps the run's planned length in optimizer steps, {@code > 0}
     * @param epochLossSum the sum of the training losses of the epoch so far
     * @param epochLossSteps how many steps that sum covers, {@code >= 0}
     * @throws IllegalArgumentException if a count is negative or {@code plannedSteps <= 0}
     */
    public TrainingProgress(long step, long epoch, long batchInEpoch, long plannedSteps, double epochLossSum,
            long epochLossSteps) {
        this(step, epoch, batchInEpoch, plannedSteps, epochLossSum, epochLossSteps, 0);
    }

    /**
     * The start of a run of {@code plannedSteps} steps.
     *
     * @param plannedSteps the run's planned length in optimizer steps, {@code > 0}
     * @return progress at step 0 of epoch 0, with no loss and no time recorded
     * @throws IllegalArgumentException if {@code plannedSteps <= 0}
     */
    public static TrainingProgress start(long plannedSteps) {
        return new TrainingProgress(0, 0, 0, plannedSteps, 0.0, 0);
    }
}

package org.lrkit.djl.train;

/**
 * Receives the events of a {@link TrainingRun}, all on the training thread, in this order: {@link #onStart},
 * then per step {@link #onStep}, {@link #onCycleEnd} when the step ends a cycle and {@link #onEpoch} when it
 * ends an epoch, and finally {@link #onEnd} or, if the run fails, {@link #onFailure}. Every method has an
 * empty default, so implement only what you need.
 *
 * <pre>{@code
 * TrainingRunListener printer = new TrainingRunListener() {
 *     public void onEpoch(EpochResult epoch) {
 *         System.out.printf("epoch %d: accuracy %.4f%n", epoch.epoch(), epoch.validationAccuracy());
 *     }
 * };
 * }</pre>
 *
 * <p>Not DJL's {@code ai.djl.training.listener.TrainingListener}, which listens to DJL's own
 * {@code EasyTrain} loop; this one listens to lrkit's {@link TrainingRun}. (Named {@code TrainingListener}
 * before lrkit 0.1.)
 */
public interface TrainingRunListener {

    /** The run (or its resumption) starts. */
    default void onStart(RunStart start) {
    }

    /** A step completed in {@code epoch} (0-based). */
    default void onStep(long epoch, StepResult step) {
    }

    /** A step completed the last step of a cycle of the learning-rate schedule. */
    default void onCycleEnd(CycleEnd cycleEnd) {
    }

    /** An epoch ended (and was evaluated, when there is validation data). */
    default void onEpoch(EpochResult epoch) {
    }

    /** The run finished its planned steps. */
    default void onEnd(TrainingSummary summary) {
    }

    /** The run failed with {@code error} (divergence, I/O, ...); the error is rethrown afterwards. */
    default void onFailure(Throwable error) {
    }
}

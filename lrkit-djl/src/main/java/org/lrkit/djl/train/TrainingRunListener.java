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

    /**
     * The run (or its resumption) starts.
     *
     * @param start the step the run starts at, its planned length and the policy it follows
     */
    default void onStart(RunStart start) {
    }

    /**
     * A step completed in {@code epoch} (0-based).
     *
     * @param epoch the 0-based epoch the step belongs to
     * @param step the step's 0-based index, loss, learning rate and momentum
     */
    default void onStep(long epoch, StepResult step) {
    }

    /**
     * A step completed the last step of a cycle of the learning-rate schedule.
     *
     * @param cycleEnd the cycle that ended and the step that ended it
     */
    default void onCycleEnd(CycleEnd cycleEnd) {
    }

    /**
     * An epoch ended (and was evaluated, when there is validation data).
     *
     * @param epoch the epoch's training loss, validation results, learning rate and time
     */
    default void onEpoch(EpochResult epoch) {
    }

    /**
     * The run finished its planned steps.
     *
     * @param summary how the run ended
     */
    default void onEnd(TrainingSummary summary) {
    }

    /**
     * The run failed with {@code error} (divergence, I/O, ...); the error is rethrown afterwards.
     *
     * @param error what ended the run
     */
    default void onFailure(Throwable error) {
    }
}

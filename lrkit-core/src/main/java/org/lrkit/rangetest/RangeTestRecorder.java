package org.lrkit.rangetest;

import java.util.Arrays;
import org.lrkit.Checks;

/**
 * Drives a range test independently of the training engine: it says which learning rate to use next,
 * takes the loss of each step, smooths it, applies the {@link DivergenceRule} and builds the
 * {@link RangeTestCurve}. Mutable, single-threaded; one per test.
 *
 * <pre>{@code
 * RangeTestRecorder recorder = new RangeTestRecorder(Sweep.exponential(1e-7, 10, 100), 0.98,
 *         DivergenceRule.standard());
 * while (!recorder.finished()) {
 *     double lr = recorder.nextLearningRate();
 *     double loss = trainOneStep(lr);          // the engine's part
 *     recorder.record(loss);
 * }
 * RangeTestCurve curve = recorder.curve();
 * }</pre>
 */
public final class RangeTestRecorder {

    private final Sweep sweep;
    private final DivergenceRule divergence;
    private final LossSmoother smoother;
    private final double[] learningRates;
    private final double[] losses;
    private final double[] smoothed;
    private final double[] validationLosses;
    private final double[] accuracies;
    private int recorded;
    private double best = Double.POSITIVE_INFINITY;
    private StopReason stopReason;

    /**
     * @param sweep the learning rates to try
     * @param smoothingBeta weight of the past in the loss average, in [0, 1)
     * @param divergence when to stop early
     */
    public RangeTestRecorder(Sweep sweep, double smoothingBeta, DivergenceRule divergence) {
        this.sweep = Checks.notNull("sweep", sweep);
        this.divergence = Checks.notNull("divergence", divergence);
        this.smoother = new LossSmoother(smoothingBeta);
        int n = sweep.steps();
        learningRates = new double[n];
        losses = new double[n];
        smoothed = new double[n];
        validationLosses = new double[n];
        accuracies = new double[n];
        Arrays.fill(validationLosses, Double.NaN);
        Arrays.fill(accuracies, Double.NaN);
    }

    /**
     * Whether the test has ended (every learning rate tried, or stopped early).
     *
     * @return true once the test has a stop reason
     */
    public boolean finished() {
        return stopReason != null;
    }

    /**
     * The number of steps recorded so far.
     *
     * @return the number of losses recorded, {@code >= 0}
     */
    public int recordedSteps() {
        return recorded;
    }

    /**
     * The learning rate for the next step.
     *
     * @return the sweep's learning rate for the next step to record
     * @throws IllegalStateException if the test has ended
     */
    public double nextLearningRate() {
        requireRunning();
        return sweep.learningRate(recorded);
    }

    /**
     * Records the training loss of the step just run at {@link #nextLearningRate()}.
     *
     * @param loss the training loss of that step; NaN or infinite ends the test
     * @return true while the test goes on
     * @throws IllegalStateException if the test has ended
     */
    public boolean record(double loss) {
        requireRunning();
        double lr = sweep.learningRate(recorded);
        double value = smoother.add(loss);
        learningRates[recorded] = lr;
        losses[recorded] = loss;
        smoothed[recorded] = value;
        int step = recorded++;
        if (!Double.isFinite(loss)) {
            stopReason = StopReason.NON_FINITE_LOSS;
        } else if (divergence.diverged(step, value, best)) {
            stopReason = StopReason.DIVERGED;
        } else if (recorded == sweep.steps()) {
            stopReason = StopReason.COMPLETED;
        }
        best = Math.min(best, value);
        return stopReason == null;
    }

    /**
     * Records a validation evaluation made right after the last recorded step.
     *
     * @param validationLoss the validation loss
     * @param accuracy the validation accuracy, a fraction in {@code [0, 1]}
     * @throws IllegalArgumentException if {@code accuracy} is NaN or outside {@code [0, 1]}
     * @throws IllegalStateException if no training step was recorded yet
     */
    public void recordValidation(double validationLoss, double accuracy) {
        if (recorded == 0) {
            throw new IllegalStateException("record a training step before its validation");
        }
        if (!(accuracy >= 0 && accuracy <= 1)) {
            throw new IllegalArgumentException("accuracy must be in [0, 1], got " + accuracy);
        }
        validationLosses[recorded - 1] = validationLoss;
        accuracies[recorded - 1] = accuracy;
    }

    /** Ends the test before the sweep is done (the caller ran out of data or time), as completed. */
    public void stop() {
        if (stopReason == null) {
            stopReason = StopReason.COMPLETED;
        }
    }

    /**
     * The curve of the steps recorded; the test must have finished.
     *
     * @return the curve of the recorded steps and the reason the test stopped
     * @throws IllegalStateException if the test is still running or recorded fewer than 2 steps
     */
    public RangeTestCurve curve() {
        if (stopReason == null) {
            throw new IllegalStateException("the range test is still running (" + recorded + " of "
                    + sweep.steps() + " steps); call stop() to end it early");
        }
        if (recorded < 2) {
            throw new IllegalStateException("the range test recorded " + recorded + " step(s) before it "
                    + "stopped (" + stopReason + "); it needs at least 2: lower the start learning rate");
        }
        return new RangeTestCurve(Arrays.copyOf(learningRates, recorded), Arrays.copyOf(losses, recorded),
                Arrays.copyOf(smoothed, recorded), Arrays.copyOf(validationLosses, recorded),
                Arrays.copyOf(accuracies, recorded), stopReason);
    }

    private void requireRunning() {
        if (stopReason != null) {
            throw new IllegalStateException("the range test has ended (" + stopReason + ") after " + recorded
                    + " steps");
        }
    }
}

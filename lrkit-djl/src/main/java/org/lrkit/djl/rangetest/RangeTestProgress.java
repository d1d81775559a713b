package org.lrkit.djl.rangetest;

/**
 * One step of a range test, reported as it happens (for a progress bar).
 *
 * @param run the 0-based index of the run (seed and grid value) in progress
 * @param runs how many runs the test makes
 * @param step the 0-based step within the run
 * @param steps the sweep's steps per run (a run that diverges stops earlier)
 * @param learningRate the base learning rate of the step
 * @param loss the step's training loss (NaN or infinite if it diverged)
 * @param smoothedLoss the debiased moving average of the loss
 */
public record RangeTestProgress(int run, int runs, int step, int steps, double learningRate, double loss,
        double smoothedLoss) {

    /**
     * Steps done over the whole test, this one included, counting every run as a full sweep.
     *
     * @return {@code run * steps + step + 1}
     */
    public long done() {
        return (long) run * steps + step + 1;
    }

    /**
     * Steps of the whole test if no run stops early.
     *
     * @return {@code runs * steps}
     */
    public long total() {
        return (long) runs * steps;
    }
}

package org.lrkit.djl.rangetest;

/**
 * Where a range test's time went, in seconds of wall time.
 *
 * @param steps optimizer steps made, over all runs
 * @param stepSeconds time in the optimizer steps themselves (forward, backward, update), data loading
 *     excluded
 * @param dataSeconds time waiting for batches
 * @param validationSeconds time evaluating the validation subset
 * @param snapshotSeconds time copying the model and optimizer out, putting them back and checking them
 * @param totalSeconds the whole test
 */
public record RangeTestTiming(long steps, double stepSeconds, double dataSeconds, double validationSeconds,
        double snapshotSeconds, double totalSeconds) {

    /**
     * The mean time of one step, data loading included.
     *
     * @return {@code (stepSeconds + dataSeconds) / steps}, in seconds; NaN when no step was made
     */
    public double secondsPerStep() {
        return steps == 0 ? Double.NaN : (stepSeconds + dataSeconds) / steps;
    }

    /**
     * What the test cost beyond the same number of plain training steps (steps and data loading), as a
     * fraction of them: snapshots, restores, smoothing and bookkeeping, validation excluded.
     *
     * @return the overhead as a fraction of the plain steps' time (0.1: 10% more); NaN when that time is 0
     */
    public double overheadFraction() {
        double plain = stepSeconds + dataSeconds;
        return plain > 0 ? (totalSeconds - validationSeconds - plain) / plain : Double.NaN;
    }
}

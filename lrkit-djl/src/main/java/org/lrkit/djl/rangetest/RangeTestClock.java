package org.lrkit.djl.rangetest;

/**
 * Where a range test's time goes while it runs: nanoseconds of wall time in each part, added up over all
 * runs, and the number of optimizer steps. Mutable, used by one thread; {@link #timing(long)} turns it into
 * the seconds of a {@link RangeTestTiming}.
 *
 * <pre>{@code
 * RangeTestClock clock = new RangeTestClock();
 * long mark = System.nanoTime();
 * ... copy the model out ...
 * clock.addSnapshot(System.nanoTime() - mark);
 * RangeTestTiming timing = clock.timing(totalNanos);
 * }</pre>
 */
final class RangeTestClock {

    private long steps;
    private long stepNanos;
    private long dataNanos;
    private long validationNanos;
    private long snapshotNanos;

    /** One optimizer step that took {@code nanos} (forward, backward, update; data loading excluded). */
    void addStep(long nanos) {
        stepNanos += nanos;
        steps++;
    }

    /** Time waiting for a batch. */
    void addData(long nanos) {
        dataNanos += nanos;
    }

    /** Time evaluating the validation subset. */
    void addValidation(long nanos) {
        validationNanos += nanos;
    }

    /** Time copying the model and optimizer out, putting them back or comparing them. */
    void addSnapshot(long nanos) {
        snapshotNanos += nanos;
    }

    /** The parts in seconds, with {@code totalNanos} as the whole test's time. */
    RangeTestTiming timing(long totalNanos) {
        return new RangeTestTiming(steps, stepNanos / 1e9, dataNanos / 1e9, validationNanos / 1e9,
                snapshotNanos / 1e9, totalNanos / 1e9);
    }
}

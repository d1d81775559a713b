package org.lrkit.experiment.estimate;

/**
 * How long an estimate run trains and how often it estimates. The messages name the options of
 * {@code lrkit estimate}, which sets them.
 *
 * @param steps optimizer steps to train, in {@code [3, 10000000]}
 * @param every steps between the starts of two Hessian-free estimates, {@code > 0}; an estimate spans three
 *     successive steps, so below 3 the estimates come every third step ({@link #estimateSpacing()})
 * @param curvatureEvery steps between two curvature probes along the gradient, {@code >= 0}; 0 turns them off
 */
public record EstimateSettings(long steps, int every, int curvatureEvery) {

    /** The most steps a run may train. */
    public static final long MAX_STEPS = 10_000_000;

    /**
     * Checks the values.
     *
     * @param steps optimizer steps to train, in {@code [3, 10000000]}
     * @param every steps between the starts of two Hessian-free estimates, {@code > 0}
     * @param curvatureEvery steps between two curvature probes, {@code >= 0}; 0 turns them off
     * @throws IllegalArgumentException if a value is out of range, naming its option
     */
    public EstimateSettings {
        if (steps < 3 || steps > MAX_STEPS) {
            throw new IllegalArgumentException("--steps must be in [3, " + MAX_STEPS + "], got " + steps);
        }
        if (every <= 0) {
            throw new IllegalArgumentException("--every must be > 0, got " + every);
        }
        if (curvatureEvery < 0) {
            throw new IllegalArgumentException("--curvature-every must be >= 0 (0 turns the probe off), got "
                    + curvatureEvery);
        }
    }

    /**
     * Steps from one Hessian-free estimate to the next: the smallest multiple of {@link #every()} that is at
     * least 3, since a window of three successive steps must end before the next one starts ({@code every = 1}
     * gives estimates at steps 2, 5, 8, ...).
     *
     * @return the spacing in steps, at least 3
     */
    public long estimateSpacing() {
        return (long) every * ((3 + every - 1) / every);
    }

    /**
     * How many Hessian-free estimates the run makes: the first window starts after step {@code every - 1} and
     * ends two steps later, the next ones follow every {@link #estimateSpacing()} steps (a window with a
     * learning rate of 0 makes none).
     *
     * @return the number of estimates, {@code >= 0}
     */
    public long estimateCount() {
        long firstEnd = every + 1L;
        return steps <= firstEnd ? 0 : (steps - 1 - firstEnd) / estimateSpacing() + 1;
    }
}

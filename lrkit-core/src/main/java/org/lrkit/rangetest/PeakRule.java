package org.lrkit.rangetest;

import org.lrkit.Checks;

/**
 * What a range-test curve says about the peak learning rate of a one-cycle run, and the peak for a run of a
 * given length: the rule {@code auto} trains with.
 *
 * <p>With {@link OptimizerFamily#SGD}:
 * <pre>
 *   peak(T) = min( lr_exit * sqrt(r_sweep / r_warmup(T)),  lr_last / 2 )
 *   r_sweep     = ln(lr_last / lr_first) / (n - 1)        (the sweep's speed, in log learning rate per step)
 *   r_warmup(T) = ln(25) / (0.3 T)                         (a one-cycle warm-up from peak/25 over 30% of T steps)
 * </pre>
 * where {@code lr_exit} is where the loss leaves its valley: the first learning rate after the lowest
 * zero-lag smoothed loss at which the loss has climbed back a quarter of the way to its level at the start
 * of the sweep's window (Smith and Topin 2018 put the one-cycle maximum where the loss stops falling), and
 * {@code lr_last} is the sweep's last rate (where it blew up, or its end). The sweep raises the rate far
 * faster than a one-cycle warm-up does (about 0.14 against 0.004 of log learning rate a step for six epochs
 * of Fashion-MNIST), and a network ramped up slowly tolerates more: on the peak grid (docs/benchmarks.md) the
 * best peak over the same curve grew with the square root of how much slower the warm-up was, from 0.02-0.05
 * in 184 steps to 0.1-0.2 in 2,808. Half the rate at which the sweep itself blew up caps it: a network
 * without batch normalization (LeNet) trained at that rate in one seed and diverged in the other.
 *
 * <p>With {@link OptimizerFamily#ADAPTIVE}: {@code peak(T) = lr_min}, the rate at the lowest zero-lag
 * smoothed loss, whatever the length (Adam's step is about {@code lr} per weight whatever the gradient; its
 * best peak sat at the curve's minimum on the grid).
 *
 * <pre>{@code
 * PeakRule rule = PeakRule.read(curve, OptimizerFamily.SGD);
 * double peak = rule.peak(2808);   // six epochs of 468 steps
 * }</pre>
 *
 * @param family the optimizer that ran the sweep
 * @param reading the curve's reading: the valley exit (SGD) or the minimum (Adam), with its step
 * @param lastLearningRate the sweep's last learning rate, {@code lr_last}
 * @param sweepRate the sweep's speed {@code r_sweep}, in natural log of the learning rate per step
 */
public record PeakRule(OptimizerFamily family, Suggestion reading, double lastLearningRate, double sweepRate) {

    /** The fraction of a one-cycle run spent warming up (the default of {@code oneCyclePolicy}). */
    public static final double WARMUP_FRACTION = 0.3;
    /** How many times the peak is above a one-cycle run's first rate (the default of {@code oneCyclePolicy}). */
    public static final double WARMUP_RATIO = 25;
    /** The reading of an SGD curve whose loss left its valley. */
    public static final String VALLEY_EXIT = "valley exit";
    /** The reading of an SGD curve whose loss was still in its valley where the sweep's window ends. */
    public static final String NO_EXIT = "end of sweep, still in the valley";
    /** The largest peak, as a share of the sweep's last rate. */
    public static final double LAST_RATE_SHARE = 0.5;
    /** How far back up towards its start the loss must climb to have left its valley. */
    public static final double EXIT_FRACTION = 0.25;

    /**
     * Creates a peak rule from its reading.
     *
     * @param family the optimizer that ran the sweep, not null
     * @param reading the curve's reading, not null
     * @param lastLearningRate the sweep's last learning rate, finite, {@code > 0}
     * @param sweepRate the sweep's speed, in natural log of the learning rate per step, finite, {@code > 0}
     * @throws IllegalArgumentException if {@code family} or {@code reading} is null, or
     *     {@code lastLearningRate} or {@code sweepRate} is not a finite value {@code > 0}
     */
    public PeakRule {
        Checks.notNull("family", family);
        Checks.notNull("reading", reading);
        Checks.positive("lastLearningRate", lastLearningRate);
        Checks.positive("sweepRate", sweepRate);
    }

    /**
     * Reads a curve swept with an optimizer of the given family.
     *
     * @param curve the range-test curve, at least 4 steps, not null
     * @param family the optimizer that ran the sweep, not null
     * @return the rule read from the curve
     * @throws IllegalArgumentException if {@code curve} or {@code family} is null, or the curve has fewer
     *     than 4 steps
     */
    public static PeakRule read(RangeTestCurve curve, OptimizerFamily family) {
        Checks.notNull("curve", curve);
        Checks.notNull("family", family);
        int n = curve.size();
        if (n < 4) {
            throw new IllegalArgumentException("a range-test curve needs at least 4 steps to read a peak from, got "
                    + n + "; run more steps or lower the start learning rate");
        }
        return fromSmoothed(Suggestions.zeroLag(curve), family);
    }

    /** Reads a curve already passed through {@link Suggestions#zeroLag} (at least 4 steps). */
    static PeakRule fromSmoothed(RangeTestCurve smoothed, OptimizerFamily family) {
        int n = smoothed.size();
        int[] window = Suggestions.window(smoothed);
        int lowest = Suggestions.lowest(smoothed, window);
        Suggestion reading = family == OptimizerFamily.ADAPTIVE
                ? new Suggestion("minimum", smoothed.learningRate(lowest), lowest)
                : valleyExit(smoothed, window, lowest);
        double last = smoothed.learningRate(n - 1);
        double rate = Math.log(last / smoothed.learningRate(0)) / (n - 1);
        return new PeakRule(family, reading, last, rate);
    }

    private static Suggestion valleyExit(RangeTestCurve smoothed, int[] window, int lowest) {
        double bottom = smoothed.smoothedLoss(lowest);
        double threshold = bottom + EXIT_FRACTION * (smoothed.smoothedLoss(window[0]) - bottom);
        for (int exit = lowest; exit < window[1]; exit++) {
            if (smoothed.smoothedLoss(exit + 1) > threshold) {
                return new Suggestion(VALLEY_EXIT, smoothed.learningRate(exit), exit);
            }
        }
        return new Suggestion(NO_EXIT, smoothed.learningRate(window[1]), window[1]);
    }

    /**
     * The peak for a one-cycle run of {@code totalSteps} optimizer steps.
     *
     * @param totalSteps length of the one-cycle run in optimizer steps, {@code > 0}
     * @return the peak learning rate
     * @throws IllegalArgumentException if {@code totalSteps < 1}
     */
    public double peak(long totalSteps) {
        Checks.positive("totalSteps", totalSteps);
        if (family == OptimizerFamily.ADAPTIVE) {
            return reading.learningRate();
        }
        return Math.min(uncapped(totalSteps), LAST_RATE_SHARE * lastLearningRate);
    }

    /**
     * Whether the cap (half the sweep's last rate) decides the SGD peak of a run of {@code totalSteps} steps.
     *
     * @param totalSteps length of the one-cycle run in optimizer steps, {@code > 0}
     * @return true for an SGD rule whose uncapped peak reaches the cap; always false for Adam
     * @throws IllegalArgumentException if {@code totalSteps < 1}
     */
    public boolean capped(long totalSteps) {
        Checks.positive("totalSteps", totalSteps);
        return family == OptimizerFamily.SGD && uncapped(totalSteps) >= LAST_RATE_SHARE * lastLearningRate;
    }

    private double uncapped(long totalSteps) {
        double warmupRate = Math.log(WARMUP_RATIO) / Math.max(1.0, WARMUP_FRACTION * totalSteps);
        return reading.learningRate() * Math.sqrt(sweepRate / warmupRate);
    }

    /**
     * The rule's name, as recorded in {@code summary.json}.
     *
     * @return {@code valley-exit} (SGD) or {@code minimum} (Adam)
     */
    public String name() {
        return family == OptimizerFamily.ADAPTIVE ? "minimum" : "valley-exit";
    }

    /**
     * Whether the peak may be too low: an SGD sweep that ended before the loss left its valley.
     *
     * @return true if the reading is {@link #NO_EXIT}
     */
    public boolean sweptTooLow() {
        return reading.method().equals(NO_EXIT);
    }
}

package org.lrkit.rangetest;

import org.lrkit.Checks;

/**
 * The peak learning rate that {@code auto} trains a one-cycle (or SGDR, or cyclical) policy at, read off a
 * range-test curve in one of two ways, depending on the optimizer that ran the sweep:
 *
 * <ul>
 *   <li>{@link OptimizerFamily#SGD}: {@code peak = lr_div / }{@value #SGD_DIVISOR}, where {@code lr_div} is
 *       the learning rate at which the sweep diverged (its last step, when the {@link DivergenceRule} or a
 *       non-finite loss stopped it). The largest rate SGD survives is set by the loss's curvature; Smith and
 *       Topin (2018, section 4.1) put the one-cycle maximum just below where the loss blows up, and the
 *       divisor leaves the margin that the peak grid measured (docs/benchmarks.md). When the sweep ends
 *       without diverging, its last rate stands in for {@code lr_div} and the result is only a lower bound:
 *       {@link #lowerBoundOnly} says so.
 *   <li>{@link OptimizerFamily#ADAPTIVE}: {@code peak = lr_min}, the learning rate at the lowest zero-lag
 *       smoothed loss of the sweep's window. Adam's step is about {@code lr} per weight whatever the
 *       gradient, so its loss blows up only near the weights' own scale (far above useful rates) but stops
 *       falling where steps start to overshoot.
 * </ul>
 *
 * <p>Both readings are in the sweep's own units (learning rates, not steps), so they do not depend on how
 * many steps the sweep took, and both read the curve's far end, where the heuristics of
 * {@link Suggestions} read its beginning; those (steepest, valley, minimum/10, slide) pick rates for a
 * constant schedule, and on the peak grid they sit 10 to 500 times below the best one-cycle peak with SGD.
 *
 * <pre>{@code
 * Suggestion peak = PeakRule.read(curve, OptimizerFamily.SGD);   // e.g. "divergence/10", 0.215
 * }</pre>
 */
public final class PeakRule {

    /** How far below the learning rate at which an SGD sweep diverged the peak sits. */
    public static final double SGD_DIVISOR = 10;

    private PeakRule() {
    }

    /**
     * The peak for a curve swept with an optimizer of the given family.
     *
     * @return the peak as a suggestion named {@code divergence/10} or {@code minimum}, with the curve step it
     *     was read at
     * @throws IllegalArgumentException if the curve has fewer than 4 steps
     */
    public static Suggestion read(RangeTestCurve curve, OptimizerFamily family) {
        Checks.notNull("curve", curve);
        Checks.notNull("family", family);
        if (curve.size() < 4) {
            throw new IllegalArgumentException("a range-test curve needs at least 4 steps to read a peak from, got "
                    + curve.size() + "; run more steps or lower the start learning rate");
        }
        return switch (family) {
            case SGD -> belowDivergence(curve);
            case ADAPTIVE -> atMinimum(Suggestions.zeroLag(curve));
        };
    }

    /** Whether an SGD reading is only a lower bound: the sweep ended before the loss blew up. */
    public static boolean lowerBoundOnly(RangeTestCurve curve, OptimizerFamily family) {
        return family == OptimizerFamily.SGD && curve.stopReason() == StopReason.COMPLETED;
    }

    private static Suggestion belowDivergence(RangeTestCurve curve) {
        int last = curve.size() - 1;
        return new Suggestion("divergence/" + (int) SGD_DIVISOR, curve.learningRate(last) / SGD_DIVISOR, last);
    }

    private static Suggestion atMinimum(RangeTestCurve smoothed) {
        int lowest = Suggestions.lowest(smoothed, Suggestions.window(smoothed));
        return new Suggestion("minimum", smoothed.learningRate(lowest), lowest);
    }
}

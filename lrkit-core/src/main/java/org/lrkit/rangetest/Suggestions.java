package org.lrkit.rangetest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lrkit.Checks;

/**
 * Learning rates read off a range-test curve, each a pure function of the curve's losses (and accuracy in
 * validation mode), computed over a window that drops the first 10% of the steps (the model still adjusts
 * to the data) and the last 5% (the blow-up).
 *
 * <p>The heuristics read a <em>zero-lag</em> smoothing of the raw losses in that window: the debiased
 * moving average run forwards and then backwards, with a span of about 3% of the sweep. The recorder's
 * causal average (beta 0.98) trails the loss by about 50 steps, half of a 100-step sweep, which moves every
 * suggestion to a larger learning rate than the one where the loss actually fell.
 *
 * <ul>
 *   <li>{@link #steepest}: where the loss falls fastest per decade of learning rate: the most negative
 *       central difference of the smoothed loss against {@code log(lr)}. Measured in log learning rate,
 *       so the answer does not depend on the sweep's spacing (Lightning#14248, #21141).
 *   <li>{@link #minimumOverTen}: a tenth of the learning rate at the lowest smoothed loss (fastai).
 *   <li>{@link #valley}: half-way down the longest decreasing run of the smoothed loss (fastai's default).
 *   <li>{@link #slide}: the left end of the last stretch where the slope is stable, with a threshold
 *       relative to the loss range instead of fastai's absolute 0.005.
 *   <li>{@link #clrBounds}: Smith's bounds for cyclical learning rates (2017, section 3.3): the lower where
 *       the loss starts to fall (10% of its total drop done) or the accuracy starts to rise, the upper where
 *       it stops improving (within 5% of its best).
 * </ul>
 *
 * <p>{@link #advise} combines them: the consensus is their median on a log scale, the interval their
 * range, and warnings flag a curve without a clear valley. These heuristics pick a rate to train at for
 * long; the peak of a one-cycle policy is read by {@link PeakRule}, which {@link #advise} adds.
 */
public final class Suggestions {

    private Suggestions() {
    }

    /** The usable window of a curve: {@code [first, last]} inclusive. */
    static int[] window(RangeTestCurve curve) {
        int n = curve.size();
        int first = n / 10;
        int last = n - 1 - Math.max(0, n / 20);
        if (last - first < 2) {
            first = 0;
            last = n - 1;
        }
        return new int[] {first, last};
    }

    /**
     * The zero-lag smoothing of the raw losses inside the window (NaN outside it), as a curve whose
     * smoothed losses the heuristics read.
     */
    static RangeTestCurve zeroLag(RangeTestCurve curve) {
        int[] window = window(curve);
        double[] raw = curve.losses();
        int n = curve.size();
        double span = Math.max(2.0, n / 30.0);
        double beta = 1 - 1 / span;
        double[] smoothed = new double[n];
        java.util.Arrays.fill(smoothed, Double.NaN);
        LossSmoother forward = new LossSmoother(beta);
        for (int i = window[0]; i <= window[1]; i++) {
            smoothed[i] = forward.add(raw[i]);
        }
        LossSmoother backward = new LossSmoother(beta);
        for (int i = window[1]; i >= window[0]; i--) {
            smoothed[i] = backward.add(smoothed[i]);
        }
        for (int i = 0; i < n; i++) {
            if (i < window[0] || i > window[1]) {
                smoothed[i] = curve.smoothedLoss(i);
            }
        }
        return new RangeTestCurve(curve.learningRates(), raw, smoothed, curve.validationLosses(),
                curve.accuracies(), curve.stopReason());
    }

    /**
     * The part of the window where the loss is still falling: from the window's start to the lowest
     * smoothed loss. Steepest descent, valley and slide read only this part, so noise past the minimum
     * cannot win.
     */
    static int[] descent(RangeTestCurve curve) {
        int[] window = window(curve);
        int lowest = lowest(curve, window);
        return new int[] {window[0], Math.min(window[1], Math.max(lowest, window[0] + 2))};
    }

    /**
     * Where the smoothed loss falls fastest per unit of {@code log(lr)}, measured over a base of about 5%
     * of the sweep on each side so that single noisy steps do not decide.
     *
     * @param curve the range-test curve, whose smoothed losses are read ({@link #advise} passes the zero-lag
     *     smoothing)
     * @return the suggestion named {@code steepest}
     */
    public static Suggestion steepest(RangeTestCurve curve) {
        int[] range = descent(curve);
        int base = Math.max(1, curve.size() / 40);
        int best = -1;
        double bestSlope = Double.POSITIVE_INFINITY;
        for (int i = range[0]; i <= range[1]; i++) {
            int before = Math.max(range[0], i - base);
            int after = Math.min(range[1], i + base);
            if (after == before) {
                continue;
            }
            double slope = (curve.smoothedLoss(after) - curve.smoothedLoss(before))
                    / (Math.log(curve.learningRate(after)) - Math.log(curve.learningRate(before)));
            if (slope < bestSlope) {
                bestSlope = slope;
                best = i;
            }
        }
        if (best < 0) {
            best = range[0];
        }
        return new Suggestion("steepest", curve.learningRate(best), best);
    }

    /**
     * A tenth of the learning rate at the lowest smoothed loss.
     *
     * @param curve the range-test curve, whose smoothed losses are read
     * @return the suggestion named {@code minimum/10}, at the step of the lowest loss
     */
    public static Suggestion minimumOverTen(RangeTestCurve curve) {
        int lowest = lowest(curve, window(curve));
        return new Suggestion("minimum/10", curve.learningRate(lowest) / 10, lowest);
    }

    /** The step of the lowest smoothed loss inside {@code window}. */
    static int lowest(RangeTestCurve curve, int[] window) {
        int lowest = window[0];
        for (int i = window[0]; i <= window[1]; i++) {
            if (curve.smoothedLoss(i) < curve.smoothedLoss(lowest)) {
                lowest = i;
            }
        }
        return lowest;
    }

    /**
     * Half-way down the longest strictly decreasing subsequence of the smoothed loss.
     *
     * @param curve the range-test curve, whose smoothed losses are read
     * @return the suggestion named {@code valley}
     */
    public static Suggestion valley(RangeTestCurve curve) {
        int[] window = descent(curve);
        int n = window[1] - window[0] + 1;
        int[] length = new int[n];
        int[] start = new int[n];
        int longest = 0;
        for (int i = 0; i < n; i++) {
            length[i] = 1;
            start[i] = i;
            for (int j = 0; j < i; j++) {
                if (curve.smoothedLoss(window[0] + i) < curve.smoothedLoss(window[0] + j)
                        && length[j] + 1 > length[i]) {
                    length[i] = length[j] + 1;
                    start[i] = start[j];
                }
            }
            if (length[i] > length[longest]) {
                longest = i;
            }
        }
        int index = window[0] + start[longest] + (longest - start[longest]) / 2;
        return new Suggestion("valley", curve.learningRate(index), index);
    }

    /**
     * The left end of the last stretch of {@code span} steps over which the slope changes by less than
     * {@code threshold} times the loss range.
     *
     * @param curve the range-test curve, whose smoothed losses are read
     * @param span length of the stretch in curve steps, {@code > 0}; fastai uses 15
     * @param threshold largest change of slope, as a fraction of the loss range over the window, finite,
     *     {@code > 0}; 0.005 in {@link #advise}
     * @return the suggestion named {@code slide}
     * @throws IllegalArgumentException if {@code span <= 0} or {@code threshold} is not a finite value
     *     {@code > 0}
     */
    public static Suggestion slide(RangeTestCurve curve, int span, double threshold) {
        Checks.positive("span", span);
        Checks.positive("threshold", threshold);
        int[] window = descent(curve);
        double[] slope = new double[curve.size()];
        for (int i = window[0]; i <= window[1]; i++) {
            int before = Math.max(window[0], i - 1);
            int after = Math.min(window[1], i + 1);
            slope[i] = after == before ? 0 : (curve.smoothedLoss(after) - curve.smoothedLoss(before)) / (after - before);
        }
        double range = 0;
        for (int i = window[0]; i <= window[1]; i++) {
            range = Math.max(range, Math.abs(curve.smoothedLoss(i) - curve.smoothedLoss(window[0])));
        }
        int right = window[1];
        int left = Math.max(window[0], right - Math.min(span, (window[1] - window[0]) / 3));
        while (left > window[0] && Math.abs(slope[right] - slope[left]) > threshold * Math.max(range, 1e-300)) {
            right--;
            left--;
        }
        return new Suggestion("slide", curve.learningRate(left), left);
    }

    /**
     * Smith's lower and upper bounds for a cyclical learning rate, {@code [lower, upper]}.
     *
     * @param curve the range-test curve; its accuracies are read when it has validation, otherwise its
     *     smoothed losses
     * @return a new two-element array, {@code lower < upper} where the curve has room for it
     */
    public static double[] clrBounds(RangeTestCurve curve) {
        int[] window = window(curve);
        if (curve.hasValidation()) {
            double[] accuracy = curve.accuracies();
            int firstEvaluated = -1;
            int bestEvaluated = -1;
            for (int i = 0; i < accuracy.length; i++) {
                if (!Double.isNaN(accuracy[i])) {
                    if (firstEvaluated < 0) {
                        firstEvaluated = i;
                    }
                    if (bestEvaluated < 0 || accuracy[i] > accuracy[bestEvaluated]) {
                        bestEvaluated = i;
                    }
                }
            }
            double rise = accuracy[bestEvaluated] - accuracy[firstEvaluated];
            int lower = firstEvaluated;
            for (int i = firstEvaluated; i <= bestEvaluated; i++) {
                if (!Double.isNaN(accuracy[i]) && accuracy[i] >= accuracy[firstEvaluated] + 0.1 * rise) {
                    lower = i;
                    break;
                }
            }
            return ordered(curve, lower, bestEvaluated);
        }
        int lowest = lowest(curve, window);
        double top = curve.smoothedLoss(window[0]);
        double drop = top - curve.smoothedLoss(lowest);
        int lower = window[0];
        while (lower < lowest && curve.smoothedLoss(lower) > top - 0.1 * drop) {
            lower++;
        }
        int upper = lower;
        while (upper < lowest && curve.smoothedLoss(upper) > curve.smoothedLoss(lowest) + 0.05 * drop) {
            upper++;
        }
        return ordered(curve, lower, upper);
    }

    private static double[] ordered(RangeTestCurve curve, int lower, int upper) {
        if (upper <= lower) {
            upper = Math.min(curve.size() - 1, lower + 1);
        }
        return new double[] {curve.learningRate(lower), curve.learningRate(upper)};
    }

    /**
     * Every suggestion, their consensus and interval, Smith's bounds, the peak {@code auto} trains at
     * ({@link PeakRule}) and warnings, for a curve swept with an optimizer of the given family.
     *
     * @param curve the range-test curve, at least 4 steps, not null
     * @param family the optimizer that ran the sweep, not null
     * @return the advice read from the curve
     * @throws IllegalArgumentException if {@code curve} or {@code family} is null, or the curve has fewer
     *     than 4 steps
     */
    public static RangeTestAdvice advise(RangeTestCurve curve, OptimizerFamily family) {
        Checks.notNull("curve", curve);
        Checks.notNull("family", family);
        if (curve.size() < 4) {
            throw new IllegalArgumentException("a range-test curve needs at least 4 steps to suggest anything, "
                    + "got " + curve.size() + "; run more steps or lower the start learning rate");
        }
        RangeTestCurve smooth = zeroLag(curve);
        List<Suggestion> suggestions = List.of(steepest(smooth), valley(smooth), minimumOverTen(smooth),
                slide(smooth, 15, 0.005));
        double[] logs = suggestions.stream().mapToDouble(s -> Math.log(s.learningRate())).sorted().toArray();
        double consensus = Math.exp((logs[1] + logs[2]) / 2);
        double low = Math.exp(logs[0]);
        double high = Math.exp(logs[logs.length - 1]);
        double[] bounds = clrBounds(smooth);
        PeakRule peak = PeakRule.fromSmoothed(smooth, family);
        List<String> warnings = warnings(smooth, low, high);
        if (peak.sweptTooLow()) {
            warnings.add(String.format(java.util.Locale.ROOT, "the sweep ended at %.3g before the loss left its "
                    + "valley, so the peak may be too low; sweep to a higher end", peak.lastLearningRate()));
        }
        return new RangeTestAdvice(suggestions, consensus, low, high, bounds[0], bounds[1], peak, warnings);
    }

    private static List<String> warnings(RangeTestCurve curve, double low, double high) {
        List<String> warnings = new ArrayList<>();
        int[] window = window(curve);
        double start = curve.smoothedLoss(window[0]);
        int lowest = lowest(curve, window);
        double drop = start - curve.smoothedLoss(lowest);
        if (window[1] - window[0] < 8) {
            warnings.add("too few steps (" + curve.size() + ") for a reliable reading; run at least 50");
        }
        if (drop < 0.02 * Math.max(Math.abs(start), 1e-12)) {
            warnings.add(String.format(java.util.Locale.ROOT, "flat curve: the loss falls by only %.1f%% "
                    + "over the sweep; the model may be trained already, or the range lies too low",
                    100 * drop / Math.max(Math.abs(start), 1e-12)));
        }
        if (curve.stopReason() != StopReason.COMPLETED && lowest - window[0] < 5) {
            warnings.add("diverged almost at once (" + curve.stopReason() + " after " + curve.size()
                    + " steps): start the sweep lower");
        }
        int third = window[0] + (window[1] - window[0]) / 3;
        double earlyPeak = Arrays.stream(curve.smoothedLosses(), window[0], third + 1).max().orElse(start);
        if (drop > 0 && earlyPeak > start + 0.25 * drop) {
            warnings.add("early spike: the loss rises before it falls; a suggestion may sit on the spike");
        }
        if (high / low > 30) {
            warnings.add(String.format(java.util.Locale.ROOT, "the suggestions disagree by %.0fx "
                    + "(%.3g to %.3g): no clear valley", high / low, low, high));
        }
        return warnings;
    }
}

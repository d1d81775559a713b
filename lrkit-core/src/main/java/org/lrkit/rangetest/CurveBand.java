package org.lrkit.rangetest;

import java.util.Arrays;
import java.util.List;
import org.lrkit.Checks;

/**
 * Several range tests of the same sweep (different seeds) combined: at each learning rate the median of
 * their smoothed losses and a band between the lower and upper quartiles, over the runs that reached that
 * step. One run's noise can move a suggestion by a factor of several (neural_prophet#892); the median
 * curve is steadier.
 *
 * <pre>{@code
 * CurveBand band = CurveBand.of(List.of(seed1, seed2, seed3));
 * RangeTestAdvice advice = Suggestions.advise(band.medianCurve());
 * }</pre>
 *
 * @param learningRates learning rate of each step
 * @param median median smoothed loss at each step
 * @param lowerQuartile 25th percentile at each step
 * @param upperQuartile 75th percentile at each step
 * @param runs number of runs that reached each step
 */
public record CurveBand(double[] learningRates, double[] median, double[] lowerQuartile, double[] upperQuartile,
        int[] runs) {

    /**
     * Combines curves of the same sweep. Steps reached by fewer than half of the runs are left out, so a
     * single run that diverged late does not set the tail.
     *
     * @param curves range tests of the same sweep (same learning rate at each step), at least one
     * @return the median and quartiles at each step reached by at least half of the runs
     * @throws IllegalArgumentException if {@code curves} is null or empty, or two curves have different
     *     learning rates at the same step
     */
    public static CurveBand of(List<RangeTestCurve> curves) {
        Checks.notNull("curves", curves);
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("curves must not be empty");
        }
        int longest = curves.stream().mapToInt(RangeTestCurve::size).max().orElseThrow();
        RangeTestCurve reference = curves.stream().filter(c -> c.size() == longest).findFirst().orElseThrow();
        for (RangeTestCurve curve : curves) {
            for (int i = 0; i < curve.size(); i++) {
                if (curve.learningRate(i) != reference.learningRate(i)) {
                    throw new IllegalArgumentException("curves must come from the same sweep, but step " + i
                            + " has learning rates " + curve.learningRate(i) + " and " + reference.learningRate(i));
                }
            }
        }
        int steps = 0;
        while (steps < longest && reached(curves, steps) * 2 >= curves.size()) {
            steps++;
        }
        double[] median = new double[steps];
        double[] lower = new double[steps];
        double[] upper = new double[steps];
        int[] runs = new int[steps];
        for (int i = 0; i < steps; i++) {
            int step = i;
            double[] values = curves.stream().filter(c -> c.size() > step).mapToDouble(c -> c.smoothedLoss(step))
                    .sorted().toArray();
            runs[i] = values.length;
            median[i] = quantile(values, 0.5);
            lower[i] = quantile(values, 0.25);
            upper[i] = quantile(values, 0.75);
        }
        return new CurveBand(Arrays.copyOf(reference.learningRates(), steps), median, lower, upper, runs);
    }

    private static int reached(List<RangeTestCurve> curves, int step) {
        return (int) curves.stream().filter(c -> c.size() > step).count();
    }

    /** Linear-interpolated quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }

    /**
     * The median as a curve (already smoothed, so it is its own smoothed loss), for {@link Suggestions}.
     *
     * @return a completed curve with the median as loss and smoothed loss, and no validation loss or accuracy
     */
    public RangeTestCurve medianCurve() {
        double[] none = new double[median.length];
        Arrays.fill(none, Double.NaN);
        return new RangeTestCurve(learningRates, median, median, none, none.clone(), StopReason.COMPLETED);
    }
}

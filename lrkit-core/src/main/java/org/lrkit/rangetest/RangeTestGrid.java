package org.lrkit.rangetest;

import java.util.List;
import org.lrkit.Checks;

/**
 * Range tests repeated over a grid of another hyperparameter, one curve per value, to be overlaid: Smith's
 * momentum and weight-decay range tests ("A disciplined approach...", 2018, sections 4.3-4.4). The value
 * whose curve reaches the lowest loss is the usual pick.
 *
 * <pre>{@code
 * RangeTestGrid grid = new RangeTestGrid("weightDecay", new double[] {1e-5, 1e-4, 1e-3}, curves);
 * double weightDecay = grid.bestValue();
 * }</pre>
 *
 * @param parameter name of the varied hyperparameter ({@code momentum}, {@code weightDecay})
 * @param values the values tried
 * @param curves the range test for each value, in the same order
 */
public record RangeTestGrid(String parameter, double[] values, List<RangeTestCurve> curves) {

    /**
     * Creates a grid of range tests.
     *
     * @param parameter name of the varied hyperparameter, not null
     * @param values the values tried, at least one (copied)
     * @param curves the range test for each value, as many as values (copied)
     * @throws IllegalArgumentException if {@code parameter} or {@code values} is null, or {@code values} is
     *     empty or not as long as {@code curves}
     */
    public RangeTestGrid {
        Checks.notNull("parameter", parameter);
        Checks.notNull("values", values);
        curves = List.copyOf(curves);
        if (values.length == 0 || values.length != curves.size()) {
            throw new IllegalArgumentException("values and curves must have the same, non-zero length, got "
                    + values.length + " values and " + curves.size() + " curves");
        }
        values = values.clone();
    }

    /**
     * The values tried (a copy).
     *
     * @return the values of the varied hyperparameter, in the order of {@link #curves()}
     */
    @Override
    public double[] values() {
        return values.clone();
    }

    /**
     * The lowest smoothed loss of each curve.
     *
     * @return the lowest finite smoothed loss of each curve, in the order of {@link #values()}; positive
     *     infinity for a curve without a finite one
     */
    public double[] lowestLosses() {
        return curves.stream().mapToDouble(curve -> java.util.Arrays.stream(curve.smoothedLosses())
                .filter(Double::isFinite).min().orElse(Double.POSITIVE_INFINITY)).toArray();
    }

    /**
     * The value whose curve reaches the lowest smoothed loss.
     *
     * @return the best value of the varied hyperparameter; the first one on a tie
     */
    public double bestValue() {
        double[] lowest = lowestLosses();
        int best = 0;
        for (int i = 1; i < lowest.length; i++) {
            if (lowest[i] < lowest[best]) {
                best = i;
            }
        }
        return values[best];
    }
}

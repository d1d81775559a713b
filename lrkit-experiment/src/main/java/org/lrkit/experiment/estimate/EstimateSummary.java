package org.lrkit.experiment.estimate;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statistics of one estimate run's global Hessian-free estimates, the figures a reproduction sets beside a
 * paper's. Only finite estimates count (an estimate is infinite where the gradient did not change). Percentiles
 * interpolate linearly between the sorted values (the {@code q}-quantile of {@code n} values sits at position
 * {@code q (n - 1)}), so the median of an even count is the mean of the middle two.
 *
 * @param estimates how many finite estimates there are
 * @param minimum the smallest estimate
 * @param maximum the largest estimate
 * @param median their median
 * @param percentile10 their 10th percentile: the lower end of the 10-90% range
 * @param percentile90 their 90th percentile: the upper end of the 10-90% range
 * @param finalAverage the moving average of the estimates at the last row (the authors' smoothing)
 * @param lowestLearningRate the smallest learning rate in use at a row
 * @param highestLearningRate the largest learning rate in use at a row
 * @param ratioPercentile10 the 10th percentile of estimate / learning rate in use at the same step: above 1 when
 *     at least 90% of the estimates lie above the rate the network trains at
 * @param ratioPercentile90 the 90th percentile of the same ratio
 * @param momentum the largest SGD momentum at a row, NaN where unknown (not SGD, or a summary read from a file
 *     written before lrkit recorded it)
 * @param correctedEstimates how many finite momentum-corrected estimates there are
 * @param correctedRatioPercentile10 the 10th percentile of corrected estimate / learning rate in use at its step
 *     ({@link org.lrkit.curvature.MomentumCorrectedEstimate}), NaN where there is none
 * @param correctedRatioPercentile90 the 90th percentile of the same ratio
 */
public record EstimateSummary(int estimates, double minimum, double maximum, double median, double percentile10,
        double percentile90, double finalAverage, double lowestLearningRate, double highestLearningRate,
        double ratioPercentile10, double ratioPercentile90, double momentum, int correctedEstimates,
        double correctedRatioPercentile10, double correctedRatioPercentile90) {

    /**
     * A summary without the momentum and the corrected estimates (unknown: NaN, none).
     *
     * @param estimates how many finite estimates there are
     * @param minimum the smallest estimate
     * @param maximum the largest estimate
     * @param median their median
     * @param percentile10 their 10th percentile
     * @param percentile90 their 90th percentile
     * @param finalAverage the moving average of the estimates at the last row
     * @param lowestLearningRate the smallest learning rate in use at a row
     * @param highestLearningRate the largest learning rate in use at a row
     * @param ratioPercentile10 the 10th percentile of estimate / learning rate
     * @param ratioPercentile90 the 90th percentile of estimate / learning rate
     */
    public EstimateSummary(int estimates, double minimum, double maximum, double median, double percentile10,
            double percentile90, double finalAverage, double lowestLearningRate, double highestLearningRate,
            double ratioPercentile10, double ratioPercentile90) {
        this(estimates, minimum, maximum, median, percentile10, percentile90, finalAverage, lowestLearningRate,
                highestLearningRate, ratioPercentile10, ratioPercentile90, Double.NaN, 0, Double.NaN, Double.NaN);
    }

    /**
     * Whether the run used SGD momentum (a momentum above 0 at some row).
     *
     * @return whether {@link #momentum()} is above 0 (false when NaN)
     */
    public boolean usedMomentum() {
        return momentum > 0;
    }

    /**
     * The statistics of {@code rows}; every figure but the learning rates and the final average is NaN when no
     * estimate is finite.
     *
     * @param rows the rows of an estimate run, at least one
     * @return the summary
     * @throws IllegalArgumentException if there are no rows
     */
    public static EstimateSummary of(List<EstimateRow> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("rows must not be empty: a summary needs at least one estimate");
        }
        List<EstimateRow> finite = rows.stream().filter(row -> Double.isFinite(row.estimate())).toList();
        double[] estimates = finite.stream().mapToDouble(EstimateRow::estimate).sorted().toArray();
        double[] ratios = finite.stream().mapToDouble(row -> row.estimate() / row.learningRate()).sorted().toArray();
        double[] rates = rows.stream().mapToDouble(EstimateRow::learningRate).toArray();
        double[] corrected = rows.stream().filter(row -> Double.isFinite(row.corrected()))
                .mapToDouble(row -> row.corrected() / row.learningRate()).sorted().toArray();
        double momentum = rows.stream().mapToDouble(EstimateRow::momentum).filter(Double::isFinite).max()
                .orElse(Double.NaN);
        return new EstimateSummary(estimates.length, quantile(estimates, 0), quantile(estimates, 1),
                quantile(estimates, 0.5), quantile(estimates, 0.1), quantile(estimates, 0.9),
                rows.get(rows.size() - 1).average(), Arrays.stream(rates).min().orElseThrow(),
                Arrays.stream(rates).max().orElseThrow(), quantile(ratios, 0.1), quantile(ratios, 0.9), momentum,
                corrected.length, quantile(corrected, 0.1), quantile(corrected, 0.9));
    }

    /**
     * The {@code q}-quantile of {@code sorted} values, interpolated linearly between neighbours; NaN for none.
     *
     * @param sorted values in increasing order
     * @param q in {@code [0, 1]}
     */
    static double quantile(double[] sorted, double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("q must be in [0, 1], got " + q);
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /**
     * As an object of {@code reproduction.json}.
     *
     * @return the summary as a JSON object, by figure name
     */
    public Map<String, Object> toJson() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("estimates", estimates);
        map.put("minimum", minimum);
        map.put("maximum", maximum);
        map.put("median", median);
        map.put("percentile10", percentile10);
        map.put("percentile90", percentile90);
        map.put("finalMovingAverage", finalAverage);
        map.put("lowestLearningRate", lowestLearningRate);
        map.put("highestLearningRate", highestLearningRate);
        map.put("ratioToLearningRatePercentile10", ratioPercentile10);
        map.put("ratioToLearningRatePercentile90", ratioPercentile90);
        map.put("momentum", momentum);
        map.put("correctedEstimates", correctedEstimates);
        map.put("correctedRatioToLearningRatePercentile10", correctedRatioPercentile10);
        map.put("correctedRatioToLearningRatePercentile90", correctedRatioPercentile90);
        return map;
    }
}

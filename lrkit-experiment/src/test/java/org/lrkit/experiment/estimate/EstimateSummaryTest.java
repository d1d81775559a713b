package org.lrkit.experiment.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.lrkit.experiment.estimate.EstimateRows.corrected;
import static org.lrkit.experiment.estimate.EstimateRows.row;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The statistics of an estimate run, from hand-made rows. */
class EstimateSummaryTest {

    @Test
    void quantilesInterpolateBetweenTheSortedValues() {
        double[] sorted = {1, 2, 3, 4, 5};
        assertThat(EstimateSummary.quantile(sorted, 0)).isEqualTo(1);
        assertThat(EstimateSummary.quantile(sorted, 0.5)).isEqualTo(3);
        assertThat(EstimateSummary.quantile(sorted, 1)).isEqualTo(5);
        assertThat(EstimateSummary.quantile(sorted, 0.1)).isCloseTo(1.4, within(1e-12));
        assertThat(EstimateSummary.quantile(sorted, 0.9)).isCloseTo(4.6, within(1e-12));
        assertThat(EstimateSummary.quantile(new double[] {1, 2, 3, 4}, 0.5)).isEqualTo(2.5);
        assertThat(EstimateSummary.quantile(new double[] {7}, 0.1)).isEqualTo(7);
        assertThat(EstimateSummary.quantile(new double[0], 0.5)).isNaN();
        assertThatThrownBy(() -> EstimateSummary.quantile(sorted, 1.5)).hasMessage("q must be in [0, 1], got 1.5");
    }

    @Test
    void summarizesTheFiniteEstimatesAndTheirRatioToTheLearningRate() {
        // eleven estimates 0.10, 0.11, ..., 0.20 at learning rates 0.05, 0.055, ..., 0.1: each twice its rate
        List<EstimateRow> rows = IntStream.rangeClosed(0, 10)
                .mapToObj(i -> row(3L * i + 2, 0.05 + 0.005 * i, 0.10 + 0.01 * i, 0.1 + 0.001 * i)).toList();

        EstimateSummary summary = EstimateSummary.of(rows);

        assertThat(summary.estimates()).isEqualTo(11);
        assertThat(summary.minimum()).isCloseTo(0.10, within(1e-12));
        assertThat(summary.maximum()).isCloseTo(0.20, within(1e-12));
        assertThat(summary.median()).isCloseTo(0.15, within(1e-12));
        assertThat(summary.percentile10()).isCloseTo(0.11, within(1e-12));
        assertThat(summary.percentile90()).isCloseTo(0.19, within(1e-12));
        assertThat(summary.finalAverage()).isCloseTo(0.11, within(1e-12));
        assertThat(summary.lowestLearningRate()).isCloseTo(0.05, within(1e-12));
        assertThat(summary.highestLearningRate()).isCloseTo(0.10, within(1e-12));
        assertThat(summary.ratioPercentile10()).isCloseTo(2.0, within(1e-9));
        assertThat(summary.ratioPercentile90()).isCloseTo(2.0, within(1e-9));
        assertThat(summary.toJson()).containsEntry("estimates", 11).containsKeys("median", "percentile10",
                "percentile90", "finalMovingAverage", "ratioToLearningRatePercentile10");
    }

    @Test
    void summarizesTheCorrectedEstimatesAndTheMomentum() {
        // plain estimates 2x the rate (the momentum bias), corrected ones 0.4x; the first window has none
        List<EstimateRow> rows = List.of(corrected(2, 0.1, 0.2, 0.9, Double.NaN), corrected(5, 0.1, 0.22, 0.9, 0.04),
                corrected(8, 0.1, 0.2, 0.85, 0.04));

        EstimateSummary summary = EstimateSummary.of(rows);

        assertThat(summary.usedMomentum()).isTrue();
        assertThat(summary.momentum()).isEqualTo(0.9);
        assertThat(summary.correctedEstimates()).isEqualTo(2);
        assertThat(summary.correctedRatioPercentile10()).isCloseTo(0.4, within(1e-12));
        assertThat(summary.correctedRatioPercentile90()).isCloseTo(0.4, within(1e-12));
        assertThat(summary.ratioPercentile10()).isCloseTo(2.0, within(1e-9));
        assertThat(summary.toJson()).containsEntry("momentum", 0.9).containsEntry("correctedEstimates", 2)
                .containsKey("correctedRatioToLearningRatePercentile10");
        // rows without the corrected values: momentum unknown, no corrected estimates
        EstimateSummary old = EstimateSummary.of(List.of(row(2, 0.1, 0.3, 0.12)));
        assertThat(old.usedMomentum()).isFalse();
        assertThat(old.momentum()).isNaN();
        assertThat(old.correctedEstimates()).isZero();
        assertThat(old.correctedRatioPercentile10()).isNaN();
    }

    @Test
    void leavesOutEstimatesThatAreNotFinite() {
        List<EstimateRow> rows = List.of(row(2, 0.1, 0.3, 0.12), row(5, 0.1, Double.POSITIVE_INFINITY, 0.12),
                row(8, 0.1, Double.NaN, 0.12), row(11, 0.1, 0.5, 0.2));

        EstimateSummary summary = EstimateSummary.of(rows);

        assertThat(summary.estimates()).isEqualTo(2);
        assertThat(summary.median()).isCloseTo(0.4, within(1e-12));
        assertThat(summary.maximum()).isEqualTo(0.5);
        assertThat(summary.finalAverage()).isEqualTo(0.2);
    }

    @Test
    void withoutAFiniteEstimateTheFiguresAreNaN() {
        EstimateSummary summary = EstimateSummary.of(List.of(row(2, 0.1, Double.POSITIVE_INFINITY, 0.1)));
        assertThat(summary.estimates()).isZero();
        assertThat(summary.median()).isNaN();
        assertThat(summary.ratioPercentile10()).isNaN();
        assertThat(summary.lowestLearningRate()).isEqualTo(0.1);
        assertThatThrownBy(() -> EstimateSummary.of(List.of()))
                .hasMessage("rows must not be empty: a summary needs at least one estimate");
    }
}

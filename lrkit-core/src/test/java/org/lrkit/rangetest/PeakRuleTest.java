package org.lrkit.rangetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The peak rule on range-test curves recorded by {@code lrkit train --policy auto} for the cases of the peak
 * grid (docs/benchmarks.md, "Choosing the peak"; seed 0, the default 100-step sweep from 1e-5 to 10), each
 * pinned within a factor of 1.5 of the best peak that case's grid found.
 */
class PeakRuleTest {

    /** The 100-step sweep the fixtures were recorded with: fewer rows mean the loss blew up. */
    private static final int SWEEP_STEPS = 100;

    static RangeTestCurve recorded(String name) throws IOException {
        try (InputStream in = PeakRuleTest.class.getResourceAsStream("/rangetest/" + name + ".csv")) {
            assertThat(in).as(name).isNotNull();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
            double[] lrs = new double[lines.size()];
            double[] losses = new double[lines.size()];
            for (int i = 0; i < lines.size(); i++) {
                String[] cells = lines.get(i).split(",", -1);
                lrs[i] = Double.parseDouble(cells[1]);
                losses[i] = Double.parseDouble(cells[2]);
            }
            StopReason reason = lines.size() < SWEEP_STEPS ? StopReason.DIVERGED : StopReason.COMPLETED;
            return RangeTestCurve.ofLosses(lrs, losses, 0.98, reason);
        }
    }

    private static void assertWithinFactor(double actual, double expected, double factor) {
        assertThat(actual).isBetween(expected / factor, expected * factor);
    }

    @Test
    void sgdPeakIsATenthOfWhereTheSweepDiverged() throws IOException {
        RangeTestCurve curve = recorded("fashion_cnn-b128");
        Suggestion peak = PeakRule.read(curve, OptimizerFamily.SGD);
        assertThat(peak.method()).isEqualTo("divergence/10");
        assertThat(peak.index()).isEqualTo(curve.size() - 1);
        assertThat(peak.learningRate()).isEqualTo(curve.learningRate(curve.size() - 1) / 10);
        assertThat(PeakRule.lowerBoundOnly(curve, OptimizerFamily.SGD)).isFalse();
    }

    @Test
    void adamPeakIsTheLowestSmoothedLoss() throws IOException {
        Suggestion peak = PeakRule.read(recorded("mlp-adamw"), OptimizerFamily.ADAPTIVE);
        assertThat(peak.method()).isEqualTo("minimum");
        // the grid's best: 0.002 (89.15%, mean of seeds 0 and 1)
        assertWithinFactor(peak.learningRate(), 0.002, 1.5);
    }

    @Test
    void theHeuristicsConsensusIsFarBelowTheSgdPeak() throws IOException {
        RangeTestAdvice advice = Suggestions.advise(recorded("fashion_cnn-b128"), OptimizerFamily.SGD);
        assertThat(advice.peak() / advice.consensus()).isGreaterThan(100);
        assertThat(advice.warnings()).noneMatch(w -> w.contains("lower bound"));
    }

    @Test
    void aSweepThatNeverDivergesGivesALowerBoundAndSaysSo() {
        double[] lrs = new double[50];
        double[] losses = new double[50];
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] = 1e-5 * Math.pow(10, i / 10.0);
            losses[i] = 2.3 - i * 0.01;
        }
        RangeTestCurve curve = RangeTestCurve.ofLosses(lrs, losses, 0.9, StopReason.COMPLETED);
        assertThat(PeakRule.lowerBoundOnly(curve, OptimizerFamily.SGD)).isTrue();
        assertThat(PeakRule.lowerBoundOnly(curve, OptimizerFamily.ADAPTIVE)).isFalse();
        assertThat(PeakRule.read(curve, OptimizerFamily.SGD).learningRate()).isEqualTo(lrs[49] / 10);
        assertThat(Suggestions.advise(curve, OptimizerFamily.SGD).warnings())
                .anyMatch(w -> w.contains("only a lower bound; sweep to a higher end"));
    }

    @Test
    void tooShortCurvesAndMissingArgumentsAreRefused() {
        RangeTestCurve three = RangeTestCurve.ofLosses(new double[] {1e-3, 1e-2, 1e-1}, new double[] {2, 1, 9}, 0.9,
                StopReason.DIVERGED);
        assertThatThrownBy(() -> PeakRule.read(three, OptimizerFamily.SGD))
                .hasMessage("a range-test curve needs at least 4 steps to read a peak from, got 3; run more steps or"
                        + " lower the start learning rate");
        assertThatThrownBy(() -> PeakRule.read(three, null)).hasMessageContaining("family");
    }
}

package org.lrkit.rangetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The peak rule on range-test curves recorded by {@code lrkit train --policy auto} for the cases of the peak
 * grid (docs/benchmarks.md, "Choosing the peak"; seed 0, the default 100-step sweep from 1e-5 to 10), each
 * pinned within a factor of 1.5 of the peaks that were best on that case's grid (final test accuracy of
 * seed 0 in the comments).
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

    /** Asserts that {@code peak} lies within a factor of 1.5 of the best peaks {@code [low, high]}. */
    private static void assertNearTheBest(double peak, double low, double high) {
        assertThat(peak).isBetween(low / 1.5, high * 1.5);
    }

    @Test
    void fashionCnnSixEpochs() throws IOException {
        // 0.05: 92.08%, 0.1: 92.50%, 0.2: 92.55%, 0.5: 90.26%, 1: diverged
        PeakRule rule = PeakRule.read(recorded("fashion_cnn-b128"), OptimizerFamily.SGD);
        assertThat(rule.reading().method()).isEqualTo("valley exit");
        assertNearTheBest(rule.peak(6 * 468), 0.1, 0.2);
        assertThat(rule.capped(6 * 468)).isFalse();
    }

    @Test
    void theSameCurveGivesALowerPeakToAShorterRun() throws IOException {
        // the demo's data, 4 epochs of 46 steps: 0.02: 88.3%, 0.05: 88.0%, 0.1: 86.3%, 0.2: 86.3%
        PeakRule rule = PeakRule.read(recorded("demo-embedded"), OptimizerFamily.SGD);
        assertNearTheBest(rule.peak(4 * 46), 0.02, 0.05);
        // 16 epochs: 0.05: 89.3%, 0.1: 88.7%, 0.2: 89.3%, 0.5: 88.3%
        assertNearTheBest(rule.peak(16 * 46), 0.05, 0.2);
        // the peak grows with the square root of the run's length
        assertThat(rule.peak(16 * 46) / rule.peak(4 * 46)).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void lenetIsCappedAtHalfWhereItsSweepBlewUp() throws IOException {
        // batch 512, 8 epochs of 117 steps: 0.05: 90.58%, 0.1: 91.27%, 0.2: 91.42% (seed 1 diverged at 0.2)
        RangeTestCurve curve = recorded("lenet5-b512");
        PeakRule rule = PeakRule.read(curve, OptimizerFamily.SGD);
        assertThat(rule.peak(8 * 117)).isEqualTo(curve.learningRate(curve.size() - 1) / 2);
        assertThat(rule.capped(8 * 117)).isTrue();
        assertNearTheBest(rule.peak(8 * 117), 0.1, 0.1);
    }

    @Test
    void adamTrainsAtTheLowestLossWhateverTheLength() throws IOException {
        // AdamW, 5 epochs: 0.001: 88.88%, 0.002: 89.24%, 0.005: 88.78% (seeds 0 and 1 agree)
        PeakRule rule = PeakRule.read(recorded("mlp-adamw"), OptimizerFamily.ADAPTIVE);
        assertThat(rule.reading().method()).isEqualTo("minimum");
        assertThat(rule.name()).isEqualTo("minimum");
        assertNearTheBest(rule.peak(5 * 468), 0.002, 0.002);
        assertThat(rule.peak(100)).isEqualTo(rule.peak(100_000));
        assertThat(rule.capped(100_000)).isFalse();
    }

    @Test
    void theHeuristicsConsensusIsFarBelowTheOneCyclePeak() throws IOException {
        RangeTestAdvice advice = Suggestions.advise(recorded("fashion_cnn-b128"), OptimizerFamily.SGD);
        assertThat(advice.peak(6 * 468) / advice.consensus()).isGreaterThan(100);
        assertThat(advice.peakRule().name()).isEqualTo("valley-exit");
        assertThat(advice.warnings()).noneMatch(w -> w.contains("may be too low"));
    }

    @Test
    void aSweepThatEndsInsideTheValleySaysThePeakMayBeTooLow() {
        double[] lrs = new double[50];
        double[] losses = new double[50];
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] = 1e-5 * Math.pow(10, i / 10.0);
            losses[i] = 2.3 - i * 0.01;
        }
        RangeTestCurve curve = RangeTestCurve.ofLosses(lrs, losses, 0.9, StopReason.COMPLETED);
        PeakRule rule = PeakRule.read(curve, OptimizerFamily.SGD);
        assertThat(rule.sweptTooLow()).isTrue();
        assertThat(rule.reading().method()).isEqualTo(PeakRule.NO_EXIT);
        assertThat(rule.peak(1_000_000)).isEqualTo(lrs[49] / 2);
        assertThat(PeakRule.read(curve, OptimizerFamily.ADAPTIVE).sweptTooLow()).isFalse();
        assertThat(Suggestions.advise(curve, OptimizerFamily.SGD).warnings())
                .anyMatch(w -> w.contains("before the loss left its valley, so the peak may be too low"));
    }

    @Test
    void badArgumentsAreRefusedWithTheirName() {
        RangeTestCurve three = RangeTestCurve.ofLosses(new double[] {1e-3, 1e-2, 1e-1}, new double[] {2, 1, 9}, 0.9,
                StopReason.DIVERGED);
        assertThatThrownBy(() -> PeakRule.read(three, OptimizerFamily.SGD))
                .hasMessage("a range-test curve needs at least 4 steps to read a peak from, got 3; run more steps or"
                        + " lower the start learning rate");
        assertThatThrownBy(() -> PeakRule.read(three, null)).hasMessageContaining("family");
        PeakRule rule = new PeakRule(OptimizerFamily.SGD, new Suggestion("valley exit", 0.01, 10), 1.0, 0.1);
        assertThatThrownBy(() -> rule.peak(0)).hasMessageContaining("totalSteps must be > 0, got 0");
        assertThatThrownBy(() -> new PeakRule(OptimizerFamily.SGD, new Suggestion("x", 0.01, 1), 0, 0.1))
                .hasMessageContaining("lastLearningRate must be > 0");
    }
}

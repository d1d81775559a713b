package org.lrkit.experiment.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lrkit.experiment.estimate.EstimateSummary;

/** The verdict on a measured range, at the boundaries of its rule. */
class EstimateCheckTest {

    private static final EstimateClaim CLAIM = new EstimateClaim("the estimate lies between 2 and 6",
            "ResNet-56: estimates 2-6", 2, 6);

    /** A run whose estimates have the 10-90% range {@code [p10, p90]} and estimate / lr 10-90% {@code [r10, r90]}. */
    private static EstimateSummary seed(double p10, double p90, double r10, double r90) {
        return new EstimateSummary(100, p10 / 2, p90 * 2, (p10 + p90) / 2, p10, p90, p90, 0.1, 0.27, r10, r90);
    }

    /**
     * A run with momentum {@code m} whose plain estimates have estimate / lr 10-90% {@code [r10, r90]} and whose
     * corrected ones {@code [c10, c90]} (NaN: none).
     */
    private static EstimateSummary withMomentum(double m, double r10, double r90, double c10, double c90) {
        return new EstimateSummary(100, 0.13, 1.1, 0.4, 0.26, 0.54, 0.5, 0.1, 0.27, r10, r90, m,
                Double.isNaN(c10) ? 0 : 99, c10, c90);
    }

    /** Three seeds: the number a verdict needs. */
    private static List<EstimateSummary> three(EstimateSummary seed) {
        return List.of(seed, seed, seed);
    }

    private static Verdict verdict(EstimateSummary... seeds) {
        return EstimateCheck.of(CLAIM, List.of(seeds), Scale.CPU).verdict();
    }

    private static Verdict verdictOfThree(EstimateSummary seed) {
        return EstimateCheck.of(CLAIM, three(seed), Scale.CPU).verdict();
    }

    @Test
    void aTenToNinetyRangeInsideThePapersIsReproduced() {
        EstimateCheck check = EstimateCheck.of(CLAIM, three(seed(2.5, 5.1, 12, 25)), Scale.FULL);
        assertThat(check.verdict()).isEqualTo(Verdict.REPRODUCED);
        assertThat(check.explanation()).isEqualTo("the 10-90% ranges of the per-step estimates of the 3 seeds,"
                + " together 2.5-5.1, lies inside the paper's 2-6");
    }

    @Test
    void theEndsOfThePapersRangeCountAsInside() {
        assertThat(verdictOfThree(seed(2, 6, 10, 30))).isEqualTo(Verdict.REPRODUCED);
        assertThat(verdictOfThree(seed(1.999, 6, 10, 30))).isEqualTo(Verdict.PARTLY);
        assertThat(verdictOfThree(seed(2, 6.001, 10, 30))).isEqualTo(Verdict.PARTLY);
    }

    @Test
    void outsideTheRangeButAboveTheLearningRateIsPartly() {
        // plain SGD (momentum unknown or 0): the plain estimate's ratio decides
        EstimateCheck check = EstimateCheck.of(CLAIM, three(seed(0.26, 0.54, 1.4, 2.2)), Scale.CPU);
        assertThat(check.verdict()).isEqualTo(Verdict.PARTLY);
        assertThat(check.momentum()).isFalse();
        assertThat(check.explanation()).isEqualTo("the 10-90% ranges of the per-step estimates of the 3 seeds,"
                + " together 0.26-0.54, is not inside the paper's 2-6, but the estimates lie above the learning rate"
                + " in use (estimate / learning rate 1.4-2.2 over the 10-90% range), as the paper reads them: the"
                + " network could train at a larger rate");
    }

    @Test
    void aTenthPercentileOfTheRatioAtOrBelowOneIsNotReproduced() {
        assertThat(verdictOfThree(seed(0.26, 0.54, 1.0001, 2.2))).isEqualTo(Verdict.PARTLY);
        assertThat(verdictOfThree(seed(0.26, 0.54, 1.0, 2.2))).isEqualTo(Verdict.NOT_REPRODUCED);
        EstimateCheck check = EstimateCheck.of(CLAIM, three(seed(0.05, 0.2, 0.5, 1.5)), Scale.CPU);
        assertThat(check.verdict()).isEqualTo(Verdict.NOT_REPRODUCED);
        assertThat(check.explanation()).isEqualTo("the 10-90% ranges of the per-step estimates of the 3 seeds,"
                + " together 0.05-0.2, is not inside the paper's 2-6, and the estimates do not lie above the learning"
                + " rate in use (estimate / learning rate 0.5-1.5 over the 10-90% range, the 10th percentile not"
                + " above 1)");
    }

    @Test
    void underMomentumTheCorrectedRatioDecides() {
        // the cpu measurement's plain ratio 1.7-2.5 is what momentum 0.9 gives from noise alone (2.24)
        EstimateCheck check = EstimateCheck.of(CLAIM, three(withMomentum(0.9, 1.7, 2.5, 0.4, 0.9)), Scale.CPU);
        assertThat(check.verdict()).isEqualTo(Verdict.NOT_REPRODUCED);
        assertThat(check.momentum()).isTrue();
        assertThat(check.ratioPercentile10()).isEqualTo(1.7);
        assertThat(check.correctedRatioPercentile10()).isEqualTo(0.4);
        assertThat(check.explanation()).endsWith("the estimates do not lie above the learning rate in use"
                + " (momentum-corrected (momentum 0.9) estimate / learning rate 0.4-0.9 over the 10-90% range; plain"
                + " 1.7-2.5, the 10th percentile not above 1)");
        assertThat(verdictOfThree(withMomentum(0.9, 1.7, 2.5, 1.2, 3))).isEqualTo(Verdict.PARTLY);
        // a plain ratio below 1 does not matter under momentum either: the corrected one decides
        assertThat(verdictOfThree(withMomentum(0.9, 0.8, 2.5, 1.2, 3))).isEqualTo(Verdict.PARTLY);
        // momentum without a corrected estimate cannot show the reading
        EstimateCheck missing = EstimateCheck.of(CLAIM, three(withMomentum(0.9, 1.7, 2.5, Double.NaN,
                Double.NaN)), Scale.CPU);
        assertThat(missing.verdict()).isEqualTo(Verdict.NOT_REPRODUCED);
        assertThat(missing.explanation()).contains("but not every seed has a momentum-corrected estimate");
        // momentum 0: the corrected estimate equals the plain one and the plain ratio decides
        assertThat(verdictOfThree(withMomentum(0, 1.7, 2.5, 1.7, 2.5))).isEqualTo(Verdict.PARTLY);
    }

    @Test
    void everySeedMustPass() {
        EstimateSummary inside = seed(2.5, 5, 10, 20);
        EstimateCheck check = EstimateCheck.of(CLAIM, List.of(inside, seed(1.5, 4, 8, 20), inside), Scale.CPU);
        assertThat(check.verdict()).isEqualTo(Verdict.PARTLY);
        assertThat(check.percentile10()).isEqualTo(1.5);
        assertThat(check.percentile90()).isEqualTo(5);
        assertThat(check.explanation()).startsWith("the 10-90% ranges of the per-step estimates of the 3 seeds,"
                + " together 1.5-5, is not inside");
        EstimateSummary above = seed(0.3, 0.5, 2, 3);
        assertThat(verdict(above, seed(0.3, 0.5, 0.9, 3), above)).isEqualTo(Verdict.NOT_REPRODUCED);
        assertThat(verdict(inside, seed(2.1, 5.9, 8, 20), inside)).isEqualTo(Verdict.REPRODUCED);
    }

    @Test
    void fewerThanThreeSeedsAreInconclusive() {
        // the rule of 2026-12-04: the old rule gave these reproduced and partly
        EstimateCheck one = EstimateCheck.of(CLAIM, List.of(seed(2.5, 5.1, 12, 25)), Scale.FULL);
        assertThat(one.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(one.explanation()).isEqualTo("inconclusive: 1 seed; a verdict needs 3");
        assertThat(one.percentile10()).isEqualTo(2.5);
        EstimateCheck two = EstimateCheck.of(CLAIM, List.of(seed(0.26, 0.54, 1.4, 2.2), seed(0.26, 0.54, 1.4, 2.2)),
                Scale.CPU);
        assertThat(two.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(two.explanation()).isEqualTo("inconclusive: 2 seeds; a verdict needs 3");
    }

    @Test
    void aRunWithoutAFiniteEstimateReproducesNothing() {
        EstimateSummary empty = new EstimateSummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                0.1, 0.1, 0.27, Double.NaN, Double.NaN);
        EstimateCheck check = EstimateCheck.of(CLAIM, List.of(seed(2.5, 5, 10, 20), empty, seed(2.5, 5, 10, 20)),
                Scale.CPU);
        assertThat(check.verdict()).isEqualTo(Verdict.NOT_REPRODUCED);
        assertThat(check.explanation()).isEqualTo("1 of 3 runs made no finite estimate, so there is nothing to"
                + " compare");
    }

    @Test
    void ciRunsAreSmokeTestsWhateverTheNumbers() {
        EstimateCheck check = EstimateCheck.of(CLAIM, List.of(seed(2.5, 5, 10, 20)), Scale.CI);
        assertThat(check.verdict()).isEqualTo(Verdict.SMOKE_TEST);
        assertThat(check.explanation()).isEqualTo(Verdict.SMOKE_TEST_REASON);
        assertThat(check.percentile10()).isEqualTo(2.5);
    }

    @Test
    void theRuleAndTheClaimAreChecked() {
        assertThat(EstimateCheck.RULE).startsWith("inconclusive with fewer than 3 seeds; reproduced when the 10-90%"
                + " range of the per-step estimates").contains("momentum-corrected");
        assertThatThrownBy(() -> EstimateCheck.of(CLAIM, List.of(), Scale.CPU))
                .hasMessage("seeds must not be empty: a check needs at least one run");
        assertThatThrownBy(() -> new EstimateClaim("s", "p", 6, 2))
                .hasMessage("upper must be > lower (6.0) and finite, got 2.0");
        assertThatThrownBy(() -> new EstimateClaim("s", "p", 0, 2)).hasMessage("lower must be > 0 and finite, got 0.0");
        assertThat(CLAIM.range()).isEqualTo("2-6");
    }
}

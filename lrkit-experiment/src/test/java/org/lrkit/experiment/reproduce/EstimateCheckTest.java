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

    private static Verdict verdict(EstimateSummary... seeds) {
        return EstimateCheck.of(CLAIM, List.of(seeds), Scale.CPU).verdict();
    }

    @Test
    void aTenToNinetyRangeInsideThePapersIsReproduced() {
        EstimateCheck check = EstimateCheck.of(CLAIM, List.of(seed(2.5, 5.1, 12, 25)), Scale.FULL);
        assertThat(check.verdict()).isEqualTo(Verdict.REPRODUCED);
        assertThat(check.explanation()).isEqualTo("the 10-90% range of the per-step estimates, 2.5-5.1, lies inside"
                + " the paper's 2-6");
    }

    @Test
    void theEndsOfThePapersRangeCountAsInside() {
        assertThat(verdict(seed(2, 6, 10, 30))).isEqualTo(Verdict.REPRODUCED);
        assertThat(verdict(seed(1.999, 6, 10, 30))).isEqualTo(Verdict.PARTLY);
        assertThat(verdict(seed(2, 6.001, 10, 30))).isEqualTo(Verdict.PARTLY);
    }

    @Test
    void outsideTheRangeButAboveTheLearningRateIsPartly() {
        // the cpu measurement: 0.26-0.54 at learning rates 0.1-0.27, 1.4-2.2 times the rate
        EstimateCheck check = EstimateCheck.of(CLAIM, List.of(seed(0.26, 0.54, 1.4, 2.2)), Scale.CPU);
        assertThat(check.verdict()).isEqualTo(Verdict.PARTLY);
        assertThat(check.explanation()).isEqualTo("the 10-90% range of the per-step estimates, 0.26-0.54, is not inside"
                + " the paper's 2-6, but the estimates lie above the learning rate in use (estimate / learning rate"
                + " 1.4-2.2 over the 10-90% range), as the paper reads them: the network could train at a larger"
                + " rate");
    }

    @Test
    void aTenthPercentileOfTheRatioAtOrBelowOneIsNotReproduced() {
        assertThat(verdict(seed(0.26, 0.54, 1.0001, 2.2))).isEqualTo(Verdict.PARTLY);
        assertThat(verdict(seed(0.26, 0.54, 1.0, 2.2))).isEqualTo(Verdict.NOT_REPRODUCED);
        EstimateCheck check = EstimateCheck.of(CLAIM, List.of(seed(0.05, 0.2, 0.5, 1.5)), Scale.CPU);
        assertThat(check.verdict()).isEqualTo(Verdict.NOT_REPRODUCED);
        assertThat(check.explanation()).isEqualTo("the 10-90% range of the per-step estimates, 0.05-0.2, is not inside"
                + " the paper's 2-6, and the estimates do not lie above the learning rate in use (estimate / learning"
                + " rate 0.5-1.5 over the 10-90% range, the 10th percentile not above 1)");
    }

    @Test
    void everySeedMustPass() {
        EstimateCheck check = EstimateCheck.of(CLAIM, List.of(seed(2.5, 5, 10, 20), seed(1.5, 4, 8, 20)), Scale.CPU);
        assertThat(check.verdict()).isEqualTo(Verdict.PARTLY);
        assertThat(check.percentile10()).isEqualTo(1.5);
        assertThat(check.percentile90()).isEqualTo(5);
        assertThat(check.explanation()).startsWith("the 10-90% ranges of the per-step estimates of the 2 seeds,"
                + " together 1.5-5, is not inside");
        assertThat(verdict(seed(0.3, 0.5, 2, 3), seed(0.3, 0.5, 0.9, 3))).isEqualTo(Verdict.NOT_REPRODUCED);
        assertThat(verdict(seed(2.5, 5, 10, 20), seed(2.1, 5.9, 8, 20))).isEqualTo(Verdict.REPRODUCED);
    }

    @Test
    void aRunWithoutAFiniteEstimateReproducesNothing() {
        EstimateSummary empty = new EstimateSummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                0.1, 0.1, 0.27, Double.NaN, Double.NaN);
        EstimateCheck check = EstimateCheck.of(CLAIM, List.of(seed(2.5, 5, 10, 20), empty), Scale.CPU);
        assertThat(check.verdict()).isEqualTo(Verdict.NOT_REPRODUCED);
        assertThat(check.explanation()).isEqualTo("1 of 2 runs made no finite estimate, so there is nothing to"
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
        assertThat(EstimateCheck.RULE).startsWith("reproduced when the 10-90% range of the per-step estimates");
        assertThatThrownBy(() -> EstimateCheck.of(CLAIM, List.of(), Scale.CPU))
                .hasMessage("seeds must not be empty: a check needs at least one run");
        assertThatThrownBy(() -> new EstimateClaim("s", "p", 6, 2))
                .hasMessage("upper must be > lower (6.0) and finite, got 2.0");
        assertThatThrownBy(() -> new EstimateClaim("s", "p", 0, 2)).hasMessage("lower must be > 0 and finite, got 0.0");
        assertThat(CLAIM.range()).isEqualTo("2-6");
    }
}

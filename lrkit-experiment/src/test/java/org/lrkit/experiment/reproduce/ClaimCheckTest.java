package org.lrkit.experiment.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The verdict on a claim, from hand-made outcomes: accuracies after each epoch and final accuracies, by the rules
 * of 2026-12-04 (3 seeds, the claimed budget ratio, partly on means and spreads).
 */
class ClaimCheckTest {

    private static final Claim BUDGET = Claim.byBudget("fast matches slow in 25k of 70k iterations",
            "fast 81% = slow 81%", "slow", "fast", 0.005, 70.0 / 25);
    private static final Claim SPEEDUP = Claim.bySpeedup("fast gets there twice as fast", "fast 2x sooner", "slow",
            "fast", 0.005, 2.0);

    /** An outcome with one curve point per epoch 1..n, budget n epochs of 10 steps. */
    private static PolicyOutcome outcome(String label, double[] finals, double... curve) {
        double[] epochs = IntStream.rangeClosed(1, curve.length).asDoubleStream().toArray();
        return new PolicyOutcome(label, curve.length, 10L * curve.length, finals.length, finals, epochs, curve);
    }

    private static double[] flat(int epochs, double accuracy) {
        return IntStream.range(0, epochs).mapToDouble(i -> accuracy).toArray();
    }

    /** Three seeds with the same final accuracy. */
    private static double[] three(double accuracy) {
        return new double[] {accuracy, accuracy, accuracy};
    }

    @Test
    void matchingWithinTheToleranceWithTheClaimedBudgetRatioIsReproduced() {
        PolicyOutcome slow = outcome("slow", new double[] {0.80, 0.81, 0.805}, flat(14, 0.805));
        PolicyOutcome fast = outcome("fast", three(0.801), 0.5, 0.6, 0.7, 0.78, 0.801);

        ClaimCheck check = ClaimCheck.of(BUDGET, slow, fast, Scale.CPU);

        assertThat(check.verdict()).isEqualTo(Verdict.REPRODUCED);
        assertThat(check.difference()).isCloseTo(-0.004, within(1e-12));
        assertThat(check.reachedAt()).isNaN();
        assertThat(check.speedupText()).isEqualTo("not reached");
        assertThat(check.explanation()).isEqualTo("fast ends 0.4 points below slow (tolerance 0.5 points), with 2.8x"
                + " fewer epochs (5 against 14; claimed 2.8x)");
    }

    @Test
    void exactlyTheToleranceBelowStillCounts() {
        PolicyOutcome slow = outcome("slow", three(0.805), flat(10, 0.805));
        PolicyOutcome fast = outcome("fast", three(0.800), 0.7, 0.800);
        assertThat(ClaimCheck.of(BUDGET, slow, fast, Scale.FULL).verdict()).isEqualTo(Verdict.REPRODUCED);
    }

    @Test
    void aShorterRunWithoutTheClaimedBudgetRatioIsPartly() {
        // the old rule took any shorter run as the saving: this was reproduced
        PolicyOutcome slow = outcome("slow", three(0.80), flat(10, 0.80));
        PolicyOutcome fast = outcome("fast", three(0.80), 0.7, 0.75, 0.78, 0.79, 0.80);

        ClaimCheck check = ClaimCheck.of(BUDGET, slow, fast, Scale.CPU);

        assertThat(check.verdict()).isEqualTo(Verdict.PARTLY);
        assertThat(check.explanation()).isEqualTo("fast ends level with slow (tolerance 0.5 points), but with only"
                + " 2.0x fewer epochs (5 against 10; claimed 2.8x)");
    }

    @Test
    void theSpeedupIsTheBaselinesEpochsOverTheFirstEpochThatReachedItsAccuracy() {
        PolicyOutcome slow = outcome("slow", new double[] {0.80, 0.81, 0.805}, flat(12, 0.805));
        PolicyOutcome fast = outcome("fast", three(0.82), 0.5, 0.81, 0.82);

        ClaimCheck check = ClaimCheck.of(BUDGET, slow, fast, Scale.CPU);

        assertThat(check.verdict()).isEqualTo(Verdict.REPRODUCED);
        assertThat(check.reachedAt()).isEqualTo(2.0);
        assertThat(check.speedup()).isEqualTo(6.0);
        assertThat(check.speedupText()).isEqualTo("6.0x");
        assertThat(check.explanation()).startsWith("fast ends 1.5 points above slow");
    }

    @Test
    void withinTwiceTheToleranceIsPartly() {
        PolicyOutcome slow = outcome("slow", three(0.80), flat(14, 0.80));
        PolicyOutcome fast = outcome("fast", three(0.792), 0.6, 0.7, 0.792);

        ClaimCheck check = ClaimCheck.of(BUDGET, slow, fast, Scale.CPU);

        assertThat(check.verdict()).isEqualTo(Verdict.PARTLY);
        assertThat(check.explanation()).isEqualTo("fast ends 0.8 points below slow (tolerance 0.5 points), within"
                + " twice the tolerance, with 4.7x fewer epochs (3 against 14; claimed 2.8x)");
    }

    @Test
    void aDifferenceWithinTheSeedsSpreadIsPartly() {
        // means 1.5 points apart, more than twice the tolerance, but the baseline's seeds spread 2 points
        PolicyOutcome slow = outcome("slow", new double[] {0.78, 0.80, 0.82}, flat(14, 0.80));
        PolicyOutcome fast = outcome("fast", new double[] {0.775, 0.785, 0.795}, 0.6, 0.7, 0.785);

        ClaimCheck check = ClaimCheck.of(BUDGET, slow, fast, Scale.CPU);

        assertThat(check.verdict()).isEqualTo(Verdict.PARTLY);
        assertThat(check.explanation()).isEqualTo("fast ends 1.5 points below slow (tolerance 0.5 points), more than"
                + " twice the tolerance, but within the seeds' spread (standard deviation 2.0 points), with 4.7x fewer"
                + " epochs (3 against 14; claimed 2.8x)");
    }

    @Test
    void reachingTheAccuracyWithoutTheClaimedSpeedupIsPartly() {
        PolicyOutcome slow = outcome("slow", three(0.80), flat(15, 0.80));
        double[] curve = IntStream.rangeClosed(1, 15).mapToDouble(e -> e < 10 ? 0.7 : 0.81).toArray();
        PolicyOutcome fast = outcome("fast", three(0.81), curve);

        ClaimCheck check = ClaimCheck.of(SPEEDUP, slow, fast, Scale.CPU);

        assertThat(check.verdict()).isEqualTo(Verdict.PARTLY);
        assertThat(check.speedup()).isEqualTo(1.5);
        assertThat(check.explanation()).isEqualTo("fast ends 1.0 points above slow (tolerance 0.5 points), but it"
                + " reached slow's final accuracy 1.5x sooner (claimed 2.0x)");
    }

    @Test
    void reachingItWithTheClaimedSpeedupIsReproduced() {
        PolicyOutcome slow = outcome("slow", three(0.80), flat(15, 0.80));
        double[] curve = IntStream.rangeClosed(1, 15).mapToDouble(e -> e < 7 ? 0.7 : 0.80).toArray();
        PolicyOutcome fast = outcome("fast", three(0.80), curve);

        ClaimCheck check = ClaimCheck.of(SPEEDUP, slow, fast, Scale.CPU);

        assertThat(check.verdict()).isEqualTo(Verdict.REPRODUCED);
        assertThat(check.speedup()).isCloseTo(15.0 / 7, within(1e-12));
        assertThat(check.explanation()).isEqualTo("fast ends level with slow (tolerance 0.5 points), reached slow's"
                + " final accuracy 2.1x sooner (claimed 2.0x)");
    }

    @Test
    void aReachedAccuracyLostByTheEndIsNotReproduced() {
        // the old rule made this partly: the mean curve touched slow's accuracy at epoch 2
        PolicyOutcome slow = outcome("slow", three(0.80), flat(14, 0.80));
        PolicyOutcome fast = outcome("fast", new double[] {0.74, 0.75, 0.76}, 0.6, 0.80, 0.75);

        ClaimCheck check = ClaimCheck.of(BUDGET, slow, fast, Scale.CPU);

        assertThat(check.verdict()).isEqualTo(Verdict.NOT_REPRODUCED);
        assertThat(check.reachedAt()).isEqualTo(2.0);
        assertThat(check.explanation()).isEqualTo("fast ends 5.0 points below slow (tolerance 0.5 points), more than"
                + " twice the tolerance and more than the seeds' spread (standard deviation 1.0 points)");
    }

    @Test
    void fallingShortByMoreThanTwiceTheToleranceAndTheSpreadIsNotReproduced() {
        PolicyOutcome slow = outcome("slow", new double[] {0.80, 0.82, 0.81}, flat(14, 0.81));
        PolicyOutcome fast = outcome("fast", new double[] {0.78, 0.79, 0.785}, 0.6, 0.7, 0.785);

        ClaimCheck check = ClaimCheck.of(BUDGET, slow, fast, Scale.FULL);

        assertThat(check.verdict()).isEqualTo(Verdict.NOT_REPRODUCED);
        assertThat(check.difference()).isCloseTo(-0.025, within(1e-12));
        assertThat(check.explanation()).isEqualTo("fast ends 2.5 points below slow (tolerance 0.5 points), more than"
                + " twice the tolerance and more than the seeds' spread (standard deviation 1.0 points)");
    }

    @Test
    void fewerThanThreeCompletedSeedsAreInconclusive() {
        PolicyOutcome slow = outcome("slow", new double[] {0.80, 0.81}, flat(14, 0.805));
        PolicyOutcome fast = outcome("fast", three(0.82), 0.5, 0.81, 0.82);
        ClaimCheck two = ClaimCheck.of(BUDGET, slow, fast, Scale.CPU);
        assertThat(two.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(two.verdict().words()).isEqualTo("inconclusive");
        assertThat(two.explanation()).isEqualTo("inconclusive: 2 seeds; a verdict needs 3");
        assertThat(two.difference()).isCloseTo(0.015, within(1e-12));
        // one seed each, the docs' cpu rows: the old rule judged them on one run
        ClaimCheck one = ClaimCheck.of(BUDGET, outcome("slow", new double[] {0.80}, flat(14, 0.80)),
                outcome("fast", new double[] {0.81}, 0.7, 0.81), Scale.FULL);
        assertThat(one.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(one.explanation()).isEqualTo("inconclusive: 1 seed; a verdict needs 3");
    }

    @Test
    void aPolicyWithoutACompletedRunOfThreeCannotReproduceAnything() {
        PolicyOutcome slow = outcome("slow", three(0.80), flat(14, 0.80));
        PolicyOutcome diverged = new PolicyOutcome("fast", 5, 50, 3, new double[0], new double[0], new double[0]);

        ClaimCheck check = ClaimCheck.of(BUDGET, slow, diverged, Scale.CPU);

        assertThat(check.verdict()).isEqualTo(Verdict.NOT_REPRODUCED);
        assertThat(check.explanation()).isEqualTo("no completed run of fast (diverged or failed), so there is nothing"
                + " to compare");
        // with two runs planned, none completed: too few seeds to say
        PolicyOutcome fewer = new PolicyOutcome("fast", 5, 50, 2, new double[0], new double[0], new double[0]);
        assertThat(ClaimCheck.of(BUDGET, slow, fewer, Scale.CPU).explanation())
                .isEqualTo("inconclusive: 0 seeds; a verdict needs 3");
    }

    @Test
    void ciRunsAreSmokeTestsWhateverTheNumbers() {
        PolicyOutcome slow = outcome("slow", new double[] {0.80}, flat(2, 0.80));
        PolicyOutcome fast = outcome("fast", new double[] {0.90}, 0.90);

        ClaimCheck check = ClaimCheck.of(BUDGET, slow, fast, Scale.CI);

        assertThat(check.verdict()).isEqualTo(Verdict.SMOKE_TEST);
        assertThat(check.verdict().words()).isEqualTo("smoke test");
        assertThat(check.speedup()).isEqualTo(2.0);
    }

    @Test
    void aClaimStatesEitherABudgetRatioOrASpeedup() {
        assertThat(BUDGET.claimedBudgetRatio()).isEqualTo(2.8);
        assertThat(BUDGET.claimsSpeedup()).isFalse();
        assertThat(SPEEDUP.claimedBudgetRatio()).isNaN();
        assertThatThrownBy(() -> Claim.byBudget("s", "p", "slow", "fast", 0.005, 1.0))
                .hasMessage("claimedBudgetRatio must be > 1 or NaN, got 1.0");
        assertThatThrownBy(() -> new Claim("s", "p", "slow", "fast", 0.005, 2, 2))
                .hasMessageStartingWith("a claim states either a speed-up or a budget ratio");
        assertThatThrownBy(() -> new Claim("s", "p", "slow", "fast", 0.005, Double.NaN, Double.NaN))
                .hasMessageStartingWith("a claim states either a speed-up or a budget ratio");
    }
}

package org.lrkit.experiment.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The verdict on a claim, from hand-made outcomes: accuracies after each epoch and final accuracies. */
class ClaimCheckTest {

    private static final Claim BUDGET = Claim.byBudget("fast matches slow with fewer epochs", "fast 81% = slow 81%",
            "slow", "fast", 0.005);
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

    @Test
    void matchingWithinTheToleranceOnASmallerBudgetIsReproduced() {
        PolicyOutcome slow = outcome("slow", new double[] {0.80, 0.81}, flat(14, 0.805));
        PolicyOutcome fast = outcome("fast", new double[] {0.801}, 0.5, 0.6, 0.7, 0.78, 0.801);

        ClaimCheck check = ClaimCheck.of(BUDGET, slow, fast, Scale.CPU);

        assertThat(check.verdict()).isEqualTo(Verdict.REPRODUCED);
        assertThat(check.difference()).isCloseTo(-0.004, within(1e-12));
        assertThat(check.reachedAt()).isNaN();
        assertThat(check.speedupText()).isEqualTo("not reached");
        assertThat(check.explanation()).isEqualTo("fast ends 0.4 points below slow (tolerance 0.5 points), with 2.8x"
                + " fewer epochs (5 against 14)");
    }

    @Test
    void exactlyTheToleranceBelowStillCounts() {
        PolicyOutcome slow = outcome("slow", new double[] {0.805}, flat(10, 0.805));
        PolicyOutcome fast = outcome("fast", new double[] {0.800}, 0.7, 0.800);
        assertThat(ClaimCheck.of(BUDGET, slow, fast, Scale.FULL).verdict()).isEqualTo(Verdict.REPRODUCED);
    }

    @Test
    void theSpeedupIsTheBaselinesEpochsOverTheFirstEpochThatReachedItsAccuracy() {
        PolicyOutcome slow = outcome("slow", new double[] {0.80, 0.81}, flat(12, 0.805));
        PolicyOutcome fast = outcome("fast", new double[] {0.82}, 0.5, 0.81, 0.82);

        ClaimCheck check = ClaimCheck.of(BUDGET, slow, fast, Scale.CPU);

        assertThat(check.verdict()).isEqualTo(Verdict.REPRODUCED);
        assertThat(check.reachedAt()).isEqualTo(2.0);
        assertThat(check.speedup()).isEqualTo(6.0);
        assertThat(check.speedupText()).isEqualTo("6.0x");
        assertThat(check.explanation()).startsWith("fast ends 1.5 points above slow");
    }

    @Test
    void withinTwiceTheToleranceIsPartly() {
        PolicyOutcome slow = outcome("slow", new double[] {0.80}, flat(14, 0.80));
        PolicyOutcome fast = outcome("fast", new double[] {0.792}, 0.6, 0.7, 0.792);

        ClaimCheck check = ClaimCheck.of(BUDGET, slow, fast, Scale.CPU);

        assertThat(check.verdict()).isEqualTo(Verdict.PARTLY);
        assertThat(check.explanation()).isEqualTo("fast ends 0.8 points below slow (tolerance 0.5 points), within"
                + " twice the tolerance, with 4.7x fewer epochs (3 against 14)");
    }

    @Test
    void reachingTheAccuracyWithoutTheClaimedSpeedupIsPartly() {
        PolicyOutcome slow = outcome("slow", new double[] {0.80}, flat(15, 0.80));
        double[] curve = IntStream.rangeClosed(1, 15).mapToDouble(e -> e < 10 ? 0.7 : 0.81).toArray();
        PolicyOutcome fast = outcome("fast", new double[] {0.81}, curve);

        ClaimCheck check = ClaimCheck.of(SPEEDUP, slow, fast, Scale.CPU);

        assertThat(check.verdict()).isEqualTo(Verdict.PARTLY);
        assertThat(check.speedup()).isEqualTo(1.5);
        assertThat(check.explanation()).isEqualTo("fast ends 1.0 points above slow (tolerance 0.5 points), but it"
                + " reached slow's final accuracy 1.5x sooner (claimed 2.0x)");
    }

    @Test
    void reachingItWithTheClaimedSpeedupIsReproduced() {
        PolicyOutcome slow = outcome("slow", new double[] {0.80}, flat(15, 0.80));
        double[] curve = IntStream.rangeClosed(1, 15).mapToDouble(e -> e < 7 ? 0.7 : 0.80).toArray();
        PolicyOutcome fast = outcome("fast", new double[] {0.80}, curve);

        ClaimCheck check = ClaimCheck.of(SPEEDUP, slow, fast, Scale.CPU);

        assertThat(check.verdict()).isEqualTo(Verdict.REPRODUCED);
        assertThat(check.speedup()).isCloseTo(15.0 / 7, within(1e-12));
        assertThat(check.explanation()).isEqualTo("fast ends level with slow (tolerance 0.5 points), reached slow's"
                + " final accuracy 2.1x sooner (claimed 2.0x)");
    }

    @Test
    void aReachedAccuracyLostByTheEndIsPartly() {
        PolicyOutcome slow = outcome("slow", new double[] {0.80}, flat(14, 0.80));
        PolicyOutcome fast = outcome("fast", new double[] {0.75}, 0.6, 0.80, 0.75);

        ClaimCheck check = ClaimCheck.of(BUDGET, slow, fast, Scale.CPU);

        assertThat(check.verdict()).isEqualTo(Verdict.PARTLY);
        assertThat(check.explanation()).isEqualTo("fast ends 5.0 points below slow (tolerance 0.5 points), more than"
                + " twice the tolerance, though it had reached slow's final accuracy at epoch 2");
    }

    @Test
    void fallingShortByMoreThanTwiceTheToleranceIsNotReproduced() {
        PolicyOutcome slow = outcome("slow", new double[] {0.80, 0.82}, flat(14, 0.81));
        PolicyOutcome fast = outcome("fast", new double[] {0.78, 0.79}, 0.6, 0.7, 0.785);

        ClaimCheck check = ClaimCheck.of(BUDGET, slow, fast, Scale.FULL);

        assertThat(check.verdict()).isEqualTo(Verdict.NOT_REPRODUCED);
        assertThat(check.difference()).isCloseTo(-0.025, within(1e-12));
        assertThat(check.explanation()).isEqualTo("fast ends 2.5 points below slow (tolerance 0.5 points), more than"
                + " twice the tolerance, and it never reached slow's final accuracy");
    }

    @Test
    void aPolicyWithoutACompletedRunCannotReproduceAnything() {
        PolicyOutcome slow = outcome("slow", new double[] {0.80}, flat(14, 0.80));
        PolicyOutcome diverged = new PolicyOutcome("fast", 5, 50, 2, new double[0], new double[0], new double[0]);

        ClaimCheck check = ClaimCheck.of(BUDGET, slow, diverged, Scale.CPU);

        assertThat(check.verdict()).isEqualTo(Verdict.NOT_REPRODUCED);
        assertThat(check.explanation()).isEqualTo("no completed run of fast (diverged or failed), so there is nothing"
                + " to compare");
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
}

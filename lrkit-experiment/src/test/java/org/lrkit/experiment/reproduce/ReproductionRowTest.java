package org.lrkit.experiment.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text of a reproduction row, from hand-made outcomes. */
class ReproductionRowTest {

    private static final Claim CLAIM = Claim.byBudget("triangular2 matches fixed in fewer iterations",
            "triangular2 25k it 81.4% = fixed 70k it 81.4%", "fixed", "triangular2", 0.005, 70.0 / 25);

    @Test
    void describesTheFiguresTheBudgetsAndTheSpeedup() {
        PolicyOutcome fixed = new PolicyOutcome("fixed", 14, 7000, 3, new double[] {0.79, 0.80, 0.795},
                new double[] {1, 14}, new double[] {0.4, 0.795});
        PolicyOutcome triangular2 = new PolicyOutcome("triangular2", 5, 2500, 3, new double[] {0.80, 0.80, 0.80},
                new double[] {1, 4, 5}, new double[] {0.5, 0.796, 0.80});
        ReproductionRow row = new ReproductionRow("clr", 1, Scale.CPU, "cifar10-jpeg", CLAIM, fixed, triangular2,
                ClaimCheck.of(CLAIM, fixed, triangular2, Scale.CPU), "lrkit reproduce clr --scale cpu --seeds 3");

        assertThat(row.lrkitFigure()).isEqualTo("triangular2 80.0% +/- 0.0 vs fixed 79.5% +/- 0.5 (3 seeds,"
                + " cifar10-jpeg)");
        assertThat(row.budgets()).isEqualTo("triangular2 5 epochs (2500 it) vs fixed 14 epochs (7000 it)");
        assertThat(row.speedup()).isEqualTo("3.5x (triangular2 reached fixed's 79.5% after epoch 4; fixed trained"
                + " 14)");
        assertThat(row.check().verdict()).isEqualTo(Verdict.REPRODUCED);
        Map<String, Object> json = row.toJson();
        assertThat(json).containsEntry("verdict", "reproduced").containsEntry("scale", "cpu")
                .containsEntry("paper", "triangular2 25k it 81.4% = fixed 70k it 81.4%")
                .containsEntry("command", "lrkit reproduce clr --scale cpu --seeds 3").containsEntry("speedup", 3.5);
    }

    @Test
    void saysWhenTheAccuracyWasNotReached() {
        PolicyOutcome fixed = new PolicyOutcome("fixed", 14, 7000, 1, new double[] {0.80}, new double[] {14},
                new double[] {0.80});
        PolicyOutcome triangular2 = new PolicyOutcome("triangular2", 5, 2500, 1, new double[] {0.70},
                new double[] {4, 5}, new double[] {0.72, 0.70});
        ReproductionRow row = new ReproductionRow("clr", 1, Scale.CPU, "cifar10", CLAIM, fixed, triangular2,
                ClaimCheck.of(CLAIM, fixed, triangular2, Scale.CPU), "lrkit reproduce clr --scale cpu --seeds 1");

        assertThat(row.lrkitFigure()).isEqualTo("triangular2 70.0% vs fixed 80.0% (1 seed, cifar10)");
        assertThat(row.speedup()).isEqualTo("not reached (triangular2's best 72.0% against fixed's final 80.0%)");
        // one seed: inconclusive under the rules of 2026-12-04 (it was not reproduced)
        assertThat(row.check().verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }
}

package org.lrkit.experiment.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lrkit.experiment.report.RunData;
import org.lrkit.experiment.run.PolicyPlan;
import org.lrkit.spec.Spec;

/** Outcomes read from a run directory's data: mean curves over the seeds, final accuracies, budgets. */
class PolicyOutcomeTest {

    private static RunData.Run run(String label, long seed, String status, double finalAccuracy, double... curve) {
        double[] epochs = new double[curve.length];
        for (int i = 0; i < curve.length; i++) {
            epochs[i] = i + 1;
        }
        return new RunData.Run(label, seed, status, 10, finalAccuracy, "", epochs, curve, new double[curve.length],
                new double[curve.length], "runs/" + label + "/seed-" + seed + "/steps.csv");
    }

    private static RunData data(List<PolicyPlan> policies, List<RunData.Run> runs) {
        Map<String, Object> config = Map.of("data", Map.of("stepsPerEpoch", 10.0), "seeds", List.of(0.0, 1.0));
        return new RunData(Path.of("run"), config, Map.of(), policies, runs, null);
    }

    @Test
    void aBudgetEndingInsideAnEpochAddsTheFinalAccuracyToTheMeanCurve() {
        RunData data = data(List.of(new PolicyPlan("clr", "", Spec.parse("constant(value=0.1)"), 0, 25, "")),
                List.of(run("clr", 0, "completed", 0.65, 0.5, 0.6), run("clr", 1, "completed", 0.85, 0.7, 0.8)));

        PolicyOutcome outcome = PolicyOutcome.of(data).get(0);

        assertThat(outcome.epochs()).isEqualTo(2.5);
        assertThat(outcome.steps()).isEqualTo(25);
        assertThat(outcome.finals()).containsExactly(0.65, 0.85);
        assertThat(outcome.finalMean()).isCloseTo(0.75, within(1e-12));
        assertThat(outcome.curveEpochs()).containsExactly(1.0, 2.0, 2.5);
        assertThat(outcome.curveAccuracy()).containsExactly(new double[] {0.6, 0.7, 0.75}, within(1e-12));
        assertThat(outcome.firstEpochReaching(0.72)).isEqualTo(2.5);
        assertThat(outcome.firstEpochReaching(0.9)).isNaN();
        assertThat(outcome.accuracyAt(2)).isCloseTo(0.7, within(1e-12));
        assertThat(outcome.accuracyAt(3)).isNaN();
    }

    @Test
    void onlyCompletedRunsCount() {
        RunData data = data(List.of(new PolicyPlan("sgdr", "", Spec.parse("constant(value=0.1)"), 3, 30, "")),
                List.of(run("sgdr", 0, "completed", 0.7, 0.5, 0.6, 0.7), run("sgdr", 1, "diverged", Double.NaN, 0.1)));

        PolicyOutcome outcome = PolicyOutcome.of(data).get(0);

        assertThat(outcome.runs()).isEqualTo(2);
        assertThat(outcome.completed()).isEqualTo(1);
        assertThat(outcome.finalStd()).isNaN();
        assertThat(outcome.curveEpochs()).containsExactly(1.0, 2.0, 3.0);
        assertThat(outcome.curveAccuracy()).containsExactly(0.5, 0.6, 0.7);
        assertThat(outcome.bestAccuracy()).isEqualTo(0.7);
    }
    @Test
    void pooledDirectoriesGiveWhatOneDirectoryWithAllTheSeedsGives() {
        PolicyPlan plan = new PolicyPlan("step", "", Spec.parse("constant(value=0.1)"), 3, 30, "");
        RunData.Run first = run("step", 0, "completed", 0.7, 0.5, 0.6, 0.7);
        RunData.Run second = run("step", 1, "completed", 0.8, 0.6, 0.7, 0.8);
        RunData.Run diverged = run("step", 2, "diverged", Double.NaN, 0.1);
        PolicyOutcome together = PolicyOutcome.of(data(List.of(plan), List.of(first, second, diverged))).get(0);

        PolicyOutcome pooled = PolicyOutcome.pooled("step-32", List.of(PolicyOutcome.of(data(List.of(plan),
                List.of(first))).get(0), PolicyOutcome.of(data(List.of(plan), List.of(second))).get(0),
                PolicyOutcome.of(data(List.of(plan), List.of(diverged))).get(0)));

        assertThat(pooled.label()).isEqualTo("step-32");
        assertThat(pooled.runs()).isEqualTo(3);
        assertThat(pooled.finals()).containsExactly(together.finals());
        assertThat(pooled.curveEpochs()).containsExactly(together.curveEpochs());
        assertThat(pooled.curveAccuracy()).containsExactly(together.curveAccuracy(), within(1e-12));
        assertThat(pooled.finalStd()).isCloseTo(together.finalStd(), within(1e-12));
    }

    @Test
    void pooledOutcomesMustShareTheirBudget() {
        PolicyOutcome eight = new PolicyOutcome("a", 8, 624, 1, new double[] {0.7}, new double[] {8},
                new double[] {0.7});
        PolicyOutcome sixteen = new PolicyOutcome("b", 16, 1248, 1, new double[] {0.8}, new double[] {16},
                new double[] {0.8});

        assertThatThrownBy(() -> PolicyOutcome.pooled("x", List.of(eight, sixteen)))
                .hasMessage("pooled outcomes must have one budget, got 624 steps (a) and 1248 (b)");
        assertThatThrownBy(() -> PolicyOutcome.pooled("x", List.of()))
                .hasMessage("pooled needs at least one outcome, got none");
    }
}

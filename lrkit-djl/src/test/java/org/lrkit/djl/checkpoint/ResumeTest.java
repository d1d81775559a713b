package org.lrkit.djl.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lrkit.djl.optim.OptimizerState;
import org.lrkit.djl.tensor.ModelWeights;
import org.lrkit.schedule.Elastic;
import org.lrkit.schedule.Interpolation;
import org.lrkit.schedule.OneCycle;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Schedule;

/** Resuming with a changed policy is refused unless an elastic rule says how to continue. */
class ResumeTest {

    private static final OneCycle LR = OneCycle.of(0.004, 0.1, 4e-6, 100, 0.3, 0.0, Interpolation.COSINE);
    private static final Policy RECORDED = Policy.of(LR).withMomentum(LR.mirrored(0.95, 0.85));

    private static Checkpoint checkpointAt(long step, long planned) {
        return new Checkpoint(RECORDED.toSpec(), RECORDED.fingerprint(),
                new TrainingProgress(step, 0, step, planned, 0.0, 0), new DataPlan(1, 32, 3200), "test",
                ModelWeights.of(Map.of()), new OptimizerState("sgd", step, Map.of()));
    }

    @Test
    void samePolicyResumesUnderStrictRule() {
        assertThat(Resume.reconcile(checkpointAt(40, 100), RECORDED, 100, Elastic.Rule.STRICT)).isSameAs(RECORDED);
    }

    @Test
    void theProblemAloneLeavesOutTheJavaAdvice() {
        Policy changed = Policy.of(OneCycle.of(0.004, 0.2, 4e-6, 100, 0.3, 0.0, Interpolation.COSINE));
        assertThatThrownBy(() -> Resume.reconcile(checkpointAt(40, 100), changed, 100, Elastic.Rule.STRICT))
                .isInstanceOfSatisfying(PolicyMismatchException.class, e -> {
                    assertThat(e.problem()).contains(RECORDED.toSpec()).contains(changed.toSpec())
                            .doesNotContain("STRETCH").doesNotContain("elastic");
                    assertThat(e.getMessage()).startsWith(e.problem()).contains("STRETCH");
                });
    }

    @Test
    void changedPolicyIsRefusedWithBothSpecsAndTheWaysForward() {
        OneCycle other = OneCycle.of(0.004, 0.2, 4e-6, 100, 0.3, 0.0, Interpolation.COSINE);
        Policy changed = Policy.of(other).withMomentum(other.mirrored(0.95, 0.85));
        assertThatThrownBy(() -> Resume.reconcile(checkpointAt(40, 100), changed, 100, Elastic.Rule.STRICT))
                .isInstanceOf(PolicyMismatchException.class)
                .hasMessageContaining(RECORDED.toSpec())
                .hasMessageContaining(changed.toSpec())
                .hasMessageContaining(RECORDED.fingerprint().substring(0, 12))
                .hasMessageContaining("STRETCH").hasMessageContaining("CONTINUE_AT_FINAL")
                .hasMessageContaining("APPEND_CYCLE");
    }

    @Test
    void policyWithoutTextFormIsRefusedUnderStrictRule() {
        Policy lambda = Policy.of(step -> 0.1);
        assertThatThrownBy(() -> Resume.reconcile(checkpointAt(40, 100), lambda, 100, Elastic.Rule.STRICT))
                .isInstanceOf(PolicyMismatchException.class).hasMessageContaining("no text form");
    }

    @Test
    void stretchKeepsThePastAndLandsThePlannedEndOnTheNewLastStep() {
        Policy stretched = Resume.reconcile(checkpointAt(40, 100), RECORDED, 160, Elastic.Rule.STRETCH);
        Schedule lr = stretched.learningRate();
        for (long step = 0; step <= 40; step++) {
            assertThat(lr.valueAt(step)).as("step %d before the resume point", step).isEqualTo(LR.valueAt(step));
        }
        assertThat(lr.valueAt(159)).isEqualTo(LR.valueAt(99));
        assertThat(stretched.momentum().orElseThrow().valueAt(159))
                .isEqualTo(RECORDED.momentum().orElseThrow().valueAt(99));
        assertThat(lr.valueAt(100)).as("the middle of the stretched rest").isEqualTo(
                Elastic.stretch(LR, 40, 100, 160).valueAt(100));
    }

    @Test
    void stretchOfAFinishedPlanIsRefusedWithTheAlternatives() {
        assertThatThrownBy(() -> Resume.reconcile(checkpointAt(100, 100), RECORDED, 150, Elastic.Rule.STRETCH))
                .isInstanceOf(PolicyMismatchException.class).hasMessageContaining("STRETCH")
                .hasMessageContaining("continueAtFinal or appendCycle");
    }

    @Test
    void continueAtFinalHoldsTheLastPlannedValues() {
        Policy continued = Resume.reconcile(checkpointAt(100, 100), RECORDED, 150, Elastic.Rule.CONTINUE_AT_FINAL);
        for (long step = 0; step < 100; step++) {
            assertThat(continued.learningRate().valueAt(step)).isEqualTo(LR.valueAt(step));
        }
        for (long step = 100; step < 150; step++) {
            assertThat(continued.learningRate().valueAt(step)).isEqualTo(LR.valueAt(99));
            assertThat(continued.momentum().orElseThrow().valueAt(step))
                    .isEqualTo(RECORDED.momentum().orElseThrow().valueAt(99));
        }
    }

    @Test
    void appendCycleRunsTheNewPolicyInLocalTimeAfterThePlan() {
        OneCycle next = OneCycle.of(0.001, 0.02, 1e-6, 50, 0.3, 0.0, Interpolation.COSINE);
        Policy nextPolicy = Policy.of(next).withMomentum(next.mirrored(0.95, 0.85));
        Policy appended = Resume.reconcile(checkpointAt(100, 100), nextPolicy, 150, Elastic.Rule.APPEND_CYCLE);
        assertThat(appended.learningRate().valueAt(99)).isEqualTo(LR.valueAt(99));
        for (long k = 0; k < 50; k++) {
            assertThat(appended.learningRate().valueAt(100 + k)).isEqualTo(next.valueAt(k));
            assertThat(appended.momentum().orElseThrow().valueAt(100 + k))
                    .isEqualTo(nextPolicy.momentum().orElseThrow().valueAt(k));
        }
        assertThat(appended.toSpec()).as("the reconciled policy has a text form for the next checkpoint").isNotBlank();
    }

    @Test
    void appendCycleNeedsMatchingMomentumSchedules() {
        Policy noMomentum = Policy.of(Schedule.constant(0.01));
        assertThatThrownBy(() -> Resume.reconcile(checkpointAt(100, 100), noMomentum, 150, Elastic.Rule.APPEND_CYCLE))
                .isInstanceOf(PolicyMismatchException.class).hasMessageContaining("momentum");
    }

    @Test
    void resumeDefaultsToStrict() {
        assertThat(Resume.from(Path.of("c.lrkit")).rule()).isEqualTo(Elastic.Rule.STRICT);
        assertThat(Resume.from(Path.of("c.lrkit")).withRule(Elastic.Rule.STRETCH).rule())
                .isEqualTo(Elastic.Rule.STRETCH);
    }

    @Test
    void checkpointRejectsAFingerprintThatIsNotTheSpecsHash() {
        assertThatThrownBy(() -> new Checkpoint("constant(value=0.1)", "00ff", TrainingProgress.start(10),
                new DataPlan(0, 1, 1), "x", ModelWeights.of(Map.of()), new OptimizerState("sgd", 0, Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not the SHA-256");
    }
}

package org.lrkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples run as a user would run them, on the embedded data, and do what their Javadoc says. */
class ExamplesTest {

    @Test
    void schedulesOnlyNeedsNothingButTheCore() {
        List<String> table = SchedulesOnly.table(50);
        assertThat(table).hasSize(1 + 20);
        assertThat(table.get(0)).isEqualTo("step,one_cycle,momentum,sgdr,warmup_cosine,torch");
        // stepsUp = round(0.3 x 999) = 300: the peak and the lowest momentum are at step 300
        double peak = SchedulesOnly.oneCycle().learningRate().valueAt(300);
        assertThat(peak).isCloseTo(0.1, within(1e-9));
        assertThat(SchedulesOnly.oneCycle().momentum().orElseThrow().valueAt(300)).isCloseTo(0.85, within(1e-9));
        assertThat(SchedulesOnly.sgdr().valueAt(100)).isCloseTo(0.05, within(1e-12)); // a warm restart
        assertThat(SchedulesOnly.warmupThenCosine().valueAt(50)).isCloseTo(0.05, within(1e-12));
        assertThat(SchedulesOnly.torchOneCycle().learningRate().valueAt(0)).isCloseTo(0.1 / 25, within(1e-9));
    }

    @Test
    void ownLoopTrainsAtTheAdvisedPeak() throws Exception {
        OwnLoop.Outcome outcome = OwnLoop.run(2000, 2, 0);
        assertThat(outcome.steps()).isEqualTo(2 * (2000 / OwnLoop.BATCH));
        assertThat(outcome.peak()).isBetween(1e-3, 5.0);
        assertThat(outcome.accuracy()).as("test accuracy after 2 epochs on 2,000 images").isGreaterThan(0.7);
    }

    @Test
    void easyTrainFitsWithAOneCyclePolicyChosenByTheRangeTest() throws Exception {
        EasyTrainExample.OneCycleOutcome outcome = EasyTrainExample.oneCycle(2000, 2);
        assertThat(outcome.peak()).isBetween(1e-3, 5.0);
        assertThat(outcome.accuracy()).as("test accuracy after 2 epochs on 2,000 images").isGreaterThan(0.7);
    }

    @Test
    void easyTrainFitsWithAnLrkitPolicyAndKeepsASnapshotPerCycle(@TempDir Path snapshots) throws Exception {
        EasyTrainExample.EnsembleOutcome outcome = EasyTrainExample.snapshotEnsemble(2000, 2, snapshots);
        assertThat(outcome.rate()).isBetween(1e-4, 5.0);
        assertThat(outcome.ensemble().singles()).hasSize(2);
        assertThat(outcome.ensemble().lastSingleAccuracy()).as("the last snapshot after 2 epochs").isGreaterThan(0.7);
        assertThat(outcome.ensemble().ensembleAccuracy()).isGreaterThan(0.7);
    }
}

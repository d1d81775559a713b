package org.lrkit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrkit.experiment.report.RunDirectories;

/** The reproduction rules applied to run directories of one seed each, as the bench scripts write them. */
class ClaimJudgeTest {

    @TempDir
    Path dir;

    /** One run directory per seed, each with the policy's accuracy after every epoch. */
    private String runs(String label, int epochs, double[]... curves) throws IOException {
        List<String> directories = new ArrayList<>();
        for (int seed = 0; seed < curves.length; seed++) {
            Path run = dir.resolve(label + "-seed-" + seed);
            RunDirectories.write(run, "train", List.of(new RunDirectories.Policy(label, "constant(value=0.1)", epochs,
                    new double[][] {curves[seed]})), false);
            directories.add(run.toString());
        }
        return label + "=" + String.join(",", directories);
    }

    private Map<String, Object> judge(String baseline, String fast) throws IOException {
        return ClaimJudge.judge("--statement", "eight epochs match thirty-two", "--baseline", baseline, "--fast", fast,
                "--tolerance", "0.005", "--budget-ratio", "4");
    }

    @Test
    void threeSeedsEachWithinTheToleranceAndTheClaimedSavingReproduce() throws IOException {
        String step = runs("step-32", 4, new double[] {0.5, 0.6, 0.7, 0.80}, new double[] {0.5, 0.6, 0.7, 0.81},
                new double[] {0.5, 0.6, 0.7, 0.82});
        String cycle = runs("one-cycle-8", 1, new double[] {0.81}, new double[] {0.80}, new double[] {0.81});

        Map<String, Object> result = judge(step, cycle);

        assertThat(result.get("verdict")).isEqualTo("reproduced");
        assertThat((double) result.get("difference")).isCloseTo(-0.0033, within(1e-3));
        @SuppressWarnings("unchecked")
        Map<String, Object> baseline = (Map<String, Object>) result.get("baseline");
        assertThat(baseline.get("finals")).isEqualTo(List.of(0.80, 0.81, 0.82));
        assertThat(baseline.get("completed")).isEqualTo(3);
    }

    @Test
    void oneSeedOfTheBaselineIsInconclusiveAndALargeGapIsNotReproduced() throws IOException {
        String cycle = runs("one-cycle-8", 1, new double[] {0.70}, new double[] {0.71}, new double[] {0.72});

        assertThat(judge(runs("step-one", 4, new double[] {0.5, 0.6, 0.7, 0.8}), cycle).get("verdict"))
                .isEqualTo("inconclusive");
        assertThat(judge(runs("step-three", 4, new double[] {0.5, 0.6, 0.7, 0.80}, new double[] {0.5, 0.6, 0.7, 0.80},
                new double[] {0.5, 0.6, 0.7, 0.80}), cycle).get("verdict")).isEqualTo("not reproduced");
    }

    @Test
    void badArgumentsSayWhatIsExpected() {
        assertThatThrownBy(() -> judge("step", "fast=x"))
                .hasMessage("--baseline must be LABEL=DIR[,DIR...], got 'step'");
        assertThatThrownBy(() -> ClaimJudge.judge("--statement", "s", "--baseline", "a=x", "--fast", "b=y",
                "--tolerance", "half", "--budget-ratio", "4")).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.lrkit.experiment.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrkit.experiment.plot.LineChart;
import org.lrkit.experiment.plot.Series;
import org.lrkit.experiment.run.PolicyPlan;
import org.lrkit.spec.Spec;

/** The report's charts read at a glance: a log rate axis for far-apart peaks, steps for a one-epoch run. */
class ChartsTest {

    @TempDir
    Path dir;

    private static Series peakAt(double peak) {
        return new Series("p", new double[] {0, 1, 2}, new double[] {0, peak, 0}, Color.BLACK);
    }

    @Test
    void peaksMoreThanTenTimesApartGetALogAxis() {
        assertThat(Charts.peaksApart(List.of(peakAt(6.4e-4), peakAt(0.02)))).isTrue();
        assertThat(Charts.peaksApart(List.of(peakAt(0.05), peakAt(0.1)))).isFalse();
        assertThat(Charts.peaksApart(List.of(peakAt(0.05)))).isFalse();
    }

    @Test
    void aLogRateAxisDrawsPoliciesThatReachZero() {
        List<PolicyPlan> plans = List.of(
                new PolicyPlan("one-cycle", "", Spec.parse("oneCyclePolicy(peak=6.4e-4, totalSteps=100)"), 0, 100, ""),
                new PolicyPlan("cosine", "", Spec.parse("cosine(from=0.02, to=0, steps=100)"), 0, 100, ""));
        LineChart chart = Charts.policies(plans, Double.NaN, "policies");
        assertThat(chart.render().getWidth()).isPositive();
    }

    @Test
    void aOneEpochRunShowsItsTrainingLossStepByStep() throws Exception {
        RunDirectories.write(dir, "train", List.of(new RunDirectories.Policy("short", "constant(value=0.1)", 1,
                new double[][] {{0.7}})), false);
        Path folder = dir.resolve("runs/short/seed-0");
        StringBuilder steps = new StringBuilder("step,epoch,loss,lr,momentum\n");
        for (int step = 0; step < 46; step++) {
            steps.append(step).append(",0,").append(2.0 / (step + 1)).append(",0.1,0.9\n");
        }
        Files.writeString(folder.resolve("steps.csv"), steps, StandardCharsets.UTF_8);

        LineChart chart = Charts.loss(RunData.read(dir), "loss");
        Series training = chart.panels().get(1).series().get(0);
        assertThat(training.size()).isEqualTo(46);
        assertThat(training.x()[45]).isEqualTo(1.0);
    }
}

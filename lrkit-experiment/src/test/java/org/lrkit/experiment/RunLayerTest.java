package org.lrkit.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrkit.djl.train.TrainingLength;
import org.lrkit.experiment.find.FindRun;
import org.lrkit.experiment.report.Report;
import org.lrkit.experiment.run.Experiment;
import org.lrkit.experiment.run.ExperimentRequest;
import org.lrkit.experiment.run.PolicyRequest;
import org.lrkit.experiment.run.Progress;
import org.lrkit.experiment.run.RangeFinder;
import org.lrkit.experiment.run.RunRecord;
import org.lrkit.experiment.run.Settings;
import org.lrkit.experiment.run.Workbench;
import org.lrkit.rangetest.Sweep;

/**
 * The run layer from Java, as a library user calls it without the command line (the README's example):
 * a comparison on the embedded Fashion-MNIST subset, its report, and a range test with its chart.
 */
class RunLayerTest {

    @TempDir
    Path dir;

    @Test
    void comparesPoliciesWritesTheReportAndPlotsARangeTest() throws Exception {
        Settings settings = Settings.of("fashion-mnist-embedded", "mlp").withBatchSize(256).withSubsets(1024, 500)
                .withEngine("cpu", 2);
        Workbench bench = Workbench.open(settings, null);
        ExperimentRequest request = ExperimentRequest.builder("compare", "RunLayerTest",
                        new RangeFinder.SweepSettings(1e-4, 10, 20))
                .policy(PolicyRequest.parse("auto"), TrainingLength.steps(8))
                .policy(PolicyRequest.parse("step=multiStepDecay(initial=0.02, milestones=[6], factor=0.1)"),
                        TrainingLength.steps(8))
                .build();
        Path runs = dir.resolve("compare");
        StringWriter errors = new StringWriter();
        Experiment experiment = Experiment.create(request, bench, runs, Progress.silent(), new PrintWriter(errors));
        List<RunRecord> records = experiment.run();
        assertThat(records).hasSize(2).allMatch(r -> r.status() == RunRecord.Status.COMPLETED);
        Report.Built report = Report.build(runs, Double.NaN);
        assertThat(report.html()).exists();
        assertThat(report.table().text()).contains("one-cycle", "step");
        assertThat(Files.readString(runs.resolve("config.json"))).contains("\"spec\": \"oneCyclePolicy(peak=");

        FindRun.Found found = FindRun.run(new FindRun.Request(settings, Sweep.exponential(1e-4, 10, 20), 0.9,
                new long[] {0}, 0, 0, null, null, 1), Progress.silent(), null);
        List<Path> written = found.write(dir.resolve("find"), dir.resolve("find/curve.png"));
        assertThat(written).extracting(p -> p.getFileName().toString())
                .contains("curve.csv", "curve.json", "curve.png");
        assertThat(found.table()).contains("peak (auto)", "policies (1 epochs of 4 steps):");
    }
}

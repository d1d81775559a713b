package org.lrkit.experiment.report;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.ArrayDataset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrkit.djl.optim.ScheduledSgd;
import org.lrkit.djl.rangetest.BatchSource;
import org.lrkit.djl.rangetest.RangeTest;
import org.lrkit.djl.rangetest.RangeTestResult;
import org.lrkit.djl.testing.Fixtures;
import org.lrkit.djl.testing.Runs;
import org.lrkit.djl.train.TrainingLength;
import org.lrkit.experiment.run.MetricsWriter;
import org.lrkit.rangetest.Sweep;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Schedule;



/** The run files the run layer writes from real training: a run's metrics and a range test's curve and advice. */
class RunFilesTest {

    private static NDManager manager;
    private static ArrayDataset blobs;
    private static ArrayDataset stripesTrain;

    @TempDir
    Path directory;

    @BeforeAll
    static void data() {
        manager = NDManager.newBaseManager();
        blobs = Fixtures.blobs(manager, 480, 1, 32);
        stripesTrain = Fixtures.stripes(manager, 480, 3, 32);
    }

    @AfterAll
    static void close() {
        manager.close();
    }


    @Test
    void metricsOfAOneCycleRunWithCyclicalMomentum() throws Exception {
        long steps = 4 * 15; // 4 epochs of 15 batches
        Policy policy = Runs.oneCycle(0.2, steps);
        try (Model model = Fixtures.model("e2e", Fixtures.cnn());
                MetricsWriter metrics = MetricsWriter.csv(directory)) {
            Runs.run(model, Runs.sgd(policy), stripesTrain, Fixtures.cnnInput(), TrainingLength.epochs(4))
                    .listener(metrics).build().run();
        }
        List<String> stepRows = Files.readAllLines(directory.resolve("steps.csv"), StandardCharsets.UTF_8);
        assertThat(stepRows).hasSize((int) steps + 1);
        assertThat(stepRows.get(0)).isEqualTo("step,epoch,loss,lr,momentum");
        assertThat(stepRows.get(1)).startsWith("0,0,").endsWith("," + policy.learningRate().valueAt(0) + ","
                + policy.momentum().orElseThrow().valueAt(0));
        List<String> epochRows = Files.readAllLines(directory.resolve("epochs.csv"), StandardCharsets.UTF_8);
        assertThat(epochRows).hasSize(5);
        assertThat(epochRows.get(4)).startsWith(steps + ",3,");
    }

    @Test
    void writesCsvAndJson() throws Exception {
        try (Model model = Fixtures.initialized("files", Fixtures.mlp(), Fixtures.mlpInput())) {
            ScheduledSgd sgd = ScheduledSgd.builder(Policy.of(Schedule.constant(0.1))).momentum(0.9).build();
            RangeTestResult result = RangeTest.builder(model, sgd).data(BatchSource.shuffled(blobs, 32))
                    .sweep(Sweep.exponential(1e-4, 1, 20)).seeds(1, 2).build().run();
            List<Path> files = RangeTestReport.write(result, directory.resolve("out"), Map.of("model", "mlp"));
            assertThat(files).extracting(p -> p.getFileName().toString())
                    .containsExactly("curve.csv", "runs.csv", "curve.json");
            List<String> curve = Files.readAllLines(files.get(0), StandardCharsets.UTF_8);
            assertThat(curve.get(0)).isEqualTo(
                    "step,lr,loss,smoothed_loss,val_loss,val_accuracy,lower_quartile,upper_quartile,runs");
            assertThat(curve).hasSize(result.curve().size() + 1);
            assertThat(curve.get(1)).startsWith("0,1.0E-4,").contains(",,,");
            List<String> runs = Files.readAllLines(files.get(1), StandardCharsets.UTF_8);
            assertThat(runs).hasSize(1 + result.runs().stream().mapToInt(r -> r.curve().size()).sum());
            String json = Files.readString(files.get(2));
            assertThat(json).contains("\"consensus\": ", "\"suggestions\": [", "\"method\": \"steepest\"",
                    "\"restoredExactly\": true", "\"model\": \"mlp\"", "\"band\": {", "\"validationLoss\": [null");
            assertThat(json.chars().filter(c -> c == '{').count()).isEqualTo(json.chars().filter(c -> c == '}').count());
        }
    }
}

package org.lrkit.djl.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.ArrayDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrkit.djl.checkpoint.CorruptCheckpointException;
import org.lrkit.djl.optim.ScheduledSgd;
import org.lrkit.djl.tensor.ModelWeights;
import org.lrkit.djl.testing.Fixtures;
import org.lrkit.djl.testing.Measurements;
import org.lrkit.djl.train.TrainingLength;
import org.lrkit.djl.train.TrainingRun;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Sgdr;

/**
 * SGDR with snapshots at each cycle end (the trough before each restart), and an ensemble of the last M
 * snapshots by prediction averaging, reported beside the single models.
 */
class SnapshotEnsembleTest {

    @TempDir
    Path directory;

    @Test
    void sgdrSnapshotsAtCycleEndsAndEnsembleAveragesTheirPredictions() throws Exception {
        Sgdr sgdr = Sgdr.of(0.2, 0.0, 10, 2.0); // cycles of 10, 20 and 40 steps
        long[] ends = sgdr.cycleEnds(70);
        assertThat(ends).containsExactly(9, 29, 69);
        Path snapshots = directory.resolve("snapshots");
        try (NDManager manager = NDManager.newBaseManager();
                Model model = Fixtures.model("snapshots", Fixtures.mlp())) {
            ArrayDataset train = Fixtures.blobs(manager, 320, 11, 32);
            ArrayDataset test = Fixtures.blobs(manager, 300, 12, 32);
            SnapshotSaver saver = new SnapshotSaver(model.getBlock(), snapshots);
            ScheduledSgd sgd = ScheduledSgd.builder(Policy.of(sgdr)).momentum(0.9).weightDecay(5e-4).build();
            TrainingRun.builder(model, sgd).trainingData(train, 32).inputShapes(Fixtures.mlpInput())
                    .length(TrainingLength.steps(70)).seed(3).listener(saver).build().run();

            assertThat(saver.saved()).extracting(path -> path.getFileName().toString())
                    .containsExactly("snapshot-cycle-000.lrkit", "snapshot-cycle-001.lrkit", "snapshot-cycle-002.lrkit");
            assertThat(SnapshotEnsemble.snapshotsIn(snapshots)).isEqualTo(saver.saved());
            assertThat(SnapshotEnsemble.snapshotsIn(directory.resolve("none"))).isEmpty();
            List<Snapshot> read = new ArrayList<>();
            for (Path file : saver.saved()) {
                read.add(Snapshot.read(file));
            }
            assertThat(read).extracting(Snapshot::step).containsExactly(9L, 29L, 69L);
            assertThat(read).extracting(Snapshot::cycle).containsExactly(0L, 1L, 2L);
            ModelWeights finalWeights = ModelWeights.capture(model.getBlock());
            assertThat(read.get(2).weights()).as("the last snapshot is the final model").isEqualTo(finalWeights);

            EnsembleReport report = SnapshotEnsemble.evaluate(model, test, 64, saver.saved(), 3);
            assertThat(ModelWeights.capture(model.getBlock())).as("weights restored after evaluation")
                    .isEqualTo(finalWeights);

            List<double[][]> probabilities = new ArrayList<>();
            int[] labels = null;
            for (Snapshot snapshot : read) {
                snapshot.weights().restoreInto(model.getBlock());
                SnapshotEnsemble.Predictions predictions = SnapshotEnsemble.predict(model, test, 64);
                probabilities.add(predictions.probabilities());
                labels = predictions.labels();
                for (double[] row : predictions.probabilities()) {
                    assertThat(Arrays.stream(row).sum()).isCloseTo(1.0, within(1e-6));
                }
            }
            finalWeights.restoreInto(model.getBlock());
            for (int i = 0; i < 3; i++) {
                assertThat(report.singles().get(i).accuracy())
                        .isEqualTo(PredictionAveraging.accuracy(probabilities.get(i), labels));
            }
            assertThat(report.ensembleAccuracy())
                    .isEqualTo(PredictionAveraging.accuracy(PredictionAveraging.mean(probabilities), labels));
            assertThat(report.ensembleBySize().get(0)).isEqualTo(report.lastSingleAccuracy());
            assertThat(report.ensembleBySize().get(1)).isEqualTo(
                    PredictionAveraging.accuracy(PredictionAveraging.mean(probabilities.subList(1, 3)), labels));
            assertThat(report.examples()).isEqualTo(300);
            assertThat(report.toTable()).contains("snapshot-cycle-002.lrkit").contains("single").contains("ensemble");
            Measurements.record("ensemble", String.format(Locale.ROOT,
                    "SGDR 10x2^k, MLP on blobs, 3 snapshots: single %s, ensemble of last 1..3 %s%n%s",
                    report.singles().stream().map(s -> String.format(Locale.ROOT, "%.4f", s.accuracy())).toList(),
                    report.ensembleBySize().stream().map(a -> String.format(Locale.ROOT, "%.4f", a)).toList(),
                    report.toTable()));
            assertThat(report.ensembleAccuracy()).isGreaterThan(0.8);

            assertThatThrownBy(() -> SnapshotEnsemble.evaluate(model, test, 64, saver.saved(), 4))
                    .hasMessage("lastM must be in [1, 3] (the number of snapshots), got 4");
        }
    }

    @Test
    void damagedSnapshotIsRejected() throws Exception {
        try (NDManager manager = NDManager.newBaseManager();
                Model model = Fixtures.model("damaged", Fixtures.mlp())) {
            model.getBlock().initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, Fixtures.mlpInput());
            Path file = directory.resolve(Snapshot.fileName(0));
            new Snapshot(0, 9, ModelWeights.capture(model.getBlock())).write(file);
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length / 2] ^= 0x40;
            Files.write(file, bytes);
            assertThatThrownBy(() -> Snapshot.read(file)).isInstanceOf(CorruptCheckpointException.class);
        }
    }
}

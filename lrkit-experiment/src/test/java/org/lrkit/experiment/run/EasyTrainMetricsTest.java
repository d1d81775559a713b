package org.lrkit.experiment.run;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.loss.Loss;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrkit.djl.integration.RunListenerBridge;
import org.lrkit.djl.optim.ScheduledSgd;
import org.lrkit.djl.testing.Fixtures;
import org.lrkit.schedule.OneCycle;
import org.lrkit.schedule.Policy;

/** The run layer's metrics files written from DJL's own {@code EasyTrain.fit}, through lrkit's bridge. */
class EasyTrainMetricsTest {

    @TempDir
    Path directory;

    @Test
    void metricsWriterRecordsEveryStepAndEpochOfEasyTrain() throws Exception {
        OneCycle oneCycle = OneCycle.builder().start(0.01).peak(0.2).end(1e-4).totalSteps(6).build();
        ScheduledSgd sgd = ScheduledSgd.builder(Policy.of(oneCycle)).momentum(0.9).build();
        try (NDManager manager = NDManager.newBaseManager();
                Model model = Fixtures.model("metrics", Fixtures.mlp());
                MetricsWriter writer = MetricsWriter.csv(directory)) {
            ArrayDataset train = Fixtures.blobs(manager, 96, 1, 32);
            ArrayDataset validation = Fixtures.blobs(manager, 48, 2, 16);
            RunListenerBridge bridge = RunListenerBridge.builder(sgd).listener(writer).plannedSteps(6)
                    .stepsPerEpoch(3).build();
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(sgd)
                    .optDevices(new Device[] {Device.cpu()}).addTrainingListeners(bridge);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(Fixtures.mlpInput());
                EasyTrain.fit(trainer, 2, train, validation);
            }
            List<String> steps = Files.readAllLines(writer.stepsFile(), StandardCharsets.UTF_8);
            assertThat(steps).hasSize(7);
            assertThat(steps.get(0)).isEqualTo("step,epoch,loss,lr,momentum");
            for (int k = 0; k < 6; k++) {
                String[] row = steps.get(k + 1).split(",");
                assertThat(row[0]).isEqualTo(Long.toString(k));
                assertThat(row[1]).isEqualTo(Long.toString(k / 3));
                assertThat(Double.parseDouble(row[3])).isEqualTo(oneCycle.valueAt(k));
                assertThat(Double.parseDouble(row[4])).isEqualTo(0.9);
            }
            List<String> epochs = Files.readAllLines(writer.epochsFile(), StandardCharsets.UTF_8);
            assertThat(epochs).hasSize(3);
            assertThat(epochs.get(1)).startsWith("3,0,");
            assertThat(epochs.get(2)).startsWith("6,1,");
        }
    }
}

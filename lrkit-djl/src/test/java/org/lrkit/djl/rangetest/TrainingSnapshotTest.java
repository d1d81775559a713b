package org.lrkit.djl.rangetest;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import org.lrkit.djl.train.TrainingSteps;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.RandomUtils;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lrkit.djl.optim.ScheduledSgd;
import org.lrkit.djl.testing.Fixtures;
import org.lrkit.djl.testing.Runs;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Schedule;

/** Snapshots put parameters, gradients, optimizer and random state back exactly. */
class TrainingSnapshotTest {

    @Test
    void javaGeneratorStateRoundTripsIncludingAReservedGaussian() {
        for (int consumed = 0; consumed < 40; consumed++) {
            Random random = new Random(consumed * 31L);
            for (int i = 0; i < consumed; i++) {
                if (i % 3 == 0) {
                    random.nextGaussian();
                } else {
                    random.nextInt();
                }
            }
            byte[] saved = EngineRandom.state(random);
            Random reference = new Random();
            EngineRandom.restoreJava(reference, saved);
            double[] expected = {random.nextGaussian(), random.nextDouble(), random.nextGaussian()};
            random.nextLong();
            EngineRandom.restoreJava(random, saved);
            assertThat(new double[] {random.nextGaussian(), random.nextDouble(), random.nextGaussian()})
                    .as("after %d draws", consumed).containsExactly(expected);
            assertThat(new double[] {reference.nextGaussian(), reference.nextDouble(), reference.nextGaussian()})
                    .containsExactly(expected);
        }
    }

    @Test
    void restoresWeightsGradientsOptimizerAndRandomState() throws Exception {
        try (Model model = Fixtures.model("snapshot", Fixtures.cnn()); NDManager data = NDManager.newBaseManager()) {
            ScheduledSgd sgd = Runs.sgd(Runs.oneCycle(0.1, 20));
            sgd.bind(model.getBlock());
            ArrayDataset stripes = Fixtures.stripes(data, 64, 5, 32);
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(sgd).optDevices(new Device[] {Device.cpu()}))) {
                trainer.initialize(Fixtures.cnnInput());
                TrainingSteps steps = new TrainingSteps(trainer, sgd);
                steps.run(trainer.iterateDataset(stripes), 2, step -> { });
                // a backward pass without its step leaves gradients behind (accumulation in progress)
                try (Batch batch = trainer.iterateDataset(stripes).iterator().next();
                        GradientCollector collector = trainer.newGradientCollector()) {
                    NDList predictions = trainer.forward(batch.getData(), batch.getLabels());
                    collector.backward(trainer.getLoss().evaluate(batch.getLabels(), predictions));
                }
            }
            Engine engine = model.getNDManager().getEngine();
            engine.setRandomSeed(123);
            RandomUtils.RANDOM.nextGaussian();
            TrainingSnapshot snapshot = TrainingSnapshot.capture(model, sgd);
            NDArray saved = model.getBlock().getParameters().get("01Conv2d_weight").getArray().getGradient();
            float[] snapshotGradient = saved.toFloatArray();
            saved.close();
            assertThat(snapshotGradient).isNotEqualTo(new float[snapshotGradient.length]);
            assertThat(snapshot.differences()).isEmpty();

            for (Pair<String, Parameter> pair : model.getBlock().getParameters()) {
                pair.getValue().getArray().muli(3);
                if (pair.getValue().requiresGradient()) {
                    NDArray gradient = pair.getValue().getArray().getGradient();
                    gradient.set(new ai.djl.ndarray.index.NDIndex("..."), -1f);
                    gradient.close();
                }
            }
            sgd.reset();
            sgd.setPolicy(Policy.of(Schedule.constant(1.0)));
            engine.setRandomSeed(9);
            RandomUtils.RANDOM.nextInt();
            assertThat(snapshot.differences()).contains("gradients differ", "optimizer state differs",
                    "optimizer policy differs", "DJL's Java random generator differs");

            snapshot.restore();
            assertThat(snapshot.differences()).isEmpty();
            assertThat(engine.getSeed()).isEqualTo(123);
            NDArray gradient = model.getBlock().getParameters().get("01Conv2d_weight").getArray().getGradient();
            assertThat(gradient.toFloatArray()).isEqualTo(snapshotGradient);
            gradient.close();
        }
    }
}

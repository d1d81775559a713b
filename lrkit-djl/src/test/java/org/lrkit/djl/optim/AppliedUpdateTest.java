package org.lrkit.djl.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lrkit.djl.testing.Fixtures;
import org.lrkit.djl.testing.Runs;
import org.lrkit.djl.train.DataOrder;
import org.lrkit.schedule.Policy;

/**
 * In real training through DJL's {@code Trainer}, the weight change of every step is exactly what the
 * policy's learning rate and momentum at that step produce from the step's gradient (PyTorch convention),
 * so the values were really applied, not just asked for.
 */
class AppliedUpdateTest {

    @Test
    void everyStepMovesTheWeightsByThePolicysLearningRateAndMomentum() throws Exception {
        Policy policy = Runs.oneCycle(0.2, 10);
        try (NDManager manager = NDManager.newBaseManager();
                Model model = Fixtures.model("applied", Fixtures.mlp())) {
            ArrayDataset data = Fixtures.blobs(manager, 200, 3, 20);
            ScheduledSgd sgd = ScheduledSgd.builder(policy).build();
            sgd.bind(model.getBlock());
            List<AppliedValues> applied = new ArrayList<>();
            sgd.addObserver(applied::add);
            try (Trainer trainer = model.newTrainer(
                    new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(sgd))) {
                Engine.getInstance().setRandomSeed(3);
                trainer.initialize(Fixtures.mlpInput());
                Parameter weight = model.getBlock().getParameters().get("01Linear_weight");
                double[] buffer = new double[(int) weight.getArray().size()];
                int step = 0;
                DataOrder order = new DataOrder(1, data.size(), 20, true);
                for (Batch batch : data.getData(trainer.getManager(), order.sampler(0, 0))) {
                    try (batch; GradientCollector collector = trainer.newGradientCollector()) {
                        NDList predictions = trainer.forward(batch.getData(), batch.getLabels());
                        collector.backward(trainer.getLoss().evaluate(batch.getLabels(), predictions));
                    }
                    float[] before = weight.getArray().toFloatArray();
                    float[] gradient;
                    try (NDArray grad = weight.getArray().getGradient()) {
                        gradient = grad.toFloatArray();
                    }
                    trainer.step();
                    float[] after = weight.getArray().toFloatArray();
                    AppliedValues values = applied.get(step);
                    double lr = policy.learningRate().valueAt(step);
                    double momentum = policy.momentum().orElseThrow().valueAt(step);
                    assertThat(values.step()).isEqualTo(step);
                    assertThat(values.learningRate()).isEqualTo(lr);
                    assertThat(values.momentum()).isEqualTo(momentum);
                    for (int i = 0; i < before.length; i++) {
                        buffer[i] = momentum * buffer[i] + gradient[i];
                        double expected = before[i] - lr * buffer[i];
                        assertThat((double) after[i]).as("step %d, weight %d", step, i)
                                .isCloseTo(expected, within(1e-5 * Math.max(1, Math.abs(expected))));
                    }
                    try (NDArray grad = weight.getArray().getGradient()) {
                        assertThat(grad.abs().sum().getFloat()).as("gradient zeroed after the update").isZero();
                    }
                    step++;
                }
                assertThat(step).isEqualTo(10);
                assertThat(applied).hasSize(10);
            }
        }
    }
}

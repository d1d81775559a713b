package org.lrkit.djl.optim;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lrkit.djl.tensor.ModelWeights;
import org.lrkit.djl.tensor.StoredArray;
import org.lrkit.djl.testing.Fixtures;
import org.lrkit.djl.testing.Measurements;
import org.lrkit.djl.testing.SharedArrays;
import org.lrkit.djl.train.DataOrder;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Schedule;

/**
 * At constant settings lrkit's optimizers follow the same training curves as DJL's built-in ones (same
 * initial weights, same batches): SGD with momentum (DJL's MXNet convention equals PyTorch's at constant
 * learning rate) and Adam.
 */
class DjlParityTest {

    private static final int STEPS = 60;
    @RegisterExtension
    static final SharedArrays ARRAYS = new SharedArrays();
    private static final ArrayDataset data = Fixtures.blobs(ARRAYS.manager(), 300, 1, 30);

    @Test
    void sgdWithMomentumMatchesDjlSgdAtConstantLearningRate() throws Exception {
        Curve djl = train(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.05f)).optMomentum(0.9f).build());
        Curve lrkit = train(ScheduledSgd.builder(Policy.of(Schedule.constant(0.05))).momentum(0.9).build());
        compare("sgd", djl, lrkit, 1e-4);
    }

    @Test
    void plainSgdWithWeightDecayMatchesDjlSgd() throws Exception {
        Curve djl = train(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.1f)).optWeightDecays(0.01f).build());
        Curve lrkit = train(ScheduledSgd.builder(Policy.of(Schedule.constant(0.1))).weightDecay(0.01).build());
        compare("sgd-plain-wd", djl, lrkit, 1e-5);
    }

    @Test
    void adamMatchesDjlAdam() throws Exception {
        Curve djl = train(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.01f)).build());
        Curve lrkit = train(ScheduledAdamW.adam(Policy.of(Schedule.constant(0.01))).build());
        compare("adam", djl, lrkit, 1e-4);
    }

    private static void compare(String name, Curve djl, Curve lrkit, double tolerance) {
        double maxLossGap = 0;
        for (int i = 0; i < STEPS; i++) {
            maxLossGap = Math.max(maxLossGap, Math.abs(djl.losses[i] - lrkit.losses[i]));
        }
        double maxWeightGap = 0;
        for (String parameter : djl.weights.arrays().keySet()) {
            float[] a = floats(djl.weights.arrays().get(parameter));
            float[] b = floats(lrkit.weights.arrays().get(parameter));
            for (int i = 0; i < a.length; i++) {
                maxWeightGap = Math.max(maxWeightGap, Math.abs(a[i] - b[i]));
            }
        }
        Measurements.record("parity", String.format(Locale.ROOT,
                "%-14s %d steps: loss %.6f -> %.6f (DJL) vs %.6f -> %.6f (lrkit); max |loss gap| %.3g, max |weight gap| %.3g",
                name, STEPS, djl.losses[0], djl.losses[STEPS - 1], lrkit.losses[0], lrkit.losses[STEPS - 1], maxLossGap,
                maxWeightGap));
        assertThat(lrkit.losses[STEPS - 1]).as("the run must actually train").isLessThan(lrkit.losses[0] * 0.5);
        assertThat(maxLossGap).as("largest per-step loss difference, DJL vs lrkit").isLessThan(tolerance);
        assertThat(maxWeightGap).as("largest final weight difference, DJL vs lrkit").isLessThan(tolerance * 10);
    }

    private static Curve train(Optimizer optimizer) throws Exception {
        try (Model model = Fixtures.model("parity", Fixtures.mlp())) {
            if (optimizer instanceof ScheduledOptimizer scheduled) {
                scheduled.bind(model.getBlock());
            }
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(optimizer);
            try (Trainer trainer = model.newTrainer(config)) {
                Engine.getInstance().setRandomSeed(5);
                trainer.initialize(Fixtures.mlpInput());
                DataOrder order = new DataOrder(0, data.size(), 30, false);
                double[] losses = new double[STEPS];
                int step = 0;
                while (step < STEPS) {
                    for (Batch batch : data.getData(trainer.getManager(), order.sampler(0, 0))) {
                        try (batch; GradientCollector collector = trainer.newGradientCollector()) {
                            NDList predictions = trainer.forward(batch.getData(), batch.getLabels());
                            NDArray loss = trainer.getLoss().evaluate(batch.getLabels(), predictions);
                            collector.backward(loss);
                            losses[step++] = loss.getFloat();
                        }
                        trainer.step();
                    }
                }
                return new Curve(losses, ModelWeights.capture(model.getBlock()));
            }
        }
    }

    private static float[] floats(StoredArray array) {
        java.nio.FloatBuffer buffer = java.nio.ByteBuffer.wrap(array.data()).order(java.nio.ByteOrder.nativeOrder())
                .asFloatBuffer();
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        return values;
    }

    private record Curve(double[] losses, ModelWeights weights) {
    }
}

package org.lrkit.djl.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.translate.Batchifier;
import ai.djl.util.Pair;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lrkit.djl.checkpoint.Checkpoint;
import org.lrkit.djl.checkpoint.CheckpointSchedule;
import org.lrkit.djl.checkpoint.Resume;
import org.lrkit.djl.optim.ScheduledSgd;
import org.lrkit.djl.tensor.ModelWeights;
import org.lrkit.djl.testing.Fixtures;
import org.lrkit.djl.testing.Runs;
import org.lrkit.djl.testing.SharedArrays;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Schedule;
import org.lrkit.schedule.TrainingClock;

/** Gradient accumulation and gradient-norm clipping, in {@link TrainingSteps} and {@link TrainingRun}. */
class AccumulationAndClippingTest {

    @RegisterExtension
    static final SharedArrays ARRAYS = new SharedArrays();
    private static final ArrayDataset blobs = Fixtures.blobs(ARRAYS.manager(), 240, 5, 30);

    @TempDir
    Path directory;

    @Test
    void twoBatchesPerStepTrainLikeOneBatchOfTwiceTheSize() throws Exception {
        Policy policy = Runs.oneCycle(0.2, 2 * 4);
        Recorded accumulated = train(blobs, 30, 2, policy, TrainingLength.epochs(2), Double.NaN);
        Recorded large = train(blobs, 60, 1, policy, TrainingLength.epochs(2), Double.NaN);
        assertThat(accumulated.start.stepsPerEpoch()).isEqualTo(4);
        assertThat(accumulated.start.plannedSteps()).isEqualTo(8);
        assertThat(accumulated.steps).hasSize(8);
        for (int i = 0; i < 8; i++) {
            StepResult step = accumulated.steps.get(i);
            assertThat(step.step()).isEqualTo(i);
            assertThat(step.learningRate()).isEqualTo(policy.learningRate().valueAt(i));
            assertThat(step.loss()).isCloseTo(large.steps.get(i).loss(), within(1e-5));
        }
        assertClose(accumulated.floats, large.floats, 1e-5);
    }

    @Test
    void anIncompleteLastGroupStillMakesAStepAsTheClockSays() throws Exception {
        // 240 examples in batches of 30 are 8 batches; 3 per step make steps of 3, 3 and 2 batches
        long perEpoch = TrainingClock.ofBatches(8, 3, TrainingClock.Remainder.STEP).stepsPerEpoch();
        Policy policy = Policy.of(Schedule.linear(0.1, 0.01, 6));
        Recorded run = train(blobs, 30, 3, policy, TrainingLength.epochs(2), Double.NaN);
        assertThat(run.start.stepsPerEpoch()).isEqualTo(perEpoch).isEqualTo(3);
        assertThat(run.steps).extracting(StepResult::step).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(run.epochs).extracting(EpochResult::step).containsExactly(3L, 6L);
    }

    @Test
    void oneBatchPerStepIsTheRunWithoutAccumulationBitForBit() throws Exception {
        Policy policy = Runs.oneCycle(0.2, 16);
        Recorded plain = train(blobs, 30, 0, policy, TrainingLength.epochs(2), Double.NaN);
        Recorded one = train(blobs, 30, 1, policy, TrainingLength.epochs(2), Double.NaN);
        assertThat(one.weights).isEqualTo(plain.weights);
        assertThat(one.steps).isEqualTo(plain.steps);
    }

    @Test
    void anAccumulatingRunResumesExactlyAndRefusesAnotherAccumulation() throws Exception {
        Policy policy = Runs.oneCycle(0.2, 8);
        ModelWeights whole;
        try (Model model = Fixtures.model("whole", Fixtures.mlp())) {
            Runs.run(model, Runs.sgd(policy), blobs, Fixtures.mlpInput(), TrainingLength.epochs(2))
                    .trainingData(blobs, 30).accumulateGradients(2).build().run();
            whole = ModelWeights.capture(model.getBlock());
        }
        Path file = directory.resolve(CheckpointSchedule.FILE_NAME);
        try (Model model = Fixtures.model("first", Fixtures.mlp())) {
            Runs.run(model, Runs.sgd(policy), blobs, Fixtures.mlpInput(), TrainingLength.steps(3))
                    .trainingData(blobs, 30).accumulateGradients(2)
                    .checkpoints(CheckpointSchedule.in(directory)).build().run();
        }
        Checkpoint checkpoint = Checkpoint.read(file);
        assertThat(checkpoint.data().accumulation()).isEqualTo(2);
        assertThat(checkpoint.progress().step()).isEqualTo(3);
        assertThat(checkpoint.progress().batchInEpoch()).isEqualTo(6);
        try (Model model = Fixtures.model("second", Fixtures.mlp())) {
            Runs.run(model, Runs.sgd(policy), blobs, Fixtures.mlpInput(), TrainingLength.epochs(2))
                    .trainingData(blobs, 30).accumulateGradients(2).resume(Resume.from(file)).build().run();
            assertThat(ModelWeights.capture(model.getBlock())).isEqualTo(whole);
        }
        try (Model model = Fixtures.model("third", Fixtures.mlp())) {
            TrainingRun other = Runs.run(model, Runs.sgd(policy), blobs, Fixtures.mlpInput(), TrainingLength.epochs(2))
                    .trainingData(blobs, 30).resume(Resume.from(file)).build();
            assertThatThrownBy(other::run).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("2 batch(es) per optimizer step").hasMessageContaining("this run has 1")
                    .hasMessageContaining("accumulateGradients(2)").hasMessageNotContaining("\n");
        }
    }

    @Test
    void anAccumulatedStepAppliesTheMeanOfTheBatchesGradients() {
        float[][] data = line(4);
        double lr = 0.1;
        Map<String, float[]> start;
        Map<String, float[]> afterFirst;
        Map<String, float[]> afterSecond;
        Map<String, float[]> afterBoth;
        try (Fit fit = new Fit(lr)) {
            start = fit.weights();
            afterFirst = fit.stepOn(data, steps -> steps.step(fit.batches.get(0)));
        }
        try (Fit fit = new Fit(lr)) {
            afterSecond = fit.stepOn(data, steps -> steps.step(fit.batches.get(1)));
        }
        try (Fit fit = new Fit(lr)) {
            afterBoth = fit.stepOn(data, steps -> steps.step(List.of(fit.batches.get(0), fit.batches.get(1))));
        }
        for (String name : start.keySet()) {
            for (int i = 0; i < start.get(name).length; i++) {
                double first = start.get(name)[i] - afterFirst.get(name)[i];
                double second = start.get(name)[i] - afterSecond.get(name)[i];
                double both = start.get(name)[i] - afterBoth.get(name)[i];
                assertThat(both).isCloseTo((first + second) / 2, within(1e-5));
            }
        }
    }

    @Test
    void clippingScalesAHugeGradientToTheLimitAndLeavesASmallOneAlone() {
        float[][] data = line(1000);
        double lr = 0.01;
        double maxNorm = 0.5;
        Map<String, float[]> start;
        Map<String, float[]> raw;
        Map<String, float[]> clipped;
        Map<String, float[]> loose;
        try (Fit fit = new Fit(lr)) {
            start = fit.weights();
            raw = fit.stepOn(data, steps -> steps.step(fit.batches.get(0)));
        }
        try (Fit fit = new Fit(lr)) {
            clipped = fit.stepOn(data, steps -> steps.clippingGradientNorm(maxNorm).step(fit.batches.get(0)));
        }
        try (Fit fit = new Fit(lr)) {
            loose = fit.stepOn(data, steps -> steps.clippingGradientNorm(1e12).step(fit.batches.get(0)));
        }
        double squares = 0;
        for (String name : start.keySet()) {
            for (int i = 0; i < start.get(name).length; i++) {
                double gradient = (start.get(name)[i] - raw.get(name)[i]) / lr;
                squares += gradient * gradient;
            }
        }
        double norm = Math.sqrt(squares);
        assertThat(norm).isGreaterThan(100 * maxNorm);
        double clippedSquares = 0;
        for (String name : start.keySet()) {
            for (int i = 0; i < start.get(name).length; i++) {
                double gradient = (start.get(name)[i] - raw.get(name)[i]) / lr;
                double applied = (start.get(name)[i] - clipped.get(name)[i]) / lr;
                assertThat(applied).isCloseTo(gradient * maxNorm / norm, within(1e-3 * maxNorm));
                clippedSquares += applied * applied;
            }
        }
        assertThat(Math.sqrt(clippedSquares)).isCloseTo(maxNorm, within(1e-3));
        for (String name : start.keySet()) {
            assertThat(loose.get(name)).containsExactly(raw.get(name));
        }
    }

    @Test
    void badSettingsAreRefusedWithTheFix() {
        try (Model model = Fixtures.model("bad", Fixtures.mlp())) {
            TrainingRun.Builder builder = TrainingRun.builder(model, Runs.sgd(Runs.oneCycle(0.1, 10)));
            assertThatThrownBy(() -> builder.accumulateGradients(0))
                    .hasMessage("batchesPerStep (gradient accumulation) must be >= 1, got 0; give 1 for one "
                            + "optimizer step per batch, k for one per k batches");
            assertThatThrownBy(() -> builder.clipGradientNorm(0)).hasMessageContaining("maxNorm (gradient clipping)")
                    .hasMessageContaining("got 0.0");
            assertThatThrownBy(() -> builder.clipGradientNorm(Double.POSITIVE_INFINITY))
                    .hasMessageContaining("finite number > 0");
            assertThatThrownBy(() -> builder.clipGradientNorm(Double.NaN)).hasMessageContaining("got NaN");
        }
    }

    /** {@code y = scale * (x1 + 2 x2)} on two batches of 4 points, for a linear model and an L2 loss. */
    private static float[][] line(double scale) {
        float[] x = new float[16];
        float[] y = new float[8];
        for (int i = 0; i < 8; i++) {
            x[2 * i] = i - 3.5f;
            x[2 * i + 1] = (i % 3) - 1f;
            y[i] = (float) (scale * (x[2 * i] + 2 * x[2 * i + 1]));
        }
        return new float[][] {x, y};
    }

    /** A one-output linear model with plain SGD at a constant rate, and the batches of one epoch. */
    private static final class Fit implements AutoCloseable {
        private final Model model;
        private final ScheduledSgd sgd;
        private final Trainer trainer;
        private final List<Batch> batches = new ArrayList<>();

        Fit(double lr) {
            Block block = Linear.builder().setUnits(1).build();
            model = Fixtures.initialized("line", block, new Shape(1, 2));
            sgd = ScheduledSgd.builder(Policy.of(Schedule.constant(lr))).build();
            sgd.bind(block);
            trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(sgd)
                    .optDevices(new Device[] {Device.cpu()}));
        }

        Map<String, float[]> stepOn(float[][] data, Function<TrainingSteps, StepResult> step) {
            NDManager batchManager = trainer.getManager();
            for (int b = 0; b < 2; b++) {
                NDList x = new NDList(batchManager.create(Arrays.copyOfRange(data[0], 8 * b, 8 * b + 8),
                        new Shape(4, 2)));
                NDList y = new NDList(batchManager.create(Arrays.copyOfRange(data[1], 4 * b, 4 * b + 4),
                        new Shape(4, 1)));
                batches.add(new Batch(batchManager, x, y, 4, Batchifier.STACK, Batchifier.STACK, 0, 2));
            }
            step.apply(new TrainingSteps(trainer, sgd));
            return weights();
        }

        Map<String, float[]> weights() {
            return floats(model.getBlock());
        }

        @Override
        public void close() {
            batches.forEach(Batch::close);
            trainer.close();
            model.close();
        }
    }

    private record Recorded(RunStart start, List<StepResult> steps, List<EpochResult> epochs, ModelWeights weights,
            Map<String, float[]> floats) {
    }

    /** Trains the MLP on {@code data}; {@code accumulation} 0 leaves the builder's default. */
    private static Recorded train(ArrayDataset data, int batch, int accumulation, Policy policy, TrainingLength length,
            double maxNorm) throws Exception {
        List<StepResult> steps = new ArrayList<>();
        List<EpochResult> epochs = new ArrayList<>();
        RunStart[] start = new RunStart[1];
        try (Model model = Fixtures.model("acc", Fixtures.mlp())) {
            TrainingRun.Builder builder = TrainingRun.builder(model, ScheduledSgd.builder(policy).build())
                    .trainingData(data, batch).inputShapes(Fixtures.mlpInput()).length(length).seed(42)
                    .listener(new TrainingRunListener() {
                        @Override
                        public void onStart(RunStart runStart) {
                            start[0] = runStart;
                        }

                        @Override
                        public void onStep(long epoch, StepResult step) {
                            steps.add(step);
                        }

                        @Override
                        public void onEpoch(EpochResult epoch) {
                            epochs.add(epoch);
                        }
                    });
            if (accumulation > 0) {
                builder.accumulateGradients(accumulation);
            }
            if (!Double.isNaN(maxNorm)) {
                builder.clipGradientNorm(maxNorm);
            }
            builder.build().run();
            return new Recorded(start[0], steps, epochs, ModelWeights.capture(model.getBlock()),
                    floats(model.getBlock()));
        }
    }

    private static void assertClose(Map<String, float[]> actual, Map<String, float[]> expected, double tolerance) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (String name : actual.keySet()) {
            float[] x = actual.get(name);
            float[] y = expected.get(name);
            assertThat(x).hasSameSizeAs(y);
            for (int i = 0; i < x.length; i++) {
                assertThat((double) x[i]).as(name + "[" + i + "]").isCloseTo(y[i], within(tolerance));
            }
        }
    }

    private static Map<String, float[]> floats(Block block) {
        Map<String, float[]> weights = new LinkedHashMap<>();
        for (Pair<String, Parameter> pair : block.getParameters()) {
            weights.put(pair.getKey(), pair.getValue().getArray().toFloatArray());
        }
        return weights;
    }
}

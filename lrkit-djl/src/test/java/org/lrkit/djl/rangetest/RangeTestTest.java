package org.lrkit.djl.rangetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lrkit.djl.optim.OptimizerState;
import org.lrkit.djl.optim.ParameterGroups;
import org.lrkit.djl.optim.ScheduledSgd;
import org.lrkit.djl.tensor.ModelWeights;
import org.lrkit.djl.testing.Fixtures;
import org.lrkit.djl.testing.Measurements;
import org.lrkit.djl.testing.Runs;
import org.lrkit.djl.testing.SharedArrays;
import org.lrkit.djl.train.StepResult;
import org.lrkit.djl.train.TrainingLength;
import org.lrkit.djl.train.TrainingRunListener;
import org.lrkit.djl.train.TrainingSteps;
import org.lrkit.rangetest.StopReason;
import org.lrkit.rangetest.Sweep;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Schedule;



/** The range test on DJL models: suggestions, exact restoration (also mid-training), seeds, grids, groups, files. */
class RangeTestTest {

    @RegisterExtension
    static final SharedArrays ARRAYS = new SharedArrays();
    private static final ArrayDataset blobs = Fixtures.blobs(ARRAYS.manager(), 480, 1, 32);
    private static final ArrayDataset stripes = Fixtures.stripes(ARRAYS.manager(), 480, 2, 32);
    private static final ArrayDataset stripesValidation = Fixtures.stripes(ARRAYS.manager(), 192, 3, 64);

    @TempDir
    Path directory;


    @Test
    void findsAValleyAndRestoresTheModelExactly() throws Exception {
        try (Model model = Fixtures.initialized("mlp", Fixtures.mlp(), Fixtures.mlpInput())) {
            ScheduledSgd sgd = ScheduledSgd.builder(Policy.of(Schedule.constant(0.1))).momentum(0.9).build();
            ModelWeights before = ModelWeights.capture(model.getBlock());
            OptimizerState optimizerBefore = sgd.state();
            List<RangeTestProgress> progress = new ArrayList<>();

            RangeTestResult result = RangeTest.builder(model, sgd).data(BatchSource.shuffled(blobs, 32))
                    .sweep(Sweep.exponential(1e-5, 100, 80)).progress(progress::add).build().run();

            assertThat(result.restoredExactly()).isTrue();
            assertThat(ModelWeights.capture(model.getBlock())).isEqualTo(before);
            assertThat(sgd.state()).isEqualTo(optimizerBefore);
            assertThat(sgd.policy()).isEqualTo(Policy.of(Schedule.constant(0.1)));
            assertThat(result.curve().stopReason()).as("a sweep to 100 blows up").isNotEqualTo(StopReason.COMPLETED);
            assertThat(result.curve().size()).isLessThan(80).isEqualTo(progress.size());
            assertThat(progress.get(0).learningRate()).isEqualTo(1e-5);
            assertThat(result.runs()).hasSize(1);
            assertThat(result.runs().get(0).momentum()).isNaN();
            // blobs are easy: the smoothed loss falls by a third or more before it blows up
            double first = result.curve().smoothedLosses()[0];
            assertThat(java.util.Arrays.stream(result.curve().smoothedLosses()).min().orElseThrow())
                    .isLessThan(0.67 * first);
            assertThat(result.advice().consensus()).isBetween(1e-3, 10.0);
            assertThat(result.advice().clrLower()).isLessThan(result.advice().clrUpper());
            assertThat(result.timing().steps()).isEqualTo(result.curve().size());
        }
    }

    @Test
    void sameSeedSameCurveAndSeveralSeedsGiveABand() throws Exception {
        try (Model model = Fixtures.initialized("seeds", Fixtures.mlp(), Fixtures.mlpInput())) {
            ScheduledSgd sgd = ScheduledSgd.builder(Policy.of(Schedule.constant(0.1))).momentum(0.9).build();
            RangeTest.Builder test = RangeTest.builder(model, sgd).data(BatchSource.shuffled(blobs, 32))
                    .sweep(Sweep.exponential(1e-4, 1, 30));
            RangeTestResult once = test.seeds(7).build().run();
            RangeTestResult again = test.seeds(7).build().run();
            assertThat(again.curve()).isEqualTo(once.curve());

            RangeTestResult three = test.seeds(1, 2, 3).build().run();
            assertThat(three.runs()).hasSize(3).extracting(RangeTestRun::seed).containsExactly(1L, 2L, 3L);
            assertThat(three.runs().get(0).curve()).isNotEqualTo(three.runs().get(1).curve());
            assertThat(three.band()).isPresent();
            double[] median = three.band().orElseThrow().median();
            assertThat(three.curve().smoothedLosses()).containsExactly(median);
            assertThat(three.restoredExactly()).isTrue();
        }
    }

    @Test
    void validationModeRecordsAccuracyEveryKSteps() throws Exception {
        try (Model model = Fixtures.initialized("validation", Fixtures.cnn(), Fixtures.cnnInput())) {
            ScheduledSgd sgd = ScheduledSgd.builder(Policy.of(Schedule.constant(0.1))).momentum(0.9).build();
            RangeTestResult result = RangeTest.builder(model, sgd).data(BatchSource.shuffled(stripes, 32))
                    .sweep(Sweep.linear(0.001, 0.5, 30)).validation(stripesValidation, 5, 64).build().run();
            double[] accuracy = result.curve().accuracies();
            for (int i = 0; i < result.curve().size(); i++) {
                if ((i + 1) % 5 == 0) {
                    assertThat(accuracy[i]).as("step %d", i).isBetween(0.0, 1.0);
                } else {
                    assertThat(accuracy[i]).as("step %d", i).isNaN();
                }
            }
            assertThat(result.curve().hasValidation()).isTrue();
            assertThat(result.advice().clrLower()).isLessThan(result.advice().clrUpper());
            assertThat(result.timing().validationSeconds()).isPositive();
            assertThat(result.restoredExactly()).isTrue();
        }
    }

    @Test
    void momentumAndWeightDecayGridsGiveOneCurvePerValue() throws Exception {
        try (Model model = Fixtures.initialized("grid", Fixtures.mlp(), Fixtures.mlpInput())) {
            ScheduledSgd sgd = ScheduledSgd.builder(Policy.of(Schedule.constant(0.1))).momentum(0.9).build();
            Sweep sweep = Sweep.exponential(1e-4, 1, 25);
            RangeTestResult momentum = RangeTest.builder(model, sgd).data(BatchSource.shuffled(blobs, 32)).sweep(sweep)
                    .momentumGrid(0.8, 0.9, 0.95).build().run();
            assertThat(momentum.runs()).extracting(RangeTestRun::momentum).containsExactly(0.8, 0.9, 0.95);
            assertThat(momentum.grid()).isPresent();
            assertThat(momentum.grid().orElseThrow().parameter()).isEqualTo("momentum");
            assertThat(momentum.runs().get(0).curve()).isNotEqualTo(momentum.runs().get(2).curve());
            double best = momentum.grid().orElseThrow().bestValue();
            int bestIndex = java.util.Arrays.asList(0.8, 0.9, 0.95).indexOf(best);
            assertThat(momentum.curve()).isEqualTo(momentum.runs().get(bestIndex).curve());
            assertThat(momentum.restoredExactly()).isTrue();

            List<ScheduledSgd> made = new ArrayList<>();
            RangeTestResult decay = RangeTest.builder(model, sgd).data(BatchSource.shuffled(blobs, 32)).sweep(sweep)
                    .weightDecayGrid(new double[] {0, 1e-2}, wd -> {
                        ScheduledSgd copy = ScheduledSgd.builder(Policy.of(Schedule.constant(0.1))).momentum(0.9)
                                .weightDecay(wd).build();
                        made.add(copy);
                        return copy;
                    }).build().run();
            assertThat(made).hasSize(2).extracting(ScheduledSgd::weightDecay).containsExactly(0.0, 1e-2);
            assertThat(decay.runs()).extracting(RangeTestRun::weightDecay).containsExactly(0.0, 1e-2);
            assertThat(decay.grid().orElseThrow().parameter()).isEqualTo("weightDecay");
            assertThat(decay.runs().get(0).curve()).isNotEqualTo(decay.runs().get(1).curve());
            assertThat(decay.restoredExactly()).isTrue();
        }
    }

    @Test
    void groupMultipliersApplyOnTopOfTheSweep() throws Exception {
        Sweep sweep = Sweep.exponential(1e-3, 0.3, 20);
        // the first layer frozen: it must not move during the test, the second must
        try (Model model = Fixtures.initialized("groups", Fixtures.mlp(), Fixtures.mlpInput())) {
            ScheduledSgd sgd = ScheduledSgd.builder(Policy.of(Schedule.constant(0.1)))
                    .groups(ParameterGroups.uniform().withLearningRateMultiplier("01", 0.0)
                            .withLearningRateMultiplier("03", 0.5))
                    .build();
            Map<String, ai.djl.nn.Parameter> parameters = new java.util.HashMap<>();
            model.getBlock().getParameters().forEach(pair -> parameters.put(pair.getKey(), pair.getValue()));
            float[] firstBefore = parameters.get("01Linear_weight").getArray().toFloatArray();
            float[] secondBefore = parameters.get("03Linear_weight").getArray().toFloatArray();
            List<Boolean> firstMoved = new ArrayList<>();
            List<Boolean> secondMoved = new ArrayList<>();
            RangeTestResult result = RangeTest.builder(model, sgd).data(BatchSource.shuffled(blobs, 32)).sweep(sweep)
                    .progress(p -> {
                        firstMoved.add(!java.util.Arrays.equals(firstBefore,
                                parameters.get("01Linear_weight").getArray().toFloatArray()));
                        secondMoved.add(!java.util.Arrays.equals(secondBefore,
                                parameters.get("03Linear_weight").getArray().toFloatArray()));
                    }).build().run();
            assertThat(firstMoved).containsOnly(false);
            assertThat(secondMoved).contains(true);
            assertThat(result.groupRanges()).hasSize(2);
            GroupRange half = result.groupRanges().get(1);
            assertThat(half.prefix()).isEqualTo("03");
            assertThat(half.sweepStart()).isEqualTo(0.5e-3);
            assertThat(half.consensus()).isEqualTo(0.5 * result.advice().consensus());
        }

        // a multiplier on every parameter is the sweep scaled by it
        List<Double> scaledLosses = losses(Sweep.exponential(1e-3, 0.3, 20).scaledBy(0.5), ParameterGroups.uniform());
        List<Double> groupedLosses = losses(Sweep.exponential(1e-3, 0.3, 20),
                ParameterGroups.uniform().withLearningRateMultiplier("0", 0.5));
        for (int i = 0; i < scaledLosses.size(); i++) {
            assertThat(groupedLosses.get(i)).isCloseTo(scaledLosses.get(i), within(1e-5 * scaledLosses.get(i)));
        }
    }

    private static List<Double> losses(Sweep sweep, ParameterGroups groups) throws Exception {
        try (Model model = Fixtures.initialized("ratio", Fixtures.mlp(), Fixtures.mlpInput())) {
            model.getBlock().getParameters().forEach(pair -> pair.getValue().getArray().set(
                    new float[(int) pair.getValue().getArray().size()]));
            model.getBlock().getParameters().forEach(pair -> pair.getValue().getArray().addi(0.1f));
            ScheduledSgd sgd = ScheduledSgd.builder(Policy.of(Schedule.constant(0.1))).groups(groups).build();
            RangeTestResult result = RangeTest.builder(model, sgd).data(BatchSource.shuffled(blobs, 32)).sweep(sweep)
                    .build().run();
            return java.util.Arrays.stream(result.curve().losses()).boxed().toList();
        }
    }

    @Test
    void inTheMiddleOfTrainingTheRunContinuesBitIdentically() throws Exception {
        assertMidTrainingExact("cnn+batchnorm", Fixtures::cnn, stripes, Fixtures.cnnInput());
        assertMidTrainingExact("mlp+dropout", RangeTestTest::mlpWithDropout, blobs, Fixtures.mlpInput());
    }

    private void assertMidTrainingExact(String name, Supplier<Block> architecture, ArrayDataset data, Shape input)
            throws Exception {
        long steps = 30;
        long at = 12;
        Policy policy = Runs.oneCycle(0.3, steps);
        Trained straight = train(architecture, data, input, policy, steps, -1, null);
        List<RangeTestResult> results = new ArrayList<>();
        Trained interrupted = train(architecture, data, input, policy, steps, at, results);
        assertThat(results).hasSize(1);
        RangeTestResult result = results.get(0);
        assertThat(result.restoredExactly()).as(name + ": " + result.differences()).isTrue();
        assertThat(result.runs()).hasSize(2);
        // the optimizer's one-cycle momentum at step 12, held through the test
        assertThat(result.runs().get(0).momentum()).isEqualTo(policy.momentum().orElseThrow().valueAt(at + 1));
        assertThat(interrupted.losses()).as(name + ": losses").containsExactlyElementsOf(straight.losses());
        assertThat(interrupted.weights()).as(name + ": weights").isEqualTo(straight.weights());
        assertThat(interrupted.state()).as(name + ": optimizer").isEqualTo(straight.state());
    }

    private static Trained train(Supplier<Block> architecture, ArrayDataset data, Shape input, Policy policy, long steps,
            long rangeTestAfter, List<RangeTestResult> results) throws Exception {
        try (Model model = Fixtures.model("mid", architecture.get())) {
            ScheduledSgd sgd = Runs.sgd(policy);
            List<Double> losses = new ArrayList<>();
            Runs.run(model, sgd, data, input, TrainingLength.steps(steps)).listener(new TrainingRunListener() {
                @Override
                public void onStep(long epoch, StepResult step) {
                    losses.add(step.loss());
                    if (step.step() == rangeTestAfter) {
                        try {
                            results.add(RangeTest.builder(model, sgd).data(BatchSource.shuffled(data, 32))
                                    .sweep(Sweep.exponential(1e-3, 100, 25)).seeds(5, 6).build().run());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        } catch (ai.djl.translate.TranslateException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            }).build().run();
            return new Trained(losses, ModelWeights.capture(model.getBlock()), sgd.state());
        }
    }

    private static Block mlpWithDropout() {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(32).build())
                .add(Activation::relu)
                .add(Dropout.builder().optRate(0.3f).build())
                .add(Linear.builder().setUnits(Fixtures.CLASSES).build());
    }

    private record Trained(List<Double> losses, ModelWeights weights, OptimizerState state) {
    }

    @Test
    void costsAboutAsMuchAsPlainSteps() throws Exception {
        int steps = 60;
        Sweep sweep = Sweep.exponential(1e-5, 1e-2, steps); // never diverges: every step runs
        double plainBest = Double.POSITIVE_INFINITY;
        double rangeBest = Double.POSITIVE_INFINITY;
        RangeTestResult result = null;
        for (int round = 0; round < 3; round++) { // alternating, best of three: wall time is noisy on shared CPUs
            plainBest = Math.min(plainBest, plainSteps(sweep, steps));
            try (Model model = Fixtures.initialized("range", Fixtures.cnn(), Fixtures.cnnInput())) {
                ScheduledSgd sgd = ScheduledSgd.builder(Policy.of(Schedule.constant(0.1))).momentum(0.9).build();
                long start = System.nanoTime();
                result = RangeTest.builder(model, sgd).data(BatchSource.shuffled(stripes, 32)).sweep(sweep).build()
                        .run();
                rangeBest = Math.min(rangeBest, (System.nanoTime() - start) / 1e9);
            }
        }
        assertThat(result.curve().size()).isEqualTo(steps);
        Measurements.record("rangetest", String.format(Locale.ROOT,
                "small CNN, %d steps of 32 stripes, best of 3: plain steps %.3f s, range test %.3f s (%+.1f%%); the "
                        + "test's own accounting: steps %.3f s, data %.3f s, snapshot+restore+check %.3f s, overhead "
                        + "%.1f%%", steps, plainBest, rangeBest, 100 * (rangeBest / plainBest - 1),
                result.timing().stepSeconds(), result.timing().dataSeconds(), result.timing().snapshotSeconds(),
                100 * result.timing().overheadFraction()));
    }

    /** Seconds for {@code steps} plain training steps on the same data as the range test. */
    private static double plainSteps(Sweep sweep, int steps) throws Exception {
        try (Model model = Fixtures.initialized("plain", Fixtures.cnn(), Fixtures.cnnInput())) {
            ScheduledSgd sgd = ScheduledSgd.builder(Policy.of(sweep.schedule())).momentum(0.9).build();
            sgd.bind(model.getBlock());
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(sgd).optDevices(new Device[] {Device.cpu()}))) {
                TrainingSteps plain = new TrainingSteps(trainer, sgd);
                BatchSource source = BatchSource.shuffled(stripes, 32);
                long start = System.nanoTime();
                int done = 0;
                for (long epoch = 0; done < steps; epoch++) {
                    try (NDManager scope = trainer.getManager().newSubManager()) {
                        java.util.Iterator<Batch> batches = source.epoch(scope, 0, epoch).iterator();
                        while (done < steps && batches.hasNext()) {
                            try (Batch batch = batches.next()) {
                                plain.step(batch);
                                done++;
                            }
                        }
                    }
                }
                return (System.nanoTime() - start) / 1e9;
            }
        }
    }

    @Test
    void refusesBadSettings() {
        try (Model model = Fixtures.initialized("bad", Fixtures.mlp(), Fixtures.mlpInput())) {
            ScheduledSgd sgd = ScheduledSgd.builder(Policy.of(Schedule.constant(0.1))).build();
            assertThatThrownBy(() -> RangeTest.builder(model, sgd).build()).hasMessageContaining("data must be set");
            assertThatThrownBy(() -> RangeTest.builder(model, sgd).data(BatchSource.of(blobs)).momentumGrid(0.9, 0.95)
                    .weightDecayGrid(new double[] {0, 1e-4}, wd -> sgd).build())
                    .hasMessageContaining("not both");
            assertThatThrownBy(() -> RangeTest.builder(model, sgd).momentumGrid(0.9, 1.0))
                    .hasMessageContaining("momentumGrid[1] must be in [0, 1), got 1.0");
            assertThatThrownBy(() -> RangeTest.builder(model, sgd).seeds(1, 1)).hasMessageContaining("distinct");
        }
        try (Model model = Fixtures.model("uninitialized", Fixtures.mlp())) {
            ScheduledSgd sgd = ScheduledSgd.builder(Policy.of(Schedule.constant(0.1))).build();
            assertThatThrownBy(() -> RangeTest.builder(model, sgd).data(BatchSource.of(blobs)).build().run())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("not initialized");
        }
    }

    @Test
    void aSweepThatDivergesAtOnceIsReportedAndStillRestored() {
        try (Model model = Fixtures.initialized("explode", Fixtures.mlp(), Fixtures.mlpInput())) {
            ScheduledSgd sgd = ScheduledSgd.builder(Policy.of(Schedule.constant(0.1))).momentum(0.9).build();
            ModelWeights before = ModelWeights.capture(model.getBlock());
            assertThatThrownBy(() -> RangeTest.builder(model, sgd).data(BatchSource.shuffled(blobs, 32))
                    .sweep(Sweep.exponential(1e4, 1e8, 30)).build().run())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("start the sweep lower");
            assertThat(ModelWeights.capture(model.getBlock())).isEqualTo(before);
        }
    }
}

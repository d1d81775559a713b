package org.lrkit.djl.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.training.dataset.ArrayDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lrkit.djl.checkpoint.Checkpoint;
import org.lrkit.djl.checkpoint.CheckpointSchedule;
import org.lrkit.djl.checkpoint.CorruptCheckpointException;
import org.lrkit.djl.checkpoint.ForeignCheckpointException;
import org.lrkit.djl.checkpoint.PolicyMismatchException;
import org.lrkit.djl.checkpoint.Resume;
import org.lrkit.djl.optim.AppliedValues;
import org.lrkit.djl.optim.ScheduledSgd;
import org.lrkit.djl.tensor.ModelWeights;
import org.lrkit.djl.tensor.StoredArray;
import org.lrkit.djl.testing.Fixtures;
import org.lrkit.djl.testing.Measurements;
import org.lrkit.djl.testing.Runs;
import org.lrkit.djl.testing.SharedArrays;
import org.lrkit.schedule.Elastic;
import org.lrkit.schedule.Policy;


/** A {@link TrainingRun} end to end, and its guards. */
class TrainingRunTest {

    @RegisterExtension
    static final SharedArrays ARRAYS = new SharedArrays();
    private static final ArrayDataset stripesTrain = Fixtures.stripes(ARRAYS.manager(), 480, 3, 32);
    private static final ArrayDataset stripesTest = Fixtures.stripes(ARRAYS.manager(), 240, 4, 32);
    private static final ArrayDataset blobs = Fixtures.blobs(ARRAYS.manager(), 300, 1, 32);

    @TempDir
    Path directory;

    @Test
    void oneCycleWithCyclicalMomentumTrainsACnnEndToEnd() throws Exception {
        long steps = 4 * 15; // 4 epochs of 15 batches
        Policy policy = Runs.oneCycle(0.2, steps);
        List<AppliedValues> applied = new ArrayList<>();
        List<StepResult> results = new ArrayList<>();
        List<EpochResult> epochs = new ArrayList<>();
        List<CycleEnd> cycleEnds = new ArrayList<>();
        TrainingSummary summary;
        try (Model model = Fixtures.model("e2e", Fixtures.cnn())) {
            ScheduledSgd sgd = Runs.sgd(policy);
            sgd.addObserver(applied::add);
            summary = Runs.run(model, sgd, stripesTrain, Fixtures.cnnInput(), TrainingLength.epochs(4))
                    .validationData(stripesTest)
                    .listener(new TrainingRunListener() {
                        @Override
                        public void onStep(long epoch, StepResult step) {
                            results.add(step);
                        }

                        @Override
                        public void onEpoch(EpochResult epoch) {
                            epochs.add(epoch);
                        }

                        @Override
                        public void onCycleEnd(CycleEnd cycleEnd) {
                            cycleEnds.add(cycleEnd);
                        }
                    })
                    .build().run();
        }
        assertThat(summary.steps()).isEqualTo(steps);
        assertThat(summary.epochsCompleted()).isEqualTo(4);
        assertThat(applied).hasSize((int) steps);
        for (int step = 0; step < steps; step++) {
            double lr = policy.learningRate().valueAt(step);
            double momentum = policy.momentum().orElseThrow().valueAt(step);
            assertThat(applied.get(step)).as("values the optimizer applied at step %d", step)
                    .isEqualTo(new AppliedValues(step, lr, momentum, 5e-4));
            assertThat(results.get(step).learningRate()).isEqualTo(lr);
            assertThat(results.get(step).momentum()).isEqualTo(momentum);
        }
        assertThat(cycleEnds).as("a one-cycle policy's single cycle ends at its last step")
                .containsExactly(new CycleEnd(steps - 1, 0));
        assertThat(epochs).extracting(EpochResult::epoch).containsExactly(0L, 1L, 2L, 3L);
        double accuracy = summary.finalEvaluation().orElseThrow().accuracy();
        Measurements.record("end-to-end", String.format(Locale.ROOT,
                "tiny CNN+BatchNorm, one-cycle peak 0.2 with momentum 0.95-0.85, %d steps: train loss %.4f -> %.4f,"
                        + " val accuracy by epoch %s, %.2f s",
                steps, results.get(0).loss(), epochs.get(3).trainLoss(),
                epochs.stream().map(e -> String.format(Locale.ROOT, "%.3f", e.validationAccuracy())).toList(),
                summary.seconds()));
        assertThat(accuracy).as("validation accuracy after one cycle").isGreaterThan(0.9);
        assertThat(epochs.get(3).trainLoss()).isLessThan(epochs.get(0).trainLoss());
    }

    @Test
    void divergenceStopsTheRunNamingStepAndLearningRate() throws Exception {
        Policy explosive = Runs.oneCycle(5_000, 40);
        try (Model model = Fixtures.model("diverge", Fixtures.mlp())) {
            ScheduledSgd sgd = ScheduledSgd.builder(explosive).momentum(0.9).build();
            List<Throwable> failures = new ArrayList<>();
            TrainingRun run = Runs.run(model, sgd, blobs, Fixtures.mlpInput(), TrainingLength.steps(40))
                    .listener(new TrainingRunListener() {
                        @Override
                        public void onFailure(Throwable error) {
                            failures.add(error);
                        }
                    }).build();
            assertThatThrownBy(run::run).isInstanceOfSatisfying(DivergenceException.class, e -> {
                assertThat(e.getMessage()).contains("step " + e.step()).contains("learning rate " + e.learningRate())
                        .contains("Lower the policy's peak learning rate");
                assertThat(e.learningRate()).isEqualTo(explosive.learningRate().valueAt(e.step()));
                assertThat(Double.isFinite(e.loss())).isFalse();
                Measurements.record("divergence", e.getMessage());
            });
            assertThat(failures).hasSize(1);
            for (StoredArray array : ModelWeights.capture(model.getBlock()).arrays().values()) {
                float[] values = floats(array);
                for (float value : values) {
                    assertThat(Float.isNaN(value)).as("the diverging update is not applied").isFalse();
                }
            }
        }
    }

    @Test
    void resumingWithAnotherPolicyIsRefusedUnlessAnElasticRuleIsNamed() throws Exception {
        Path checkpoints = directory.resolve("elastic");
        Policy planned = Runs.oneCycle(0.1, 20);
        try (Model model = Fixtures.model("first", Fixtures.mlp())) {
            Runs.run(model, Runs.sgd(planned), blobs, Fixtures.mlpInput(), TrainingLength.steps(20))
                    .checkpoints(CheckpointSchedule.in(checkpoints)).build().run();
        }
        Path file = checkpoints.resolve(CheckpointSchedule.FILE_NAME);
        Policy other = Runs.oneCycle(0.3, 30);
        try (Model model = Fixtures.model("refused", Fixtures.mlp())) {
            TrainingRun refused = Runs.run(model, Runs.sgd(other), blobs, Fixtures.mlpInput(), TrainingLength.steps(30))
                    .resume(Resume.from(file)).build();
            assertThatThrownBy(refused::run).isInstanceOf(PolicyMismatchException.class)
                    .hasMessageContaining(planned.toSpec()).hasMessageContaining(other.toSpec());
        }
        try (Model model = Fixtures.model("continued", Fixtures.mlp())) {
            ScheduledSgd sgd = Runs.sgd(other);
            List<AppliedValues> applied = new ArrayList<>();
            sgd.addObserver(applied::add);
            TrainingSummary summary = Runs.run(model, sgd, blobs, Fixtures.mlpInput(), TrainingLength.steps(30))
                    .resume(Resume.from(file).withRule(Elastic.Rule.CONTINUE_AT_FINAL)).build().run();
            assertThat(summary.steps()).isEqualTo(30);
            assertThat(applied).extracting(AppliedValues::step).containsExactly(20L, 21L, 22L, 23L, 24L, 25L, 26L, 27L,
                    28L, 29L);
            double last = planned.learningRate().valueAt(19);
            assertThat(applied).allSatisfy(values -> assertThat(values.learningRate()).isEqualTo(last));
        }
    }

    @Test
    void trainingSecondsAccumulateAcrossResumes() throws Exception {
        Path checkpoints = directory.resolve("seconds");
        Policy policy = Runs.oneCycle(0.1, 20);
        TrainingSummary first;
        try (Model model = Fixtures.model("first", Fixtures.mlp())) {
            first = Runs.run(model, Runs.sgd(policy), blobs, Fixtures.mlpInput(), TrainingLength.steps(20))
                    .validationData(blobs).length(TrainingLength.steps(10))
                    .checkpoints(CheckpointSchedule.in(checkpoints)).build().run();
        }
        Path file = checkpoints.resolve(CheckpointSchedule.FILE_NAME);
        double recorded = Checkpoint.read(file).progress().seconds();
        assertThat(recorded).as("training seconds in the checkpoint").isPositive()
                .isLessThanOrEqualTo(first.seconds());
        List<EpochResult> epochs = new ArrayList<>();
        TrainingSummary resumed;
        try (Model model = Fixtures.model("second", Fixtures.mlp())) {
            resumed = Runs.run(model, Runs.sgd(policy), blobs, Fixtures.mlpInput(), TrainingLength.steps(20))
                    .validationData(blobs).checkpoints(CheckpointSchedule.in(checkpoints))
                    .listener(new TrainingRunListener() {
                        @Override
                        public void onEpoch(EpochResult epoch) {
                            epochs.add(epoch);
                        }
                    })
                    .resume(Resume.from(file)).build().run();
        }
        assertThat(epochs).singleElement().satisfies(epoch -> assertThat(epoch.seconds()).isGreaterThan(recorded));
        assertThat(resumed.seconds()).as("the first session's time is included").isGreaterThan(recorded)
                .isGreaterThanOrEqualTo(epochs.get(0).seconds());
        assertThat(Checkpoint.read(file).progress().seconds()).isGreaterThan(recorded);
    }

    @Test
    void aRunEndingMidEpochReportsItsFinalEvaluationAsAPartialEpoch() throws Exception {
        TrainingSummary summary;
        try (Model model = Fixtures.model("partial", Fixtures.mlp())) {
            summary = Runs.run(model, Runs.sgd(Runs.oneCycle(0.1, 15)), blobs, Fixtures.mlpInput(),
                    TrainingLength.steps(15)).validationData(blobs).build().run();
        }
        assertThat(summary.lastEpoch()).hasValueSatisfying(epoch -> assertThat(epoch.step()).isEqualTo(10));
        EpochResult partial = summary.partialEpoch().orElseThrow();
        assertThat(partial.epoch()).isEqualTo(1);
        assertThat(partial.step()).isEqualTo(15);
        assertThat(partial.trainLoss()).isFinite();
        assertThat(partial.validationAccuracy()).isEqualTo(summary.finalEvaluation().orElseThrow().accuracy());
        assertThat(partial.seconds()).isPositive().isLessThanOrEqualTo(summary.seconds());

        try (Model model = Fixtures.model("whole", Fixtures.mlp())) {
            assertThat(Runs.run(model, Runs.sgd(Runs.oneCycle(0.1, 20)), blobs, Fixtures.mlpInput(),
                    TrainingLength.steps(20)).validationData(blobs).build().run().partialEpoch()).isEmpty();
        }
    }

    @Test
    void aCheckpointOfAnotherRunIsRefusedAndKept() throws Exception {
        Path checkpoints = directory.resolve("owned");
        Policy policy = Runs.oneCycle(0.1, 20);
        try (Model model = Fixtures.model("first", Fixtures.mlp())) {
            Runs.run(model, Runs.sgd(policy), blobs, Fixtures.mlpInput(), TrainingLength.steps(10))
                    .owner(Map.of("run", "a")).checkpoints(CheckpointSchedule.in(checkpoints)).build().run();
        }
        Path file = checkpoints.resolve(CheckpointSchedule.FILE_NAME);
        assertThat(Checkpoint.read(file).owner()).containsExactly(Map.entry("run", "a"));
        byte[] before = Files.readAllBytes(file);
        try (Model model = Fixtures.model("second", Fixtures.mlp())) {
            TrainingRun other = Runs.run(model, Runs.sgd(policy), blobs, Fixtures.mlpInput(), TrainingLength.steps(20))
                    .owner(Map.of("run", "b")).checkpoints(CheckpointSchedule.in(checkpoints))
                    .resume(Resume.from(file)).build();
            assertThatThrownBy(other::run).isInstanceOf(ForeignCheckpointException.class)
                    .hasMessageContaining(file.toString()).hasMessageContaining("run=a")
                    .hasMessageContaining("run=b");
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void corruptCheckpointIsRejectedBeforeTouchingTheModel() throws Exception {
        Path checkpoints = directory.resolve("corrupt");
        Policy policy = Runs.oneCycle(0.1, 10);
        try (Model model = Fixtures.model("first", Fixtures.mlp())) {
            Runs.run(model, Runs.sgd(policy), blobs, Fixtures.mlpInput(), TrainingLength.steps(10))
                    .checkpoints(CheckpointSchedule.in(checkpoints)).build().run();
        }
        Path file = checkpoints.resolve(CheckpointSchedule.FILE_NAME);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        try (Model model = Fixtures.model("second", Fixtures.mlp())) {
            TrainingRun run = Runs.run(model, Runs.sgd(policy), blobs, Fixtures.mlpInput(), TrainingLength.steps(10))
                    .resume(Resume.from(file)).build();
            assertThatThrownBy(run::run).isInstanceOf(CorruptCheckpointException.class)
                    .hasMessageContaining("truncated").hasMessageContaining(file.toString());
        }
    }

    @Test
    void sameSeedGivesTheSameWeightsAndAnotherSeedDoesNot() throws Exception {
        ModelWeights a = trainBlobs(7);
        ModelWeights b = trainBlobs(7);
        ModelWeights c = trainBlobs(8);
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void freshRunRefusesAnOptimizerThatAlreadyTrained() throws Exception {
        Policy policy = Runs.oneCycle(0.1, 10);
        try (Model model = Fixtures.model("reuse", Fixtures.mlp())) {
            ScheduledSgd sgd = Runs.sgd(policy);
            Runs.run(model, sgd, blobs, Fixtures.mlpInput(), TrainingLength.steps(5)).build().run();
            TrainingRun again = Runs.run(model, sgd, blobs, Fixtures.mlpInput(), TrainingLength.steps(5)).build();
            assertThatThrownBy(again::run).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already made 5 steps");
        }
    }

    @Test
    void checkpointsNeedAPolicyWithATextForm() throws Exception {
        try (Model model = Fixtures.model("lambda", Fixtures.mlp())) {
            ScheduledSgd sgd = ScheduledSgd.builder(Policy.of(step -> 0.1)).build();
            TrainingRun run = Runs.run(model, sgd, blobs, Fixtures.mlpInput(), TrainingLength.steps(5))
                    .checkpoints(CheckpointSchedule.in(directory)).build();
            assertThatThrownBy(run::run).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no text form");
        }
    }

    @Test
    void builderNamesWhatIsMissing() {
        try (Model model = Fixtures.model("builder", Fixtures.mlp())) {
            ScheduledSgd sgd = Runs.sgd(Runs.oneCycle(0.1, 10));
            assertThatThrownBy(() -> TrainingRun.builder(model, sgd).build())
                    .hasMessageContaining("trainingData must be set");
            assertThatThrownBy(() -> TrainingRun.builder(model, sgd).trainingData(blobs, 0))
                    .hasMessage("batchSize must be > 0, got 0");
            assertThatThrownBy(() -> TrainingRun.builder(model, sgd).trainingData(blobs, 8).build())
                    .hasMessageContaining("inputShapes must be set");
            assertThatThrownBy(() -> TrainingRun.builder(model, sgd).trainingData(blobs, 8)
                    .inputShapes(Fixtures.mlpInput()).build()).hasMessageContaining("length must be set");
            assertThatThrownBy(() -> TrainingLength.steps(0)).hasMessage("steps must be > 0, got 0");
        }
        try (Model empty = Model.newInstance("empty")) {
            assertThatThrownBy(() -> TrainingRun.builder(empty, Runs.sgd(Runs.oneCycle(0.1, 10))))
                    .hasMessageContaining("model has no block");
        }
    }

    private static ModelWeights trainBlobs(long seed) throws Exception {
        try (Model model = Fixtures.model("seed", Fixtures.mlp())) {
            TrainingRun.builder(model, Runs.sgd(Runs.oneCycle(0.1, 12))).trainingData(blobs, 32)
                    .inputShapes(Fixtures.mlpInput()).length(TrainingLength.steps(12)).seed(seed).build().run();
            return ModelWeights.capture(model.getBlock());
        }
    }

    private static float[] floats(StoredArray array) {
        java.nio.FloatBuffer buffer = java.nio.ByteBuffer.wrap(array.data()).order(java.nio.ByteOrder.nativeOrder())
                .asFloatBuffer();
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        return values;
    }
}

package org.lrkit.djl.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.translate.TranslateException;
import ai.djl.util.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lrkit.djl.checkpoint.Checkpoint;
import org.lrkit.djl.checkpoint.CheckpointSchedule;
import org.lrkit.djl.checkpoint.Resume;
import org.lrkit.djl.tensor.ModelWeights;
import org.lrkit.djl.testing.Fixtures;
import org.lrkit.djl.testing.Runs;
import org.lrkit.djl.testing.SharedArrays;
import org.lrkit.schedule.Policy;

/** Checkpoints every N steps or epochs, and training on a dataset that is not random-access. */
class CheckpointScheduleTest {

    @RegisterExtension
    static final SharedArrays ARRAYS = new SharedArrays();
    private static final ArrayDataset blobs = Fixtures.blobs(ARRAYS.manager(), 300, 1, 32);

    @TempDir
    Path directory;

    @Test
    void writesEveryNStepsWithoutTheEndWhenAskedNotTo() throws Exception {
        List<Long> writtenAt = new ArrayList<>();
        Path file = directory.resolve(CheckpointSchedule.FILE_NAME);
        try (Model model = Fixtures.model("every", Fixtures.mlp())) {
            Runs.run(model, Runs.sgd(Runs.oneCycle(0.1, 20)), blobs, Fixtures.mlpInput(), TrainingLength.steps(20))
                    .checkpoints(CheckpointSchedule.in(directory).everySteps(7).atEnd(false))
                    .listener(new TrainingRunListener() {
                        @Override
                        public void onStep(long epoch, StepResult step) {
                            readStep(file, writtenAt);
                        }
                    }).build().run();
        }
        assertThat(writtenAt).as("checkpoint step seen before each step's end").containsExactly(
                -1L, -1L, -1L, -1L, -1L, -1L, -1L, 7L, 7L, 7L, 7L, 7L, 7L, 7L, 14L, 14L, 14L, 14L, 14L, 14L);
        assertThat(Checkpoint.read(file).progress().step()).isEqualTo(14);
    }

    @Test
    void writesEveryEpochAtTheStartOfTheNext() throws Exception {
        Path file = directory.resolve(CheckpointSchedule.FILE_NAME);
        try (Model model = Fixtures.model("epochs", Fixtures.mlp())) {
            Runs.run(model, Runs.sgd(Runs.oneCycle(0.1, 25)), blobs, Fixtures.mlpInput(), TrainingLength.steps(25))
                    .checkpoints(CheckpointSchedule.in(directory).everyEpochs(2).atEnd(false)).build().run();
        }
        Checkpoint checkpoint = Checkpoint.read(file);
        assertThat(checkpoint.progress().step()).isEqualTo(20);
        assertThat(checkpoint.progress().epoch()).isEqualTo(2);
        assertThat(checkpoint.progress().batchInEpoch()).isZero();
        assertThatThrownBy(() -> CheckpointSchedule.in(directory).everySteps(0)).hasMessage("steps must be > 0, got 0");
    }

    @Test
    void trainsAndResumesExactlyOnADatasetInItsOwnOrder() throws Exception {
        Dataset own = new OwnOrder(blobs);
        Policy policy = Runs.oneCycle(0.1, 20);
        try (Model model = Fixtures.model("generic", Fixtures.mlp())) {
            TrainingRun run = Runs.run(model, Runs.sgd(policy), own, Fixtures.mlpInput(), TrainingLength.epochs(2)).build();
            assertThatThrownBy(run::run).hasMessageContaining("set stepsPerEpoch");
        }
        ModelWeights straight;
        try (Model model = Fixtures.model("generic", Fixtures.mlp())) {
            TrainingSummary summary = Runs.run(model, Runs.sgd(policy), own, Fixtures.mlpInput(), TrainingLength.epochs(2))
                    .stepsPerEpoch(10).build().run();
            assertThat(summary.steps()).isEqualTo(20);
            assertThat(summary.epochsCompleted()).isEqualTo(2);
            straight = ModelWeights.capture(model.getBlock());
        }
        try (Model model = Fixtures.model("generic", Fixtures.mlp())) {
            Runs.run(model, Runs.sgd(policy), own, Fixtures.mlpInput(), TrainingLength.steps(13))
                    .checkpoints(CheckpointSchedule.in(directory)).build().run();
        }
        try (Model model = Fixtures.model("generic", Fixtures.mlp())) {
            TrainingSummary summary = Runs.run(model, Runs.sgd(policy), own, Fixtures.mlpInput(), TrainingLength.epochs(2))
                    .stepsPerEpoch(10).resume(Resume.from(directory.resolve(CheckpointSchedule.FILE_NAME))).build()
                    .run();
            assertThat(summary.epochsCompleted()).isEqualTo(2);
            assertThat(ModelWeights.capture(model.getBlock())).isEqualTo(straight);
        }
    }

    private static void readStep(Path file, List<Long> steps) {
        try {
            steps.add(file.toFile().exists() ? Checkpoint.read(file).progress().step() : -1L);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A dataset that is not a RandomAccessDataset: it yields the wrapped set's batches in its fixed order. */
    private static final class OwnOrder implements Dataset {
        private final ArrayDataset inner;

        OwnOrder(ArrayDataset inner) {
            this.inner = inner;
        }

        @Override
        public Iterable<Batch> getData(NDManager manager) throws IOException, TranslateException {
            return inner.getData(manager);
        }

        @Override
        public void prepare(Progress progress) {
        }
    }
}

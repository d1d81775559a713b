package org.lrkit.djl.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.dataset.ArrayDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lrkit.djl.checkpoint.Checkpoint;
import org.lrkit.djl.checkpoint.CheckpointSchedule;
import org.lrkit.djl.checkpoint.Resume;
import org.lrkit.djl.optim.OptimizerState;
import org.lrkit.djl.optim.ScheduledSgd;
import org.lrkit.djl.tensor.ModelWeights;
import org.lrkit.djl.testing.Fixtures;
import org.lrkit.djl.testing.Measurements;
import org.lrkit.djl.testing.Runs;
import org.lrkit.djl.testing.SharedArrays;
import org.lrkit.schedule.Policy;

/**
 * 2N steps straight give the same weights, to the bit, as N steps, a checkpoint, fresh model, optimizer and
 * trainer objects, loading the checkpoint and N more steps (at the fixed thread count surefire sets).
 */
class ResumeBitExactTest {

    private static final long HALF = 15; // mid-epoch: 300 examples in batches of 32 make 10 steps per epoch
    @RegisterExtension
    static final SharedArrays ARRAYS = new SharedArrays();
    private static final ArrayDataset blobs = Fixtures.blobs(ARRAYS.manager(), 300, 1, 32);
    private static final ArrayDataset stripes = Fixtures.stripes(ARRAYS.manager(), 300, 2, 32);

    @TempDir
    Path directory;

    @Test
    void mlpWithDropoutResumesBitIdentically() throws Exception {
        assertResumesExactly("mlp+dropout", ResumeBitExactTest::mlpWithDropout, blobs, Fixtures.mlpInput());
    }

    @Test
    void cnnWithBatchNormResumesBitIdentically() throws Exception {
        assertResumesExactly("cnn+batchnorm", Fixtures::cnn, stripes, Fixtures.cnnInput());
    }

    private void assertResumesExactly(String name, Supplier<Block> architecture, ArrayDataset data, Shape input)
            throws Exception {
        Policy policy = Runs.oneCycle(0.3, 2 * HALF);

        Result straight = train(architecture, data, input, policy, 2 * HALF, null, null);

        Path checkpointDirectory = directory.resolve(name);
        Result first = train(architecture, data, input, policy, HALF, CheckpointSchedule.in(checkpointDirectory), null);
        Path file = checkpointDirectory.resolve(CheckpointSchedule.FILE_NAME);
        assertThat(file).exists();
        Checkpoint checkpoint = Checkpoint.read(file);
        assertThat(checkpoint.progress().step()).isEqualTo(HALF);
        assertThat(checkpoint.progress().epoch()).isEqualTo(1);
        assertThat(checkpoint.progress().batchInEpoch()).isEqualTo(5);
        Measurements.record("checkpoint", name + ": checkpoint of " + checkpoint.weights().arrays().size()
                + " parameters, " + Files.size(file) + " bytes (" + checkpoint.weights().byteCount() + " weight bytes, "
                + checkpoint.optimizerState().byteCount() + " optimizer bytes)");

        Result resumed = train(architecture, data, input, policy, 2 * HALF, null, Resume.from(file));

        assertThat(first.losses()).containsExactlyElementsOf(straight.losses().subList(0, (int) HALF));
        assertThat(resumed.losses()).as("losses of steps %d..%d after resuming", HALF, 2 * HALF - 1)
                .containsExactlyElementsOf(straight.losses().subList((int) HALF, (int) (2 * HALF)));
        assertThat(resumed.weights()).as("weights, BatchNorm statistics included, bit for bit")
                .isEqualTo(straight.weights());
        assertThat(resumed.optimizerState()).as("optimizer buffers and counters, bit for bit")
                .isEqualTo(straight.optimizerState());
    }

    private Result train(Supplier<Block> architecture, ArrayDataset data, Shape input, Policy policy, long steps,
            CheckpointSchedule checkpoints, Resume resume) throws Exception {
        try (Model model = Fixtures.model("resume", architecture.get())) {
            ScheduledSgd sgd = Runs.sgd(policy);
            List<Double> losses = new ArrayList<>();
            TrainingRun.Builder builder = Runs.run(model, sgd, data, input, TrainingLength.steps(steps))
                    .listener(new TrainingRunListener() {
                        @Override
                        public void onStep(long epoch, StepResult step) {
                            losses.add(step.loss());
                        }
                    });
            if (checkpoints != null) {
                builder.checkpoints(checkpoints);
            }
            if (resume != null) {
                builder.resume(resume);
            }
            builder.build().run();
            return new Result(losses, ModelWeights.capture(model.getBlock()), sgd.state());
        }
    }

    private static Block mlpWithDropout() {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(32).build())
                .add(Activation::relu)
                .add(Dropout.builder().optRate(0.3f).build())
                .add(Linear.builder().setUnits(Fixtures.CLASSES).build());
    }

    private record Result(List<Double> losses, ModelWeights weights, OptimizerState optimizerState) {
    }
}

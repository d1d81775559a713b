package org.lrkit.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lrkit.djl.checkpoint.Checkpoint;
import org.lrkit.djl.checkpoint.DataPlan;
import org.lrkit.djl.checkpoint.TrainingProgress;
import org.lrkit.djl.engine.EngineSettings;
import org.lrkit.djl.engine.Engines;
import org.lrkit.djl.optim.ScheduledSgd;
import org.lrkit.djl.tensor.ModelWeights;
import org.lrkit.djl.train.TrainingSteps;
import org.lrkit.experiment.report.Json;
import org.lrkit.schedule.Policy;
import org.lrkit.spec.Specs;
import org.lrkit.vision.model.Models;

/**
 * What a checkpoint costs: for a model trained a few steps with lrkit's SGD (so that its momentum buffers
 * exist), the time to capture the state (weights, BatchNorm statistics, optimizer buffers), to write it
 * atomically ({@link Checkpoint#write}, fsync included), to read and verify it, and to put it back into the
 * model and optimizer; the median of {@code --repeats} rounds, and the file's size.
 *
 * <pre>
 * java -cp lrkit-bench/target/benchmarks.jar:&lt;pytorch-native-cpu jar&gt; org.lrkit.bench.CheckpointCost \
 *     --model resnet20 --batches target/bench/cifar10.lrkb --dir /tmp
 * </pre>
 *
 * Prints one JSON object on standard output.
 */
public final class CheckpointCost {

    private CheckpointCost() {
    }

    /** Runs the measurement; options {@code --model --batches --dir --repeats --threads}. */
    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args, "--model", "--batches", "--dir", "--repeats", "--threads");
        String modelName = options.required("--model");
        BatchFile batches = BatchFile.read(options.path("--batches"));
        Path dir = Path.of(options.text("--dir", System.getProperty("java.io.tmpdir")));
        int repeats = options.positive("--repeats", 5);
        int threads = options.positive("--threads", Runtime.getRuntime().availableProcessors());
        Device device = Engines.start(EngineSettings.defaults().withThreads(threads, 1));
        int batchSize = 32;
        Shape image = new Shape(batches.channels(), batches.height(), batches.width());
        Policy policy = Specs.parsePolicy("torch.OneCycleLR(max_lr=0.1, total_steps=100)");
        ScheduledSgd sgd = ScheduledSgd.builder(policy).weightDecay(5e-4).build();
        Path file = Files.createTempFile(dir, "checkpoint-cost-", ".lrkit");
        double[][] seconds = new double[4][repeats];
        try (Model model = Model.newInstance(modelName)) {
            Block block = Models.build(modelName, 10, image);
            model.setBlock(block);
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(sgd).optDevices(new Device[] {device}))) {
                trainer.initialize(new Shape(batchSize, image.get(0), image.get(1), image.get(2)));
                sgd.bind(block);
                TrainingSteps steps = new TrainingSteps(trainer, sgd);
                for (int i = 0; i < 2; i++) {
                    try (NDManager manager = trainer.getManager().newSubManager()) {
                        steps.step(TrainingThroughput.batch(manager, batches, i, batchSize));
                    }
                }
                for (int r = 0; r < repeats; r++) {
                    long t0 = System.nanoTime();
                    Checkpoint checkpoint = new Checkpoint(policy.toSpec(), policy.fingerprint(),
                            new TrainingProgress(2, 0, 2, 100, 0.0, 0), new DataPlan(0, batchSize, batches.count()),
                            sgd.describe(), ModelWeights.capture(block), sgd.state());
                    long t1 = System.nanoTime();
                    checkpoint.write(file);
                    long t2 = System.nanoTime();
                    Checkpoint back = Checkpoint.read(file);
                    long t3 = System.nanoTime();
                    back.weights().restoreInto(block);
                    sgd.restore(back.optimizerState());
                    long t4 = System.nanoTime();
                    seconds[0][r] = (t1 - t0) / 1e9;
                    seconds[1][r] = (t2 - t1) / 1e9;
                    seconds[2][r] = (t3 - t2) / 1e9;
                    seconds[3][r] = (t4 - t3) / 1e9;
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("model", modelName);
        result.put("bytes", Files.size(file));
        String[] names = {"capture_ms", "write_ms", "read_ms", "restore_ms"};
        for (int i = 0; i < names.length; i++) {
            result.put(names[i], 1000 * TrainingThroughput.median(seconds[i]));
        }
        result.put("repeats", repeats);
        Files.delete(file);
        System.out.print(Json.write(result));
    }
}

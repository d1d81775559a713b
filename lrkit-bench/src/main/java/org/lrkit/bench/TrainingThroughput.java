package org.lrkit.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.Batchifier;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lrkit.djl.engine.EngineSettings;
import org.lrkit.djl.engine.Engines;
import org.lrkit.djl.optim.ScheduledSgd;
import org.lrkit.djl.train.TrainingSteps;
import org.lrkit.experiment.report.Json;
import org.lrkit.schedule.Policy;
import org.lrkit.spec.Specs;
import org.lrkit.vision.model.Models;
import org.lrkit.vision.model.ParameterCount;

/**
 * Training throughput of one model on fixed batches, the lrkit half of the side-by-side comparison with
 * PyTorch ({@code lrkit-bench/python/torch_bench.py throughput} is the other half; both follow the same
 * protocol, and {@code lrkit-bench/scripts/side_by_side.py} runs them interleaved).
 *
 * <p>Protocol: the batch file ({@link BatchFile}) is cut into consecutive mini-batches of {@code
 * --batch-size} images, step {@code i} trains on mini-batch {@code i mod count}. The optimizer is SGD with
 * momentum and weight decay 5e-4 following
 * {@code torch.OneCycleLR(max_lr=0.1, total_steps=max(100, warm-up + steps))}
 * (learning rate and momentum change every step). Every step runs forward, cross-entropy, backward and the
 * update, and reads the loss back (a synchronisation, as a training loop reporting its loss does).
 * {@code --warmup-steps} steps are not timed; then {@code --steps} steps are.
 *
 * <p>{@code --optimizer lrkit} (the default) trains through {@link TrainingSteps} with lrkit's {@link
 * ScheduledSgd}; {@code --optimizer djl} through DJL's own fused SGD update at a constant learning rate
 * (its SGD has no schedulable momentum), the yardstick for the scheduled optimizer's overhead.
 * {@code --memory-every N} samples the resident set and the Java heap every {@code N} timed steps;
 * {@code --profile FILE} records the timed steps with libtorch's profiler into a Chrome trace.
 *
 * <pre>
 * java -cp lrkit-bench/target/benchmarks.jar:&lt;pytorch-native-cpu jar&gt; org.lrkit.bench.TrainingThroughput \
 *     --model resnet20 --batches target/cifar10.lrkb --batch-size 128 --steps 20 --threads 2
 * </pre>
 *
 * Prints one JSON object on standard output (progress goes to standard error).
 */
public final class TrainingThroughput {

    private static final String[] OPTIONS = {"--model", "--batches", "--batch-size", "--warmup-steps", "--steps",
        "--threads", "--interop-threads", "--seed", "--optimizer", "--memory-every", "--profile"};

    private TrainingThroughput() {
    }

    /** Runs the measurement; see the class comment. */
    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args, OPTIONS);
        String modelName = options.required("--model");
        BatchFile batches = BatchFile.read(options.path("--batches"));
        int batchSize = options.positive("--batch-size", 128);
        int warmup = options.atLeast("--warmup-steps", 0, 5);
        int steps = options.positive("--steps", 20);
        int threads = options.positive("--threads", Runtime.getRuntime().availableProcessors());
        int interop = options.positive("--interop-threads", 1);
        int seed = options.atLeast("--seed", 0, 0);
        String optimizer = options.text("--optimizer", "lrkit");
        int memoryEvery = options.atLeast("--memory-every", 0, 0);
        String profile = options.text("--profile", null);
        if (!optimizer.equals("lrkit") && !optimizer.equals("djl")) {
            throw new IllegalArgumentException("--optimizer must be lrkit or djl, got '" + optimizer + "'");
        }
        if (batches.count() < batchSize) {
            throw new IllegalArgumentException("--batch-size " + batchSize + " needs at least that many images, but "
                    + options.required("--batches") + " holds " + batches.count());
        }
        Device device = Engines.start(EngineSettings.defaults().withThreads(threads, interop));
        Engine.getInstance().setRandomSeed(seed);
        Map<String, Object> result = measure(modelName, batches, batchSize, warmup, steps, optimizer, memoryEvery,
                profile, device);
        result.put("threads", threads);
        result.put("interop_threads", interop);
        System.out.print(Json.write(result));
    }

    /** One measurement, as {@link #main} prints it (package-private for the memory test). */
    static Map<String, Object> measure(String modelName, BatchFile batches, int batchSize, int warmup,
            int steps, String optimizerName, int memoryEvery, String profile, Device device) {
        Shape image = new Shape(batches.channels(), batches.height(), batches.width());
        int total = warmup + steps;
        long planned = Math.max(100, total);
        Policy policy = Specs.parsePolicy("torch.OneCycleLR(max_lr=0.1, total_steps=" + planned + ")");
        ScheduledSgd scheduled = ScheduledSgd.builder(policy).momentum(0.9).weightDecay(5e-4).build();
        Optimizer optimizer = optimizerName.equals("lrkit") ? scheduled
                : Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.05f)).optMomentum(0.9f)
                        .optWeightDecays(5e-4f).build();
        Map<String, Object> result = new LinkedHashMap<>();
        try (Model model = Model.newInstance(modelName)) {
            Block block = Models.build(modelName, 10, image);
            model.setBlock(block);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(optimizer).optDevices(new Device[] {device});
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(batchSize, image.get(0), image.get(1), image.get(2)));
                if (optimizer == scheduled) {
                    scheduled.bind(block);
                }
                TrainingSteps lrkitSteps = optimizerName.equals("lrkit") ? new TrainingSteps(trainer, scheduled) : null;
                int perFile = batches.count() / batchSize;
                double loss = Double.NaN;
                double[] stepMillis = new double[steps];
                List<Map<String, Object>> memory = new ArrayList<>();
                long start = 0;
                long faultsAtStart = 0;
                for (int i = 0; i < total; i++) {
                    if (i == warmup) {
                        if (profile != null) {
                            JniUtils.startProfile(false, false, false);
                        }
                        faultsAtStart = minorFaults();
                        start = System.nanoTime();
                    }
                    long stepStart = System.nanoTime();
                    try (NDManager manager = trainer.getManager().newSubManager()) {
                        Batch batch = batch(manager, batches, i % perFile, batchSize);
                        loss = lrkitSteps != null ? lrkitSteps.step(batch).loss() : plainStep(trainer, batch);
                    }
                    if (i >= warmup) {
                        int timed = i - warmup;
                        stepMillis[timed] = (System.nanoTime() - stepStart) / 1e6;
                        if (memoryEvery > 0 && (timed % memoryEvery == 0 || timed == steps - 1)) {
                            memory.add(memorySample(timed + 1));
                        }
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                if (profile != null) {
                    JniUtils.stopProfile(profile);
                }
                result.put("framework", optimizerName.equals("lrkit") ? "lrkit" : "djl-sgd");
                result.put("version", "DJL " + Engine.getDjlVersion() + " / " + Engine.getInstance().getEngineName()
                        + " " + Engine.getInstance().getVersion());
                result.put("model", modelName);
                result.put("batch", batchSize);
                result.put("steps", steps);
                result.put("seconds", seconds);
                result.put("images_per_second", (double) steps * batchSize / seconds);
                result.put("step_ms_median", median(stepMillis));
                result.put("parameters", ParameterCount.trainable(block));
                result.put("flops_forward_per_image", forwardFlops(modelName, image));
                result.put("page_faults_per_step", (double) (minorFaults() - faultsAtStart) / steps);
                result.put("final_loss", loss);
                result.put("optimizer", optimizer instanceof ScheduledSgd s ? s.describe() : "DJL Sgd (fused update)");
                if (!memory.isEmpty()) {
                    result.put("memory", memory);
                }
            }
        }
        return result;
    }

    /** Forward, loss, backward and DJL's own update, as DJL's EasyTrain does it, reading the loss back. */
    private static double plainStep(Trainer trainer, Batch batch) {
        double loss;
        try (GradientCollector collector = trainer.newGradientCollector()) {
            NDList predictions = trainer.forward(batch.getData(), batch.getLabels());
            NDArray lossArray = trainer.getLoss().evaluate(batch.getLabels(), predictions);
            collector.backward(lossArray);
            loss = lossArray.getFloat();
        }
        trainer.step();
        return loss;
    }

    static Batch batch(NDManager manager, BatchFile file, int index, int batchSize) {
        int values = file.imageValues();
        FloatBuffer images = FloatBuffer.wrap(file.images(), index * batchSize * values, batchSize * values).slice();
        NDArray data = manager.create(images, new Shape(batchSize, file.channels(), file.height(), file.width()));
        float[] labels = new float[batchSize];
        for (int j = 0; j < batchSize; j++) {
            labels[j] = file.labels()[index * batchSize + j];
        }
        NDArray label = manager.create(labels);
        return new Batch(manager, new NDList(data), new NDList(label), batchSize, Batchifier.STACK, Batchifier.STACK,
                index, 0);
    }

    private static long forwardFlops(String modelName, Shape image) {
        Block block = Models.build(modelName, 10, image);
        try (NDManager manager = NDManager.newBaseManager()) {
            block.initialize(manager, DataType.FLOAT32, new Shape(1, image.get(0), image.get(1), image.get(2)));
            return FlopCount.forwardPerImage(block);
        }
    }

    private static Map<String, Object> memorySample(int step) {
        Runtime runtime = Runtime.getRuntime();
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("step", step);
        sample.put("rss_mb", residentMegabytes());
        sample.put("heap_mb", (runtime.totalMemory() - runtime.freeMemory()) / 1048576.0);
        return sample;
    }

    /** Minor page faults of the process so far, from {@code /proc/self/stat} (0 where there is none). */
    private static long minorFaults() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[7]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The process's resident set from {@code /proc/self/status}, or NaN where there is none. */
    private static double residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: no figure
        }
        return Double.NaN;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}

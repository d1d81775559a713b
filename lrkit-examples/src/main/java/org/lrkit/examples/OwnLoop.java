package org.lrkit.examples;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import org.lrkit.djl.engine.EngineSettings;
import org.lrkit.djl.engine.Engines;
import org.lrkit.djl.optim.ScheduledSgd;
import org.lrkit.djl.rangetest.RangeTest;
import org.lrkit.djl.rangetest.RangeTestResult;
import org.lrkit.djl.train.TrainingLength;
import org.lrkit.djl.train.TrainingRun;
import org.lrkit.djl.train.TrainingSummary;
import org.lrkit.rangetest.Sweep;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Schedule;
import org.lrkit.spec.Specs;
import org.lrkit.vision.data.Datasets;
import org.lrkit.vision.data.ImageSet;
import org.lrkit.vision.loader.ImageLoader;
import org.lrkit.vision.loader.TrainingSubset;
import org.lrkit.vision.model.Models;
import org.lrkit.vision.transform.Augmentation;
import org.lrkit.vision.transform.Normalization;

/**
 * Training on DJL with lrkit's own loop: the Fashion-MNIST subset inside lrkit-vision's jar, an MLP, a range
 * test on the freshly initialized model, then a one-cycle policy at the peak the range test's advice gives for
 * the run's length, trained with momentum cycling 0.95 to 0.85 (the policy's) and evaluated on the test images.
 *
 * <pre>
 * java -cp ... org.lrkit.examples.OwnLoop      # prints the peak and the final test accuracy
 * </pre>
 */
public final class OwnLoop {

    /** Images per batch. */
    public static final int BATCH = 64;

    private OwnLoop() {
    }

    /**
     * What the example found and reached.
     *
     * @param peak the one-cycle peak the range test advised
     * @param accuracy the final test accuracy in [0, 1]
     * @param steps the optimizer steps trained
     */
    public record Outcome(double peak, double accuracy, long steps) {
    }

    /**
     * Runs the example.
     *
     * @param trainImages class-balanced training images to use (at most 6,000)
     * @param epochs epochs to train
     * @param seed the seed of the initial weights and the data order
     */
    public static Outcome run(int trainImages, int epochs, long seed) throws IOException, TranslateException {
        Device device = Engines.start(EngineSettings.defaults().withThreads(2, 1));
        ImageSet train = TrainingSubset.classBalanced(Datasets.load("fashion-mnist-embedded", "train"), trainImages);
        ImageSet test = Datasets.load("fashion-mnist-embedded", "test");
        Augmentation normalize = Augmentation.normalizeOnly(Normalization.FASHION_MNIST);
        ImageLoader trainLoader = ImageLoader.builder(train, BATCH, normalize).seed(seed).dropLast(true).build();
        ImageLoader testLoader = ImageLoader.builder(test, 250, normalize).shuffle(false).build();
        Shape input = new Shape(1, train.channels(), train.height(), train.width());
        long steps = (long) epochs * (train.size() / BATCH);
        try (Model model = Model.newInstance("mlp", device)) {
            Block block = Models.build("mlp", train.classCount(), new Shape(train.channels(), train.height(),
                    train.width()));
            model.setBlock(block);
            model.getNDManager().getEngine().setRandomSeed((int) seed);
            block.initialize(model.getNDManager(), DataType.FLOAT32, input);

            // 1. The range test: 100 steps from 1e-5 to 10; the model is put back exactly afterwards.
            ScheduledSgd probe = ScheduledSgd.builder(Policy.of(Schedule.constant(1e-5))).momentum(0.9)
                    .weightDecay(5e-4).build();
            RangeTestResult found = RangeTest.builder(model, probe)
                    .data((manager, s, epoch) -> trainLoader.epoch(manager, Math.toIntExact(epoch)))
                    .sweep(Sweep.exponential(1e-5, 10, 100)).device(device).build().run();

            // 2. One-cycle at the advised peak for this run's length, momentum cycling as the policy says.
            Policy policy = Specs.parsePolicy("oneCyclePolicy(peak=auto, totalSteps=" + steps + ")",
                    found.advice().autoValues(steps));
            ScheduledSgd sgd = ScheduledSgd.builder(policy).momentum(0.9).nesterov(true).weightDecay(5e-4).build();
            TrainingSummary summary = TrainingRun.builder(model, sgd).trainingData(trainLoader, BATCH)
                    .validationData(testLoader).inputShapes(input).length(TrainingLength.steps(steps)).seed(seed)
                    .device(device).build().run();
            return new Outcome(found.advice().peak(steps), summary.finalEvaluation().orElseThrow().accuracy(),
                    summary.steps());
        }
    }

    /** Runs on 3,000 images for 3 epochs and prints what it found. */
    public static void main(String[] args) throws IOException, TranslateException {
        Outcome outcome = run(3000, 3, 0);
        System.out.printf("peak %.3g, %d steps, test accuracy %.1f%%%n", outcome.peak(), outcome.steps(),
                100 * outcome.accuracy());
    }
}

package org.lrkit.examples;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import org.lrkit.djl.engine.EngineSettings;
import org.lrkit.djl.engine.Engines;
import org.lrkit.djl.ensemble.EnsembleReport;
import org.lrkit.djl.ensemble.SnapshotEnsemble;
import org.lrkit.djl.ensemble.SnapshotSaver;
import org.lrkit.djl.integration.RunListenerBridge;
import org.lrkit.djl.optim.ScheduledSgd;
import org.lrkit.djl.rangetest.RangeTest;
import org.lrkit.djl.rangetest.RangeTestResult;
import org.lrkit.rangetest.Sweep;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Sgdr;
import org.lrkit.vision.data.Datasets;
import org.lrkit.vision.data.ImageSet;
import org.lrkit.vision.loader.ImageLoader;
import org.lrkit.vision.loader.TrainingSubset;
import org.lrkit.vision.model.Models;
import org.lrkit.vision.transform.Augmentation;
import org.lrkit.vision.transform.Normalization;

/**
 * lrkit inside DJL's own loop, {@code EasyTrain.fit}: a one-call range test on the fresh model picks the rate,
 * an SGDR policy restarting every epoch trains it through lrkit's {@code ScheduledSgd}, and a
 * {@code SnapshotSaver} fed by the {@code RunListenerBridge} keeps the model at every cycle's end for a
 * snapshot ensemble (Huang et al. 2017), evaluated at the end against the last model alone.
 *
 * <pre>
 * java -cp ... org.lrkit.examples.EasyTrainExample     # prints the snapshots' and the ensemble's accuracy
 * </pre>
 */
public final class EasyTrainExample {

    /** Images per batch. */
    public static final int BATCH = 64;

    private EasyTrainExample() {
    }

    /**
     * What the example measured.
     *
     * @param rate the peak of each SGDR cycle, from the range test's advice
     * @param ensemble the snapshots' accuracies alone and the ensembles'
     */
    public record Outcome(double rate, EnsembleReport ensemble) {
    }

    /**
     * Runs the example.
     *
     * @param trainImages class-balanced training images (at most 6,000)
     * @param epochs epochs, one SGDR cycle and one snapshot each
     * @param snapshots where the snapshots go
     */
    public static Outcome run(int trainImages, int epochs, Path snapshots) throws IOException, TranslateException {
        Device device = Engines.start(EngineSettings.defaults().withThreads(2, 1));
        ImageSet train = TrainingSubset.classBalanced(Datasets.load("fashion-mnist-embedded", "train"), trainImages);
        ImageSet test = Datasets.load("fashion-mnist-embedded", "test");
        Augmentation normalize = Augmentation.normalizeOnly(Normalization.FASHION_MNIST);
        ImageLoader trainLoader = ImageLoader.builder(train, BATCH, normalize).seed(0).dropLast(true).build();
        ImageLoader testLoader = ImageLoader.builder(test, 250, normalize).shuffle(false).build();
        Shape input = new Shape(1, train.channels(), train.height(), train.width());
        int stepsPerEpoch = train.size() / BATCH;
        long steps = (long) epochs * stepsPerEpoch;
        try (Model model = Model.newInstance("mlp", device)) {
            model.setBlock(Models.build("mlp", train.classCount(), new Shape(train.channels(), train.height(),
                    train.width())));

            // The range test on the fresh model: it initializes the block, sweeps, and puts the weights back.
            RangeTestResult found = RangeTest.forModel(model, input)
                    .data((manager, seed, epoch) -> trainLoader.epoch(manager, Math.toIntExact(epoch)))
                    .sweep(Sweep.exponential(1e-5, 10, 100)).device(device).build().run();

            // SGDR restarting every epoch at the rate the advice gives a policy without a warm-up.
            Sgdr sgdr = found.advice().sgdr(stepsPerEpoch, 1, steps);
            ScheduledSgd sgd = ScheduledSgd.builder(Policy.of(sgdr)).momentum(0.9).weightDecay(5e-4).build();
            SnapshotSaver saver = new SnapshotSaver(model.getBlock(), snapshots);
            RunListenerBridge bridge = RunListenerBridge.builder(sgd).listener(saver).plannedSteps(steps)
                    .stepsPerEpoch(stepsPerEpoch).build();
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(sgd).optDevices(new Device[] {device}).addTrainingListeners(bridge);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(input);
                EasyTrain.fit(trainer, epochs, trainLoader, testLoader);
            }
            EnsembleReport report = SnapshotEnsemble.evaluate(model, testLoader, 250, saver.saved(),
                    saver.saved().size());
            return new Outcome(sgdr.peak(), report);
        }
    }

    /** Runs on 3,000 images for 3 epochs and prints the snapshots' and the ensemble's accuracy. */
    public static void main(String[] args) throws IOException, TranslateException {
        Outcome outcome = run(3000, 3, Path.of("snapshots"));
        System.out.printf("SGDR peak %.3g%n%s", outcome.rate(), outcome.ensemble().toTable());
    }
}

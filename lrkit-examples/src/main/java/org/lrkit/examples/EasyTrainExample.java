package org.lrkit.examples;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import org.lrkit.djl.engine.EngineSettings;
import org.lrkit.djl.engine.Engines;
import org.lrkit.djl.ensemble.EnsembleReport;
import org.lrkit.djl.ensemble.SnapshotEnsemble;
import org.lrkit.djl.ensemble.SnapshotSaver;
import org.lrkit.djl.integration.LrkitListeners;
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
 * lrkit inside DJL's own loop, {@code EasyTrain.fit}: a one-call range test on the fresh model picks the rate;
 * {@link #oneCycle} trains a one-cycle policy at the advised peak through lrkit's {@code ScheduledSgd}, and
 * {@link #snapshotEnsemble} an SGDR policy restarting every epoch, with a {@code SnapshotSaver} fed by the
 * {@code RunListenerBridge} keeping the model at every cycle's end for a snapshot ensemble (Huang et al. 2017),
 * evaluated at the end against the last model alone.
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
     * What the one-cycle example reached.
     *
     * @param peak the one-cycle peak the range test advised for the run's length
     * @param accuracy the test accuracy after the last epoch, in [0, 1]
     */
    public record OneCycleOutcome(double peak, double accuracy) {
    }

    /**
     * What the snapshot-ensemble example measured.
     *
     * @param rate the peak of each SGDR cycle, from the range test's advice
     * @param ensemble the snapshots' accuracies alone and the ensembles'
     */
    public record EnsembleOutcome(double rate, EnsembleReport ensemble) {
    }

    /** The data, the device and the sizes both examples train with. */
    private record Setup(Device device, ImageLoader train, ImageLoader test, Shape input, int classes,
            int stepsPerEpoch) {

        static Setup of(int trainImages) throws IOException {
            Device device = Engines.start(EngineSettings.defaults().withThreads(2, 1));
            ImageSet train = TrainingSubset.classBalanced(Datasets.load("fashion-mnist-embedded", "train"),
                    trainImages);
            ImageSet test = Datasets.load("fashion-mnist-embedded", "test");
            Augmentation normalize = Augmentation.normalizeOnly(Normalization.FASHION_MNIST);
            return new Setup(device, ImageLoader.builder(train, BATCH, normalize).seed(0).dropLast(true).build(),
                    ImageLoader.builder(test, 250, normalize).shuffle(false).build(),
                    new Shape(1, train.channels(), train.height(), train.width()), train.classCount(),
                    train.size() / BATCH);
        }

        Model newModel() {
            Model model = Model.newInstance("mlp", device);
            model.setBlock(Models.build("mlp", classes, input.slice(1)));
            return model;
        }

        /** The range test on a fresh model: it initializes the block, sweeps, and puts the weights back. */
        RangeTestResult rangeTest(Model model) throws IOException, TranslateException {
            return RangeTest.forModel(model, input)
                    .data((manager, seed, epoch) -> train.epoch(manager, Math.toIntExact(epoch)))
                    .sweep(Sweep.exponential(1e-5, 10, 100)).device(device).build().run();
        }

        /**
         * DJL's loop with lrkit's optimizer: DJL's basic listeners (which record the validation accuracy), and
         * {@code listener}, which binds the optimizer to the block (and may do more).
         */
        DefaultTrainingConfig config(ScheduledSgd sgd, TrainingListener listener) {
            return new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(sgd)
                    .optDevices(new Device[] {device}).addEvaluator(new Accuracy())
                    .addTrainingListeners(TrainingListener.Defaults.basic()).addTrainingListeners(listener);
        }
    }

    /**
     * One-cycle in {@code EasyTrain.fit}: the range test picks the peak for the run's length, lrkit's
     * {@code ScheduledSgd} follows the policy (learning rate and momentum) once per step.
     *
     * @param trainImages class-balanced training images (at most 6,000)
     * @param epochs epochs to train
     */
    public static OneCycleOutcome oneCycle(int trainImages, int epochs) throws IOException, TranslateException {
        Setup setup = Setup.of(trainImages);
        long steps = (long) epochs * setup.stepsPerEpoch();
        try (Model model = setup.newModel()) {
            RangeTestResult found = setup.rangeTest(model);
            ScheduledSgd sgd = ScheduledSgd.builder(found.advice().oneCycle(steps)).momentum(0.9).nesterov(true)
                    .weightDecay(5e-4).build();
            // The optimizer follows its policy by itself; it only needs binding to the block when training starts.
            try (Trainer trainer = model.newTrainer(setup.config(sgd, LrkitListeners.bindOnStart(sgd)))) {
                trainer.initialize(setup.input());
                EasyTrain.fit(trainer, epochs, setup.train(), setup.test());
                double accuracy = trainer.getTrainingResult().getValidateEvaluation("Accuracy");
                return new OneCycleOutcome(found.advice().peak(steps), accuracy);
            }
        }
    }

    /**
     * SGDR restarting every epoch at the rate the advice gives a policy without a warm-up, a snapshot saved at
     * every cycle's end through the bridge, and the snapshots' ensemble against the last model alone.
     *
     * @param trainImages class-balanced training images (at most 6,000)
     * @param epochs epochs, one SGDR cycle and one snapshot each
     * @param snapshots where the snapshots go
     */
    public static EnsembleOutcome snapshotEnsemble(int trainImages, int epochs, Path snapshots)
            throws IOException, TranslateException {
        Setup setup = Setup.of(trainImages);
        long steps = (long) epochs * setup.stepsPerEpoch();
        try (Model model = setup.newModel()) {
            RangeTestResult found = setup.rangeTest(model);
            Sgdr sgdr = found.advice().sgdr(setup.stepsPerEpoch(), 1, steps);
            ScheduledSgd sgd = ScheduledSgd.builder(Policy.of(sgdr)).momentum(0.9).weightDecay(5e-4).build();
            SnapshotSaver saver = new SnapshotSaver(model.getBlock(), snapshots);
            RunListenerBridge bridge = RunListenerBridge.builder(sgd).listener(saver).plannedSteps(steps)
                    .stepsPerEpoch(setup.stepsPerEpoch()).build();
            try (Trainer trainer = model.newTrainer(setup.config(sgd, bridge))) {
                trainer.initialize(setup.input());
                EasyTrain.fit(trainer, epochs, setup.train(), setup.test());
            }
            EnsembleReport report = SnapshotEnsemble.evaluate(model, setup.test(), 250, saver.saved(),
                    saver.saved().size());
            return new EnsembleOutcome(sgdr.peak(), report);
        }
    }

    /** Runs both on 3,000 images for 3 epochs and prints what they reached. */
    public static void main(String[] args) throws IOException, TranslateException {
        OneCycleOutcome oneCycle = oneCycle(3000, 3);
        System.out.printf("one-cycle peak %.3g: test accuracy %.1f%%%n", oneCycle.peak(), 100 * oneCycle.accuracy());
        EnsembleOutcome ensemble = snapshotEnsemble(3000, 3, Path.of("snapshots"));
        System.out.printf("SGDR peak %.3g%n%s", ensemble.rate(), ensemble.ensemble().toTable());
    }
}

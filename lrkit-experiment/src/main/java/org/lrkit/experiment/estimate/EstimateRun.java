package org.lrkit.experiment.estimate;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongFunction;
import org.lrkit.Checks;
import org.lrkit.djl.curvature.CurvatureEstimate;
import org.lrkit.djl.curvature.CurvatureMonitor;
import org.lrkit.djl.curvature.CurvatureProbe;
import org.lrkit.djl.curvature.HessianFreeMonitor;
import org.lrkit.djl.optim.ScheduledOptimizer;
import org.lrkit.djl.train.DivergenceException;
import org.lrkit.djl.train.StepResult;
import org.lrkit.djl.train.TrainingLength;
import org.lrkit.djl.train.TrainingRun;
import org.lrkit.djl.train.TrainingRunListener;
import org.lrkit.experiment.run.RunFailure;
import org.lrkit.vision.loader.ImageLoader;

/**
 * Trains a model briefly and logs two estimates of the best learning rate as it goes: Smith &amp; Topin's
 * Hessian-free estimate ({@link HessianFreeMonitor}, every {@link EstimateSettings#every()} steps, with the
 * mean training loss of the steps before it) and, every {@link EstimateSettings#curvatureEvery()} steps at the
 * next estimate, the step along the gradient from a finite-difference Hessian-vector product on one fixed
 * batch ({@link CurvatureProbe}, which puts the weights back exactly).
 *
 * <pre>{@code
 * EstimateRun run = new EstimateRun(model, optimizer, bench::trainLoader, bench.inputShape(), bench.device(), 0,
 *         new EstimateSettings(300, 1, 50));
 * List<EstimateRow> rows = run.run(EstimateRun.StepListener.NONE);
 * }</pre>
 */
public final class EstimateRun {

    /** Added to the run's seed for the loader the fixed probe batch is drawn from. */
    static final long PROBE_SEED_OFFSET = 7919;

    /** What the run reports after every training step, for a progress bar. */
    @FunctionalInterface
    public interface StepListener {

        /** A listener that does nothing. */
        StepListener NONE = (step, movingAverage) -> {
        };

        /**
         * Called after each optimizer step, on the training thread.
         *
         * @param step the step just taken
         * @param movingAverage the global moving average of the Hessian-free estimates so far
         */
        void onStep(StepResult step, double movingAverage);
    }

    private final Model model;
    private final ScheduledOptimizer optimizer;
    private final LongFunction<ImageLoader> loaders;
    private final Shape inputShape;
    private final Device device;
    private final long seed;
    private final EstimateSettings settings;

    /**
     * A run; nothing happens until {@link #run}.
     *
     * @param model the model to train, initialized
     * @param optimizer the optimizer that trains it, following the run's policy
     * @param loaders the shuffled training batches for a seed: the run trains on {@code loaders.apply(seed)} and
     *     draws the probe batch from {@code loaders.apply(seed + 7919)}
     * @param inputShape the shape of one input, batch dimension 1 included
     * @param device the device to train on
     * @param seed the run's seed (data order and engine randomness)
     * @param settings how long to train and how often to estimate
     */
    public EstimateRun(Model model, ScheduledOptimizer optimizer, LongFunction<ImageLoader> loaders, Shape inputShape,
            Device device, long seed, EstimateSettings settings) {
        this.model = Checks.notNull("model", model);
        this.optimizer = Checks.notNull("optimizer", optimizer);
        this.loaders = Checks.notNull("loaders", loaders);
        this.inputShape = Checks.notNull("inputShape", inputShape);
        this.device = Checks.notNull("device", device);
        this.seed = seed;
        this.settings = Checks.notNull("settings", settings);
    }

    /**
     * Trains for {@link EstimateSettings#steps()} steps and returns the rows, oldest first.
     *
     * @param listener told after every step
     * @return the rows, oldest first, at least one
     * @throws RunFailure if the training diverged, or if no estimate was made (the run is shorter than one
     *     window of three steps)
     * @throws IOException if the data cannot be read
     * @throws TranslateException if a batch cannot be made from the images
     */
    public List<EstimateRow> run(StepListener listener) throws IOException, TranslateException {
        Checks.notNull("listener", listener);
        int every = settings.every();
        int curvatureEvery = settings.curvatureEvery();
        long steps = settings.steps();
        List<EstimateRow> rows = new ArrayList<>();
        try (NDManager probeManager = model.getNDManager().newSubManager()) {
            HessianFreeMonitor monitor = HessianFreeMonitor.every(every, model.getBlock(), optimizer);
            Loss loss = Loss.softmaxCrossEntropyLoss();
            Batch probe = curvatureEvery > 0 ? probeBatch(probeManager) : null;
            CurvatureMonitor curvatures = probe == null ? null
                    : CurvatureMonitor.onDemand(model, loss, probe.getData(), probe.getLabels());
            Deque<Double> recent = new ArrayDeque<>();
            long[] lastProbe = {Long.MIN_VALUE / 2};
            monitor.addListener(record -> {
                double meanLoss = recent.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                CurvatureEstimate curvature = null;
                if (curvatures != null && record.step() - lastProbe[0] >= curvatureEvery) {
                    curvature = curvatures.probe(record.step(), record.learningRate()).estimate();
                    lastProbe[0] = record.step();
                }
                rows.add(new EstimateRow(record, meanLoss, curvature));
            });
            TrainingRunListener recorder = new TrainingRunListener() {
                @Override
                public void onStep(long epoch, StepResult step) {
                    recent.addLast(step.loss());
                    while (recent.size() > every) {
                        recent.removeFirst();
                    }
                    listener.onStep(step, monitor.average());
                }
            };
            ImageLoader training = loaders.apply(seed);
            try {
                TrainingRun.builder(model, optimizer).loss(loss).trainingData(training, training.batchSize())
                        .inputShapes(inputShape).length(TrainingLength.steps(steps)).seed(seed).device(device)
                        .listener(recorder).listener(monitor).build().run();
            } catch (DivergenceException e) {
                throw new RunFailure(e.getMessage(), e);
            } finally {
                if (probe != null) {
                    probe.close();
                }
            }
        }
        if (rows.isEmpty()) {
            throw new RunFailure("no estimate was made: the run of " + steps + " steps is shorter than one window (an"
                    + " estimate needs steps " + every + ", " + (every + 1) + " and " + (every + 2) + "); lower"
                    + " --every or train longer");
        }
        return rows;
    }

    /** The first batch of the probe loader's first epoch, kept for every probe of the run. */
    private Batch probeBatch(NDManager manager) {
        Iterator<Batch> batches = loaders.apply(seed + PROBE_SEED_OFFSET).epoch(manager, 0).iterator();
        Batch batch = batches.next();
        if (batches instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // the loader's workers stop on their own
            }
        }
        return batch;
    }
}

package org.lrkit.djl.rangetest;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.loss.Loss;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.Iterator;
import java.util.function.Consumer;
import org.lrkit.djl.optim.ScheduledOptimizer;
import org.lrkit.djl.train.DivergenceException;
import org.lrkit.djl.train.Evaluation;
import org.lrkit.djl.train.EvaluationResult;
import org.lrkit.djl.train.Seeds;
import org.lrkit.djl.train.TrainingSteps;
import org.lrkit.rangetest.DivergenceRule;
import org.lrkit.rangetest.LossSmoother;
import org.lrkit.rangetest.RangeTestCurve;
import org.lrkit.rangetest.RangeTestRecorder;
import org.lrkit.rangetest.Sweep;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Schedule;

/**
 * One run of a range test's sweep: the model trained from the sweep's first learning rate upwards, one batch
 * per step, until the sweep ends or the loss diverges, with the loss (and in validation mode the validation
 * loss and accuracy every {@code k} steps) recorded at each step. It does not restore the model; the
 * {@link RangeTest} around it does.
 *
 * <p>The run's optimizer is reset, set to the sweep as its policy (with a constant momentum when one is given)
 * and bound to the model's block; it trains through a trainer of its own on the run's device. Before step
 * {@code s} the engine is reseeded to {@code Seeds.engineSeed(seed, ENGINE_STREAM, s)}, and epoch {@code e}'s
 * batches are {@code data.epoch(scope, seed, e)}, so a run is reproducible. A step whose loss is NaN or
 * infinite is recorded but not applied ({@link DivergenceException}).
 *
 * <pre>{@code
 * SweepRun sweepRun = new SweepRun(model, data, loss, sweep, 0.98, DivergenceRule.standard(), null, 0, 0,
 *         device, null);
 * RangeTestCurve curve = sweepRun.run(optimizer, 0.9, 42, 0, 1, new RangeTestClock());
 * }</pre>
 */
final class SweepRun {

    /** Stream tag for the engine seed of a range-test step ({@link Seeds#derive}). */
    static final long ENGINE_STREAM = 0x52414E47L;

    private final Model model;
    private final BatchSource data;
    private final Loss loss;
    private final Sweep sweep;
    private final double smoothing;
    private final DivergenceRule divergence;
    private final Dataset validation;
    private final int validationEvery;
    private final int validationBatchSize;
    private final Device device;
    private final Consumer<RangeTestProgress> progress;
    private final double maxGradientNorm;

    /**
     * @param validation the validation subset, or null for no validation
     * @param validationEvery steps between evaluations (with a validation subset)
     * @param validationBatchSize batch size of the evaluations (with a validation subset)
     * @param progress called after every step, or null
     */
    SweepRun(Model model, BatchSource data, Loss loss, Sweep sweep, double smoothing, DivergenceRule divergence,
            Dataset validation, int validationEvery, int validationBatchSize, Device device,
            Consumer<RangeTestProgress> progress) {
        this(model, data, loss, sweep, smoothing, divergence, validation, validationEvery, validationBatchSize, device,
                progress, Double.NaN);
    }

    /** As the other constructor, with the gradients clipped to a global norm of {@code maxGradientNorm} (NaN: not). */
    SweepRun(Model model, BatchSource data, Loss loss, Sweep sweep, double smoothing, DivergenceRule divergence,
            Dataset validation, int validationEvery, int validationBatchSize, Device device,
            Consumer<RangeTestProgress> progress, double maxGradientNorm) {
        this.maxGradientNorm = maxGradientNorm;
        this.model = model;
        this.data = data;
        this.loss = loss;
        this.sweep = sweep;
        this.smoothing = smoothing;
        this.divergence = divergence;
        this.validation = validation;
        this.validationEvery = validationEvery;
        this.validationBatchSize = validationBatchSize;
        this.device = device;
        this.progress = progress;
    }

    /**
     * Runs the sweep once.
     *
     * @param optimizer the run's optimizer (reset here; not closed)
     * @param momentum the constant momentum (or Adam's beta1) of the run, or NaN to leave the optimizer's own
     * @param seed the run's seed, for the engine and the batches
     * @param index the run's 0-based number, for progress reports
     * @param runCount the number of runs of the test, for progress reports
     * @param clock where the time goes
     * @return the recorded curve
     * @throws IllegalStateException if the data yields no batches before 4 steps were recorded
     */
    RangeTestCurve run(ScheduledOptimizer optimizer, double momentum, long seed, int index, int runCount,
            RangeTestClock clock) throws IOException, TranslateException {
        Policy policy = Policy.of(sweep.schedule());
        if (!Double.isNaN(momentum)) {
            policy = policy.withMomentum(Schedule.constant(momentum));
        }
        Engine engine = model.getNDManager().getEngine();
        RangeTestRecorder recorder = new RangeTestRecorder(sweep, smoothing, divergence);
        LossSmoother smoother = new LossSmoother(smoothing);
        optimizer.reset();
        optimizer.setPolicy(policy);
        optimizer.bind(model.getBlock());
        DefaultTrainingConfig config = new DefaultTrainingConfig(loss).optOptimizer(optimizer)
                .optDevices(new Device[] {device});
        try (Trainer trainer = model.newTrainer(config)) {
            TrainingSteps plain = new TrainingSteps(trainer, optimizer);
            TrainingSteps steps = Double.isNaN(maxGradientNorm) ? plain : plain.clippingGradientNorm(maxGradientNorm);
            for (long epoch = 0; !recorder.finished(); epoch++) {
                boolean any = false;
                try (NDManager scope = trainer.getManager().newSubManager()) {
                    Iterable<Batch> batches = data.epoch(scope, seed, epoch);
                    try {
                        long mark = System.nanoTime();
                        Iterator<Batch> iterator = batches.iterator();
                        while (!recorder.finished() && iterator.hasNext()) {
                            try (Batch batch = iterator.next()) {
                                clock.addData(System.nanoTime() - mark);
                                any = true;
                                step(steps, trainer, engine, batch, recorder, smoother, seed, index, runCount,
                                        clock);
                            }
                            mark = System.nanoTime();
                        }
                    } finally {
                        if (batches instanceof AutoCloseable closeable) {
                            closeQuietly(closeable);
                        }
                    }
                }
                if (!any) {
                    if (recorder.recordedSteps() >= 4) {
                        recorder.stop();
                        break;
                    }
                    throw new IllegalStateException("the range test's training data yielded no batches in epoch "
                            + epoch);
                }
            }
        }
        return recorder.curve();
    }

    private void step(TrainingSteps steps, Trainer trainer, Engine engine, Batch batch, RangeTestRecorder recorder,
            LossSmoother smoother, long seed, int index, int runCount, RangeTestClock clock)
            throws IOException, TranslateException {
        int step = recorder.recordedSteps();
        double lr = recorder.nextLearningRate();
        engine.setRandomSeed(Seeds.engineSeed(seed, ENGINE_STREAM, step));
        long mark = System.nanoTime();
        double value;
        try {
            value = steps.step(batch).loss();
        } catch (DivergenceException e) {
            value = e.loss();
        }
        clock.addStep(System.nanoTime() - mark);
        boolean going = recorder.record(value);
        boolean lastOfSweep = recorder.recordedSteps() == sweep.steps() && Double.isFinite(value);
        if (validation != null && (going || lastOfSweep) && recorder.recordedSteps() % validationEvery == 0) {
            mark = System.nanoTime();
            EvaluationResult result = Evaluation.evaluate(trainer, validation, validationBatchSize);
            recorder.recordValidation(result.loss(), result.accuracy());
            clock.addValidation(System.nanoTime() - mark);
        }
        double smoothed = smoother.add(value);
        if (progress != null) {
            progress.accept(new RangeTestProgress(index, runCount, step, sweep.steps(), lr, value, smoothed));
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // the batches were consumed or the test failed; a loader that cannot stop its workers is not our error
        }
    }
}

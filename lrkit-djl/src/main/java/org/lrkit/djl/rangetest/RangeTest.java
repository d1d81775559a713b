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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.function.DoubleFunction;
import org.lrkit.Checks;
import org.lrkit.djl.optim.ScheduledOptimizer;
import org.lrkit.djl.train.DivergenceException;
import org.lrkit.djl.train.Evaluation;
import org.lrkit.djl.train.EvaluationResult;
import org.lrkit.djl.train.Seeds;
import org.lrkit.djl.train.TrainingSteps;
import org.lrkit.rangetest.CurveBand;
import org.lrkit.rangetest.DivergenceRule;
import org.lrkit.rangetest.LossSmoother;
import org.lrkit.rangetest.RangeTestAdvice;
import org.lrkit.rangetest.RangeTestCurve;
import org.lrkit.rangetest.RangeTestGrid;
import org.lrkit.rangetest.RangeTestRecorder;
import org.lrkit.rangetest.StopReason;
import org.lrkit.rangetest.Suggestions;
import org.lrkit.rangetest.Sweep;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Schedule;

/**
 * The learning-rate range test (Smith 2017, section 3.3) on a DJL model and its real data: a few hundred
 * training steps while the learning rate sweeps upwards, the loss recorded at each, and the suggestions read
 * off the curve ({@link Suggestions}). Afterwards the model is exactly as before.
 *
 * <pre>{@code
 * RangeTestResult result = RangeTest.builder(model, optimizer)
 *         .data(BatchSource.shuffled(trainSet, 128))
 *         .sweep(Sweep.exponential(1e-7, 10, 100))
 *         .build()
 *         .run();
 * Policy policy = Specs.parsePolicy("oneCyclePolicy(peak=auto, totalSteps=4690)", result.advice().autoValues());
 * }</pre>
 *
 * <p><b>Restoring the model.</b> Before the first step the test copies every parameter (BatchNorm running
 * statistics included), the gradients, the optimizer's state and policy, and the random state
 * ({@link TrainingSnapshot}); it puts them back between runs and at the end, also when a run fails, and then
 * compares the model with the copy ({@link RangeTestResult#restoredExactly()}). It can run in the middle
 * of training, with the training's own optimizer: training then continues bit-identically, provided the loop
 * reseeds the engine before each step as lrkit's {@code TrainingRun} does (PyTorch's generator cannot be read
 * through DJL; see {@link EngineRandom}). Observers of the optimizer see the test's steps.
 *
 * <p><b>The steps.</b> Each run trains the model with the given optimizer, reset to a fresh state and following
 * the sweep from its step 0, through a trainer of its own on the model. Parameter-group multipliers of the
 * optimizer apply on top of the sweep, so groups keep their ratios ({@link RangeTestResult#groupRanges()}).
 * The momentum (or Adam's beta1) is held constant: the given one, else the optimizer's policy's value at its
 * current step, else the optimizer's own constant. The engine is reseeded before every step from the run's seed
 * and the step, and the batches come from {@link BatchSource} with the run's seed, so a run is reproducible.
 * A run ends at the end of the sweep or when the loss diverges ({@link DivergenceRule}); a NaN or infinite
 * loss is not applied.
 *
 * <p><b>Validation mode</b> (Smith's original test): every {@code k} steps the model is evaluated on a fixed
 * validation subset, and Smith's cyclical bounds are read from the accuracy. <b>Several seeds</b> give the
 * median curve with a quartile band ({@link CurveBand}). A <b>momentum or weight-decay grid</b> (Smith
 * 2018) repeats the test for each value; the value whose curve reaches the lowest loss is advised.
 */
public final class RangeTest {

    /** Stream tag for the engine seed of a range-test step ({@link Seeds#derive}). */
    static final long ENGINE_STREAM = 0x52414E47L;

    private final Model model;
    private final ScheduledOptimizer optimizer;
    private final BatchSource data;
    private final Loss loss;
    private final Sweep sweep;
    private final double smoothing;
    private final DivergenceRule divergence;
    private final Dataset validation;
    private final int validationEvery;
    private final int validationBatchSize;
    private final long[] seeds;
    private final OptionalDouble momentum;
    private final double[] momentumGrid;
    private final double[] weightDecayGrid;
    private final DoubleFunction<ScheduledOptimizer> weightDecayOptimizer;
    private final Device device;
    private final Consumer<RangeTestProgress> progress;
    private final boolean checkRestore;

    private RangeTest(Builder builder) {
        this.model = builder.model;
        this.optimizer = builder.optimizer;
        this.data = builder.data;
        this.loss = builder.loss;
        this.sweep = builder.sweep;
        this.smoothing = builder.smoothing;
        this.divergence = builder.divergence;
        this.validation = builder.validation;
        this.validationEvery = builder.validationEvery;
        this.validationBatchSize = builder.validationBatchSize;
        this.seeds = builder.seeds.clone();
        this.momentum = builder.momentum;
        this.momentumGrid = builder.momentumGrid;
        this.weightDecayGrid = builder.weightDecayGrid;
        this.weightDecayOptimizer = builder.weightDecayOptimizer;
        this.device = builder.device != null ? builder.device : builder.model.getNDManager().getDevice();
        this.progress = builder.progress;
        this.checkRestore = builder.checkRestore;
    }

    /**
     * A builder for a range test of {@code model} (initialized, with its block set) trained by
     * {@code optimizer} (its group multipliers and weight decay apply; its state is put back afterwards).
     */
    public static Builder builder(Model model, ScheduledOptimizer optimizer) {
        return new Builder(model, optimizer);
    }

    /** The sweep. */
    public Sweep sweep() {
        return sweep;
    }

    /**
     * Runs the test and restores the model, the optimizer and the random state.
     *
     * @throws IllegalStateException if the model is not initialized, the data yields no batches, or a run
     *     stops too early to read anything from its curve (then the model is restored all the same)
     * @throws IOException if reading data fails
     */
    public RangeTestResult run() throws IOException, TranslateException {
        long start = System.nanoTime();
        Clock clock = new Clock();
        long mark = System.nanoTime();
        TrainingSnapshot snapshot = TrainingSnapshot.capture(model, optimizer);
        double userMomentum = momentumNow();
        clock.snapshot += System.nanoTime() - mark;

        List<Setting> settings = settings();
        int runCount = settings.size() * seeds.length;
        List<RangeTestRun> runs = new ArrayList<>();
        try {
            int index = 0;
            for (Setting setting : settings) {
                for (long seed : seeds) {
                    if (index > 0) {
                        mark = System.nanoTime();
                        snapshot.restoreModel();
                        clock.snapshot += System.nanoTime() - mark;
                    }
                    double m = Double.isNaN(setting.momentum) ? userMomentum : setting.momentum;
                    RangeTestCurve curve = runOne(setting, m, seed, index, runCount, clock);
                    runs.add(new RangeTestRun(seed, m, setting.weightDecay, curve));
                    index++;
                }
            }
        } finally {
            mark = System.nanoTime();
            snapshot.restore();
            clock.snapshot += System.nanoTime() - mark;
        }
        mark = System.nanoTime();
        List<String> differences = checkRestore ? snapshot.differences() : List.of();
        clock.snapshot += System.nanoTime() - mark;

        List<RangeTestCurve> combined = new ArrayList<>();
        List<Optional<CurveBand>> bands = new ArrayList<>();
        for (int s = 0; s < settings.size(); s++) {
            List<RangeTestCurve> curves = runs.subList(s * seeds.length, (s + 1) * seeds.length).stream()
                    .map(RangeTestRun::curve).toList();
            if (curves.size() == 1) {
                combined.add(curves.get(0));
                bands.add(Optional.empty());
            } else {
                CurveBand band = CurveBand.of(curves);
                combined.add(medianCurve(band, curves));
                bands.add(Optional.of(band));
            }
        }
        int advised = 0;
        Optional<RangeTestGrid> grid = Optional.empty();
        if (settings.size() > 1) {
            double[] values = settings.stream().mapToDouble(s -> momentumGrid != null ? s.momentum : s.weightDecay)
                    .toArray();
            RangeTestGrid g = new RangeTestGrid(momentumGrid != null ? "momentum" : "weightDecay", values, combined);
            double best = g.bestValue();
            for (int i = 0; i < values.length; i++) {
                if (values[i] == best) {
                    advised = i;
                    break;
                }
            }
            grid = Optional.of(g);
        }
        RangeTestCurve curve = combined.get(advised);
        RangeTestAdvice advice = advise(curve);
        long total = System.nanoTime() - start;
        RangeTestTiming timing = new RangeTestTiming(clock.steps, clock.step / 1e9, clock.data / 1e9,
                clock.validation / 1e9, clock.snapshot / 1e9, total / 1e9);
        return new RangeTestResult(sweep, runs, curve, bands.get(advised), grid, advice, groupRanges(advice),
                timing, differences, checkRestore);
    }

    private RangeTestAdvice advise(RangeTestCurve curve) {
        if (curve.size() < 4) {
            throw new IllegalStateException("the range test stopped after " + curve.size() + " steps ("
                    + curve.stopReason() + " at learning rate " + format(curve.learningRate(curve.size() - 1))
                    + "), too early to read a suggestion; start the sweep lower (it starts at "
                    + format(sweep.start()) + ")");
        }
        return Suggestions.advise(curve, optimizer.family());
    }

    private static String format(double value) {
        return String.format(java.util.Locale.ROOT, "%.3g", value);
    }

    private List<GroupRange> groupRanges(RangeTestAdvice advice) {
        List<GroupRange> ranges = new ArrayList<>();
        for (Map.Entry<String, Double> entry : optimizer.groups().learningRateMultipliers().entrySet()) {
            double m = entry.getValue();
            ranges.add(new GroupRange(entry.getKey(), m, sweep.start() * m, sweep.end() * m, advice.consensus() * m,
                    advice.clrLower() * m, advice.clrUpper() * m));
        }
        return ranges;
    }

    /** The momentum (or beta1) the optimizer's policy schedules at its current step, or NaN. */
    private double momentumNow() {
        if (momentum.isPresent()) {
            return momentum.getAsDouble();
        }
        Policy policy = optimizer.policy();
        long step = optimizer.step();
        if (policy.beta1().isPresent()) {
            return policy.beta1().get().valueAt(step);
        }
        return policy.momentum().map(schedule -> schedule.valueAt(step)).orElse(Double.NaN);
    }

    private List<Setting> settings() {
        List<Setting> settings = new ArrayList<>();
        if (momentumGrid != null) {
            for (double m : momentumGrid) {
                settings.add(new Setting(m, Double.NaN));
            }
        } else if (weightDecayGrid != null) {
            for (double wd : weightDecayGrid) {
                settings.add(new Setting(Double.NaN, wd));
            }
        } else {
            settings.add(new Setting(Double.NaN, Double.NaN));
        }
        return settings;
    }

    private RangeTestCurve runOne(Setting setting, double m, long seed, int index, int runCount, Clock clock)
            throws IOException, TranslateException {
        ScheduledOptimizer runOptimizer = optimizer;
        if (!Double.isNaN(setting.weightDecay)) {
            runOptimizer = weightDecayOptimizer.apply(setting.weightDecay);
            if (runOptimizer == null || runOptimizer == optimizer) {
                throw new IllegalArgumentException("the weight-decay grid's optimizer factory must return a new "
                        + "optimizer for each value, got " + (runOptimizer == null ? "null" : "the test's optimizer"));
            }
        }
        Policy policy = Policy.of(sweep.schedule());
        if (!Double.isNaN(m)) {
            policy = policy.withMomentum(Schedule.constant(m));
        }
        Engine engine = model.getNDManager().getEngine();
        RangeTestRecorder recorder = new RangeTestRecorder(sweep, smoothing, divergence);
        LossSmoother smoother = new LossSmoother(smoothing);
        try {
            runOptimizer.reset();
            runOptimizer.setPolicy(policy);
            runOptimizer.bind(model.getBlock());
            DefaultTrainingConfig config = new DefaultTrainingConfig(loss).optOptimizer(runOptimizer)
                    .optDevices(new Device[] {device});
            try (Trainer trainer = model.newTrainer(config)) {
                TrainingSteps steps = new TrainingSteps(trainer, runOptimizer);
                for (long epoch = 0; !recorder.finished(); epoch++) {
                    boolean any = false;
                    try (NDManager scope = trainer.getManager().newSubManager()) {
                        Iterable<Batch> batches = data.epoch(scope, seed, epoch);
                        try {
                            long mark = System.nanoTime();
                            Iterator<Batch> iterator = batches.iterator();
                            while (!recorder.finished() && iterator.hasNext()) {
                                try (Batch batch = iterator.next()) {
                                    clock.data += System.nanoTime() - mark;
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
        } finally {
            if (runOptimizer != optimizer) {
                runOptimizer.close();
            }
        }
        return recorder.curve();
    }

    private void step(TrainingSteps steps, Trainer trainer, Engine engine, Batch batch, RangeTestRecorder recorder,
            LossSmoother smoother, long seed, int index, int runCount, Clock clock)
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
        clock.step += System.nanoTime() - mark;
        clock.steps++;
        boolean going = recorder.record(value);
        boolean lastOfSweep = recorder.recordedSteps() == sweep.steps() && Double.isFinite(value);
        if (validation != null && (going || lastOfSweep) && recorder.recordedSteps() % validationEvery == 0) {
            mark = System.nanoTime();
            EvaluationResult result = Evaluation.evaluate(trainer, validation, validationBatchSize);
            recorder.recordValidation(result.loss(), result.accuracy());
            clock.validation += System.nanoTime() - mark;
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

    /** The median over seeds, with the median validation loss and accuracy where the runs were evaluated. */
    static RangeTestCurve medianCurve(CurveBand band, List<RangeTestCurve> curves) {
        int n = band.median().length;
        double[] validationLosses = new double[n];
        double[] accuracies = new double[n];
        double[] losses = new double[n];
        for (int i = 0; i < n; i++) {
            validationLosses[i] = median(curves, i, RangeTestCurve::validationLosses);
            accuracies[i] = median(curves, i, RangeTestCurve::accuracies);
            losses[i] = median(curves, i, RangeTestCurve::losses);
        }
        StopReason reason = curves.stream().allMatch(c -> c.stopReason() == StopReason.COMPLETED)
                ? StopReason.COMPLETED : StopReason.DIVERGED;
        return new RangeTestCurve(band.learningRates(), losses, band.median(), validationLosses, accuracies, reason);
    }

    private static double median(List<RangeTestCurve> curves, int step,
            java.util.function.Function<RangeTestCurve, double[]> series) {
        double[] values = curves.stream().filter(c -> c.size() > step).mapToDouble(c -> series.apply(c)[step])
                .filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        int half = values.length / 2;
        return values.length % 2 == 1 ? values[half] : (values[half - 1] + values[half]) / 2;
    }

    private record Setting(double momentum, double weightDecay) {
    }

    /** Nanoseconds spent in each part, over all runs. */
    private static final class Clock {
        private long steps;
        private long step;
        private long data;
        private long validation;
        private long snapshot;
    }

    /** Builds a {@link RangeTest}; every setter checks its argument at once. */
    public static final class Builder {

        private final Model model;
        private final ScheduledOptimizer optimizer;
        private BatchSource data;
        private Loss loss = Loss.softmaxCrossEntropyLoss();
        private Sweep sweep = Sweep.exponential(1e-7, 10, 100);
        private double smoothing = 0.98;
        private DivergenceRule divergence = DivergenceRule.standard();
        private Dataset validation;
        private int validationEvery;
        private int validationBatchSize;
        private long[] seeds = {0};
        private OptionalDouble momentum = OptionalDouble.empty();
        private double[] momentumGrid;
        private double[] weightDecayGrid;
        private DoubleFunction<ScheduledOptimizer> weightDecayOptimizer;
        private Device device;
        private Consumer<RangeTestProgress> progress;
        private boolean checkRestore = true;

        private Builder(Model model, ScheduledOptimizer optimizer) {
            this.model = Checks.notNull("model", model);
            this.optimizer = Checks.notNull("optimizer", optimizer);
            if (model.getBlock() == null) {
                throw new IllegalArgumentException("model has no block; call model.setBlock(block) first");
            }
        }

        /** The training batches (required). */
        public Builder data(BatchSource source) {
            this.data = Checks.notNull("source", source);
            return this;
        }

        /** The loss; default softmax cross-entropy. */
        public Builder loss(Loss newLoss) {
            this.loss = Checks.notNull("loss", newLoss);
            return this;
        }

        /** The learning rates to try; default exponential from 1e-7 to 10 in 100 steps. */
        public Builder sweep(Sweep newSweep) {
            this.sweep = Checks.notNull("sweep", newSweep);
            return this;
        }

        /** Weight of the past in the loss's moving average, in [0, 1); default 0.98 (fastai's). */
        public Builder smoothing(double beta) {
            Checks.finite("beta", beta);
            if (!(beta >= 0 && beta < 1)) {
                throw new IllegalArgumentException("smoothing must be in [0, 1), got " + beta);
            }
            this.smoothing = beta;
            return this;
        }

        /** When a run counts as diverged and stops; default 4 times the best smoothed loss. */
        public Builder divergence(DivergenceRule rule) {
            this.divergence = Checks.notNull("rule", rule);
            return this;
        }

        /**
         * Evaluates the model on {@code subset} (loss and top-1 accuracy) every {@code everySteps} steps, in
         * batches of {@code batchSize}: Smith's original test, with accuracy against learning rate.
         */
        public Builder validation(Dataset subset, int everySteps, int batchSize) {
            this.validation = Checks.notNull("subset", subset);
            this.validationEvery = (int) Checks.positive("everySteps", everySteps);
            this.validationBatchSize = (int) Checks.positive("batchSize", batchSize);
            return this;
        }

        /** One run per seed, combined into a median curve with a quartile band; default the single seed 0. */
        public Builder seeds(long... newSeeds) {
            Checks.notNull("seeds", newSeeds);
            if (newSeeds.length == 0) {
                throw new IllegalArgumentException("seeds must name at least one seed");
            }
            if (Arrays.stream(newSeeds).distinct().count() != newSeeds.length) {
                throw new IllegalArgumentException("seeds must be distinct, got " + Arrays.toString(newSeeds));
            }
            this.seeds = newSeeds.clone();
            return this;
        }

        /** A constant momentum (or Adam's beta1) for every run, in [0, 1); default see the class comment. */
        public Builder momentum(double value) {
            checkMomentum("momentum", value);
            this.momentum = OptionalDouble.of(value);
            return this;
        }

        /** One run (per seed) for each momentum (or Adam's beta1), each in [0, 1). */
        public Builder momentumGrid(double... values) {
            Checks.notNull("values", values);
            if (values.length < 2) {
                throw new IllegalArgumentException("a momentum grid needs at least 2 values, got " + values.length);
            }
            for (int i = 0; i < values.length; i++) {
                checkMomentum("momentumGrid[" + i + "]", values[i]);
            }
            this.momentumGrid = values.clone();
            return this;
        }

        /**
         * One run (per seed) for each weight decay; {@code optimizerWithWeightDecay} makes a new optimizer with
         * the given weight decay and otherwise the test optimizer's settings (its policy does not matter: the
         * test sets the sweep). These optimizers are closed after their runs.
         */
        public Builder weightDecayGrid(double[] values, DoubleFunction<ScheduledOptimizer> optimizerWithWeightDecay) {
            Checks.notNull("values", values);
            Checks.notNull("optimizerWithWeightDecay", optimizerWithWeightDecay);
            if (values.length < 2) {
                throw new IllegalArgumentException("a weight-decay grid needs at least 2 values, got " + values.length);
            }
            for (int i = 0; i < values.length; i++) {
                Checks.nonNegative("weightDecayGrid[" + i + "]", values[i]);
            }
            this.weightDecayGrid = values.clone();
            this.weightDecayOptimizer = optimizerWithWeightDecay;
            return this;
        }

        /** The device to train on; default the model's. */
        public Builder device(Device newDevice) {
            this.device = Checks.notNull("device", newDevice);
            return this;
        }

        /** Called after every step, on the test's thread. */
        public Builder progress(Consumer<RangeTestProgress> listener) {
            this.progress = Checks.notNull("listener", listener);
            return this;
        }

        /** Whether to compare the restored model with the snapshot (one more copy); default true. */
        public Builder checkRestore(boolean check) {
            this.checkRestore = check;
            return this;
        }

        /**
         * The test.
         *
         * @throws IllegalArgumentException if no data was given or both grids were
         */
        public RangeTest build() {
            if (data == null) {
                throw new IllegalArgumentException("data must be set: data(BatchSource.shuffled(trainSet, batchSize))");
            }
            if (momentumGrid != null && weightDecayGrid != null) {
                throw new IllegalArgumentException("give a momentum grid or a weight-decay grid, not both: Smith tunes "
                        + "them one after the other (run the momentum grid first, then the weight-decay grid at the "
                        + "chosen momentum)");
            }
            if (momentumGrid != null && momentum.isPresent()) {
                throw new IllegalArgumentException("give a momentum or a momentum grid, not both");
            }
            return new RangeTest(this);
        }

        private static void checkMomentum(String name, double value) {
            Checks.finite(name, value);
            if (!(value >= 0 && value < 1)) {
                throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
            }
        }
    }
}

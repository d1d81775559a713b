package org.lrkit.djl.rangetest;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.loss.Loss;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.function.DoubleFunction;
import org.lrkit.Checks;
import org.lrkit.djl.optim.ScheduledOptimizer;
import org.lrkit.rangetest.CurveBand;
import org.lrkit.rangetest.DivergenceRule;
import org.lrkit.rangetest.RangeTestAdvice;
import org.lrkit.rangetest.RangeTestCurve;
import org.lrkit.rangetest.Suggestions;
import org.lrkit.rangetest.Sweep;
import org.lrkit.schedule.Policy;

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
 *
 * <p>This class is the entry point and checks the settings; one run of the sweep is {@code SweepRun}, the
 * combination of grid values and seeds {@code SettingGrid} (with {@link RangeTestCurve#median} for the seeds)
 * and the time accounting {@code RangeTestClock} ({@link RangeTestResult#timing()}).
 */
public final class RangeTest {

    private final Model model;
    private final ScheduledOptimizer optimizer;
    private final Sweep sweep;
    private final OptionalDouble momentum;
    private final DoubleFunction<ScheduledOptimizer> weightDecayOptimizer;
    private final boolean checkRestore;
    private final SettingGrid grid;
    private final SweepRun sweepRun;

    private RangeTest(Builder builder) {
        this.model = builder.model;
        this.optimizer = builder.optimizer;
        this.sweep = builder.sweep;
        this.momentum = builder.momentum;
        this.weightDecayOptimizer = builder.weightDecayOptimizer;
        this.checkRestore = builder.checkRestore;
        this.grid = SettingGrid.of(builder.momentumGrid, builder.weightDecayGrid, builder.seeds);
        Device device = builder.device != null ? builder.device : builder.model.getNDManager().getDevice();
        this.sweepRun = new SweepRun(builder.model, builder.data, builder.loss, builder.sweep, builder.smoothing,
                builder.divergence, builder.validation, builder.validationEvery, builder.validationBatchSize, device,
                builder.progress);
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
        RangeTestClock clock = new RangeTestClock();
        long mark = System.nanoTime();
        TrainingSnapshot snapshot = TrainingSnapshot.capture(model, optimizer);
        double userMomentum = momentumNow();
        clock.addSnapshot(System.nanoTime() - mark);

        int runCount = grid.runCount();
        List<RangeTestRun> runs = new ArrayList<>();
        try {
            int index = 0;
            for (SettingGrid.Setting setting : grid.settings()) {
                for (long seed : grid.seeds()) {
                    if (index > 0) {
                        mark = System.nanoTime();
                        snapshot.restoreModel();
                        clock.addSnapshot(System.nanoTime() - mark);
                    }
                    double m = Double.isNaN(setting.momentum()) ? userMomentum : setting.momentum();
                    RangeTestCurve curve = runOne(setting, m, seed, index, runCount, clock);
                    runs.add(new RangeTestRun(seed, m, setting.weightDecay(), curve));
                    index++;
                }
            }
        } finally {
            mark = System.nanoTime();
            snapshot.restore();
            clock.addSnapshot(System.nanoTime() - mark);
        }
        mark = System.nanoTime();
        List<String> differences = checkRestore ? snapshot.differences() : List.of();
        clock.addSnapshot(System.nanoTime() - mark);

        SettingGrid.Combined combined = grid.combine(runs);
        RangeTestAdvice advice = advise(combined.curve());
        RangeTestTiming timing = clock.timing(System.nanoTime() - start);
        return new RangeTestResult(sweep, runs, combined.curve(), combined.band(), combined.grid(), advice,
                groupRanges(advice), timing, differences, checkRestore);
    }

    /** One run of the sweep with the setting's optimizer, closed afterwards when it is not the test's own. */
    private RangeTestCurve runOne(SettingGrid.Setting setting, double m, long seed, int index, int runCount,
            RangeTestClock clock) throws IOException, TranslateException {
        ScheduledOptimizer runOptimizer = optimizer;
        if (!Double.isNaN(setting.weightDecay())) {
            runOptimizer = weightDecayOptimizer.apply(setting.weightDecay());
            if (runOptimizer == null || runOptimizer == optimizer) {
                throw new IllegalArgumentException("the weight-decay grid's optimizer factory must return a new "
                        + "optimizer for each value, got " + (runOptimizer == null ? "null" : "the test's optimizer"));
            }
        }
        try {
            return sweepRun.run(runOptimizer, m, seed, index, runCount, clock);
        } finally {
            if (runOptimizer != optimizer) {
                runOptimizer.close();
            }
        }
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

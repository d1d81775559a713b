package org.lrkit.djl.rangetest;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
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
 * <p><b>One call on a fresh model</b> (as Lightning's {@code Tuner.lr_find} or fastai's {@code lr_find}):
 * {@link #forModel} takes a model whose block may not be initialized yet, with its input shapes, and builds
 * its own optimizer following the sweep (SGD with momentum 0.9 unless {@link Builder#sgd} or
 * {@link Builder#adamW} says otherwise), so no optimizer or placeholder policy is needed.
 * <pre>{@code
 * Model model = Model.newInstance("mlp");
 * model.setBlock(block);                                          // not initialized
 * RangeTestResult result = RangeTest.forModel(model, new Shape(1, 784))
 *         .data(BatchSource.shuffled(trainSet, 128))
 *         .build()
 *         .run();
 * double peak = result.advice().consensus();
 * // the chart, with lrkit-experiment on the class path:
 * RangeTestChart.of(result, "mlp range test", 4_690).writePng(Path.of("range-test.png"));
 * }</pre>
 * The chart is {@code org.lrkit.experiment.report.RangeTestChart} (and {@code RangeTestReport} writes the
 * curve's files) in lrkit-experiment; this module does not depend on it.
 *
 * <p>DJL's own optimizers ({@code Optimizer.sgd()}, {@code adam()}, ...) cannot be swept: their settings and
 * state are private, so the test could neither restart them at step 0 for each run nor put them back; {@link
 * #builder(Model, Optimizer)} refuses them and names what to pass instead.
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
    private final boolean ownsOptimizer;
    private final Shape[] inputShapes;
    private final Sweep sweep;
    private final OptionalDouble momentum;
    private final DoubleFunction<ScheduledOptimizer> weightDecayOptimizer;
    private final boolean checkRestore;
    private final SettingGrid grid;
    private final SweepRun sweepRun;

    private RangeTest(Builder builder, ScheduledOptimizer optimizer, boolean ownsOptimizer,
            DoubleFunction<ScheduledOptimizer> weightDecayOptimizer) {
        this.model = builder.model;
        this.optimizer = optimizer;
        this.ownsOptimizer = ownsOptimizer;
        this.inputShapes = builder.inputShapes;
        this.sweep = builder.sweep;
        this.momentum = builder.momentum;
        this.weightDecayOptimizer = weightDecayOptimizer;
        this.checkRestore = builder.checkRestore;
        this.grid = SettingGrid.of(builder.momentumGrid, builder.weightDecayGrid, builder.seeds);
        Device device = builder.device != null ? builder.device : builder.model.getNDManager().getDevice();
        this.sweepRun = new SweepRun(builder.model, builder.data, builder.loss, builder.sweep, builder.smoothing,
                builder.divergence, builder.validation, builder.validationEvery, builder.validationBatchSize, device,
                builder.progress, builder.maxGradientNorm);
    }

    /**
     * A builder for a range test of {@code model} (with its block set; initialized, or give
     * {@link Builder#inputShapes}) trained by {@code optimizer} (its group multipliers and weight decay apply;
     * its policy is replaced by the sweep during the test; its state is put back afterwards). For a test that
     * builds its own optimizer, see {@link #forModel}.
     *
     * @param model the model to test, with its block set; put back as it was after the test
     * @param optimizer the optimizer to train with during the test; its state and policy are put back afterwards
     * @return a builder with the defaults of its setters
     * @throws IllegalArgumentException if an argument is null or the model has no block
     */
    public static Builder builder(Model model, ScheduledOptimizer optimizer) {
        return new Builder(model, Checks.notNull("optimizer", optimizer));
    }

    /**
     * As {@link #builder(Model, ScheduledOptimizer)} for an optimizer typed as DJL's {@link Optimizer}: lrkit's
     * scheduled optimizers are accepted, DJL's own ones refused (see the class comment).
     *
     * <pre>{@code
     * Optimizer optimizer = ScheduledSgd.builder(policy).momentum(0.9).build();
     * RangeTest.Builder test = RangeTest.builder(model, optimizer);
     * }</pre>
     *
     * @param model the model to test, with its block set; put back as it was after the test
     * @param optimizer the optimizer to train with during the test, a {@link ScheduledOptimizer}
     * @return a builder with the defaults of its setters
     * @throws IllegalArgumentException if {@code optimizer} is not a {@link ScheduledOptimizer}, an argument is
     *     null or the model has no block
     */
    public static Builder builder(Model model, Optimizer optimizer) {
        Checks.notNull("optimizer", optimizer);
        if (optimizer instanceof ScheduledOptimizer scheduled) {
            return builder(model, scheduled);
        }
        throw new IllegalArgumentException("optimizer is DJL's " + optimizer.getClass().getSimpleName() + ", whose "
                + "settings and state are private, so a range test cannot restart or restore it; use "
                + "RangeTest.forModel(model, inputShapes).sgd(momentum, weightDecay) (or .adamW(beta1, weightDecay)), "
                + "or pass a ScheduledSgd or ScheduledAdamW");
    }

    /**
     * A builder for a range test of {@code model}, whose block may not be initialized yet: if it is not, the
     * test initializes it with {@code inputShapes} (the model's data type, the engine's random state) before
     * the first step, and puts the weights back to those initial values at the end. The test builds its own
     * optimizer, which follows the sweep: SGD with momentum 0.9 and no weight decay unless
     * {@link Builder#sgd}, {@link Builder#adamW} or {@link Builder#optimizer} choose another.
     *
     * <pre>{@code
     * RangeTestResult result = RangeTest.forModel(model, new Shape(1, 784))
     *         .data(BatchSource.shuffled(trainSet, 128)).build().run();
     * }</pre>
     *
     * @param model the model to test, with its block set (initialized or not)
     * @param inputShapes the shapes of the block's inputs, batch axis included ({@code new Shape(1, 784)});
     *     none for a model that is already initialized
     * @return a builder that trains with SGD (momentum 0.9, no weight decay) unless told otherwise
     * @throws IllegalArgumentException if an argument or a shape is null, or the model has no block
     */
    public static Builder forModel(Model model, Shape... inputShapes) {
        Checks.notNull("inputShapes", inputShapes);
        Builder builder = new Builder(model, null);
        if (inputShapes.length > 0) {
            builder.inputShapes(inputShapes);
        }
        return builder;
    }

    /**
     * The sweep.
     *
     * @return the learning rates the test tries, one per optimizer step
     */
    public Sweep sweep() {
        return sweep;
    }

    /**
     * The optimizer the test trains with: the one given, or the one it built for itself.
     *
     * @return the test's optimizer (one the test built for itself is closed after {@link #run()})
     */
    public ScheduledOptimizer optimizer() {
        return optimizer;
    }

    /**
     * Runs the test and restores the model, the optimizer and the random state. A block that is not initialized
     * is first initialized with the input shapes (the one change the test leaves: the model ends with those
     * initial weights); an optimizer the test built for itself is closed at the end.
     *
     * @throws IllegalStateException if the model is not initialized and no input shapes were given, the data
     *     yields no batches, or a run stops too early to read anything from its curve (then the model is
     *     restored all the same)
     * @return the runs' curves, the combined curve, the advice read off it, the timing and whether the model
     *     was restored exactly
     * @throws IllegalArgumentException if the weight-decay grid's optimizer factory returns null or the test's
     *     own optimizer
     * @throws IOException if reading data fails
     * @throws TranslateException if the data fails to build a batch
     */
    public RangeTestResult run() throws IOException, TranslateException {
        initializeIfNeeded();
        try {
            return runInitialized();
        } finally {
            if (ownsOptimizer) {
                optimizer.close();
            }
        }
    }

    private void initializeIfNeeded() {
        Block block = model.getBlock();
        if (block.isInitialized()) {
            return;
        }
        if (inputShapes == null) {
            throw new IllegalStateException("the model's block is not initialized; give its input shapes, batch "
                    + "axis included: RangeTest.forModel(model, new Shape(1, features)) or inputShapes(...) on the "
                    + "builder");
        }
        block.initialize(model.getNDManager(), model.getDataType(), inputShapes);
    }

    private RangeTestResult runInitialized() throws IOException, TranslateException {
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
        private ScheduledOptimizer optimizer;
        private OptimizerChoice optimizerChoice;
        private Shape[] inputShapes;
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
        private double maxGradientNorm = Double.NaN;

        private Builder(Model model, ScheduledOptimizer optimizer) {
            this.model = Checks.notNull("model", model);
            this.optimizer = optimizer;
            if (model.getBlock() == null) {
                throw new IllegalArgumentException("model has no block; call model.setBlock(block) first");
            }
        }

        /**
         * The block's input shapes, batch axis included, used to initialize a block that is not initialized
         * when the test runs (ignored for an initialized one).
         *
         * <pre>{@code
         * RangeTest.builder(model, sgd).inputShapes(new Shape(1, 3, 32, 32))
         * }</pre>
         *
         * @param shapes one shape per input of the block, at least one, none null (copied)
         * @return this builder
         * @throws IllegalArgumentException if {@code shapes} is null, empty or holds a null shape
         */
        public Builder inputShapes(Shape... shapes) {
            Checks.notNull("shapes", shapes);
            if (shapes.length == 0) {
                throw new IllegalArgumentException("inputShapes must name at least one shape, e.g. "
                        + "new Shape(1, features)");
            }
            for (int i = 0; i < shapes.length; i++) {
                Checks.notNull("shapes[" + i + "]", shapes[i]);
            }
            this.inputShapes = shapes.clone();
            return this;
        }

        /**
         * Trains with {@code optimizer} (see {@link #builder(Model, ScheduledOptimizer)}), replacing any optimizer
         * chosen before.
         *
         * @param newOptimizer the optimizer to train with, not null; its state and policy are put back afterwards
         * @return this builder
         * @throws IllegalArgumentException if {@code newOptimizer} is null
         */
        public Builder optimizer(ScheduledOptimizer newOptimizer) {
            this.optimizer = Checks.notNull("optimizer", newOptimizer);
            this.optimizerChoice = null;
            return this;
        }

        /**
         * Trains with an SGD the test builds for itself, following the sweep: PyTorch's convention, constant
         * {@code momentum} in {@code [0, 1)} (0 for plain SGD), L2 {@code weightDecay >= 0}. Replaces any
         * optimizer given before; the test closes it after the run.
         *
         * <pre>{@code
         * RangeTest.forModel(model, new Shape(1, 784)).sgd(0.9, 5e-4)
         * }</pre>
         *
         * @param momentum the constant momentum, in {@code [0, 1)}
         * @param weightDecay the L2 weight-decay coefficient, finite and {@code >= 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code momentum} is not in {@code [0, 1)} or {@code weightDecay}
         *     is NaN, infinite or {@code < 0}
         */
        public Builder sgd(double momentum, double weightDecay) {
            this.optimizerChoice = OptimizerChoice.sgd(momentum, weightDecay);
            this.optimizer = null;
            return this;
        }

        /**
         * Trains with an AdamW the test builds for itself, following the sweep: constant {@code beta1} in
         * {@code [0, 1)}, beta2 0.999, decoupled {@code weightDecay >= 0}. Replaces any optimizer given before;
         * the test closes it after the run. The advice then reads the curve as an adaptive optimizer's.
         *
         * <pre>{@code
         * RangeTest.forModel(model, new Shape(1, 784)).adamW(0.9, 0.01)
         * }</pre>
         *
         * @param beta1 the constant beta1, in {@code [0, 1)}
         * @param weightDecay the decoupled weight-decay coefficient, finite and {@code >= 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code beta1} is not in {@code [0, 1)} or {@code weightDecay} is
         *     NaN, infinite or {@code < 0}
         */
        public Builder adamW(double beta1, double weightDecay) {
            this.optimizerChoice = OptimizerChoice.adamW(beta1, weightDecay);
            this.optimizer = null;
            return this;
        }

        /**
         * The training batches (required).
         *
         * @param source the batches of each run, drawn with the run's seed; not null
         * @return this builder
         * @throws IllegalArgumentException if {@code source} is null
         */
        public Builder data(BatchSource source) {
            this.data = Checks.notNull("source", source);
            return this;
        }

        /**
         * The loss; default softmax cross-entropy.
         *
         * @param newLoss the training loss recorded at each step, not null
         * @return this builder
         * @throws IllegalArgumentException if {@code newLoss} is null
         */
        public Builder loss(Loss newLoss) {
            this.loss = Checks.notNull("loss", newLoss);
            return this;
        }

        /**
         * The learning rates to try; default exponential from 1e-7 to 10 in 100 steps.
         *
         * @param newSweep the learning rate at each optimizer step of a run, not null
         * @return this builder
         * @throws IllegalArgumentException if {@code newSweep} is null
         */
        public Builder sweep(Sweep newSweep) {
            this.sweep = Checks.notNull("sweep", newSweep);
            return this;
        }

        /**
         * Weight of the past in the loss's moving average, in [0, 1); default 0.98 (fastai's).
         *
         * @param beta the smoothing factor, in {@code [0, 1)}; 0 for no smoothing
         * @return this builder
         * @throws IllegalArgumentException if {@code beta} is not in {@code [0, 1)}
         */
        public Builder smoothing(double beta) {
            Checks.finite("beta", beta);
            if (!(beta >= 0 && beta < 1)) {
                throw new IllegalArgumentException("smoothing must be in [0, 1), got " + beta);
            }
            this.smoothing = beta;
            return this;
        }

        /**
         * When a run counts as diverged and stops; default 4 times the best smoothed loss.
         *
         * @param rule the divergence rule, not null
         * @return this builder
         * @throws IllegalArgumentException if {@code rule} is null
         */
        public Builder divergence(DivergenceRule rule) {
            this.divergence = Checks.notNull("rule", rule);
            return this;
        }

        /**
         * Evaluates the model on {@code subset} (loss and top-1 accuracy) every {@code everySteps} steps, in
         * batches of {@code batchSize}: Smith's original test, with accuracy against learning rate.
         *
         * @param subset the fixed validation subset, not null
         * @param everySteps optimizer steps between evaluations, {@code > 0}
         * @param batchSize examples per evaluation batch, {@code > 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code subset} is null, {@code everySteps <= 0} or
         *     {@code batchSize <= 0}
         */
        public Builder validation(Dataset subset, int everySteps, int batchSize) {
            this.validation = Checks.notNull("subset", subset);
            this.validationEvery = (int) Checks.positive("everySteps", everySteps);
            this.validationBatchSize = (int) Checks.positive("batchSize", batchSize);
            return this;
        }

        /**
         * One run per seed, combined into a median curve with a quartile band; default the single seed 0.
         *
         * @param newSeeds the runs' seeds (data order, engine random numbers), at least one, distinct (copied)
         * @return this builder
         * @throws IllegalArgumentException if {@code newSeeds} is null, empty or holds a seed twice
         */
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

        /**
         * A constant momentum (or Adam's beta1) for every run, in [0, 1); default see the class comment. Not
         * together with {@link #momentumGrid}.
         *
         * @param value the momentum or beta1, in {@code [0, 1)}
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is not in {@code [0, 1)}
         */
        public Builder momentum(double value) {
            checkMomentum("momentum", value);
            this.momentum = OptionalDouble.of(value);
            return this;
        }

        /**
         * One run (per seed) for each momentum (or Adam's beta1), each in [0, 1). Not together with
         * {@link #momentum} or a weight-decay grid.
         *
         * @param values the momenta or beta1 values to try, at least 2, each in {@code [0, 1)} (copied)
         * @return this builder
         * @throws IllegalArgumentException if {@code values} is null, has fewer than 2 values or one outside
         *     {@code [0, 1)}
         */
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
         * test sets the sweep). These optimizers are closed after their runs. Not together with a momentum grid.
         *
         * @param values the weight-decay coefficients to try, at least 2, each finite and {@code >= 0} (copied)
         * @param optimizerWithWeightDecay makes a new optimizer for a weight decay, not null; it must not return
         *     null or the test's optimizer (checked when the test runs)
         * @return this builder
         * @throws IllegalArgumentException if an argument is null, {@code values} has fewer than 2 values, or a
         *     value is NaN, infinite or {@code < 0}
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

        /**
         * One run (per seed) for each weight decay, each {@code >= 0}, with the optimizer chosen by {@link #sgd}
         * or {@link #adamW} (or the default SGD of {@link #forModel}) rebuilt for each value. With an optimizer
         * of your own, use {@link #weightDecayGrid(double[], DoubleFunction)}.
         *
         * <pre>{@code
         * RangeTest.forModel(model, shape).sgd(0.9, 0).weightDecayGrid(1e-5, 1e-4, 1e-3)
         * }</pre>
         *
         * @param values the weight-decay coefficients to try, at least 2, each finite and {@code >= 0} (copied)
         * @return this builder
         * @throws IllegalArgumentException if {@code values} is null, has fewer than 2 values, or a value is NaN,
         *     infinite or {@code < 0}
         */
        public Builder weightDecayGrid(double... values) {
            Checks.notNull("values", values);
            if (values.length < 2) {
                throw new IllegalArgumentException("a weight-decay grid needs at least 2 values, got "
                        + values.length);
            }
            for (int i = 0; i < values.length; i++) {
                Checks.nonNegative("weightDecayGrid[" + i + "]", values[i]);
            }
            this.weightDecayGrid = values.clone();
            this.weightDecayOptimizer = null;
            return this;
        }

        /**
         * The device to train on; default the model's.
         *
         * @param newDevice the device, not null
         * @return this builder
         * @throws IllegalArgumentException if {@code newDevice} is null
         */
        public Builder device(Device newDevice) {
            this.device = Checks.notNull("device", newDevice);
            return this;
        }

        /**
         * Called after every step, on the test's thread; default none.
         *
         * @param listener receives the run, the step, the learning rate and the loss of each step; not null
         * @return this builder
         * @throws IllegalArgumentException if {@code listener} is null
         */
        public Builder progress(Consumer<RangeTestProgress> listener) {
            this.progress = Checks.notNull("listener", listener);
            return this;
        }

        /**
         * Clips the gradients of every step of the sweep to a global L2 norm of at most {@code maxNorm}, as the
         * training run that the test prepares will
         * ({@link org.lrkit.djl.train.TrainingSteps#clippingGradientNorm}); default none.
         *
         * <pre>{@code RangeTest.builder(model, sgd).clipGradientNorm(1.0)}</pre>
         *
         * @param maxNorm the largest norm of all trainable gradients together, finite and {@code > 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code maxNorm} is NaN, infinite or {@code <= 0}
         */
        public Builder clipGradientNorm(double maxNorm) {
            if (!(maxNorm > 0) || Double.isInfinite(maxNorm)) {
                throw new IllegalArgumentException("maxNorm (gradient clipping) must be a finite number > 0, got "
                        + maxNorm + "; give the largest global L2 norm of the gradients, e.g. 1.0");
            }
            this.maxGradientNorm = maxNorm;
            return this;
        }

        /**
         * Whether to compare the restored model with the snapshot (one more copy); default true.
         *
         * @param check true to compare ({@link RangeTestResult#restoredExactly()}), false to skip the comparison
         * @return this builder
         */
        public Builder checkRestore(boolean check) {
            this.checkRestore = check;
            return this;
        }

        /**
         * The test.
         *
         * @return a test with these settings, ready to {@link RangeTest#run()}
         * @throws IllegalArgumentException if no data was given, both grids were, or a weight-decay grid without
         *     a factory goes with an optimizer of your own, or a momentum and a momentum grid were both given
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
            OptimizerChoice choice = optimizer == null && optimizerChoice == null ? OptimizerChoice.sgd(0.9, 0.0)
                    : optimizerChoice;
            Policy sweepPolicy = Policy.of(sweep.schedule());
            DoubleFunction<ScheduledOptimizer> factory = weightDecayOptimizer;
            if (weightDecayGrid != null && factory == null) {
                if (choice == null) {
                    throw new IllegalArgumentException("weightDecayGrid(values) rebuilds an optimizer the test chose "
                            + "(sgd(...) or adamW(...)); with your own optimizer pass weightDecayGrid(values, "
                            + "wd -> a new optimizer with weight decay wd)");
                }
                factory = wd -> choice.withWeightDecay(wd).build(sweepPolicy);
            }
            ScheduledOptimizer trained = choice != null ? choice.build(sweepPolicy) : optimizer;
            return new RangeTest(this, trained, choice != null, factory);
        }

        private static void checkMomentum(String name, double value) {
            Checks.finite(name, value);
            if (!(value >= 0 && value < 1)) {
                throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
            }
        }
    }
}

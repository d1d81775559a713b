package org.lrkit.djl.curvature;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.lrkit.Checks;
import org.lrkit.curvature.HessianFreeEstimate;
import org.lrkit.djl.optim.ParameterGroups;
import org.lrkit.djl.optim.ScheduledOptimizer;
import org.lrkit.djl.train.StepResult;
import org.lrkit.djl.train.TrainingRunListener;

/**
 * Smith &amp; Topin's Hessian-free estimate of the optimal learning rate (Super-Convergence, 2018, section 4),
 * logged during training, for the whole model and per layer: a {@link TrainingRunListener} that every
 * {@code k} steps keeps two successive weight snapshots on the device, and after the third step computes,
 * with NDArray operations in double precision, for each parameter
 * <pre>
 *   d1 = w2 - w1,  d2 = w3 - w2                         (the two updates)
 *   first    = sum |d1|
 *   gradDiff = sum |d1 / lr1 - d2 / lr2|                 (= sum |g2 - g1| for plain SGD)
 *   estimate = first / gradDiff
 * </pre>
 * where {@code lr1, lr2} are the learning rates of the two steps (the group multiplier included). With a
 * constant learning rate this is the authors' {@code lr * sum|w2 - w1| / sum|2 w2 - w1 - w3|} exactly; the
 * per-step rates keep it right under a schedule. The sums are added over all parameters (global) and over each
 * layer's parameters (the name up to its last {@code _}: {@code 01Conv2d_weight} belongs to {@code 01Conv2d}),
 * and each estimate is smoothed by {@link HessianFreeEstimate} (the authors' moving average, decay 0.9 from
 * 0.1). Parameters without gradients (BatchNorm running statistics) and frozen groups are left out.
 *
 * <pre>{@code
 * HessianFreeMonitor monitor = HessianFreeMonitor.every(10, model.getBlock(), optimizer);
 * TrainingRun.builder(model, optimizer)...listener(monitor).build().run();
 * for (HessianFreeRecord r : monitor.records()) System.out.println(r.step() + " " + r.average());
 * }</pre>
 *
 * <p>Without {@code TrainingRun}, call {@link #observe(long, double)} after every optimizer step. Plain SGD
 * (no momentum) makes {@code d = -lr g} and the estimate the secant step {@code |dw| / |dg|}, exactly
 * {@code 1/a} on a quadratic {@code a w^2 / 2}; momentum blurs it (the authors ignore it). Close the
 * monitor to free its snapshots early; they also go with the model.
 */
public final class HessianFreeMonitor implements TrainingRunListener, AutoCloseable {

    private final Block block;
    private final ParameterGroups groups;
    private final int every;
    private final double decay;
    private final double initialAverage;
    private final HessianFreeEstimate global;
    private final Map<String, HessianFreeEstimate> layers = new LinkedHashMap<>();
    private final List<HessianFreeRecord> records = new ArrayList<>();
    private final List<Consumer<HessianFreeRecord>> listeners = new ArrayList<>();

    private NDManager scope;
    private Map<String, NDArray> first;
    private Map<String, NDArray> second;
    private double firstRate;
    private int phase;

    private HessianFreeMonitor(Block block, ParameterGroups groups, int every, double decay, double initialAverage) {
        this.block = block;
        this.groups = groups;
        this.every = every;
        this.decay = decay;
        this.initialAverage = initialAverage;
        this.global = new HessianFreeEstimate(decay, initialAverage);
    }

    /**
     * A monitor estimating every {@code k} steps, with the authors' moving average.
     *
     * @param k steps between the starts of two estimates, {@code >= 1} (an estimate spans 3 snapshots, so
     *     {@code k < 3} estimates every third step)
     * @param block the block being trained (initialized)
     * @param optimizer the optimizer training it, for the learning-rate multipliers of its groups
     */
    public static HessianFreeMonitor every(int k, Block block, ScheduledOptimizer optimizer) {
        return every(k, block, optimizer, 0.9, 0.1);
    }

    /** As {@link #every(int, Block, ScheduledOptimizer)}, with another moving average (see {@link HessianFreeEstimate}). */
    public static HessianFreeMonitor every(int k, Block block, ScheduledOptimizer optimizer, double decay,
            double initialAverage) {
        Checks.positive("k", k);
        Checks.notNull("block", block);
        Checks.notNull("optimizer", optimizer);
        new HessianFreeEstimate(decay, initialAverage); // checks the arguments
        return new HessianFreeMonitor(block, optimizer.groups(), k, decay, initialAverage);
    }

    /** Calls {@code listener} with each new record, on the training thread. */
    public HessianFreeMonitor addListener(Consumer<HessianFreeRecord> listener) {
        listeners.add(Checks.notNull("listener", listener));
        return this;
    }

    /** Every estimate so far, oldest first. */
    public List<HessianFreeRecord> records() {
        return Collections.unmodifiableList(records);
    }

    /** The global moving average now (the initial average before any estimate). */
    public double average() {
        return global.average();
    }

    @Override
    public void onStep(long epoch, StepResult step) {
        observe(step.step(), step.learningRate());
    }

    @Override
    public void onEnd(org.lrkit.djl.train.TrainingSummary summary) {
        close();
    }

    @Override
    public void onFailure(Throwable error) {
        close();
    }

    /**
     * Tells the monitor that optimizer step {@code step} (0-based) has just been applied with base learning
     * rate {@code learningRate}.
     */
    public void observe(long step, double learningRate) {
        switch (phase) {
            case 0 -> {
                if ((step + 1) % every == 0) {
                    first = snapshot();
                    phase = 1;
                }
            }
            case 1 -> {
                second = snapshot();
                firstRate = learningRate;
                phase = 2;
            }
            default -> {
                try {
                    if (firstRate > 0 && learningRate > 0) {
                        record(step, learningRate);
                    }
                } finally {
                    release();
                    phase = 0;
                }
            }
        }
    }

    private Map<String, NDArray> snapshot() {
        if (scope == null || !scope.isOpen()) {
            NDManager owner = null;
            for (Pair<String, Parameter> pair : block.getParameters()) {
                owner = pair.getValue().getArray().getManager();
                break;
            }
            if (owner == null) {
                throw new IllegalStateException("the block has no parameters to watch");
            }
            scope = owner.newSubManager();
            scope.setName("lrkit-hessian-free-snapshots");
        }
        Map<String, NDArray> copies = new LinkedHashMap<>();
        for (Pair<String, Parameter> pair : block.getParameters()) {
            Parameter parameter = pair.getValue();
            if (parameter.requiresGradient()) {
                NDArray copy = parameter.getArray().duplicate();
                copy.attach(scope);
                copies.put(pair.getKey(), copy);
            }
        }
        return copies;
    }

    private void record(long step, double secondRate) {
        double globalFirst = 0;
        double globalGradient = 0;
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (Pair<String, Parameter> pair : block.getParameters()) {
            String name = pair.getKey();
            Parameter parameter = pair.getValue();
            NDArray w1 = first.get(name);
            NDArray w2 = second.get(name);
            if (!parameter.requiresGradient() || w1 == null || w2 == null) {
                continue;
            }
            double multiplier = groups.settingsFor(name, parameter.getType()).learningRateMultiplier();
            if (multiplier == 0) {
                continue;
            }
            double[] pairSums = differences(w1, w2, parameter.getArray(), firstRate * multiplier,
                    secondRate * multiplier);
            double[] layer = sums.computeIfAbsent(layerOf(name), key -> new double[2]);
            layer[0] += pairSums[0];
            layer[1] += pairSums[1];
            globalFirst += pairSums[0];
            globalGradient += pairSums[1];
        }
        Map<String, LayerEstimate> estimates = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> entry : sums.entrySet()) {
            HessianFreeEstimate average = layers.computeIfAbsent(entry.getKey(),
                    key -> new HessianFreeEstimate(decay, initialAverage));
            double[] s = entry.getValue();
            average.observe(1.0, s[0], s[1]);
            estimates.put(entry.getKey(), new LayerEstimate(average.last(), average.average(), s[0], s[1]));
        }
        global.observe(1.0, globalFirst, globalGradient);
        HessianFreeRecord record = new HessianFreeRecord(step, secondRate, global.last(), global.average(),
                globalFirst, globalGradient, estimates);
        records.add(record);
        for (Consumer<HessianFreeRecord> listener : listeners) {
            listener.accept(record);
        }
    }

    /** {@code [sum|d1|, sum|d1/lr1 - d2/lr2|]} in double precision. */
    private static double[] differences(NDArray w1, NDArray w2, NDArray w3, double lr1, double lr2) {
        try (NDManager temporary = w1.getManager().newSubManager()) {
            NDArray a = w1.toType(DataType.FLOAT64, true);
            NDArray b = w2.toType(DataType.FLOAT64, true);
            NDArray c = w3.toType(DataType.FLOAT64, true);
            a.attach(temporary);
            b.attach(temporary);
            c.attach(temporary);
            NDArray d1 = b.sub(a);
            NDArray d2 = c.sub(b);
            double firstSum = d1.abs().sum().getDouble();
            double gradientSum = d1.div(lr1).subi(d2.div(lr2)).abs().sum().getDouble();
            return new double[] {firstSum, gradientSum};
        }
    }

    /** The layer of a parameter: its name up to the last {@code _} ({@code 01Conv2d_weight} to {@code 01Conv2d}). */
    static String layerOf(String parameterName) {
        int cut = parameterName.lastIndexOf('_');
        return cut > 0 ? parameterName.substring(0, cut) : parameterName;
    }

    private void release() {
        if (scope != null) {
            scope.close();
            scope = null;
        }
        first = null;
        second = null;
    }

    /** Frees the snapshots; a window in progress is dropped and the next one starts afresh. */
    @Override
    public void close() {
        release();
        phase = 0;
    }
}

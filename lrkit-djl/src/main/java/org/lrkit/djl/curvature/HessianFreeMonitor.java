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
import org.lrkit.curvature.MomentumCorrectedEstimate;
import org.lrkit.djl.optim.ParameterGroups;
import org.lrkit.djl.optim.ScheduledOptimizer;
import org.lrkit.djl.optim.ScheduledSgd;
import org.lrkit.djl.optim.WeightDecayMode;
import org.lrkit.djl.train.StepResult;
import org.lrkit.djl.train.TrainingRunListener;
import org.lrkit.rangetest.OptimizerFamily;

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
 * <p>Without {@code TrainingRun}, call {@link #observe(long, double, double)} after every optimizer step. Plain
 * SGD (no momentum) makes {@code d = -lr g} and the estimate the secant step {@code |dw| / |dg|}, exactly
 * {@code 1/a} on a quadratic {@code a w^2 / 2}; momentum blurs it (the authors ignore it), and under pure noise
 * it biases it to {@code 2.24 lr} at momentum 0.9. So each record also carries the global momentum-corrected
 * estimate of {@link MomentumCorrectedEstimate}, from the two snapshots before the window as well
 * ({@code w_{-1}, w_0}), with {@code a_t = d_t / lr_t} and the momenta {@code m_t} of the steps:
 * <pre>
 *   g_t      = -a_t + m_t a_{t-1}                       (t = 0, 1, 2: the gradients the steps used)
 *   Hg       = -(g_2 - g_1) / lr_1 + m_1 (g_1 - g_0) / lr_0
 *   corrected = sum |g_1| / sum |Hg|
 * </pre>
 * (learning rates with the group multiplier). Without momentum it equals the plain estimate and needs no earlier
 * snapshot; under momentum the first window, which has none, gets NaN. It is NaN too for Nesterov momentum, Adam
 * and decoupled weight decay, whose updates it does not model. The monitor keeps up to two snapshots from before
 * each window (under momentum), so up to four copies of the weights are alive at once. Close the monitor to free
 * its snapshots early; they also go with the model.
 */
public final class HessianFreeMonitor implements TrainingRunListener, AutoCloseable {

    private final Block block;
    private final ScheduledOptimizer optimizer;
    private final ParameterGroups groups;
    private final boolean heavyBall;
    private final int every;
    private final double decay;
    private final double initialAverage;
    private final HessianFreeEstimate global;
    private final Map<String, HessianFreeEstimate> layers = new LinkedHashMap<>();
    private final List<HessianFreeRecord> records = new ArrayList<>();
    private final List<Consumer<HessianFreeRecord>> listeners = new ArrayList<>();

    /** Snapshots from the two steps before the next window, oldest first. */
    private final List<Snapshot> before = new ArrayList<>();
    private Snapshot first;
    private Snapshot second;
    private int phase;

    /** The weights after one optimizer step, with that step's base learning rate and momentum. */
    private record Snapshot(long step, double rate, double momentum, NDManager scope, Map<String, NDArray> weights) {
        void close() {
            scope.close();
        }
    }

    private HessianFreeMonitor(Block block, ScheduledOptimizer optimizer, int every, double decay,
            double initialAverage) {
        this.block = block;
        this.optimizer = optimizer;
        this.groups = optimizer.groups();
        this.heavyBall = optimizer.family() == OptimizerFamily.SGD
                && !(optimizer instanceof ScheduledSgd sgd && sgd.nesterov())
                && (optimizer.weightDecay() == 0 || optimizer.weightDecayMode() == WeightDecayMode.L2);
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
     * @return a monitor with decay 0.9 and initial average 0.1
     * @throws IllegalArgumentException if {@code k < 1} or an argument is null
     */
    public static HessianFreeMonitor every(int k, Block block, ScheduledOptimizer optimizer) {
        return every(k, block, optimizer, 0.9, 0.1);
    }

    /**
     * As {@link #every(int, Block, ScheduledOptimizer)}, with another moving average (see
     * {@link HessianFreeEstimate}).
     *
     * @param k steps between the starts of two estimates, {@code >= 1} (an estimate spans 3 snapshots, so
     *     {@code k < 3} estimates every third step)
     * @param block the block being trained (initialized)
     * @param optimizer the optimizer training it, for the learning-rate multipliers of its groups
     * @param decay weight of the past in the moving average, in {@code [0, 1)}
     * @param initialAverage the average before any estimate, finite
     * @return a monitor with this moving average
     * @throws IllegalArgumentException if {@code k < 1}, an argument is null, {@code decay} is not in
     *     {@code [0, 1)} or {@code initialAverage} is not finite
     */
    public static HessianFreeMonitor every(int k, Block block, ScheduledOptimizer optimizer, double decay,
            double initialAverage) {
        Checks.positive("k", k);
        Checks.notNull("block", block);
        Checks.notNull("optimizer", optimizer);
        new HessianFreeEstimate(decay, initialAverage); // checks the arguments
        return new HessianFreeMonitor(block, optimizer, k, decay, initialAverage);
    }

    /**
     * Calls {@code listener} with each new record, on the training thread.
     *
     * @param listener called with each record after it is stored, not null
     * @return this monitor
     * @throws IllegalArgumentException if {@code listener} is null
     */
    public HessianFreeMonitor addListener(Consumer<HessianFreeRecord> listener) {
        listeners.add(Checks.notNull("listener", listener));
        return this;
    }

    /**
     * Every estimate so far, oldest first.
     *
     * @return an unmodifiable view of the records, which grows as the monitor estimates
     */
    public List<HessianFreeRecord> records() {
        return Collections.unmodifiableList(records);
    }

    /**
     * The global moving average now.
     *
     * @return the moving average of the global estimates, the initial average before any estimate
     */
    public double average() {
        return global.average();
    }

    @Override
    public void onStep(long epoch, StepResult step) {
        observe(step.step(), step.learningRate(), step.momentum());
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
     * rate {@code learningRate}; its momentum is read from the optimizer's last applied values (NaN, and no
     * corrected estimate, if they are not this step's).
     *
     * @param step the 0-based optimizer step just applied
     * @param learningRate the base learning rate that step applied (before group multipliers)
     */
    public void observe(long step, double learningRate) {
        double momentum = optimizer.lastApplied().filter(values -> values.step() == step)
                .map(values -> values.momentum()).orElse(Double.NaN);
        observe(step, learningRate, momentum);
    }

    /**
     * Tells the monitor that optimizer step {@code step} (0-based) has just been applied with base learning
     * rate {@code learningRate} and momentum {@code momentum} (SGD's; ignored for other optimizers).
     *
     * @param step the 0-based optimizer step just applied
     * @param learningRate the base learning rate that step applied (before group multipliers)
     * @param momentum the momentum that step applied, NaN if unknown
     */
    public void observe(long step, double learningRate, double momentum) {
        switch (phase) {
            case 0 -> {
                long untilStart = untilStart(step);
                if (untilStart == 0) {
                    first = snapshot(step, learningRate, momentum);
                    phase = 1;
                } else if (untilStart <= 2 && heavyBall) {
                    keepBefore(snapshot(step, learningRate, momentum));
                }
            }
            case 1 -> {
                second = snapshot(step, learningRate, momentum);
                phase = 2;
            }
            default -> {
                long next = step + 1 + untilStart(step + 1);
                try {
                    if (first.rate() > 0 && second.rate() > 0 && learningRate > 0) {
                        record(step, learningRate, momentum);
                    }
                } finally {
                    dropBefore();
                    first.close();
                    first = null;
                    if (heavyBall && next == step + 1) {
                        before.add(second);
                    } else {
                        second.close();
                    }
                    second = null;
                    phase = 0;
                }
                if (heavyBall && next - step <= 2) {
                    keepBefore(snapshot(step, learningRate, momentum));
                }
            }
        }
    }

    /** Steps from {@code step} to the next step that starts a window ({@code (s + 1) % every == 0}). */
    private long untilStart(long step) {
        return (every - (step + 1) % every) % every;
    }

    /** Keeps {@code snapshot} as one of the two before the next window, dropping older ones. */
    private void keepBefore(Snapshot snapshot) {
        before.add(snapshot);
        while (before.size() > 2) {
            before.remove(0).close();
        }
    }

    private void dropBefore() {
        before.forEach(Snapshot::close);
        before.clear();
    }

    private Snapshot snapshot(long step, double rate, double momentum) {
        NDManager owner = null;
        for (Pair<String, Parameter> pair : block.getParameters()) {
            owner = pair.getValue().getArray().getManager();
            break;
        }
        if (owner == null) {
            throw new IllegalStateException("the block has no parameters to watch");
        }
        NDManager scope = owner.newSubManager();
        scope.setName("lrkit-hessian-free-snapshot");
        Map<String, NDArray> copies = new LinkedHashMap<>();
        for (Pair<String, Parameter> pair : block.getParameters()) {
            Parameter parameter = pair.getValue();
            if (parameter.requiresGradient()) {
                NDArray copy = parameter.getArray().duplicate();
                copy.attach(scope);
                copies.put(pair.getKey(), copy);
            }
        }
        return new Snapshot(step, rate, momentum, scope, copies);
    }

    private void record(long step, double secondRate, double lastMomentum) {
        double firstRate = second.rate();
        double m1 = second.momentum();
        boolean earlier = before.size() == 2 && before.get(0).step() == first.step() - 2
                && before.get(1).step() == first.step() - 1;
        boolean correctable = heavyBall && Double.isFinite(m1) && Double.isFinite(lastMomentum)
                && (m1 == 0 || earlier && Double.isFinite(first.momentum()));
        double globalFirst = 0;
        double globalGradient = 0;
        double correctedGradient = 0;
        double correctedHessian = 0;
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (Pair<String, Parameter> pair : block.getParameters()) {
            String name = pair.getKey();
            Parameter parameter = pair.getValue();
            NDArray w1 = first.weights().get(name);
            NDArray w2 = second.weights().get(name);
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
            if (correctable) {
                NDArray before1 = m1 == 0 ? null : before.get(0).weights().get(name);
                NDArray before2 = m1 == 0 ? null : before.get(1).weights().get(name);
                double[] rates = {before.isEmpty() ? Double.NaN : before.get(before.size() - 1).rate(),
                        first.rate(), firstRate, secondRate};
                for (int i = 0; i < rates.length; i++) {
                    rates[i] *= multiplier;
                }
                double[] corrected = correctedSums(new NDArray[] {before1, before2, w1, w2, parameter.getArray()},
                        rates, new double[] {Double.NaN, first.momentum(), m1, lastMomentum});
                correctedGradient += corrected[0];
                correctedHessian += corrected[1];
            }
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
                globalFirst, globalGradient, estimates, heavyBall ? m1 : Double.NaN,
                correctable ? MomentumCorrectedEstimate.fromSums(correctedGradient, correctedHessian) : Double.NaN);
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

    /**
     * {@code [sum|g_1|, sum|H g_1|]} of {@link MomentumCorrectedEstimate} in double precision, from the snapshots
     * {@code w_{-1}, w_0, w_1, w_2, w_3} (the first two null when {@code m_1 = 0}), the rates
     * {@code lr_{-1}, lr_0, lr_1, lr_2} and the momenta {@code m_{-1}} (unused), {@code m_0, m_1, m_2}.
     */
    private static double[] correctedSums(NDArray[] w, double[] lr, double[] m) {
        try (NDManager temporary = w[2].getManager().newSubManager()) {
            NDArray[] x = new NDArray[5];
            for (int i = 0; i < 5; i++) {
                if (w[i] != null) {
                    x[i] = w[i].toType(DataType.FLOAT64, true);
                    x[i].attach(temporary);
                }
            }
            NDArray a1 = x[3].sub(x[2]).divi(lr[2]);
            NDArray a2 = x[4].sub(x[3]).divi(lr[3]);
            NDArray g2 = a1.mul(m[3]).subi(a2);
            NDArray g1;
            NDArray hessianGradient;
            if (m[2] == 0) {
                g1 = a1.neg();
                hessianGradient = g2.sub(g1).divi(-lr[2]);
            } else {
                NDArray a0 = x[2].sub(x[1]).divi(lr[1]);
                NDArray before = x[1].sub(x[0]).divi(lr[0]);
                g1 = a0.mul(m[2]).subi(a1);
                NDArray g0 = before.mul(m[1]).subi(a0);
                hessianGradient = g2.sub(g1).divi(-lr[2]).addi(g1.sub(g0).muli(m[2] / lr[1]));
            }
            return new double[] {g1.abs().sum().getDouble(), hessianGradient.abs().sum().getDouble()};
        }
    }

    /** The layer of a parameter: its name up to the last {@code _} ({@code 01Conv2d_weight} to {@code 01Conv2d}). */
    static String layerOf(String parameterName) {
        int cut = parameterName.lastIndexOf('_');
        return cut > 0 ? parameterName.substring(0, cut) : parameterName;
    }

    private void release() {
        dropBefore();
        if (first != null) {
            first.close();
            first = null;
        }
        if (second != null) {
            second.close();
            second = null;
        }
    }

    /** Frees the snapshots; a window in progress is dropped and the next one starts afresh. */
    @Override
    public void close() {
        release();
        phase = 0;
    }
}

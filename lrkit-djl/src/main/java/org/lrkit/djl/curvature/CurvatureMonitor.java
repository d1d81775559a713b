package org.lrkit.djl.curvature;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.lrkit.Checks;
import org.lrkit.djl.train.StepResult;
import org.lrkit.djl.train.TrainingRunListener;

/**
 * Runs a {@link CurvatureProbe} on a fixed batch every {@code k} steps of training and keeps the results: the
 * best step along the gradient over time, beside the {@link HessianFreeMonitor}'s estimate. The model is put
 * back exactly after each probe, so training is not disturbed.
 *
 * <pre>{@code
 * CurvatureMonitor curvature = CurvatureMonitor.every(50, model, loss, probe.getData(), probe.getLabels());
 * TrainingRun.builder(model, optimizer)...listener(curvature).build().run();
 * }</pre>
 */
public final class CurvatureMonitor implements TrainingRunListener {

    /**
     * One probe.
     *
     * @param step the optimizer step after which it ran
     * @param learningRate that step's base learning rate
     * @param estimate the probe's result
     */
    public record Record(long step, double learningRate, CurvatureEstimate estimate) {
    }

    private final int every;
    private final Model model;
    private final Loss loss;
    private final NDList data;
    private final NDList labels;
    private final double relativeStep;
    private final List<Record> records = new ArrayList<>();
    private final List<Consumer<Record>> listeners = new ArrayList<>();

    private CurvatureMonitor(int every, Model model, Loss loss, NDList data, NDList labels, double relativeStep) {
        this.every = every;
        this.model = model;
        this.loss = loss;
        this.data = data;
        this.labels = labels;
        this.relativeStep = relativeStep;
    }

    /**
     * A monitor probing after every {@code k}-th step on the batch {@code (data, labels)}, which must stay open
     * for the monitor's life.
     *
     * @param k optimizer steps between two probes, {@code >= 1}; the probe runs after steps
     *     {@code k - 1, 2k - 1, ...} (0-based)
     * @param model the model being trained (initialized), whose weights the probe reads
     * @param loss the training loss
     * @param data the probe batch's inputs, on the model's device
     * @param labels the probe batch's labels, on the model's device
     * @return a monitor to add to the run as a listener
     * @throws IllegalArgumentException if {@code k < 1} or an argument is null
     */
    public static CurvatureMonitor every(int k, Model model, Loss loss, NDList data, NDList labels) {
        Checks.positive("k", k);
        return new CurvatureMonitor(k, Checks.notNull("model", model), Checks.notNull("loss", loss),
                Checks.notNull("data", data), Checks.notNull("labels", labels), CurvatureProbe.DEFAULT_RELATIVE_STEP);
    }

    /**
     * A monitor that probes only when asked ({@link #probe}), for a caller with its own cadence (such as a
     * probe next to each Hessian-free estimate). The batch must stay open for the monitor's life.
     *
     * @param model the model being trained (initialized), whose weights the probe reads
     * @param loss the training loss
     * @param data the probe batch's inputs, on the model's device
     * @param labels the probe batch's labels, on the model's device
     * @return a monitor that probes only in {@link #probe}
     * @throws IllegalArgumentException if an argument is null
     */
    public static CurvatureMonitor onDemand(Model model, Loss loss, NDList data, NDList labels) {
        return new CurvatureMonitor(0, Checks.notNull("model", model), Checks.notNull("loss", loss),
                Checks.notNull("data", data), Checks.notNull("labels", labels), CurvatureProbe.DEFAULT_RELATIVE_STEP);
    }

    /**
     * Calls {@code listener} with each new record, on the training thread.
     *
     * @param listener called with each record after it is stored, not null
     * @return this monitor
     * @throws IllegalArgumentException if {@code listener} is null
     */
    public CurvatureMonitor addListener(Consumer<Record> listener) {
        listeners.add(Checks.notNull("listener", listener));
        return this;
    }

    /**
     * Every probe so far, oldest first.
     *
     * @return an unmodifiable view of the records, which grows as the monitor probes
     */
    public List<Record> records() {
        return Collections.unmodifiableList(records);
    }

    @Override
    public void onStep(long epoch, StepResult step) {
        if (every > 0 && (step.step() + 1) % every == 0) {
            probe(step.step(), step.learningRate());
        }
    }

    /**
     * Probes now, after optimizer step {@code step} applied with base learning rate {@code learningRate}, and
     * records the result (the probe's randomness is seeded by the step, so a rerun probes alike).
     *
     * @param step the 0-based optimizer step just applied, recorded with the result and used as seed
     * @param learningRate the base learning rate that step applied, recorded with the result
     * @return the new record, also added to {@link #records()} and sent to the listeners
     */
    public Record probe(long step, double learningRate) {
        int seed = (int) (step & Integer.MAX_VALUE);
        Record record = new Record(step, learningRate,
                CurvatureProbe.measure(model, loss, data, labels, relativeStep, seed));
        records.add(record);
        for (Consumer<Record> listener : listeners) {
            listener.accept(record);
        }
        return record;
    }
}

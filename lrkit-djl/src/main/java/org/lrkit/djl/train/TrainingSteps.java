package org.lrkit.djl.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.lrkit.Checks;
import org.lrkit.djl.optim.AppliedValues;
import org.lrkit.djl.optim.Gradients;
import org.lrkit.djl.optim.ScheduledOptimizer;

/**
 * Plain optimizer steps: forward, loss, backward and update on one batch at a time, with the loss, learning
 * rate and momentum of each step reported. {@link TrainingRun} is built on it; tools that drive training
 * themselves (an LR range test) use it directly.
 *
 * <pre>{@code
 * TrainingSteps steps = new TrainingSteps(trainer, optimizer);
 * List<StepResult> results = steps.run(trainer.iterateDataset(data), 100,
 *         r -> System.out.println(r.step() + " " + r.loss() + " " + r.learningRate()));
 * }</pre>
 *
 * <p>The trainer must have been built with {@code optimizer} and must train on one device. A step whose
 * loss is NaN or infinite is not applied: its gradients are discarded and a {@link DivergenceException} is
 * thrown, leaving the model at its last finite-loss weights.
 */
public final class TrainingSteps {

    private final Trainer trainer;
    private final ScheduledOptimizer optimizer;

    /**
     * @param trainer a trainer built with {@code optimizer}, on one device
     * @param optimizer the trainer's optimizer
     */
    public TrainingSteps(Trainer trainer, ScheduledOptimizer optimizer) {
        this.trainer = Checks.notNull("trainer", trainer);
        this.optimizer = Checks.notNull("optimizer", optimizer);
        if (trainer.getDevices().length != 1) {
            throw new IllegalArgumentException("TrainingSteps trains on one device, but the trainer has "
                    + trainer.getDevices().length + "; build it with optDevices(new Device[] {device})");
        }
    }

    /**
     * One optimizer step on {@code batch} (which the caller closes).
     *
     * @throws DivergenceException if the batch's loss is NaN or infinite (the update is not applied)
     */
    public StepResult step(Batch batch) {
        Checks.notNull("batch", batch);
        long step = optimizer.step();
        Batch onDevice = batch.split(trainer.getDevices(), false)[0];
        NDList data = onDevice.getData();
        NDList labels = onDevice.getLabels();
        double loss;
        try (GradientCollector collector = trainer.newGradientCollector()) {
            NDList predictions = trainer.forward(data, labels);
            NDArray lossArray = trainer.getLoss().evaluate(labels, predictions);
            collector.backward(lossArray);
            loss = lossArray.getFloat();
        }
        if (!Double.isFinite(loss)) {
            discardGradients();
            throw new DivergenceException(step, optimizer.policy().learningRate().valueAt(step), loss);
        }
        trainer.step();
        AppliedValues applied = optimizer.lastApplied().orElseThrow(() -> new IllegalStateException(
                "the trainer's step did not reach the optimizer; build the trainer with this optimizer "
                        + "(new DefaultTrainingConfig(loss).optOptimizer(optimizer))"));
        if (applied.step() != step) {
            throw new IllegalStateException("the optimizer applied step " + applied.step() + " but step " + step
                    + " was expected; is the optimizer shared with another trainer?");
        }
        return new StepResult(step, loss, applied.learningRate(), applied.momentum());
    }

    /**
     * Up to {@code count} steps on the batches of {@code batches} (each closed after its step), calling
     * {@code callback} after each.
     *
     * @return the steps made, fewer than {@code count} if the batches run out
     */
    public List<StepResult> run(Iterable<Batch> batches, long count, Consumer<StepResult> callback) {
        Checks.notNull("batches", batches);
        Checks.nonNegative("count", count);
        Checks.notNull("callback", callback);
        List<StepResult> results = new ArrayList<>();
        Iterator<Batch> iterator = batches.iterator();
        while (results.size() < count && iterator.hasNext()) {
            try (Batch batch = iterator.next()) {
                StepResult result = step(batch);
                results.add(result);
                callback.accept(result);
            }
        }
        return results;
    }

    private void discardGradients() {
        for (Pair<String, Parameter> pair : trainer.getModel().getBlock().getParameters()) {
            Parameter parameter = pair.getValue();
            if (parameter.requiresGradient() && parameter.isInitialized()) {
                Gradients.zero(parameter.getArray());
            }
        }
    }
}

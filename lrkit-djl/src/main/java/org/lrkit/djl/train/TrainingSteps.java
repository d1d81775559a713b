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
import java.util.NoSuchElementException;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.lrkit.Checks;
import org.lrkit.djl.optim.AppliedValues;
import org.lrkit.djl.optim.Gradients;
import org.lrkit.djl.optim.ScheduledOptimizer;

/**
 * Plain optimizer steps: forward, loss, backward and update on one batch at a time (or on several, whose
 * gradients are accumulated into one step), with the loss, learning rate and momentum of each step reported.
 * {@link TrainingRun} is built on it; tools that drive training themselves (an LR range test) use it directly.
 *
 * <pre>{@code
 * TrainingSteps steps = new TrainingSteps(trainer, optimizer).clippingGradientNorm(1.0);
 * List<StepResult> results = steps.run(trainer.iterateDataset(data), 100,
 *         r -> System.out.println(r.step() + " " + r.loss() + " " + r.learningRate()));
 * StepResult accumulated = steps.step(List.of(batchA, batchB));   // one step on the mean of two gradients
 * }</pre>
 *
 * <p>The trainer must have been built with {@code optimizer} and must train on one device. A step whose
 * loss is NaN or infinite is not applied: its gradients are discarded and a {@link DivergenceException} is
 * thrown, leaving the model at its last finite-loss weights.
 *
 * <p><b>Gradient clipping.</b> With {@link #clippingGradientNorm}, before each update the L2 norm of all
 * trainable gradients taken together is computed, and if it exceeds the limit every gradient is multiplied by
 * {@code maxNorm / (norm + 1e-6)}, as PyTorch's {@code clip_grad_norm_} does. A non-finite norm is left as
 * it is. Without it (the default) the gradients are not touched.
 */
public final class TrainingSteps {

    /** What PyTorch's {@code clip_grad_norm_} adds to the norm before dividing by it. */
    static final double CLIP_EPSILON = 1e-6;

    private final Trainer trainer;
    private final ScheduledOptimizer optimizer;
    private final double maxGradientNorm;

    /**
     * @param trainer a trainer built with {@code optimizer}, on one device
     * @param optimizer the trainer's optimizer
     */
    public TrainingSteps(Trainer trainer, ScheduledOptimizer optimizer) {
        this(trainer, optimizer, Double.NaN);
    }

    private TrainingSteps(Trainer trainer, ScheduledOptimizer optimizer, double maxGradientNorm) {
        this.trainer = Checks.notNull("trainer", trainer);
        this.optimizer = Checks.notNull("optimizer", optimizer);
        if (trainer.getDevices().length != 1) {
            throw new IllegalArgumentException("TrainingSteps trains on one device, but the trainer has "
                    + trainer.getDevices().length + "; build it with optDevices(new Device[] {device})");
        }
        this.maxGradientNorm = maxGradientNorm;
    }

    /**
     * These steps with the gradients clipped to a global L2 norm of at most {@code maxNorm} before each update
     * (see the class comment).
     *
     * @param maxNorm the largest norm of all trainable gradients together, finite and {@code > 0}, e.g. 1.0
     * @return new steps on the same trainer and optimizer
     */
    public TrainingSteps clippingGradientNorm(double maxNorm) {
        checkMaxNorm(maxNorm);
        return new TrainingSteps(trainer, optimizer, maxNorm);
    }

    /**
     * The gradient-norm limit, empty when gradients are not clipped.
     *
     * @return the largest global L2 norm of the gradients, or empty for no clipping
     */
    public OptionalDouble maxGradientNorm() {
        return Double.isNaN(maxGradientNorm) ? OptionalDouble.empty() : OptionalDouble.of(maxGradientNorm);
    }

    static double checkMaxNorm(double maxNorm) {
        if (!(maxNorm > 0) || Double.isInfinite(maxNorm)) {
            throw new IllegalArgumentException("maxNorm (gradient clipping) must be a finite number > 0, got "
                    + maxNorm + "; give the largest global L2 norm of the gradients, e.g. 1.0");
        }
        return maxNorm;
    }

    /**
     * One optimizer step on {@code batch} (which the caller closes).
     *
     * @param batch the batch to train on, not null
     * @return the step's index, loss, learning rate and momentum
     * @throws IllegalArgumentException if {@code batch} is null
     * @throws IllegalStateException if the trainer's step did not reach this optimizer, or the optimizer applied
     *     another step than expected (is it shared with another trainer?)
     * @throws DivergenceException if the batch's loss is NaN or infinite (the update is not applied)
     */
    public StepResult step(Batch batch) {
        Checks.notNull("batch", batch);
        return step(List.of(batch));
    }

    /**
     * One optimizer step on the mean gradient of {@code batches} (gradient accumulation; the caller closes
     * them): the gradients of each batch's loss are summed over the batches, divided by their number, clipped
     * if asked, and applied in one update. The step's loss is the mean of the batches' losses. With equal
     * batch sizes and a mean loss this is the step of one batch holding all their examples.
     *
     * @param batches one or more batches, none null
     * @return the step's index, its loss (the mean over the batches), learning rate and momentum
     * @throws IllegalArgumentException if {@code batches} is null, empty or holds a null batch
     * @throws IllegalStateException if the trainer's step did not reach this optimizer, or the optimizer applied
     *     another step than expected (is it shared with another trainer?)
     * @throws DivergenceException if a batch's loss is NaN or infinite (the update is not applied)
     */
    public StepResult step(List<Batch> batches) {
        Checks.notNull("batches", batches);
        if (batches.isEmpty()) {
            throw new IllegalArgumentException("batches must hold at least one batch, got none");
        }
        for (int i = 0; i < batches.size(); i++) {
            Checks.notNull("batches[" + i + "]", batches.get(i));
        }
        Iterator<Batch> iterator = batches.iterator();
        return accumulate(iterator, batches.size(), index -> { }, false).result();
    }

    /**
     * One optimizer step on up to {@code count} batches from {@code batches}, each closed after its backward
     * pass, {@code beforeBatch} called with the batch's index in the step (0-based) before its forward pass.
     */
    Accumulated accumulate(Iterator<Batch> batches, int count, IntConsumer beforeBatch, boolean close) {
        if (!batches.hasNext()) {
            throw new NoSuchElementException("no batch is left for step " + optimizer.step());
        }
        long step = optimizer.step();
        double lossSum = 0;
        int used = 0;
        while (used < count && batches.hasNext()) {
            Batch batch = batches.next();
            try {
                beforeBatch.accept(used);
                double loss = backward(batch);
                if (!Double.isFinite(loss)) {
                    discardGradients();
                    throw new DivergenceException(step, optimizer.policy().learningRate().valueAt(step), loss);
                }
                lossSum += loss;
                used++;
            } finally {
                if (close) {
                    batch.close();
                }
            }
        }
        if (used > 1) {
            scaleGradients(1.0 / used);
        }
        if (!Double.isNaN(maxGradientNorm)) {
            clip();
        }
        trainer.step();
        AppliedValues applied = optimizer.lastApplied().orElseThrow(() -> new IllegalStateException(
                "the trainer's step did not reach the optimizer; build the trainer with this optimizer "
                        + "(new DefaultTrainingConfig(loss).optOptimizer(optimizer))"));
        if (applied.step() != step) {
            throw new IllegalStateException("the optimizer applied step " + applied.step() + " but step " + step
                    + " was expected; is the optimizer shared with another trainer?");
        }
        double loss = used == 1 ? lossSum : lossSum / used;
        return new Accumulated(new StepResult(step, loss, applied.learningRate(), applied.momentum()), used);
    }

    /** Forward and backward on one batch, adding its gradients to those there are; returns its loss. */
    private double backward(Batch batch) {
        Batch onDevice = batch.split(trainer.getDevices(), false)[0];
        NDList data = onDevice.getData();
        NDList labels = onDevice.getLabels();
        try (GradientCollector collector = trainer.newGradientCollector()) {
            NDList predictions = trainer.forward(data, labels);
            NDArray lossArray = trainer.getLoss().evaluate(labels, predictions);
            collector.backward(lossArray);
            return lossArray.getFloat();
        }
    }

    /**
     * Up to {@code count} steps on the batches of {@code batches} (each closed after its step), calling
     * {@code callback} after each.
     *
     * @param batches the batches, one per step, not null
     * @param count the most optimizer steps to make, {@code >= 0}
     * @param callback called with each step's result after the step, on this thread; not null
     * @return the steps made, fewer than {@code count} if the batches run out
     * @throws IllegalArgumentException if an argument is null or {@code count < 0}
     * @throws DivergenceException if a batch's loss is NaN or infinite (that update is not applied)
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

    /** The global L2 norm of the trainable gradients, clipped to the limit as PyTorch does. */
    private void clip() {
        double squares = 0;
        for (Parameter parameter : trainable()) {
            squares += Gradients.squaredNorm(parameter.getArray());
        }
        double norm = Math.sqrt(squares);
        if (Double.isFinite(norm) && norm > maxGradientNorm) {
            scaleGradients(maxGradientNorm / (norm + CLIP_EPSILON));
        }
    }

    private void scaleGradients(double factor) {
        for (Parameter parameter : trainable()) {
            Gradients.scale(parameter.getArray(), factor);
        }
    }

    private void discardGradients() {
        for (Parameter parameter : trainable()) {
            Gradients.zero(parameter.getArray());
        }
    }

    private List<Parameter> trainable() {
        List<Parameter> parameters = new ArrayList<>();
        for (Pair<String, Parameter> pair : trainer.getModel().getBlock().getParameters()) {
            Parameter parameter = pair.getValue();
            if (parameter.requiresGradient() && parameter.isInitialized()) {
                parameters.add(parameter);
            }
        }
        return parameters;
    }

    /** A step and the number of batches it took. */
    record Accumulated(StepResult result, int batches) {
    }
}

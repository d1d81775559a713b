package org.lrkit.djl.integration;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.lrkit.Checks;
import org.lrkit.djl.optim.AppliedValues;
import org.lrkit.djl.optim.ScheduledOptimizer;
import org.lrkit.djl.train.CycleEnd;
import org.lrkit.djl.train.EpochResult;
import org.lrkit.djl.train.Evaluation;
import org.lrkit.djl.train.EvaluationResult;
import org.lrkit.djl.train.RunStart;
import org.lrkit.djl.train.StepResult;
import org.lrkit.djl.train.TrainingRunListener;
import org.lrkit.djl.train.TrainingSummary;
import org.lrkit.schedule.CycleStructure;
import org.lrkit.schedule.Policy;

/**
 * A DJL {@link TrainingListener} that feeds lrkit {@link TrainingRunListener}s ({@code HessianFreeMonitor},
 * {@code SnapshotSaver}, the run layer's {@code MetricsWriter}, a {@code ConsoleProgressBar}, your own) from
 * DJL's {@code EasyTrain.fit} loop, so they work outside lrkit's {@code TrainingRun}.
 *
 * <pre>{@code
 * ScheduledSgd sgd = ScheduledSgd.builder(policy).momentum(0.9).build();
 * HessianFreeMonitor monitor = HessianFreeMonitor.every(10, model.getBlock(), sgd);
 * RunListenerBridge bridge = RunListenerBridge.builder(sgd).listener(monitor).plannedSteps(4_690).build();
 * DefaultTrainingConfig config = new DefaultTrainingConfig(loss).optOptimizer(sgd).addTrainingListeners(bridge);
 * try (Trainer trainer = model.newTrainer(config)) {
 *     trainer.initialize(new Shape(1, 784));
 *     EasyTrain.fit(trainer, 10, trainSet, validationSet);
 * }   // closing the trainer ends the run: onEnd
 * }</pre>
 *
 * <p><b>Events.</b> DJL's {@code onTrainingBegin} (sent when the trainer is created) becomes {@link
 * TrainingRunListener#onStart}; with a {@link ScheduledOptimizer} the bridge first binds it to the model's
 * block ({@link ScheduledOptimizer#bind}), which DJL's trainer does not do. Each training batch becomes one
 * {@link TrainingRunListener#onStep} (then {@link TrainingRunListener#onCycleEnd} when the step ends a cycle of
 * the learning-rate schedule), the epoch's end {@link TrainingRunListener#onEpoch}, and {@code onTrainingEnd}
 * (sent when the trainer is closed) {@link TrainingRunListener#onEnd}. DJL reports no failures: call {@link
 * #failed} from your {@code catch} to send {@link TrainingRunListener#onFailure}.
 *
 * <p><b>When a step is reported.</b> DJL tells listeners about a batch after its forward and backward pass
 * but before {@code trainer.step()} applies it, while {@link StepResult} promises the values of an applied
 * step. So the bridge holds each step back and reports it when it has been applied: at the next batch, at the
 * epoch's end or at the end of training. Listeners then see the weights after the step, as in
 * {@code TrainingRun}.
 *
 * <p><b>The values.</b> A step's loss is the trainer's loss on the batch's predictions (the mean over devices).
 * Its learning rate and momentum (or beta1) are the ones the {@link ScheduledOptimizer} applied; for DJL's own
 * optimizers driven by a {@link ScheduleTracker} ({@link #builder(Policy)}) they are the policy's learning
 * rate at the step and the constant {@link Builder#momentum}. Steps are 0-based: the optimizer's step count,
 * or for a tracker {@link Builder#startStep} (DJL's {@code optBeginNumUpdate}) plus the batches seen. An
 * epoch's training loss is the mean of its steps' losses; its validation loss and top-1 accuracy come from
 * the validation batches DJL evaluated (NaN without validation data, accuracy NaN unless the predictions are
 * class scores {@code (batch, classes)}).
 *
 * <p>One trainer at a time, on the training thread; the bridge can be reused for another trainer after the
 * first is closed.
 */
public final class RunListenerBridge implements TrainingListener {

    private final ScheduledOptimizer optimizer;
    private final Policy policy;
    private final double momentum;
    private final long startStep;
    private final long plannedSteps;
    private final long stepsPerEpoch;
    private final List<TrainingRunListener> listeners;

    private boolean started;
    private long nextStep;
    private long epoch;
    private long epochsCompleted;
    private long startNanos;
    private Pending pending;
    private double epochLossSum;
    private long epochSteps;
    private double validationLossSum;
    private long validationExamples;
    private long validationCorrect;
    private boolean validationAccuracyKnown;
    private double lastLearningRate = Double.NaN;
    private EpochResult lastEpoch;
    private EvaluationResult lastEvaluation;

    private RunListenerBridge(Builder builder) {
        this.optimizer = builder.optimizer;
        this.policy = builder.policy;
        this.momentum = builder.momentum;
        this.startStep = builder.startStep;
        this.plannedSteps = builder.plannedSteps;
        this.stepsPerEpoch = builder.stepsPerEpoch;
        this.listeners = List.copyOf(builder.listeners);
    }

    /**
     * A bridge for a trainer built with lrkit's {@code optimizer} ({@code ScheduledSgd}, {@code ScheduledAdamW}):
     * it binds the optimizer when the trainer is created and reports the values the optimizer applied.
     *
     * <pre>{@code
     * RunListenerBridge bridge = RunListenerBridge.builder(sgd).listener(monitor).build();
     * }</pre>
     *
     * @param optimizer the lrkit optimizer the trainer is built with, not null
     * @return a builder; add at least one listener before {@link Builder#build}
     * @throws IllegalArgumentException if {@code optimizer} is null
     */
    public static Builder builder(ScheduledOptimizer optimizer) {
        Checks.notNull("optimizer", optimizer);
        return new Builder(optimizer, optimizer.policy());
    }

    /**
     * A bridge for a trainer built with one of DJL's own optimizers whose learning rate follows
     * {@code ScheduleTracker.of(policy.learningRate())}: the reported learning rate is the policy's at each
     * step, the momentum the policy's momentum schedule, else {@link Builder#momentum}.
     *
     * <pre>{@code
     * Policy policy = Policy.of(oneCycle);
     * Optimizer sgd = Optimizer.sgd().setLearningRateTracker(ScheduleTracker.of(oneCycle)).optMomentum(0.9f).build();
     * RunListenerBridge bridge = RunListenerBridge.builder(policy).momentum(0.9).listener(writer).build();
     * }</pre>
     *
     * @param policy the policy whose learning rate the DJL optimizer's {@link ScheduleTracker} follows, not null
     * @return a builder; add at least one listener before {@link Builder#build}
     * @throws IllegalArgumentException if {@code policy} is null
     */
    public static Builder builder(Policy policy) {
        return new Builder(null, Checks.notNull("policy", policy));
    }

    /**
     * The lrkit listeners the events go to, in the order they receive them.
     *
     * @return the listeners, unmodifiable
     */
    public List<TrainingRunListener> listeners() {
        return listeners;
    }

    /**
     * The 0-based index of the next step to report.
     *
     * @return the steps reported so far, plus the start step
     */
    public synchronized long nextStep() {
        return nextStep;
    }

    /**
     * Sends {@link TrainingRunListener#onFailure} with {@code error} to every listener (DJL has no failure
     * event); call it from the {@code catch} around {@code EasyTrain.fit}. Steps not yet reported are dropped.
     *
     * <pre>{@code
     * try { EasyTrain.fit(trainer, 10, train, validation); } catch (Exception e) { bridge.failed(e); throw e; }
     * }</pre>
     *
     * @param error what ended the training, not null
     * @throws IllegalArgumentException if {@code error} is null
     */
    public synchronized void failed(Throwable error) {
        Checks.notNull("error", error);
        pending = null;
        started = false;
        announce(listener -> listener.onFailure(error));
    }

    /** {@inheritDoc} Binds a {@link ScheduledOptimizer} to the model's block and sends {@code onStart}. */
    @Override
    public synchronized void onTrainingBegin(Trainer trainer) {
        if (optimizer != null) {
            optimizer.bind(trainer.getModel().getBlock());
        }
        started = true;
        nextStep = optimizer != null ? optimizer.step() : startStep;
        epoch = 0;
        epochsCompleted = 0;
        pending = null;
        lastEpoch = null;
        lastEvaluation = null;
        lastLearningRate = Double.NaN;
        startNanos = System.nanoTime();
        resetEpoch();
        RunStart start = new RunStart(nextStep, plannedSteps, stepsPerEpoch, currentPolicy());
        announce(listener -> listener.onStart(start));
    }

    /** {@inheritDoc} Reports the previous step (now applied) and holds this batch's step until it is. */
    @Override
    public synchronized void onTrainingBatch(Trainer trainer, BatchData batchData) {
        checkStarted();
        flush();
        double loss = meanLoss(trainer, batchData);
        pending = new Pending(optimizer != null ? optimizer.step() : nextStep, loss);
    }

    /** {@inheritDoc} Adds the batch to the epoch's validation loss and accuracy. */
    @Override
    public synchronized void onValidationBatch(Trainer trainer, BatchData batchData) {
        checkStarted();
        flush();
        for (Map.Entry<Device, NDList> entry : batchData.getPredictions().entrySet()) {
            NDList predictions = entry.getValue();
            NDList labels = batchData.getLabels().get(entry.getKey());
            if (labels == null) {
                continue;
            }
            long size = predictions.head().getShape().get(0);
            try (NDArray lossArray = trainer.getLoss().evaluate(labels, predictions)) {
                validationLossSum += lossArray.getFloat() * size;
            }
            validationExamples += size;
            NDArray scores = predictions.head();
            if (scores.getShape().dimension() == 2 && labels.head().size() == size) {
                validationCorrect += Evaluation.countCorrect(scores, labels.head());
            } else {
                validationAccuracyKnown = false;
            }
        }
    }

    /** {@inheritDoc} Reports the epoch's last step and sends {@code onEpoch}. */
    @Override
    public synchronized void onEpoch(Trainer trainer) {
        checkStarted();
        flush();
        boolean validated = validationExamples > 0;
        EpochResult result = new EpochResult(epoch, nextStep, epochSteps > 0 ? epochLossSum / epochSteps : Double.NaN,
                validated ? validationLossSum / validationExamples : Double.NaN,
                validated && validationAccuracyKnown ? (double) validationCorrect / validationExamples : Double.NaN,
                lastLearningRate, seconds());
        lastEpoch = result;
        lastEvaluation = validated ? new EvaluationResult(result.validationLoss(), result.validationAccuracy(),
                validationExamples) : null;
        epoch++;
        epochsCompleted++;
        resetEpoch();
        announce(listener -> listener.onEpoch(result));
    }

    /** {@inheritDoc} Reports the last step and sends {@code onEnd}. */
    @Override
    public synchronized void onTrainingEnd(Trainer trainer) {
        if (!started) {
            return;
        }
        flush();
        started = false;
        Optional<EvaluationResult> evaluation = Optional.ofNullable(lastEvaluation)
                .filter(last -> lastEpoch.step() == nextStep);
        TrainingSummary summary = new TrainingSummary(nextStep, epochsCompleted, seconds(),
                Optional.ofNullable(lastEpoch), evaluation, currentPolicy(), Optional.empty());
        announce(listener -> listener.onEnd(summary));
    }

    private void flush() {
        if (pending == null) {
            return;
        }
        Pending step = pending;
        pending = null;
        double learningRate;
        double appliedMomentum;
        if (optimizer != null) {
            AppliedValues applied = optimizer.lastApplied().orElse(null);
            if (applied == null || applied.step() != step.step()) {
                throw new IllegalStateException("the optimizer did not apply step " + step.step()
                        + " after its batch; call trainer.step() after each EasyTrain.trainBatch, with the trainer "
                        + "built on this optimizer");
            }
            learningRate = applied.learningRate();
            appliedMomentum = applied.momentum();
        } else {
            learningRate = policy.learningRate().valueAt(step.step());
            appliedMomentum = policy.momentum().or(policy::beta1).map(s -> s.valueAt(step.step())).orElse(momentum);
        }
        StepResult result = new StepResult(step.step(), step.loss(), learningRate, appliedMomentum);
        nextStep = step.step() + 1;
        lastLearningRate = learningRate;
        if (Double.isFinite(step.loss())) {
            epochLossSum += step.loss();
            epochSteps++;
        }
        long stepEpoch = epoch;
        announce(listener -> listener.onStep(stepEpoch, result));
        Optional<CycleStructure> cycles = currentPolicy().learningRate().cycles();
        if (cycles.isPresent() && cycles.get().isCycleEnd(result.step())) {
            CycleEnd end = new CycleEnd(result.step(), cycles.get().positionAt(result.step()).cycle());
            announce(listener -> listener.onCycleEnd(end));
        }
    }

    private static double meanLoss(Trainer trainer, BatchData batchData) {
        double sum = 0;
        int devices = 0;
        for (Map.Entry<Device, NDList> entry : batchData.getPredictions().entrySet()) {
            NDList labels = batchData.getLabels().get(entry.getKey());
            if (labels == null) {
                continue;
            }
            try (NDArray lossArray = trainer.getLoss().evaluate(labels, entry.getValue())) {
                sum += lossArray.getFloat();
            }
            devices++;
        }
        return devices == 0 ? Double.NaN : sum / devices;
    }

    private Policy currentPolicy() {
        return optimizer != null ? optimizer.policy() : policy;
    }

    private void checkStarted() {
        if (!started) {
            throw new IllegalStateException("RunListenerBridge received a batch before onTrainingBegin; add it to the "
                    + "training config (addTrainingListeners) before creating the trainer");
        }
    }

    private void resetEpoch() {
        epochLossSum = 0;
        epochSteps = 0;
        validationLossSum = 0;
        validationExamples = 0;
        validationCorrect = 0;
        validationAccuracyKnown = true;
    }

    private double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private void announce(Consumer<TrainingRunListener> event) {
        for (TrainingRunListener listener : listeners) {
            event.accept(listener);
        }
    }

    /** A step seen by DJL (forward and backward done), not yet applied. */
    private record Pending(long step, double loss) {
    }

    /** Builds a {@link RunListenerBridge}; every setter checks its argument at once. */
    public static final class Builder {

        private final ScheduledOptimizer optimizer;
        private final Policy policy;
        private final List<TrainingRunListener> listeners = new ArrayList<>();
        private double momentum;
        private long startStep;
        private long plannedSteps = -1;
        private long stepsPerEpoch = -1;

        private Builder(ScheduledOptimizer optimizer, Policy policy) {
            this.optimizer = optimizer;
            this.policy = policy;
        }

        /**
         * Adds a listener; listeners receive each event in the order they were added.
         *
         * @param listener the listener to add, not null
         * @return this builder
         * @throws IllegalArgumentException if {@code listener} is null
         */
        public Builder listener(TrainingRunListener listener) {
            listeners.add(Checks.notNull("listener", listener));
            return this;
        }

        /**
         * Adds listeners, in order.
         *
         * @param more the listeners to add, none of them null
         * @return this builder
         * @throws IllegalArgumentException if the array or one of its listeners is null
         */
        public Builder listeners(TrainingRunListener... more) {
            Checks.notNull("listeners", more);
            for (int i = 0; i < more.length; i++) {
                listeners.add(Checks.notNull("listeners[" + i + "]", more[i]));
            }
            return this;
        }

        /**
         * The run's planned length in optimizer steps (epochs times batches per epoch), passed on in
         * {@link RunStart#plannedSteps()}; default {@code -1}, unknown (a progress bar needs it).
         *
         * @param steps the planned number of optimizer steps, {@code > 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code steps <= 0}
         */
        public Builder plannedSteps(long steps) {
            this.plannedSteps = Checks.positive("plannedSteps", steps);
            return this;
        }

        /**
         * Optimizer steps per epoch, passed on in {@link RunStart#stepsPerEpoch()}; default {@code -1}, unknown.
         *
         * @param steps the number of optimizer steps (batches) in one epoch, {@code > 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code steps <= 0}
         */
        public Builder stepsPerEpoch(long steps) {
            this.stepsPerEpoch = Checks.positive("stepsPerEpoch", steps);
            return this;
        }

        /**
         * The momentum (or beta1) to report when the policy schedules none: the constant given to DJL's
         * optimizer ({@code optMomentum(0.9f)}), in {@code [0, 1)}; default 0. Only for {@link #builder(Policy)}:
         * a {@link ScheduledOptimizer} reports what it applied.
         *
         * @param value the constant momentum or beta1, in {@code [0, 1)}
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is not in {@code [0, 1)}
         * @throws IllegalStateException if the builder is for a {@link ScheduledOptimizer}
         */
        public Builder momentum(double value) {
            if (optimizer != null) {
                throw new IllegalStateException("momentum(" + value + ") is for DJL's own optimizers; the bridge of a "
                        + "ScheduledOptimizer reports the momentum it applied, so leave it out");
            }
            Checks.finite("momentum", value);
            if (!(value >= 0 && value < 1)) {
                throw new IllegalArgumentException("momentum must be in [0, 1), got " + value);
            }
            this.momentum = value;
            return this;
        }

        /**
         * The 0-based step of the first batch, {@code >= 0}: the {@code optBeginNumUpdate} given to DJL's
         * optimizer; default 0. Only for {@link #builder(Policy)}: a {@link ScheduledOptimizer} knows its step.
         *
         * @param step the 0-based optimizer step of the first batch, {@code >= 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code step < 0}
         * @throws IllegalStateException if the builder is for a {@link ScheduledOptimizer}
         */
        public Builder startStep(long step) {
            if (optimizer != null) {
                throw new IllegalStateException("startStep(" + step + ") is for DJL's own optimizers; the bridge of "
                        + "a ScheduledOptimizer starts at the optimizer's step(), so leave it out");
            }
            this.startStep = Checks.nonNegative("startStep", step);
            return this;
        }

        /**
         * The bridge.
         *
         * @return a new bridge that sends each event to the listeners, in the order they were added
         * @throws IllegalArgumentException if no listener was added
         */
        public RunListenerBridge build() {
            if (listeners.isEmpty()) {
                throw new IllegalArgumentException("a RunListenerBridge needs at least one listener; add one with "
                        + "listener(monitor)");
            }
            return new RunListenerBridge(this);
        }
    }
}

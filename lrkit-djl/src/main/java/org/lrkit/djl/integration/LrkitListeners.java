package org.lrkit.djl.integration;

import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.listener.TrainingListenerAdapter;
import org.lrkit.Checks;
import org.lrkit.djl.optim.ScheduledOptimizer;
import org.lrkit.djl.train.TrainingRunListener;
import org.lrkit.schedule.Policy;

/**
 * DJL {@link TrainingListener}s that let {@code EasyTrain.fit} users train with lrkit's pieces: an lrkit
 * {@link ScheduledOptimizer} (one-cycle, SGDR, ... with scheduled momentum) and lrkit's
 * {@link TrainingRunListener}s.
 *
 * <pre>{@code
 * ScheduledSgd sgd = ScheduledSgd.builder(Policy.of(oneCycle).withMomentum(oneCycle.mirrored(0.95, 0.85)))
 *         .build();
 * DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
 *         .optOptimizer(sgd)
 *         .addTrainingListeners(LrkitListeners.forward(sgd, MetricsWriter.csv(runDirectory)));
 * try (Trainer trainer = model.newTrainer(config)) {
 *     trainer.initialize(new Shape(1, 784));
 *     EasyTrain.fit(trainer, epochs, trainSet, validationSet);
 * }
 * }</pre>
 *
 * <p><b>Driving the optimizer.</b> A {@link ScheduledOptimizer} needs no per-batch driving: DJL calls its
 * {@code update} once per parameter per step and it evaluates its policy at the step it counts itself. It
 * only needs to know the model's parameter names before the first step ({@link ScheduledOptimizer#bind}),
 * which DJL's trainer does not do: {@link #bindOnStart} (or {@link #forward}, which includes it) does it when
 * the trainer is created. DJL's own optimizers follow an lrkit schedule through a {@link ScheduleTracker}.
 */
public final class LrkitListeners {

    private LrkitListeners() {
    }

    /**
     * A listener that binds {@code optimizer} to the trainer's model block when the trainer is created
     * ({@code onTrainingBegin}), and does nothing else.
     *
     * <pre>{@code
     * config.optOptimizer(sgd).addTrainingListeners(LrkitListeners.bindOnStart(sgd));
     * }</pre>
     *
     * @param optimizer the lrkit optimizer the trainer is built with, not null
     * @return a listener to add to the training config before the trainer is created
     * @throws IllegalArgumentException if {@code optimizer} is null
     */
    public static TrainingListener bindOnStart(ScheduledOptimizer optimizer) {
        Checks.notNull("optimizer", optimizer);
        return new TrainingListenerAdapter() {
            @Override
            public void onTrainingBegin(Trainer trainer) {
                optimizer.bind(trainer.getModel().getBlock());
            }

            @Override
            public String toString() {
                return "bindOnStart(" + optimizer.describe() + ")";
            }
        };
    }

    /**
     * A {@link RunListenerBridge} that binds {@code optimizer} and feeds {@code listeners} from DJL's events,
     * with the learning rate and momentum the optimizer applied (the run's length unknown; use
     * {@link RunListenerBridge#builder(ScheduledOptimizer)} to give it).
     *
     * <pre>{@code
     * config.optOptimizer(sgd).addTrainingListeners(LrkitListeners.forward(sgd, monitor, writer));
     * }</pre>
     *
     * @param optimizer the lrkit optimizer the trainer is built with, not null
     * @param listeners the lrkit listeners to feed, at least one, none of them null
     * @return a bridge to add to the training config before the trainer is created
     * @throws IllegalArgumentException if {@code optimizer} is null, or no listener or a null one is given
     */
    public static RunListenerBridge forward(ScheduledOptimizer optimizer, TrainingRunListener... listeners) {
        return RunListenerBridge.builder(optimizer).listeners(listeners).build();
    }

    /**
     * A {@link RunListenerBridge} for DJL's own optimizer following {@code ScheduleTracker.of(policy
     * .learningRate())} with the constant {@code momentum} (what was given to {@code optMomentum}, 0 for none),
     * feeding {@code listeners}.
     *
     * <pre>{@code
     * Optimizer sgd = Optimizer.sgd().setLearningRateTracker(ScheduleTracker.of(lr)).optMomentum(0.9f).build();
     * config.optOptimizer(sgd).addTrainingListeners(LrkitListeners.forward(Policy.of(lr), 0.9, writer));
     * }</pre>
     *
     * @param policy the policy whose learning rate the DJL optimizer's {@link ScheduleTracker} follows, not null
     * @param momentum the DJL optimizer's constant momentum, in {@code [0, 1)}; 0 for none
     * @param listeners the lrkit listeners to feed, at least one, none of them null
     * @return a bridge to add to the training config before the trainer is created
     * @throws IllegalArgumentException if {@code policy} is null, no listener or a null one is given, or
     *     {@code momentum} is outside {@code [0, 1)}
     */
    public static RunListenerBridge forward(Policy policy, double momentum, TrainingRunListener... listeners) {
        return RunListenerBridge.builder(policy).momentum(momentum).listeners(listeners).build();
    }
}

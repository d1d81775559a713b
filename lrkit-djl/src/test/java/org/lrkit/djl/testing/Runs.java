package org.lrkit.djl.testing;

import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Dataset;
import org.lrkit.djl.optim.ScheduledSgd;
import org.lrkit.djl.train.TrainingLength;
import org.lrkit.djl.train.TrainingRun;
import org.lrkit.schedule.Interpolation;
import org.lrkit.schedule.OneCycle;
import org.lrkit.schedule.Policy;

/** Runs and policies shared by the training tests. */
public final class Runs {

    private Runs() {
    }

    /** One-cycle over {@code steps} steps peaking at {@code peak}, with momentum 0.95 -> 0.85 -> 0.95. */
    public static Policy oneCycle(double peak, long steps) {
        OneCycle lr = OneCycle.of(peak / 25, peak, peak / 2500, steps, 0.3, 0.0, Interpolation.COSINE);
        return Policy.of(lr).withMomentum(lr.mirrored(0.95, 0.85));
    }

    /** Nesterov SGD with weight decay following {@code policy}. */
    public static ScheduledSgd sgd(Policy policy) {
        return ScheduledSgd.builder(policy).nesterov(true).weightDecay(5e-4).build();
    }

    /** A run builder with the common settings: batch 32, seed 42, the given length. */
    public static TrainingRun.Builder run(Model model, ScheduledSgd optimizer, Dataset train, Shape input,
            TrainingLength length) {
        return TrainingRun.builder(model, optimizer).trainingData(train, 32).inputShapes(input).length(length).seed(42);
    }
}

package org.lrkit.experiment.run;

import java.util.List;
import org.lrkit.djl.train.TrainingLength;

/**
 * The runs of {@code lrkit demo}: {@code auto}'s one-cycle policy for {@code epochs} epochs, and a step-decay
 * baseline for {@code epochs} and for {@code factor * epochs} epochs (x0.1 at 50% and 75% of the run, constant
 * momentum) starting from {@code auto}'s held rate for a policy without a warm-up, a quarter of the
 * one-cycle peak of the same length ({@code RangeTestAdvice#heldRate}): on the demo's data, step decay does
 * best near that rate and much worse at the one-cycle peak.
 *
 * @param epochs epochs of the one-cycle run and the short baseline
 * @param factor how many times longer the long baseline trains
 */
public record DemoPlan(long epochs, int factor) {

    /** Default epochs of the short runs. */
    public static final int DEFAULT_EPOCHS = 4;
    /** Default length factor of the long baseline. */
    public static final int DEFAULT_FACTOR = 4;
    /** The model on Fashion-MNIST and MNIST. */
    public static final String DEFAULT_MODEL = "fashion_cnn";

    /**
     * Checks the values, naming the options.
     *
     * @param epochs epochs of the one-cycle run and the short baseline, {@code >= 1}
     * @param factor how many times longer the long baseline trains, in {@code [2, 100]}
     * @throws IllegalArgumentException if a value is out of range, naming its option
     */
    public DemoPlan {
        if (epochs < 1) {
            throw new IllegalArgumentException("--epochs must be >= 1, got " + epochs);
        }
        if (factor < 2 || factor > 100) {
            throw new IllegalArgumentException("--factor must be in [2, 100], got " + factor);
        }
    }

    /**
     * The policies (one-cycle, step decay, long step decay) for a training set of {@code stepsPerEpoch} steps.
     *
     * @param stepsPerEpoch optimizer steps per epoch of the training set
     * @return the three policies, in that order
     */
    public List<PolicyRequest> policies(int stepsPerEpoch) {
        return List.of(
                PolicyRequest.parse("one-cycle=oneCyclePolicy(peak=auto, totalSteps=auto)"),
                PolicyRequest.parse("step-decay=" + stepDecay(epochs * stepsPerEpoch)),
                PolicyRequest.parse("step-decay-x" + factor + "=" + stepDecay(factor * epochs * stepsPerEpoch)));
    }

    private static String stepDecay(long steps) {
        long first = Math.max(1, Math.round(0.5 * steps));
        long second = Math.max(first + 1, Math.round(0.75 * steps));
        return "multiStepDecay(initial=auto, milestones=[" + first + ", " + second + "], factor=0.1)";
    }

    /**
     * How long each policy trains.
     *
     * @return the lengths, one per policy
     */
    public List<TrainingLength> lengths() {
        return List.of(TrainingLength.epochs(epochs), TrainingLength.epochs(epochs),
                TrainingLength.epochs(factor * epochs));
    }

    /**
     * What each policy is there for.
     *
     * @return the roles, one per policy
     */
    public List<String> roles() {
        return List.of("one-cycle, peak from the range test (auto), " + epochs + " epoch" + (epochs == 1 ? "" : "s"),
                "step decay (x0.1 at 50% and 75%) from the held rate (auto), the same " + epochs + " epoch"
                        + (epochs == 1 ? "" : "s"),
                "step decay from the held rate (auto), " + factor + " times the epochs (" + factor * epochs + ")");
    }
}

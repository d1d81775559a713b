package org.lrkit.djl.train;

/**
 * Training diverged: the loss of a step was NaN or infinite. The update of that step was not applied, so the
 * model holds the last weights that gave a finite loss. The message names the step and the learning rate and
 * suggests a lower peak.
 */
public final class DivergenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The 0-based step whose loss was not finite. */
    private final long step;
    /** The learning rate the policy gives at that step. */
    private final double learningRate;
    /** The loss, NaN or infinite. */
    private final double loss;

    /**
     * @param step the 0-based step whose loss was not finite
     * @param learningRate the learning rate the policy gives at that step
     * @param loss the loss (NaN or infinite)
     */
    public DivergenceException(long step, double learningRate, double loss) {
        super("training diverged at step " + step + ": the loss is " + loss + " at learning rate " + learningRate
                + ". Lower the policy's peak learning rate (try " + suggestion(learningRate) + " or less), lengthen "
                + "its warm-up, or run an LR range test to find where the loss starts to climb");
        this.step = step;
        this.learningRate = learningRate;
        this.loss = loss;
    }

    /**
     * The 0-based step whose loss was not finite.
     *
     * @return the step, 0-based
     */
    public long step() {
        return step;
    }

    /**
     * The learning rate at that step.
     *
     * @return the learning rate the policy gives at {@link #step()}
     */
    public double learningRate() {
        return learningRate;
    }

    /**
     * The loss of that step.
     *
     * @return the loss, NaN or infinite
     */
    public double loss() {
        return loss;
    }

    private static String suggestion(double learningRate) {
        return String.format(java.util.Locale.ROOT, "%.3g", learningRate / 3);
    }
}

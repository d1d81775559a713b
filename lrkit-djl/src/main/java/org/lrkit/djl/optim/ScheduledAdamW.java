package org.lrkit.djl.optim;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.lrkit.Checks;
import org.lrkit.rangetest.OptimizerFamily;
import org.lrkit.schedule.Policy;

/**
 * Adam and AdamW (Kingma &amp; Ba 2015; Loshchilov &amp; Hutter 2019) in PyTorch's formulation, with the learning
 * rate and beta1 taken from a {@link Policy} at every step; beta2 is never scheduled.
 *
 * <p>beta1 comes from the policy's beta1 schedule, else from its momentum schedule (as PyTorch's
 * {@code OneCycleLR} and fastai cycle Adam's beta1 with the momentum), else the constant
 * {@link Builder#beta1}. With the parameter's update count {@code t} (1 at its first update):
 * <pre>
 *   g = g + wd * w               (WeightDecayMode.L2: Adam)
 *   w = w * (1 - lr * wd)        (WeightDecayMode.DECOUPLED: AdamW)
 *   m = beta1 * m + (1 - beta1) * g
 *   v = beta2 * v + (1 - beta2) * g * g
 *   w = w - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * </pre>
 * The bias correction uses the current beta1, as PyTorch does when a scheduler changes it.
 *
 * <pre>{@code
 * ScheduledAdamW adamW = ScheduledAdamW.adamW(policy).weightDecay(0.01).build();
 * ScheduledAdamW adam = ScheduledAdamW.adam(policy).build();      // L2 decay (0 by default)
 * }</pre>
 */
public final class ScheduledAdamW extends ScheduledOptimizer {

    private static final String EXP_AVG = "exp_avg";
    private static final String EXP_AVG_SQ = "exp_avg_sq";

    private final double beta1;
    private final double beta2;
    private final double epsilon;

    private ScheduledAdamW(Builder builder) {
        super(builder);
        this.beta1 = builder.beta1;
        this.beta2 = builder.beta2;
        this.epsilon = builder.epsilon;
    }

    /**
     * A builder for AdamW (decoupled weight decay, default 0.01 as PyTorch's {@code AdamW}).
     *
     * @param policy the learning-rate (and beta1 or momentum) policy, not null
     * @return a builder with PyTorch's defaults
     * @throws IllegalArgumentException if {@code policy} is null
     */
    public static Builder adamW(Policy policy) {
        return new Builder(policy, WeightDecayMode.DECOUPLED, 0.01);
    }

    /**
     * A builder for Adam (L2 weight decay, default 0 as PyTorch's {@code Adam}).
     *
     * @param policy the learning-rate (and beta1 or momentum) policy, not null
     * @return a builder with PyTorch's defaults
     * @throws IllegalArgumentException if {@code policy} is null
     */
    public static Builder adam(Policy policy) {
        return new Builder(policy, WeightDecayMode.L2, 0.0);
    }

    /**
     * beta2, the second-moment decay.
     *
     * @return beta2, in {@code [0, 1)}
     */
    public double beta2() {
        return beta2;
    }

    /**
     * epsilon, added to the denominator.
     *
     * @return epsilon, {@code > 0}
     */
    public double epsilon() {
        return epsilon;
    }

    @Override
    protected double momentumAt(long step) {
        Policy policy = policy();
        if (policy.beta1().isPresent()) {
            return policy.beta1().get().valueAt(step);
        }
        return policy.momentum().map(schedule -> schedule.valueAt(step)).orElse(beta1);
    }

    @Override
    protected void apply(Update update) {
        NDArray weight = update.weight();
        double lr = update.learningRate();
        double wd = update.weightDecay();
        double b1 = update.momentum();
        boolean l2 = wd != 0 && update.weightDecayMode() == WeightDecayMode.L2;
        NDArray gradient = l2 ? weight.mul((float) wd).addi(update.gradient()) : update.gradient();
        try {
            if (wd != 0 && update.weightDecayMode() == WeightDecayMode.DECOUPLED) {
                weight.muli((float) (1.0 - lr * wd));
            }
            NDArray mean = update.buffer(EXP_AVG);
            NDArray variance = update.buffer(EXP_AVG_SQ);
            try (NDArray scaled = gradient.mul((float) (1.0 - b1))) {
                mean.muli((float) b1).addi(scaled);
            }
            try (NDArray square = gradient.mul(gradient)) {
                variance.muli((float) beta2).addi(square.muli((float) (1.0 - beta2)));
            }
            long t = update.count();
            double correction1 = 1.0 - Math.pow(b1, t);
            double correction2 = 1.0 - Math.pow(beta2, t);
            double stepSize = lr / correction1;
            try (NDArray denominator = variance.sqrt();
                    NDArray step = mean.div(denominator.divi((float) Math.sqrt(correction2)).addi((float) epsilon))) {
                weight.subi(step.muli((float) stepSize));
            }
        } finally {
            if (l2) {
                gradient.close();
            }
        }
    }

    @Override
    public OptimizerFamily family() {
        return OptimizerFamily.ADAPTIVE;
    }

    @Override
    protected String kind() {
        return "adamw";
    }

    @Override
    protected List<String> bufferNames() {
        return List.of(EXP_AVG, EXP_AVG_SQ);
    }

    @Override
    public String describe() {
        String beta1Source = policy().beta1().isPresent() ? "scheduled"
                : policy().momentum().isPresent() ? "scheduled (momentum)" : Double.toString(beta1);
        return "ScheduledAdamW[policy=" + ScheduledSgd.specOf(policy()) + ", beta1=" + beta1Source + ", beta2=" + beta2
                + ", epsilon=" + epsilon + ", weightDecay=" + weightDecay() + " (" + weightDecayMode() + "), groups="
                + groups() + "]";
    }

    /** Builds a {@link ScheduledAdamW}; every setter checks its argument at once. */
    public static final class Builder extends ScheduledOptimizer.Builder<Builder> {

        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double epsilon = 1e-8;

        private Builder(Policy policy, WeightDecayMode mode, double weightDecay) {
            super(policy, mode, weightDecay);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * beta1 when the policy schedules neither beta1 nor momentum; default 0.9.
         *
         * @param beta1 the first-moment decay, in {@code [0, 1)}
         * @return this builder
         * @throws IllegalArgumentException if {@code beta1} is not in {@code [0, 1)}
         */
        public Builder beta1(double beta1) {
            this.beta1 = unitInterval("beta1", beta1);
            return this;
        }

        /**
         * beta2; default 0.999.
         *
         * @param beta2 the second-moment decay, in {@code [0, 1)}
         * @return this builder
         * @throws IllegalArgumentException if {@code beta2} is not in {@code [0, 1)}
         */
        public Builder beta2(double beta2) {
            this.beta2 = unitInterval("beta2", beta2);
            return this;
        }

        /**
         * epsilon; default 1e-8.
         *
         * @param epsilon the term added to the denominator, {@code > 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code epsilon} is not {@code > 0}
         */
        public Builder epsilon(double epsilon) {
            this.epsilon = Checks.positive("epsilon", epsilon);
            return this;
        }

        /**
         * The optimizer.
         *
         * @return a new optimizer with this builder's settings, to bind to the model before training
         */
        public ScheduledAdamW build() {
            return new ScheduledAdamW(this);
        }

        private static double unitInterval(String name, double value) {
            Checks.finite(name, value);
            if (!(value >= 0 && value < 1)) {
                throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
            }
            return value;
        }
    }
}

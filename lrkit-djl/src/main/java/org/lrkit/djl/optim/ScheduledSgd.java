package org.lrkit.djl.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.List;
import org.lrkit.Checks;
import org.lrkit.rangetest.OptimizerFamily;
import org.lrkit.schedule.Policy;

/**
 * Stochastic gradient descent with momentum in PyTorch's convention, the learning rate and the momentum
 * taken from a {@link Policy} at every step.
 *
 * <p>With gradient {@code g}, weight {@code w}, momentum buffer {@code b} (zeros at first), learning rate
 * {@code lr}, momentum {@code m} and weight decay {@code wd} of the step (dampening 0, as PyTorch's default):
 * <pre>
 *   g = g + wd * w              (WeightDecayMode.L2)
 *   w = w * (1 - lr * wd)       (WeightDecayMode.DECOUPLED)
 *   b = m * b + g
 *   d = g + m * b  (Nesterov)   or   d = b
 *   w = w - lr * d
 * </pre>
 * DJL's own {@code Sgd} follows MXNet instead ({@code b = m*b + lr*g; w -= b}); the two agree while the
 * learning rate is constant and differ when it changes, which is why a scheduled learning rate needs this
 * optimizer. When the policy has no momentum schedule the constant {@link Builder#momentum} applies.
 *
 * <p>On the PyTorch engine, classical momentum runs as one fused native call per parameter (DJL's
 * {@code sgdUpdate}, which also clears the gradient) with PyTorch's semantics all the same: the buffer is kept
 * multiplied by the learning rate {@code c} of the parameter's last update with a positive rate, {@code s = c * b},
 * so that with DJL's rule ({@code s = m' * s + lr * g; w = w - s}) and {@code m' = m * lr / c} the new buffer is
 * {@code lr * (m * b + g)} and the step {@code lr * b}, as above (exact in real arithmetic; floating-point
 * rounding differs in the last bits). {@link #state()} saves {@code s} with its scale {@code c}. Nesterov
 * momentum, other engines and steps the fused rule cannot carry (learning rate 0, momentum 0) take the separate
 * operations, on the buffer divided back to PyTorch's.
 *
 * <pre>{@code
 * OneCycle lr = OneCycle.builder().start(0.004).peak(0.1).end(4e-7).totalSteps(10_000).build();
 * ScheduledSgd sgd = ScheduledSgd.builder(Policy.of(lr).withMomentum(lr.mirrored(0.95, 0.85)))
 *         .nesterov(true)
 *         .weightDecay(5e-4)
 *         .build();
 * }</pre>
 */
public final class ScheduledSgd extends ScheduledOptimizer {

    private static final String MOMENTUM = "momentum";

    private final double momentum;
    private final boolean nesterov;

    private ScheduledSgd(Builder builder) {
        super(builder);
        this.momentum = builder.momentum;
        this.nesterov = builder.nesterov;
    }

    /**
     * A builder for an SGD optimizer following {@code policy}.
     *
     * @param policy the learning-rate (and momentum) policy, not null
     * @return a builder with PyTorch's SGD defaults: no momentum, no weight decay
     * @throws IllegalArgumentException if {@code policy} is null
     */
    public static Builder builder(Policy policy) {
        return new Builder(policy);
    }

    /**
     * Whether Nesterov momentum is used.
     *
     * @return true for Nesterov momentum, false for classical (heavy-ball) momentum
     */
    public boolean nesterov() {
        return nesterov;
    }

    @Override
    protected double momentumAt(long step) {
        return policy().momentum().map(schedule -> schedule.valueAt(step)).orElse(momentum);
    }

    @Override
    protected void apply(Update update) {
        if (fuses(update)) {
            applyFused(update);
            return;
        }
        if (usesMomentum() && update.bufferScale(MOMENTUM) != 1.0) {
            update.buffer(MOMENTUM).divi((float) update.bufferScale(MOMENTUM));
            update.rescaled(MOMENTUM, 1.0);
        }
        NDArray weight = update.weight();
        double lr = update.learningRate();
        double wd = update.weightDecay();
        boolean l2 = wd != 0 && update.weightDecayMode() == WeightDecayMode.L2;
        NDArray direction = l2 ? weight.mul((float) wd).addi(update.gradient()) : update.gradient();
        try {
            if (wd != 0 && update.weightDecayMode() == WeightDecayMode.DECOUPLED) {
                weight.muli((float) (1.0 - lr * wd));
            }
            if (usesMomentum()) {
                NDArray buffer = update.buffer(MOMENTUM);
                buffer.muli((float) update.momentum()).addi(direction);
                if (nesterov) {
                    try (NDArray step = buffer.mul((float) update.momentum()).addi(direction)) {
                        subtractScaled(weight, step, lr);
                    }
                } else {
                    subtractScaled(weight, buffer, lr);
                }
            } else {
                subtractScaled(weight, direction, lr);
            }
        } finally {
            if (l2) {
                direction.close();
            }
        }
    }

    /**
     * Whether this step can run as DJL's fused update: classical momentum (or none) on the PyTorch engine, at a
     * positive learning rate and, with momentum, a momentum factor that does not vanish in {@code float}.
     */
    private boolean fuses(Update update) {
        return !nesterov && update.learningRate() > 0 && (!usesMomentum() || fusedMomentum(update) != 0f)
                && "PyTorch".equals(update.weight().getManager().getEngine().getEngineName());
    }

    /** The momentum to give DJL's rule, {@code m * lr / c}, for the buffer kept as {@code c} times PyTorch's. */
    private float fusedMomentum(Update update) {
        return usesMomentum() ? (float) (update.momentum() * update.learningRate() / update.bufferScale(MOMENTUM)) : 0f;
    }

    /** The update above through DJL's fused {@code sgdUpdate}, the buffer kept scaled (see the class description). */
    private void applyFused(Update update) {
        NDArray weight = update.weight();
        double lr = update.learningRate();
        double wd = update.weightDecay();
        if (wd != 0 && update.weightDecayMode() == WeightDecayMode.DECOUPLED) {
            weight.muli((float) (1.0 - lr * wd));
        }
        float l2 = update.weightDecayMode() == WeightDecayMode.L2 ? (float) wd : 0f;
        NDList inputs = usesMomentum() ? new NDList(weight, update.gradient(), update.buffer(MOMENTUM))
                : new NDList(weight, update.gradient());
        weight.getNDArrayInternal().sgdUpdate(inputs, new NDList(weight), (float) lr, l2, 1f, -1f,
                fusedMomentum(update), false);
        update.markGradientCleared();
        if (usesMomentum()) {
            update.rescaled(MOMENTUM, lr);
        }
    }

    private boolean usesMomentum() {
        return policy().momentum().isPresent() || momentum != 0;
    }

    private static void subtractScaled(NDArray weight, NDArray direction, double lr) {
        try (NDArray step = direction.mul((float) lr)) {
            weight.subi(step);
        }
    }

    @Override
    public OptimizerFamily family() {
        return OptimizerFamily.SGD;
    }

    @Override
    protected String kind() {
        return "sgd";
    }

    @Override
    protected List<String> bufferNames() {
        return List.of(MOMENTUM);
    }

    @Override
    public String describe() {
        return "ScheduledSgd[policy=" + specOf(policy()) + ", momentum=" + (policy().momentum().isPresent() ? "scheduled"
                : Double.toString(momentum)) + ", nesterov=" + nesterov + ", weightDecay=" + weightDecay() + " ("
                + weightDecayMode() + "), groups=" + groups() + "]";
    }

    static String specOf(Policy policy) {
        try {
            return policy.toSpec();
        } catch (UnsupportedOperationException e) {
            return "<no text form>";
        }
    }

    /** Builds a {@link ScheduledSgd}; every setter checks its argument at once. */
    public static final class Builder extends ScheduledOptimizer.Builder<Builder> {

        private double momentum;
        private boolean nesterov;

        private Builder(Policy policy) {
            super(policy, WeightDecayMode.L2, 0.0);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * The momentum used when the policy does not schedule one; default 0 (plain SGD).
         *
         * @param momentum the constant momentum, in {@code [0, 1)}
         * @return this builder
         * @throws IllegalArgumentException if {@code momentum} is not in {@code [0, 1)}
         */
        public Builder momentum(double momentum) {
            Checks.finite("momentum", momentum);
            if (!(momentum >= 0 && momentum < 1)) {
                throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
            }
            this.momentum = momentum;
            return this;
        }

        /**
         * Whether to use Nesterov momentum (needs a momentum schedule or a constant momentum > 0); default false.
         *
         * @param nesterov true for Nesterov momentum, false for classical momentum
         * @return this builder
         */
        public Builder nesterov(boolean nesterov) {
            this.nesterov = nesterov;
            return this;
        }

        /**
         * The optimizer.
         *
         * @return a new optimizer with this builder's settings, to bind to the model before training
         * @throws IllegalArgumentException if Nesterov is asked for without momentum
         */
        public ScheduledSgd build() {
            if (nesterov && policy().momentum().isEmpty() && momentum == 0) {
                throw new IllegalArgumentException("nesterov needs momentum, but the policy schedules none and momentum "
                        + "is 0; set momentum(0.9) or give the policy a momentum schedule");
            }
            return new ScheduledSgd(this);
        }
    }
}

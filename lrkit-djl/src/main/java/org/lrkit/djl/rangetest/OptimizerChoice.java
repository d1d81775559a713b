package org.lrkit.djl.rangetest;

import org.lrkit.Checks;
import org.lrkit.djl.optim.ScheduledAdamW;
import org.lrkit.djl.optim.ScheduledOptimizer;
import org.lrkit.djl.optim.ScheduledSgd;
import org.lrkit.rangetest.OptimizerFamily;
import org.lrkit.schedule.Policy;

/**
 * The optimizer a range test builds for itself ({@link RangeTest.Builder#sgd}, {@link RangeTest.Builder#adamW}):
 * its kind and settings, turned into a {@link ScheduledOptimizer} that follows the sweep, so no placeholder
 * policy is needed. The test owns and closes these optimizers.
 *
 * <pre>{@code
 * ScheduledOptimizer sgd = OptimizerChoice.sgd(0.9, 5e-4).build(Policy.of(sweep.schedule()));
 * }</pre>
 *
 * @param family SGD (with {@code momentum}) or adaptive (AdamW with beta1 {@code momentum})
 * @param momentum SGD's momentum or AdamW's beta1, in {@code [0, 1)}
 * @param weightDecay the weight-decay coefficient, {@code >= 0} (L2 for SGD, decoupled for AdamW)
 */
record OptimizerChoice(OptimizerFamily family, double momentum, double weightDecay) {

    OptimizerChoice {
        Checks.notNull("family", family);
        Checks.finite("momentum", momentum);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException((family == OptimizerFamily.SGD ? "momentum" : "beta1")
                    + " must be in [0, 1), got " + momentum);
        }
        Checks.nonNegative("weightDecay", weightDecay);
    }

    /** SGD with a constant {@code momentum} and L2 {@code weightDecay}. */
    static OptimizerChoice sgd(double momentum, double weightDecay) {
        return new OptimizerChoice(OptimizerFamily.SGD, momentum, weightDecay);
    }

    /** AdamW with a constant {@code beta1}, beta2 0.999 and decoupled {@code weightDecay}. */
    static OptimizerChoice adamW(double beta1, double weightDecay) {
        return new OptimizerChoice(OptimizerFamily.ADAPTIVE, beta1, weightDecay);
    }

    /** The same choice with another weight decay (for a weight-decay grid). */
    OptimizerChoice withWeightDecay(double value) {
        return new OptimizerChoice(family, momentum, value);
    }

    /** A fresh optimizer following {@code policy}. */
    ScheduledOptimizer build(Policy policy) {
        if (family == OptimizerFamily.SGD) {
            return ScheduledSgd.builder(policy).momentum(momentum).weightDecay(weightDecay).build();
        }
        return ScheduledAdamW.adamW(policy).beta1(momentum).weightDecay(weightDecay).build();
    }
}

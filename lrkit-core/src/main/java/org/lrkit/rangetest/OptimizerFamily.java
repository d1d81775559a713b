package org.lrkit.rangetest;

/**
 * How an optimizer turns a gradient into a step, which decides how a range-test curve is read for the
 * peak learning rate ({@link PeakRule}).
 *
 * <p>With {@link #SGD} the step is {@code lr * g} (plus momentum), so the largest stable learning rate is
 * set by the curvature of the loss, and the range test finds it where the loss blows up. With
 * {@link #ADAPTIVE} optimizers (Adam, AdamW) the step is {@code lr * m / (sqrt(v) + eps)}, about {@code lr}
 * per parameter whatever the gradient's size, so the loss blows up only when {@code lr} approaches the
 * weights' own scale, far above any rate worth training at.
 */
public enum OptimizerFamily {
    /** Stochastic gradient descent, with or without (Nesterov) momentum. */
    SGD,
    /** Adam, AdamW and other optimizers that divide the step by a running gradient scale. */
    ADAPTIVE
}

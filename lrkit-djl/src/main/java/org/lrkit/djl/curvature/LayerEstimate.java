package org.lrkit.djl.curvature;

/**
 * The Hessian-free estimate of one layer (or of the whole model) from one triple of weight snapshots.
 *
 * @param estimate this triple's estimate, {@code firstDifferenceL1 / gradientDifferenceL1} (infinite when the
 *     gradients did not change)
 * @param average the moving average of the estimates so far
 * @param firstDifferenceL1 {@code sum |w2 - w1|}
 * @param gradientDifferenceL1 {@code sum |(w2 - w1)/lr1 - (w3 - w2)/lr2|}, the L1 norm of the change of the
 *     gradient for plain SGD
 */
public record LayerEstimate(double estimate, double average, double firstDifferenceL1, double gradientDifferenceL1) {
}

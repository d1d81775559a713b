package org.lrkit.djl.curvature;

/**
 * The curvature of the loss along its gradient on one batch ({@link CurvatureProbe}).
 *
 * @param loss the batch's loss at the current weights
 * @param gradientDotGradient {@code g.g}
 * @param gradientDotHessianGradient {@code g.Hg}, from the finite difference
 * @param epsilon the perturbation factor: the weights moved by {@code epsilon * g}
 * @param step {@code g.g / g.Hg}, the best step along {@code -g} on a quadratic; {@code +Infinity} when the
 *     curvature along {@code g} is not positive, NaN when the gradient is 0
 */
public record CurvatureEstimate(double loss, double gradientDotGradient, double gradientDotHessianGradient,
        double epsilon, double step) {
}

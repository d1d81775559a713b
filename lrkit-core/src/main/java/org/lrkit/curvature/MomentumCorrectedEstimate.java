package org.lrkit.curvature;

import org.lrkit.Checks;

/**
 * The Hessian-free estimate of the optimal learning rate ({@link HessianFreeEstimate}) for SGD with (heavy-ball)
 * momentum, with the gradient step separated from the momentum term.
 *
 * <p><b>Why the plain estimate is biased under momentum.</b> SGD with momentum in PyTorch's convention takes, at
 * step {@code t} with learning rate {@code lr_t} and momentum {@code m_t}, the gradient {@code g_t} at the weights
 * {@code w_t}:
 * <pre>
 *   b_{t+1} = m_t b_t + g_t,      w_{t+1} = w_t - lr_t b_{t+1}         (b_0 = 0)
 * </pre>
 * so the weight difference {@code d_t = w_{t+1} - w_t = -lr_t b_{t+1}} is the momentum buffer, not the gradient.
 * Smith &amp; Topin's {@code lr * sum|w2 - w1| / sum|2 w2 - w1 - w3|} takes {@code (d_1 - d_2) / lr} for the
 * gradient change {@code g_2 - g_1}; under momentum it is {@code b_3 - b_2 = g_2 - (1 - m) b_2}, the gradient
 * change mixed with the decay of the buffer. Where the gradients are pure noise (no curvature, independent
 * {@code g_t} of variance {@code s^2} per coordinate) the buffer's variance is {@code s^2 / (1 - m^2)} and
 * {@code b_3 - b_2}'s is {@code 2 s^2 / (1 + m)}, so the plain estimate tends to
 * {@code lr * sqrt(1 / (2 (1 - m)))}: 2.24 times the learning rate at {@code m = 0.9} (0.71 times at
 * {@code m = 0}), "above the learning rate" from momentum alone.
 *
 * <p><b>The gradients from the weights.</b> With {@code a_t = d_t / lr_t = -b_{t+1}}, the update rule gives the
 * gradient the step used:
 * <pre>
 *   g_t = b_{t+1} - m_t b_t = -a_t + m_t a_{t-1} = -(w_{t+1} - w_t) / lr_t + m_t (w_t - w_{t-1}) / lr_{t-1}
 * </pre>
 * <b>The estimate.</b> For plain SGD, Smith &amp; Topin's ratio is {@code sum|g_1| / sum|H g_1|}, the best step
 * along the gradient with the Hessian-vector product {@code H g_1} taken by a finite difference along the step
 * (which is {@code -lr g_1}). Under momentum the step is {@code d_1 = -lr_1 b_2}, so the finite differences give
 * {@code H b_2 = -(g_2 - g_1) / lr_1} and {@code H b_1 = -(g_1 - g_0) / lr_0}, and since
 * {@code g_1 = b_2 - m_1 b_1}, by linearity
 * <pre>
 *   H g_1 = -(g_2 - g_1) / lr_1 + m_1 (g_1 - g_0) / lr_0
 *   corrected = sum|g_1| / sum|H g_1|
 * </pre>
 * from five successive snapshots {@code w_{-1}, w_0, w_1, w_2, w_3} (the four steps between them): the same
 * quantity the plain formula measures under plain SGD, the gradient step over the curvature along it. With
 * {@code m_1 = 0} it is exactly {@code sum|d_1| / sum|d_1 / lr_1 - d_2 / lr_2|}, the plain estimate (and then
 * neither {@code w_{-1}} nor {@code w_0} matters); on a quadratic {@code h w^2 / 2} without noise it is exactly
 * {@code 1 / h} at any momentum. Under pure noise it tends to
 * {@code lr / sqrt((1 + m)^2 + 1 + m^2)}: 0.43 times the learning rate at {@code m = 0.9}, below it, as the
 * plain-SGD estimate's 0.71 is.
 *
 * <p>Rejected alternatives: the ratio of the gradient steps alone, {@code lr sum|g_1| / sum|g_2 - g_1|}, has the
 * plain-SGD noise level but on a quadratic gives {@code |g_1| / (h |b_2|)}, about {@code (1 - m) / h} once the
 * buffer has built up; the secant along the step, {@code sum|d_1| / sum|g_2 - g_1|}, is {@code 1 / h} on a quadratic
 * but {@code lr / sqrt(2 (1 - m^2))} (1.62 times the learning rate at {@code m = 0.9}) under pure noise, still above
 * the rate. Exact for the heavy-ball update above with weight decay added to the gradient (L2); Nesterov momentum
 * and decoupled weight decay change the update, and this estimate does not model them.
 */
public final class MomentumCorrectedEstimate {

    private MomentumCorrectedEstimate() {
    }

    /**
     * The gradient {@code g_t = -(next - current) / rate + momentum * (current - previous) / previousRate} that the
     * step from {@code current} to {@code next} used.
     *
     * @param previous the weights before the step that led to {@code current}; ignored (may be null) when
     *     {@code momentum == 0}
     * @param current the weights before the step
     * @param next the weights after the step, as long as {@code current}
     * @param previousRate the learning rate of that earlier step, {@code > 0} (ignored when {@code momentum == 0})
     * @param rate the learning rate of the step from {@code current} to {@code next}, {@code > 0}
     * @param momentum the momentum of that step, in {@code [0, 1)}
     * @return the gradient, one value per weight
     * @throws IllegalArgumentException if a rate or the momentum is out of range or the arrays differ in length
     */
    public static double[] gradient(double[] previous, double[] current, double[] next, double previousRate,
            double rate, double momentum) {
        Checks.positive("rate", rate);
        checkMomentum(momentum);
        if (next.length != current.length || (momentum != 0 && previous.length != current.length)) {
            throw new IllegalArgumentException("previous, current and next must hold the same weights, got lengths "
                    + (previous == null ? "-" : previous.length) + ", " + current.length + " and " + next.length);
        }
        double[] g = new double[current.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = -(next[i] - current[i]) / rate;
        }
        if (momentum != 0) {
            Checks.positive("previousRate", previousRate);
            for (int i = 0; i < g.length; i++) {
                g[i] += momentum * (current[i] - previous[i]) / previousRate;
            }
        }
        return g;
    }

    /**
     * The corrected estimate from five successive snapshots.
     *
     * @param weights {@code w_{-1}, w_0, w_1, w_2, w_3}, all of one length; the first two may be null when
     *     {@code momenta[2] == 0} (then {@code g_0} is not needed and {@code g_1} uses no earlier step)
     * @param rates the learning rates of the four steps between them, {@code lr_{-1}, lr_0, lr_1, lr_2}
     * @param momenta the momenta of those steps ({@code m_{-1}} is not used)
     * @return {@code sum|g_1| / sum|H g_1|}, {@code +Infinity} when no curvature was seen
     */
    public static double of(double[][] weights, double[] rates, double[] momenta) {
        if (weights.length != 5 || rates.length != 4 || momenta.length != 4) {
            throw new IllegalArgumentException("the estimate needs 5 snapshots and the rates and momenta of the 4"
                    + " steps between them, got " + weights.length + ", " + rates.length + " and " + momenta.length);
        }
        double m1 = momenta[2];
        double[] g1 = gradient(weights[1], weights[2], weights[3], rates[1], rates[2], m1);
        double[] g2 = gradient(weights[2], weights[3], weights[4], rates[2], rates[3], momenta[3]);
        double[] g0 = m1 == 0 ? null : gradient(weights[0], weights[1], weights[2], rates[0], rates[1], momenta[1]);
        double gradientL1 = 0;
        double hessianGradientL1 = 0;
        for (int i = 0; i < g1.length; i++) {
            double hg = -(g2[i] - g1[i]) / rates[2] + (m1 == 0 ? 0 : m1 * (g1[i] - g0[i]) / rates[1]);
            gradientL1 += Math.abs(g1[i]);
            hessianGradientL1 += Math.abs(hg);
        }
        return fromSums(gradientL1, hessianGradientL1);
    }

    /**
     * The estimate from its two L1 sums, as an engine adapter computes them on its tensors.
     *
     * @param gradientL1 {@code sum|g_1|}
     * @param hessianGradientL1 {@code sum|H g_1|}, {@code sum|-(g_2 - g_1) / lr_1 + m_1 (g_1 - g_0) / lr_0|}
     * @return their ratio, {@code +Infinity} when {@code hessianGradientL1} is 0
     */
    public static double fromSums(double gradientL1, double hessianGradientL1) {
        Checks.nonNegative("gradientL1", gradientL1);
        Checks.nonNegative("hessianGradientL1", hessianGradientL1);
        return gradientL1 / hessianGradientL1;
    }

    private static void checkMomentum(double momentum) {
        Checks.finite("momentum", momentum);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
    }
}

package org.lrkit.curvature;

import org.lrkit.Checks;

/**
 * Smith &amp; Topin's Hessian-free estimate of the optimal learning rate (Super-Convergence, 2018, section
 * 4 and Fig. 5), from three successive weight snapshots {@code w1, w2, w3} taken with learning rate
 * {@code lr}:
 * <pre>
 *   estimate = lr * sum|w2 - w1| / sum|2 w2 - w1 - w3|
 *   average  = decay * average + (1 - decay) * estimate       (decay 0.9, average starting at 0.1)
 * </pre>
 * For plain SGD, {@code w2 - w1 = -lr g1} and {@code 2 w2 - w1 - w3 = lr (g2 - g1)}, a finite-difference
 * Hessian-vector product along the step, so the estimate is the secant step size {@code |dw| / |dg|}:
 * exactly {@code 1/a} on a quadratic {@code a w^2 / 2}. Momentum breaks that identity; the authors'
 * script ignores it, and so does this estimate. The engine adapter computes the two L1 sums (over all
 * parameters, or per layer for a per-layer estimate) and feeds them here. Mutable.
 *
 * <pre>{@code
 * HessianFreeEstimate estimate = HessianFreeEstimate.authors();
 * double smoothed = estimate.observe(lr, l1FirstDifference, l1SecondDifference);
 * }</pre>
 */
public final class HessianFreeEstimate {

    private final double decay;
    private double average;
    private double last = Double.NaN;
    private long observations;

    /**
     * @param decay weight of the past in the moving average, in [0, 1)
     * @param initialAverage the average before any observation
     */
    public HessianFreeEstimate(double decay, double initialAverage) {
        Checks.finite("decay", decay);
        if (!(decay >= 0 && decay < 1)) {
            throw new IllegalArgumentException("decay must be in [0, 1), got " + decay);
        }
        this.decay = decay;
        this.average = Checks.finite("initialAverage", initialAverage);
    }

    /**
     * The authors' settings: decay 0.9, average starting at 0.1.
     *
     * @return a new estimate with no observation yet
     */
    public static HessianFreeEstimate authors() {
        return new HessianFreeEstimate(0.9, 0.1);
    }

    /**
     * The estimate from one triple of snapshots, without averaging:
     * {@code learningRate * firstDifferenceL1 / secondDifferenceL1}.
     *
     * @param learningRate the learning rate of the steps between the snapshots, {@code > 0}
     * @param firstDifferenceL1 {@code sum|w2 - w1|} over the weights, {@code >= 0}
     * @param secondDifferenceL1 {@code sum|2 w2 - w1 - w3|} over the weights, {@code >= 0}
     * @return the estimate of the optimal learning rate; {@code +Infinity} when the second difference is 0
     * @throws IllegalArgumentException if a value is out of its range
     */
    public static double estimate(double learningRate, double firstDifferenceL1, double secondDifferenceL1) {
        Checks.positive("learningRate", learningRate);
        Checks.nonNegative("firstDifferenceL1", firstDifferenceL1);
        Checks.nonNegative("secondDifferenceL1", secondDifferenceL1);
        return learningRate * firstDifferenceL1 / secondDifferenceL1;
    }

    /**
     * Adds one triple of snapshots and returns the moving average. A triple whose second difference is 0
     * (no curvature seen, e.g. a frozen layer) gives an infinite estimate and leaves the average unchanged.
     *
     * @param learningRate the learning rate of the steps between the snapshots, {@code > 0}
     * @param firstDifferenceL1 {@code sum|w2 - w1|} over the weights, {@code >= 0}
     * @param secondDifferenceL1 {@code sum|2 w2 - w1 - w3|} over the weights, {@code >= 0}
     * @return the moving average after this triple
     * @throws IllegalArgumentException if a value is out of its range
     */
    public double observe(double learningRate, double firstDifferenceL1, double secondDifferenceL1) {
        last = estimate(learningRate, firstDifferenceL1, secondDifferenceL1);
        if (Double.isFinite(last)) {
            average = decay * average + (1 - decay) * last;
            observations++;
        }
        return average;
    }

    /**
     * The moving average.
     *
     * @return the average of the finite estimates so far, starting from the initial average
     */
    public double average() {
        return average;
    }

    /**
     * The last raw estimate.
     *
     * @return the estimate of the last triple, NaN before any
     */
    public double last() {
        return last;
    }

    /**
     * Number of finite estimates averaged.
     *
     * @return how many triples gave a finite estimate
     */
    public long observations() {
        return observations;
    }

    /**
     * The curvature estimate of the best step along the gradient, {@code g.g / g.Hg}, with {@code Hg} from a
     * finite difference of gradients. Exact on a quadratic: {@code 1/a} for {@code a w^2 / 2}.
     *
     * @param gradientDotGradient {@code g.g}, {@code >= 0}
     * @param gradientDotHessianGradient {@code g.Hg}, finite
     * @return the step size, or {@code +Infinity} when the curvature along {@code g} is not positive
     * @throws IllegalArgumentException if a value is out of its range
     */
    public static double alongGradient(double gradientDotGradient, double gradientDotHessianGradient) {
        Checks.nonNegative("gradientDotGradient", gradientDotGradient);
        Checks.finite("gradientDotHessianGradient", gradientDotHessianGradient);
        return gradientDotHessianGradient > 0 ? gradientDotGradient / gradientDotHessianGradient
                : Double.POSITIVE_INFINITY;
    }
}

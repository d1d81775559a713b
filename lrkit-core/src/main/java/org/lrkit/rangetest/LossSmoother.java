package org.lrkit.rangetest;

import org.lrkit.Checks;

/**
 * An exponential moving average of the loss, debiased: after {@code n} observations,
 * {@code avg_n = beta avg_(n-1) + (1 - beta) loss_n} (with {@code avg_0 = 0}) and the smoothed value is
 * {@code avg_n / (1 - beta^n)}. The first smoothed value is the first loss itself (Lightning's finder
 * starts at about half of it because it counts from a global step instead of its own observations).
 * Mutable; one per range test.
 *
 * <pre>{@code
 * LossSmoother smoother = new LossSmoother(0.98);
 * double s = smoother.add(2.3);   // 2.3
 * }</pre>
 */
public final class LossSmoother {

    private final double beta;
    private double average;
    private double betaPower = 1.0;

    /** @param beta weight of the past, in [0, 1): 0 means no smoothing; fastai and Lightning use 0.98 */
    public LossSmoother(double beta) {
        Checks.finite("beta", beta);
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("beta must be in [0, 1), got " + beta);
        }
        this.beta = beta;
    }

    /**
     * Adds one loss and returns the smoothed value. A non-finite loss makes every later value non-finite.
     *
     * @param loss the training loss of the next step
     * @return the debiased moving average of all losses added so far
     */
    public double add(double loss) {
        average = beta * average + (1 - beta) * loss;
        betaPower *= beta;
        return average / (1 - betaPower);
    }
}

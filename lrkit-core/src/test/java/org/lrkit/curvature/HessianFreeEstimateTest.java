package org.lrkit.curvature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The estimates on quadratics {@code f(w) = sum a_i w_i^2 / 2}, where plain SGD with learning rate
 * {@code lr} maps {@code w -> (1 - lr a) w} and the best step along a direction is known in closed form.
 */
class HessianFreeEstimateTest {

    private static double[] sgdStep(double[] w, double[] curvature, double lr) {
        double[] next = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            next[i] = w[i] - lr * curvature[i] * w[i];
        }
        return next;
    }

    private static double l1(double[] a, double[] b, double[] c, boolean second) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += second ? Math.abs(2 * b[i] - a[i] - c[i]) : Math.abs(b[i] - a[i]);
        }
        return sum;
    }

    @Test
    void oneDimensionalQuadraticGivesTheNewtonStep() {
        double a = 4.0;
        double lr = 0.01;
        double[] w1 = {3.0};
        double[] w2 = sgdStep(w1, new double[] {a}, lr);
        double[] w3 = sgdStep(w2, new double[] {a}, lr);
        double estimate = HessianFreeEstimate.estimate(lr, l1(w1, w2, w3, false), l1(w1, w2, w3, true));
        assertThat(estimate).isCloseTo(1 / a, within(1e-12));
    }

    @Test
    void diagonalQuadraticGivesTheSecantStepAndTheAverageConverges() {
        double[] curvature = {1.0, 1.0, 1.0, 1.0};
        double lr = 0.05;
        double[] w = {1, -2, 0.5, 3};
        HessianFreeEstimate estimate = HessianFreeEstimate.authors();
        for (int i = 0; i < 200; i++) {
            double[] w2 = sgdStep(w, curvature, lr);
            double[] w3 = sgdStep(w2, curvature, lr);
            estimate.observe(lr, l1(w, w2, w3, false), l1(w, w2, w3, true));
            w = w2;
        }
        // equal curvature 1 everywhere: every estimate is exactly 1, the average converges from 0.1 to it
        assertThat(estimate.last()).isCloseTo(1.0, within(1e-9));
        assertThat(estimate.average()).isCloseTo(1.0, within(1e-6));
        assertThat(estimate.observations()).isEqualTo(200);
    }

    @Test
    void mixedCurvaturesGiveAnEstimateBetweenTheirNewtonSteps() {
        double[] curvature = {0.5, 2.0, 8.0};
        double lr = 0.01;
        double[] w1 = {1, 1, 1};
        double[] w2 = sgdStep(w1, curvature, lr);
        double[] w3 = sgdStep(w2, curvature, lr);
        double estimate = HessianFreeEstimate.estimate(lr, l1(w1, w2, w3, false), l1(w1, w2, w3, true));
        // sum|a_i w_i| / sum|a_i^2 w_i| (to first order in lr) = 10.5 / 68.25
        assertThat(estimate).isCloseTo(10.5 / 68.25, within(1e-3)).isBetween(1 / 8.0, 1 / 0.5);
    }

    @Test
    void curvatureAlongTheGradient() {
        // f = (a1 w1^2 + a2 w2^2)/2 at w = (1, 1): g = (a1, a2), Hg = (a1^2, a2^2)
        double a1 = 1;
        double a2 = 3;
        double step = HessianFreeEstimate.alongGradient(a1 * a1 + a2 * a2, a1 * a1 * a1 + a2 * a2 * a2);
        assertThat(step).isCloseTo(10.0 / 28.0, within(1e-15));
        // the exact line minimum of f along -g: argmin_t f(w - t g)
        double exact = (a1 * a1 + a2 * a2) / (a1 * a1 * a1 + a2 * a2 * a2);
        assertThat(step).isEqualTo(exact);
        assertThat(HessianFreeEstimate.alongGradient(1, -1)).isInfinite();
    }

    @Test
    void zeroSecondDifferenceLeavesTheAverage() {
        HessianFreeEstimate estimate = HessianFreeEstimate.authors();
        assertThat(estimate.observe(0.1, 1.0, 0.0)).isEqualTo(0.1);
        assertThat(estimate.last()).isInfinite();
        assertThat(estimate.observations()).isZero();
    }
}

package org.lrkit.curvature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The momentum-corrected estimate against the plain one, on quadratics {@code f(w) = h sum w_i^2 / 2} (Hessian
 * {@code h}, optimal rate {@code 1 / h}) trained in plain Java by SGD with momentum in PyTorch's convention,
 * {@code b = m b + g; w = w - lr b}, with Gaussian gradient noise of standard deviation {@code sigma} per
 * coordinate ({@code g = h w + sigma z}). Fixed seeds.
 */
class MomentumCorrectedEstimateTest {

    /** The weights after every step, {@code w_0} first, with constant rate and momentum. */
    private static List<double[]> train(double h, double sigma, double momentum, double lr, int dimensions,
            int steps, long seed) {
        Random random = new Random(seed);
        double[] w = new double[dimensions];
        for (int i = 0; i < dimensions; i++) {
            w[i] = random.nextGaussian();
        }
        double[] buffer = new double[dimensions];
        List<double[]> trajectory = new ArrayList<>();
        trajectory.add(w.clone());
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < dimensions; i++) {
                double g = h * w[i] + sigma * random.nextGaussian();
                buffer[i] = momentum * buffer[i] + g;
                w[i] -= lr * buffer[i];
            }
            trajectory.add(w.clone());
        }
        return trajectory;
    }

    /** Smith &amp; Topin's {@code lr * sum|w2 - w1| / sum|2 w2 - w1 - w3|} for the snapshots after {@code t}. */
    private static double plain(List<double[]> w, int t, double lr) {
        double first = 0;
        double second = 0;
        double[] w1 = w.get(t);
        double[] w2 = w.get(t + 1);
        double[] w3 = w.get(t + 2);
        for (int i = 0; i < w1.length; i++) {
            first += Math.abs(w2[i] - w1[i]);
            second += Math.abs(2 * w2[i] - w1[i] - w3[i]);
        }
        return HessianFreeEstimate.estimate(lr, first, second);
    }

    /** The corrected estimate whose {@code w_1} is snapshot {@code t}, at a constant rate and momentum. */
    private static double corrected(List<double[]> w, int t, double lr, double momentum) {
        double[][] weights = {w.get(t - 2), w.get(t - 1), w.get(t), w.get(t + 1), w.get(t + 2)};
        return MomentumCorrectedEstimate.of(weights, new double[] {lr, lr, lr, lr},
                new double[] {momentum, momentum, momentum, momentum});
    }

    private static double meanOver(List<double[]> w, int from, int to, int stride, Estimator estimator) {
        double sum = 0;
        int count = 0;
        for (int t = from; t < to; t += stride) {
            sum += estimator.at(t);
            count++;
        }
        return sum / count;
    }

    private interface Estimator {
        double at(int t);
    }

    @Test
    void pureNoiseGivesThePlainEstimateTheMomentumBiasButNotTheCorrectedOne() {
        double lr = 0.1;
        // no curvature: the gradients are pure noise. 10,000 coordinates make each L1 sum's relative spread about
        // 0.6 / sqrt(10,000) = 0.6%; 19 windows after 200 steps of burn-in (0.9^200: the buffer is stationary)
        List<double[]> momentum = train(0, 1, 0.9, lr, 10_000, 300, 1);
        List<double[]> plainSgd = train(0, 1, 0, lr, 10_000, 300, 1);
        double biased = meanOver(momentum, 200, 295, 5, t -> plain(momentum, t, lr)) / lr;
        double fixed = meanOver(momentum, 200, 295, 5, t -> corrected(momentum, t, lr, 0.9)) / lr;
        double reference = meanOver(plainSgd, 200, 295, 5, t -> plain(plainSgd, t, lr)) / lr;
        // theory (class Javadoc): sqrt(1 / (2 * 0.1)) = 2.236, 1 / sqrt(1.9^2 + 1 + 0.81) = 0.4295, sqrt(1/2) = 0.707;
        // 3% is five times the spread of one window's estimate
        assertThat(biased).isCloseTo(Math.sqrt(5), within(0.03 * Math.sqrt(5)));
        assertThat(fixed).isCloseTo(1 / Math.sqrt(5.42), within(0.03 / Math.sqrt(5.42)));
        assertThat(reference).isCloseTo(Math.sqrt(0.5), within(0.03 * Math.sqrt(0.5)));
        // the plain estimate is "above the learning rate" from momentum alone; the corrected one is not
        assertThat(biased).isGreaterThan(2);
        assertThat(fixed).isLessThan(1);
    }

    @Test
    void knownCurvatureGivesWhatThePlainEstimateGivesWithoutMomentum() {
        double h = 4;
        double lr = 0.01;
        double sigma = 0.001;
        // signal g = h w starts near 4 per coordinate and decays about tenfold over the 30 steps; the noise in
        // H g_1 is about 2.3 sigma / lr = 0.23 per coordinate against h |g| >= 1.6, so a window is a few % off
        List<double[]> momentum = train(h, sigma, 0.9, lr, 1_000, 40, 3);
        List<double[]> plainSgd = train(h, sigma, 0, lr, 1_000, 40, 3);
        double reference = meanOver(plainSgd, 2, 30, 3, t -> plain(plainSgd, t, lr));
        double fixed = meanOver(momentum, 2, 30, 3, t -> corrected(momentum, t, lr, 0.9));
        assertThat(reference).isCloseTo(1 / h, within(0.01 / h));
        assertThat(fixed).isCloseTo(reference, within(0.02 * reference));
        double worstCorrected = 0;
        double worstPlain = 0;
        for (int t = 2; t < 30; t += 3) {
            worstCorrected = Math.max(worstCorrected, Math.abs(corrected(momentum, t, lr, 0.9) * h - 1));
            worstPlain = Math.max(worstPlain, Math.abs(plain(momentum, t, lr) * h - 1));
        }
        // every corrected window is within 5% of 1/h; the plain one swings with the momentum's oscillation
        assertThat(worstCorrected).isLessThan(0.05);
        assertThat(worstPlain).isGreaterThan(0.5);
    }

    @Test
    void exactOnANoiselessQuadraticUnderChangingRatesAndMomenta() {
        double h = 2.5;
        double[] rates = {0.01, 0.013, 0.02, 0.017};
        double[] momenta = {0.95, 0.9, 0.85, 0.8};
        double[] w = {1, -2, 0.5};
        double[] buffer = {0.3, -0.1, 0.2};
        double[][] weights = new double[5][];
        weights[0] = w.clone();
        for (int t = 0; t < 4; t++) {
            for (int i = 0; i < w.length; i++) {
                buffer[i] = momenta[t] * buffer[i] + h * w[i];
                w[i] -= rates[t] * buffer[i];
            }
            weights[t + 1] = w.clone();
        }
        assertThat(MomentumCorrectedEstimate.of(weights, rates, momenta)).isCloseTo(1 / h, within(1e-9));
    }

    @Test
    void withoutMomentumItIsThePlainEstimate() {
        List<double[]> w = train(3, 0.5, 0, 0.02, 50, 10, 7);
        for (int t = 2; t < 8; t++) {
            double expected = plain(w, t, 0.02);
            assertThat(corrected(w, t, 0.02, 0)).isCloseTo(expected, within(1e-12 * expected));
            // the earlier snapshots are not needed without momentum
            double[][] three = {null, null, w.get(t), w.get(t + 1), w.get(t + 2)};
            assertThat(MomentumCorrectedEstimate.of(three, new double[] {0.02, 0.02, 0.02, 0.02}, new double[4]))
                    .isCloseTo(expected, within(1e-12 * expected));
        }
    }

    @Test
    void gradientRecoversTheGradientOfTheStep() {
        // b_1 = 0.9 * 0 + g_0; w_1 = w_0 - lr b_1; b_2 = 0.9 b_1 + g_1; w_2 = w_1 - lr b_2
        double[] w0 = {1.0};
        double g0 = 0.4;
        double g1 = -0.3;
        double[] w1 = {w0[0] - 0.1 * g0};
        double[] w2 = {w1[0] - 0.2 * (0.9 * g0 + g1)};
        assertThat(MomentumCorrectedEstimate.gradient(w0, w1, w2, 0.1, 0.2, 0.9)[0]).isCloseTo(g1, within(1e-12));
    }

    @Test
    void rejectsTheWrongNumberOfSnapshotsAndBadMomenta() {
        assertThatThrownBy(() -> MomentumCorrectedEstimate.of(new double[3][], new double[4], new double[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 snapshots");
        double[] w = {1};
        assertThatThrownBy(() -> MomentumCorrectedEstimate.gradient(w, w, w, 0.1, 0.1, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("momentum");
    }
}

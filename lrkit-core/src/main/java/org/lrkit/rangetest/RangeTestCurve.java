package org.lrkit.rangetest;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.lrkit.Checks;

/**
 * The result of a learning-rate range test: for each step, the learning rate used, the training loss, the
 * smoothed loss, and (in validation mode, every k steps) the validation loss and accuracy.
 *
 * <p>All arrays have one entry per recorded step; validation entries are {@code NaN} at steps without an
 * evaluation. Arrays are copied in and out.
 *
 * @param learningRates learning rate of each step, increasing
 * @param losses training loss of each step
 * @param smoothedLosses debiased moving average of the loss ({@link LossSmoother})
 * @param validationLosses validation loss, or NaN where not evaluated
 * @param accuracies validation accuracy in [0, 1], or NaN where not evaluated
 * @param stopReason why the test ended
 */
public record RangeTestCurve(double[] learningRates, double[] losses, double[] smoothedLosses,
        double[] validationLosses, double[] accuracies, StopReason stopReason) {

    /**
     * Creates a curve; the arrays are copied.
     *
     * @param learningRates learning rate of each step, each finite and {@code > 0}, strictly increasing
     * @param losses training loss of each step, as many as learning rates
     * @param smoothedLosses smoothed loss of each step, as many as learning rates
     * @param validationLosses validation loss of each step or NaN, as many as learning rates
     * @param accuracies validation accuracy of each step or NaN, as many as learning rates
     * @param stopReason why the test ended, not null
     * @throws IllegalArgumentException if an argument is null, the arrays differ in length, or a learning
     *     rate is not a finite value {@code > 0} or not above the one before
     */
    public RangeTestCurve {
        Checks.notNull("learningRates", learningRates);
        Checks.notNull("losses", losses);
        Checks.notNull("smoothedLosses", smoothedLosses);
        Checks.notNull("validationLosses", validationLosses);
        Checks.notNull("accuracies", accuracies);
        Checks.notNull("stopReason", stopReason);
        int n = learningRates.length;
        if (losses.length != n || smoothedLosses.length != n || validationLosses.length != n
                || accuracies.length != n) {
            throw new IllegalArgumentException("every series needs one value per step (" + n + "), got losses="
                    + losses.length + ", smoothedLosses=" + smoothedLosses.length + ", validationLosses="
                    + validationLosses.length + ", accuracies=" + accuracies.length);
        }
        for (int i = 0; i < n; i++) {
            Checks.positive("learningRates[" + i + "]", learningRates[i]);
            if (i > 0 && !(learningRates[i] > learningRates[i - 1])) {
                throw new IllegalArgumentException("learningRates must increase, but learningRates[" + (i - 1)
                        + "]=" + learningRates[i - 1] + " >= learningRates[" + i + "]=" + learningRates[i]);
            }
        }
        learningRates = learningRates.clone();
        losses = losses.clone();
        smoothedLosses = smoothedLosses.clone();
        validationLosses = validationLosses.clone();
        accuracies = accuracies.clone();
    }

    /**
     * A curve of training losses only, smoothed with {@code beta}.
     *
     * @param learningRates learning rate of each step, each finite and {@code > 0}, strictly increasing
     * @param losses training loss of each step, as many as learning rates
     * @param beta weight of the past in the loss average ({@link LossSmoother}), in {@code [0, 1)}
     * @param reason why the test ended, not null
     * @return a curve without validation losses or accuracies
     * @throws IllegalArgumentException if {@code beta} is outside {@code [0, 1)}, or the arrays break a rule
     *     of the canonical constructor
     */
    public static RangeTestCurve ofLosses(double[] learningRates, double[] losses, double beta, StopReason reason) {
        LossSmoother smoother = new LossSmoother(beta);
        double[] smoothed = Arrays.stream(losses).map(smoother::add).toArray();
        double[] none = new double[losses.length];
        Arrays.fill(none, Double.NaN);
        return new RangeTestCurve(learningRates, losses, smoothed, none, none.clone(), reason);
    }

    /**
     * The median over several runs of the same sweep (one per seed): the smoothed loss is the band's median
     * ({@link CurveBand#of}), and at each of the band's steps the training loss, validation loss and accuracy
     * are the medians over the runs that reached that step (validation NaNs left out; NaN where no run was
     * evaluated). The curve counts as {@link StopReason#COMPLETED} only when every run completed the sweep,
     * otherwise as {@link StopReason#DIVERGED}.
     *
     * <pre>{@code
     * List<RangeTestCurve> seeds = List.of(seed0, seed1, seed2);
     * RangeTestCurve median = RangeTestCurve.median(CurveBand.of(seeds), seeds);
     * }</pre>
     *
     * @param band the band of {@code curves}, {@code CurveBand.of(curves)}; it sets the steps and the smoothed
     *     loss
     * @param curves the runs, at least one
     * @return the median curve over the band's steps
     * @throws IllegalArgumentException if {@code band} or {@code curves} is null, or {@code curves} is empty
     */
    public static RangeTestCurve median(CurveBand band, List<RangeTestCurve> curves) {
        Checks.notNull("band", band);
        Checks.notNull("curves", curves);
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("curves must not be empty; pass the runs the band was made of");
        }
        int n = band.median().length;
        double[] validationLosses = new double[n];
        double[] accuracies = new double[n];
        double[] losses = new double[n];
        for (int i = 0; i < n; i++) {
            validationLosses[i] = median(curves, i, curve -> curve.validationLosses);
            accuracies[i] = median(curves, i, curve -> curve.accuracies);
            losses[i] = median(curves, i, curve -> curve.losses);
        }
        StopReason reason = curves.stream().allMatch(c -> c.stopReason() == StopReason.COMPLETED)
                ? StopReason.COMPLETED : StopReason.DIVERGED;
        return new RangeTestCurve(band.learningRates(), losses, band.median(), validationLosses, accuracies, reason);
    }

    /** The median of {@code series} at {@code step} over the curves that reached it, NaNs left out. */
    private static double median(List<RangeTestCurve> curves, int step, Function<RangeTestCurve, double[]> series) {
        double[] values = curves.stream().filter(c -> c.size() > step).mapToDouble(c -> series.apply(c)[step])
                .filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        int half = values.length / 2;
        return values.length % 2 == 1 ? values[half] : (values[half - 1] + values[half]) / 2;
    }

    /**
     * Number of recorded steps.
     *
     * @return the length of every series
     */
    public int size() {
        return learningRates.length;
    }

    /**
     * Whether any step has a validation evaluation.
     *
     * @return true if some accuracy is not NaN
     */
    public boolean hasValidation() {
        return Arrays.stream(accuracies).anyMatch(a -> !Double.isNaN(a));
    }

    /**
     * The learning rates (a copy).
     *
     * @return the learning rate of each step, increasing
     */
    @Override
    public double[] learningRates() {
        return learningRates.clone();
    }

    /**
     * The training losses (a copy).
     *
     * @return the training loss of each step
     */
    @Override
    public double[] losses() {
        return losses.clone();
    }

    /**
     * The smoothed losses (a copy).
     *
     * @return the debiased moving average of the loss at each step
     */
    @Override
    public double[] smoothedLosses() {
        return smoothedLosses.clone();
    }

    /**
     * The validation losses (a copy).
     *
     * @return the validation loss of each step, NaN where not evaluated
     */
    @Override
    public double[] validationLosses() {
        return validationLosses.clone();
    }

    /**
     * The validation accuracies (a copy).
     *
     * @return the validation accuracy of each step, in {@code [0, 1]}, NaN where not evaluated
     */
    @Override
    public double[] accuracies() {
        return accuracies.clone();
    }

    /**
     * The learning rate of step {@code index}, without copying the array.
     *
     * @param index 0-based step of the curve, in {@code [0, size())}
     * @return the learning rate used at that step
     */
    public double learningRate(int index) {
        return learningRates[index];
    }

    /**
     * The smoothed loss of step {@code index}, without copying the array.
     *
     * @param index 0-based step of the curve, in {@code [0, size())}
     * @return the smoothed loss at that step
     */
    public double smoothedLoss(int index) {
        return smoothedLosses[index];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RangeTestCurve that && stopReason == that.stopReason
                && Arrays.equals(learningRates, that.learningRates) && Arrays.equals(losses, that.losses)
                && Arrays.equals(smoothedLosses, that.smoothedLosses)
                && Arrays.equals(validationLosses, that.validationLosses)
                && Arrays.equals(accuracies, that.accuracies);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(learningRates) * 31 + Arrays.hashCode(losses);
    }

    @Override
    public String toString() {
        return "RangeTestCurve[" + size() + " steps, " + stopReason + "]";
    }
}

package org.lrkit.rangetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RangeTestCurve#median}: the median over seeds of a range test. */
class RangeTestCurveMedianTest {

    private static final double NAN = Double.NaN;
    private static final double[] RATES = {0.001, 0.01, 0.1, 1.0};

    private static RangeTestCurve curve(double[] losses, double[] smoothed, double[] validation, double[] accuracy,
            StopReason reason) {
        int n = losses.length;
        return new RangeTestCurve(java.util.Arrays.copyOf(RATES, n), losses, smoothed, validation, accuracy, reason);
    }

    @Test
    void takesTheMedianOfEachSeriesOverTheRunsThatReachedTheStep() {
        RangeTestCurve a = curve(new double[] {2, 1, 3, 4}, new double[] {2, 1.5, 2, 3},
                new double[] {NAN, 1.0, NAN, 5.0}, new double[] {NAN, 0.5, NAN, 0.1}, StopReason.COMPLETED);
        RangeTestCurve b = curve(new double[] {4, 3, 1, 6}, new double[] {4, 3.5, 2.5, 4},
                new double[] {NAN, 3.0, NAN, 7.0}, new double[] {NAN, 0.7, NAN, 0.3}, StopReason.COMPLETED);
        RangeTestCurve c = curve(new double[] {3, 2, 2}, new double[] {3, 2.5, 2.2},
                new double[] {NAN, NAN, NAN}, new double[] {NAN, NAN, NAN}, StopReason.DIVERGED);
        List<RangeTestCurve> curves = List.of(a, b, c);
        CurveBand band = CurveBand.of(curves);

        RangeTestCurve median = RangeTestCurve.median(band, curves);

        assertThat(median.learningRates()).containsExactly(band.learningRates());
        assertThat(median.smoothedLosses()).containsExactly(band.median());
        // steps 0-2: three runs (odd: the middle value); step 3: two runs (even: the mean of the middle two)
        assertThat(median.losses()).containsExactly(3, 2, 2, 5);
        // validation: NaN runs left out; no run evaluated gives NaN
        assertThat(median.validationLosses()).containsExactly(NAN, 2.0, NAN, 6.0);
        assertThat(median.accuracies()).containsExactly(NAN, 0.6, NAN, 0.2);
        assertThat(median.stopReason()).isEqualTo(StopReason.DIVERGED);
    }

    @Test
    void completedOnlyWhenEveryRunCompleted() {
        RangeTestCurve a = RangeTestCurve.ofLosses(RATES, new double[] {1, 2, 3, 4}, 0.5, StopReason.COMPLETED);
        RangeTestCurve b = RangeTestCurve.ofLosses(RATES, new double[] {2, 3, 4, 5}, 0.5, StopReason.COMPLETED);
        List<RangeTestCurve> curves = List.of(a, b);

        RangeTestCurve median = RangeTestCurve.median(CurveBand.of(curves), curves);

        assertThat(median.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(median.losses()).containsExactly(1.5, 2.5, 3.5, 4.5);
        assertThat(median.hasValidation()).isFalse();
    }

    @Test
    void namesWhatIsMissing() {
        RangeTestCurve a = RangeTestCurve.ofLosses(RATES, new double[] {1, 2, 3, 4}, 0.5, StopReason.COMPLETED);
        CurveBand band = CurveBand.of(List.of(a));
        assertThatThrownBy(() -> RangeTestCurve.median(band, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("curves must not be empty");
        assertThatThrownBy(() -> RangeTestCurve.median(null, List.of(a)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("band");
    }
}

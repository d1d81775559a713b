package org.lrkit.experiment.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TicksTest {

    @Test
    void linearTicksAreRoundAndWithinTheRange() {
        Ticks ticks = Ticks.linear(0, 9, 6);
        assertThat(ticks.labels()).containsExactly("0", "2", "4", "6", "8");
    }

    @Test
    void decimalsFollowTheStep() {
        Ticks ticks = Ticks.linear(0.845, 0.955, 4);
        assertThat(ticks.labels()).containsExactly("0.85", "0.90", "0.95");
    }

    @Test
    void smallValuesUseScientificNotation() {
        Ticks ticks = Ticks.linear(0, 9e-6, 6);
        assertThat(ticks.labels()).containsExactly("0", "2.0e-06", "4.0e-06", "6.0e-06", "8.0e-06");
    }

    @Test
    void largeStepCountsStayPlain() {
        Ticks ticks = Ticks.linear(0, 999_999, 8);
        assertThat(ticks.labels()).containsExactly("0", "200000", "400000", "600000", "800000");
    }

    @Test
    void neverMoreThanAskedForPlusOne() {
        for (double max : new double[] {1, 3.7, 17, 123.4, 1e-7, 5e8}) {
            for (int count = 2; count < 12; count++) {
                assertThat(Ticks.linear(0, max, count).values()).hasSizeBetween(2, count + 1);
            }
        }
    }

    @Test
    void logTicksArePowersOfTen() {
        Ticks ticks = Ticks.log(3e-7, 2.0, 10);
        assertThat(ticks.labels()).containsExactly("1e-06", "1e-05", "1e-04", "1e-03", "1e-02", "1e-01", "1e+00");
    }

    @Test
    void wideLogRangesSkipDecades() {
        Ticks ticks = Ticks.log(1e-12, 1, 5);
        assertThat(ticks.values()).hasSizeLessThanOrEqualTo(7).contains(1e-12, 1.0);
    }

    @Test
    void narrowLogRangesUseOneTwoFive() {
        Ticks ticks = Ticks.log(0.03, 0.6, 8);
        assertThat(ticks.labels()).containsExactly("0.05", "0.1", "0.2", "0.5");
    }

    @Test
    void logNeedsPositiveValues() {
        assertThatThrownBy(() -> Ticks.log(0, 1, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}

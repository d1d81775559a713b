package org.lrkit.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CosinePiTest {

    @Test
    void exactAtTheSpecialPoints() {
        assertThat(CosinePi.of(0)).isEqualTo(1.0);
        assertThat(CosinePi.of(1)).isEqualTo(-1.0);
        assertThat(CosinePi.of(2)).isEqualTo(1.0);
        assertThat(CosinePi.of(-1)).isEqualTo(-1.0);
        assertThat(CosinePi.of(0.5)).isEqualTo(0.0);
        assertThat(CosinePi.of(1.5)).isEqualTo(0.0);
    }

    @Test
    void withinAFewUlpsOfTheLibraryCosine() {
        Random random = new Random(7);
        for (int i = 0; i < 1_000_000; i++) {
            double x = i < 500_000 ? random.nextDouble() : (random.nextDouble() - 0.5) * 1e6;
            double expected = Math.cos(Math.PI * Math.IEEEremainder(x, 2.0));
            double actual = CosinePi.of(x);
            // absolute error relative to the function's scale (1): what schedules need
            assertThat(Math.abs(actual - expected)).as("x=%s", x).isLessThanOrEqualTo(4 * Math.ulp(1.0));
        }
    }

    @Test
    void relativeAccuracyNearTheZeroCrossing() {
        for (double d = 1e-12; d < 0.1; d *= 1.7) {
            double x = 0.5 - d;
            double expected = Math.sin(Math.PI * (0.5 - x));   // 0.5 - x is exact, 0.5 - d was not
            assertThat(CosinePi.of(x)).isCloseTo(expected, org.assertj.core.api.Assertions.within(4 * Math.ulp(expected)));
        }
    }
}

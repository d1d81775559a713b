package org.lrkit.experiment.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DownsamplerTest {

    @Test
    void fewPointsAreKeptAsTheyAre() {
        Downsampler downsampler = new Downsampler(0, 9, 10);
        for (int i = 0; i < 10; i++) {
            downsampler.add(i, i * i);
        }
        Series series = downsampler.toSeries("s");
        assertThat(series.x()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(series.y()).containsExactly(0, 1, 4, 9, 16, 25, 36, 49, 64, 81);
    }

    @Test
    void keepsAtMostFourPointsPerBucketAndEverySpike() {
        int n = 1_000_000;
        Downsampler downsampler = new Downsampler(0, n - 1, 500);
        for (int i = 0; i < n; i++) {
            double y = i == 123_457 ? 100 : i == 876_543 ? -100 : Math.sin(i * 1e-4);
            downsampler.add(i, y);
        }
        Series series = downsampler.toSeries("s");
        assertThat(series.size()).isLessThanOrEqualTo(2000);
        assertThat(Arrays.stream(series.y()).max().orElseThrow()).isEqualTo(100);
        assertThat(Arrays.stream(series.y()).min().orElseThrow()).isEqualTo(-100);
        assertThat(series.x()[0]).isZero();
        assertThat(series.x()[series.size() - 1]).isEqualTo(n - 1);
        assertThat(series.xNonDecreasing()).isTrue();
    }

    @Test
    void skipsNonFinitePoints() {
        Downsampler downsampler = new Downsampler(0, 2, 3);
        downsampler.add(0, 1);
        downsampler.add(1, Double.NaN);
        downsampler.add(2, 3);
        assertThat(downsampler.toSeries("s").y()).containsExactly(1, 3);
    }

    @Test
    void rejectsPointsOutOfOrder() {
        Downsampler downsampler = new Downsampler(0, 10, 3);
        downsampler.add(5, 1);
        assertThatThrownBy(() -> downsampler.add(4, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}

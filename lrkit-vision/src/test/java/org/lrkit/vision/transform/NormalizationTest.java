package org.lrkit.vision.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lrkit.vision.data.ImageSet;

class NormalizationTest {

    @Test
    void mapsBytesThroughThePublishedStatistics() {
        assertThat(Normalization.CIFAR10.channels()).isEqualTo(3);
        assertThat(Normalization.CIFAR10.apply(1, 0)).isEqualTo((float) (-0.4822 / 0.2435));
        assertThat(Normalization.MNIST.apply(0, 255)).isEqualTo((float) ((1 - 0.1307) / 0.3081));
        assertThat(Normalization.unitScale(2).apply(1, 51)).isEqualTo(0.2f);
    }

    @Test
    void computesExactPerChannelStatisticsFromTheImages() {
        // Two 1x2 images, two channels. Channel 0: 0, 255, 0, 255 -> mean 0.5, std 0.5.
        // Channel 1: 51 everywhere -> mean 0.2, constant -> std 1.
        byte[] pixels = {0, (byte) 255, 51, 51, 0, (byte) 255, 51, 51};
        ImageSet set = new ImageSet("stats", 2, 1, 2, pixels, new int[] {0, 0}, List.of("x"));
        Normalization n = Normalization.fromData(set);
        assertThat(n.mean(0)).isCloseTo(0.5, within(1e-15));
        assertThat(n.std(0)).isCloseTo(0.5, within(1e-15));
        assertThat(n.mean(1)).isCloseTo(0.2, within(1e-15));
        assertThat(n.std(1)).isEqualTo(1.0);
        assertThat(n.apply(0, 255)).isEqualTo(1f);
        assertThat(n.apply(0, 0)).isEqualTo(-1f);
        assertThat(n).isEqualTo(Normalization.of(new double[] {n.mean(0), n.mean(1)}, new double[] {0.5, 1}));
    }

    @Test
    void rejectsBadStatistics() {
        assertThatThrownBy(() -> Normalization.of(new double[] {0.5}, new double[] {0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("std[0] must be finite and > 0, got 0.0").hasMessageContaining("std 1");
        assertThatThrownBy(() -> Normalization.of(new double[] {0.5, 0.5}, new double[] {1}))
                .hasMessageContaining("2 means and 1 standard deviations");
        assertThatThrownBy(() -> Normalization.of(new double[] {Double.NaN}, new double[] {1}))
                .hasMessageContaining("mean[0] must be finite");
        assertThatThrownBy(() -> Normalization.fromData(
                new ImageSet("empty", 1, 2, 2, new byte[0], new int[0], List.of("x"))))
                .hasMessageContaining("must not be empty");
    }

    @Test
    void rngIsReproducibleAndSeedsAreIndependent() {
        Rng a = new Rng(5);
        Rng b = new Rng(5);
        for (int i = 0; i < 50; i++) {
            assertThat(a.nextLong()).isEqualTo(b.nextLong());
        }
        a.reset(9);
        b.reset(9);
        assertThat(a.nextInt(1000)).isEqualTo(b.nextInt(1000));
        assertThat(Rng.seedFor(1, 2, 3, 4)).isEqualTo(Rng.seedFor(1, 2, 3, 4))
                .isNotEqualTo(Rng.seedFor(1, 2, 4, 3)).isNotEqualTo(Rng.seedFor(2, 2, 3, 4));
        int[] counts = new int[3];
        Rng r = new Rng(11);
        for (int i = 0; i < 30_000; i++) {
            counts[r.nextInt(3)]++;
        }
        for (int c : counts) {
            assertThat(c).isBetween(9_500, 10_500);
        }
        assertThatThrownBy(() -> r.nextInt(0)).hasMessageContaining("bound must be > 0, got 0");
    }
}

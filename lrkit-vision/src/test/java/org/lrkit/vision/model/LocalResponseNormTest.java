package org.lrkit.vision.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class LocalResponseNormTest {

    private static float[] run(LocalResponseNorm lrn, float[] values, Shape shape) {
        try (NDManager manager = NDManager.newBaseManager()) {
            lrn.initialize(manager, DataType.FLOAT32, shape);
            NDArray x = manager.create(values, shape);
            return lrn.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow()
                    .toFloatArray();
        }
    }

    @Test
    void withinChannelDividesByTheMeanSquareOfTheZeroPaddedSquare() {
        // One channel, 2x2 image [[1, 2], [3, 4]], 3x3 region: every region holds all four pixels (sum of
        // squares 30) and counts 9 values, padding included.
        float[] out = run(new LocalResponseNorm(3, 0.9, 0.5, 1.0, LocalResponseNorm.Region.WITHIN_CHANNEL),
                new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
        double scale = Math.pow(1 + 0.9 * 30 / 9, -0.5);
        assertThat(out).containsExactly(new float[] {(float) scale, (float) (2 * scale), (float) (3 * scale),
                (float) (4 * scale)}, org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void acrossChannelsUsesNeighbouringChannelsAtThePixel() {
        // Three channels of one pixel: 1, 2, 3; size 3: channel 0 sees {0, 1, 2}, channel 1 sees {1, 2, 3}.
        float[] out = run(new LocalResponseNorm(3, 0.3, 0.75, 2.0, LocalResponseNorm.Region.ACROSS_CHANNELS),
                new float[] {1, 2, 3}, new Shape(1, 3, 1, 1));
        double[] sums = {1 + 4, 1 + 4 + 9, 4 + 9};
        for (int c = 0; c < 3; c++) {
            assertThat(out[c]).isCloseTo((float) ((c + 1) * Math.pow(2 + 0.3 * sums[c] / 3, -0.75)),
                    org.assertj.core.data.Offset.offset(1e-6f));
        }
    }

    @Test
    void rejectsEvenSizesAndNegativeConstants() {
        assertThatThrownBy(() -> LocalResponseNorm.withinChannel(4, 1e-4, 0.75))
                .hasMessageContaining("size must be odd and >= 1").hasMessageContaining("4");
        assertThatThrownBy(() -> LocalResponseNorm.withinChannel(3, -1, 0.75)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> new LocalResponseNorm(3, 1, 1, 0, LocalResponseNorm.Region.ACROSS_CHANNELS))
                .hasMessageContaining("k must be");
    }
}

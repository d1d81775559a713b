package org.lrkit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.junit.jupiter.api.Test;
import org.lrkit.vision.model.Models;

class FlopCountTest {

    private static long forward(String model, Shape image, long batch) {
        Block block = Models.build(model, 10, image);
        try (NDManager manager = NDManager.newBaseManager()) {
            block.initialize(manager, DataType.FLOAT32, new Shape(batch, image.get(0), image.get(1), image.get(2)));
            return FlopCount.forwardPerImage(block);
        }
    }

    @Test
    void countsTheFashionCnnLayerByLayer() {
        long conv1 = 2L * 28 * 28 * 32 * 1 * 9;
        long conv2 = 2L * 14 * 14 * 64 * 32 * 9;
        long fc1 = 2L * 64 * 7 * 7 * 128;
        long fc2 = 2L * 128 * 10;
        assertThat(forward("fashion_cnn", new Shape(1, 28, 28), 1)).isEqualTo(conv1 + conv2 + fc1 + fc2);
    }

    @Test
    void resNet20IsAbout81MegaFlopsAndTrainingThreeTimesThat() {
        // Each of the three stages costs the same (channels double as the area quarters): 2 * 16 * 16 * 9 * 1024
        // per 3x3 conv at full width, 6 convs per stage, plus the 3-channel stem and the classifier.
        long perStage = 6L * 2 * 16 * 16 * 9 * 1024;
        long stem = 2L * 3 * 16 * 9 * 1024;
        long downsampleDiscount = 2L * (16 * 32 * 9 * 256 - 32 * 32 * 9 * 256) + 2L * (32 * 64 * 9 * 64 - 64 * 64 * 9 * 64);
        long expected = 3 * perStage + stem + downsampleDiscount + 2L * 64 * 10;
        assertThat(forward("resnet20", new Shape(3, 32, 32), 1)).isEqualTo(expected);
        Block block = Models.build("resnet20", 10, new Shape(3, 32, 32));
        try (NDManager manager = NDManager.newBaseManager()) {
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            assertThat(FlopCount.trainingPerImage(block)).isEqualTo(3 * expected);
        }
    }

    @Test
    void refusesABatchOtherThanOne() {
        assertThatThrownBy(() -> forward("fashion_cnn", new Shape(1, 28, 28), 2))
                .hasMessageContaining("batch of 1");
    }
}

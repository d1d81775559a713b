package org.lrkit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lrkit.vision.data.ImageSet;

/** The batch files of the side-by-side benchmarks mix the classes, even from a split sorted by class. */
class ExportBatchesTest {

    /** 4 classes of 8 one-pixel images, sorted by class as the CIFAR-10 JPEG copy is. */
    private static ImageSet sortedByClass() {
        int[] labels = new int[32];
        byte[] pixels = new byte[32];
        for (int i = 0; i < 32; i++) {
            labels[i] = i / 8;
            pixels[i] = (byte) i;
        }
        return new ImageSet("sorted", 1, 1, 1, pixels, labels, List.of("a", "b", "c", "d"));
    }

    @Test
    void aShuffledSubsetIsBalancedAndMixesTheClassesInEveryBatch() {
        ImageSet shuffled = ExportBatches.subset(sortedByClass(), 16, "shuffled", 1);
        assertThat(shuffled.size()).isEqualTo(16);
        assertThat(shuffled.classCounts()).containsExactly(4, 4, 4, 4);
        for (int batch = 0; batch < 4; batch++) {
            int[] labels = Arrays.copyOfRange(shuffled.labels(), 4 * batch, 4 * batch + 4);
            assertThat(Arrays.stream(labels).distinct().count()).as("classes in batch %d", batch).isGreaterThan(1);
        }
        assertThat(ExportBatches.subset(sortedByClass(), 16, "shuffled", 1).labels())
                .as("the same seed, the same order").containsExactly(shuffled.labels());
    }

    @Test
    void balancedKeepsTheDatasetOrderAndOtherWordsAreRefused() {
        ImageSet balanced = ExportBatches.subset(sortedByClass(), 16, "balanced", 1);
        assertThat(balanced.labels()).isSorted();
        assertThatThrownBy(() -> ExportBatches.subset(sortedByClass(), 16, "random", 1))
                .hasMessage("--subset must be shuffled, balanced or first, got 'random'");
    }
}

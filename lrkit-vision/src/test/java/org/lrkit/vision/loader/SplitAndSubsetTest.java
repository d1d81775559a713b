package org.lrkit.vision.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lrkit.vision.data.ImageSet;

class SplitAndSubsetTest {

    /** 100 images, classes of sizes 50, 30, 20 in a fixed interleaved order. */
    private static final int[] LABELS = new int[100];

    static {
        for (int i = 0; i < 100; i++) {
            LABELS[i] = i % 10 < 5 ? 0 : i % 10 < 8 ? 1 : 2;
        }
    }

    private static int[] classCounts(ImageSet set) {
        int[] counts = new int[set.classCount()];
        for (int label : set.labels()) {
            counts[label]++;
        }
        return counts;
    }

    private static Set<Integer> ids(ImageSet set) {
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < set.size(); i++) {
            ids.add(set.pixels()[i * set.imageBytes()] & 0xFF);
        }
        return ids;
    }

    @Test
    void epochOrderIsAPermutationDrivenBySeedAndEpoch() {
        int[] order = EpochOrder.shuffled(1000, 7, 3);
        assertThat(Arrays.stream(order).sorted().toArray()).isEqualTo(EpochOrder.sequential(1000));
        assertThat(EpochOrder.shuffled(1000, 7, 3)).isEqualTo(order);
        assertThat(EpochOrder.shuffled(1000, 7, 4)).isNotEqualTo(order);
        assertThat(EpochOrder.shuffled(1000, 8, 3)).isNotEqualTo(order);
        assertThat(EpochOrder.shuffled(0, 7, 0)).isEmpty();
        assertThatThrownBy(() -> EpochOrder.shuffled(10, 7, -1)).hasMessageContaining("epoch must be >= 0, got -1");
    }

    @Test
    void validationSplitIsDisjointCompleteAndDeterministic() {
        ImageSet images = TestImages.numbered(LABELS, 3);
        ValidationSplit split = ValidationSplit.carve(images, 20, 5, false);
        assertThat(split.validation().size()).isEqualTo(20);
        assertThat(split.train().size()).isEqualTo(80);
        Set<Integer> all = new HashSet<>(ids(split.train()));
        all.addAll(ids(split.validation()));
        assertThat(all).hasSize(100);
        int[] chosen = ValidationSplit.validationIndices(images, 20, 5, false);
        assertThat(chosen).isSorted();
        assertThat(ids(split.validation())).containsExactlyInAnyOrder(Arrays.stream(chosen).boxed().toArray(Integer[]::new));
        // Both parts keep the dataset order.
        assertThat(split.train().pixels()[0] & 0xFF).isLessThan(split.train().pixels()[4] & 0xFF);
        assertThat(ValidationSplit.validationIndices(images, 20, 5, false)).isEqualTo(chosen);
        assertThat(ValidationSplit.validationIndices(images, 20, 6, false)).isNotEqualTo(chosen);
        assertThat(split.validation().name()).contains("numbered/validation");
    }

    @Test
    void stratifiedSplitKeepsTheClassProportions() {
        ImageSet images = TestImages.numbered(LABELS, 3);
        // 50/30/20 of 100: 10 validation images are exactly 5/3/2.
        assertThat(classCounts(ValidationSplit.carve(images, 10, 1, true).validation())).containsExactly(5, 3, 2);
        // 15: shares 7.5/4.5/3 -> 7/4/3 plus one by largest remainder (tie -> lower class): 8/4/3.
        ValidationSplit split = ValidationSplit.carve(images, 15, 1, true);
        assertThat(classCounts(split.validation())).containsExactly(8, 4, 3);
        assertThat(classCounts(split.train())).containsExactly(42, 26, 17);
        assertThat(ValidationSplit.validationIndices(images, 15, 2, true))
                .isNotEqualTo(ValidationSplit.validationIndices(images, 15, 1, true));
    }

    @Test
    void splitRejectsSizesThatLeaveAPartEmpty() {
        ImageSet images = TestImages.numbered(LABELS, 3);
        assertThatThrownBy(() -> ValidationSplit.carve(images, 100, 1, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("validationSize must be in [1, 99]").hasMessageContaining("got 100");
        assertThatThrownBy(() -> ValidationSplit.carve(images, 0, 1, true)).hasMessageContaining("got 0");
    }

    @Test
    void firstNKeepsThePrefix() {
        ImageSet images = TestImages.numbered(LABELS, 3);
        ImageSet first = TrainingSubset.first(images, 12);
        assertThat(first.size()).isEqualTo(12);
        assertThat(ids(first)).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(first.labels()).isEqualTo(Arrays.copyOf(LABELS, 12));
        assertThatThrownBy(() -> TrainingSubset.first(images, 101)).hasMessageContaining("n must be in [1, 100]");
    }

    @Test
    void classBalancedTakesTheFirstImagesOfEachClass() {
        ImageSet images = TestImages.numbered(LABELS, 3);
        ImageSet balanced = TrainingSubset.classBalanced(images, 7);
        // 7 = 3 + 2 + 2: class 0's first three (0, 1, 2), class 1's first two (5, 6), class 2's (8, 9).
        assertThat(classCounts(balanced)).containsExactly(3, 2, 2);
        assertThat(ids(balanced)).containsExactlyInAnyOrder(0, 1, 2, 5, 6, 8, 9);
        assertThat(balanced.labels()).isEqualTo(new int[] {0, 0, 0, 1, 1, 2, 2});
        assertThat(classCounts(TrainingSubset.classBalanced(images, 60))).containsExactly(20, 20, 20);
        assertThatThrownBy(() -> TrainingSubset.classBalanced(images, 63))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs 21 images of class 2 ('class2')").hasMessageContaining("has 20")
                .hasMessageContaining("n <= 60");
    }
}

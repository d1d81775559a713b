package org.lrkit.djl.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The data order is a seeded permutation per epoch that can be re-entered at any batch. */
class DataOrderTest {

    @Test
    void eachEpochIsAPermutationFixedBySeedAndEpoch() {
        DataOrder order = new DataOrder(42, 100, 32, true);
        long[] epoch0 = order.permutation(0);
        assertThat(Arrays.stream(epoch0).sorted().toArray()).isEqualTo(new DataOrder(0, 100, 32, false).permutation(0));
        assertThat(order.permutation(0)).isEqualTo(epoch0);
        assertThat(new DataOrder(42, 100, 32, true).permutation(0)).isEqualTo(epoch0);
        assertThat(order.permutation(1)).isNotEqualTo(epoch0);
        assertThat(new DataOrder(43, 100, 32, true).permutation(0)).isNotEqualTo(epoch0);
    }

    @Test
    void samplerStartsAtTheGivenBatchAndEndsWithAPartialBatch() {
        DataOrder order = new DataOrder(1, 100, 32, true);
        assertThat(order.batchesPerEpoch()).isEqualTo(4);
        List<List<Long>> all = batches(order, 2, 0);
        assertThat(all).extracting(List::size).containsExactly(32, 32, 32, 4);
        assertThat(batches(order, 2, 2)).containsExactlyElementsOf(all.subList(2, 4));
        assertThat(batches(order, 2, 4)).isEmpty();
        assertThatThrownBy(() -> order.sampler(0, 5)).hasMessageContaining("firstBatch must be at most 4");
    }

    @Test
    void derivedSeedsDifferByStreamAndIndex() {
        assertThat(Seeds.derive(1, Seeds.DATA_ORDER, 0)).isNotEqualTo(Seeds.derive(1, Seeds.ENGINE_STEP, 0));
        assertThat(Seeds.derive(1, Seeds.ENGINE_STEP, 0)).isNotEqualTo(Seeds.derive(1, Seeds.ENGINE_STEP, 1));
        assertThat(Seeds.engineSeed(1, Seeds.ENGINE_STEP, 5)).isNotNegative();
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> new DataOrder(1, 0, 32, true)).hasMessage("size must be > 0, got 0");
        assertThatThrownBy(() -> new DataOrder(1, 10, 0, true)).hasMessage("batchSize must be > 0, got 0");
    }

    private static List<List<Long>> batches(DataOrder order, long epoch, long first) {
        List<List<Long>> result = new ArrayList<>();
        Iterator<List<Long>> iterator = order.sampler(epoch, first).sample(null);
        iterator.forEachRemaining(result::add);
        return result;
    }
}

package org.lrkit.djl.train;

import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Sampler;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.lrkit.Checks;

/**
 * The order in which a run visits the training examples: a fresh random permutation each epoch, drawn
 * from lrkit's own {@link Random} seeded by the run's seed and the epoch, so it is the same in every run
 * with that seed and can be re-entered mid-epoch when a run resumes.
 *
 * <pre>{@code
 * DataOrder order = new DataOrder(seed, dataset.size(), 128, true);
 * Iterable<Batch> batches = dataset.getData(manager, order.sampler(epoch, 0));   // the whole epoch
 * }</pre>
 *
 * @param seed the run's seed
 * @param size the number of examples, {@code > 0}
 * @param batchSize examples per batch, {@code > 0}; the last batch of an epoch may be smaller
 * @param shuffle whether to permute (false: 0, 1, 2, ... every epoch)
 */
public record DataOrder(long seed, long size, int batchSize, boolean shuffle) {

    /**
     * Checks the components; see the record description.
     *
     * @param seed the run's seed
     * @param size the number of examples, in {@code [1, Integer.MAX_VALUE]}
     * @param batchSize examples per batch, {@code > 0}
     * @param shuffle whether to permute
     * @throws IllegalArgumentException if {@code size} is not in {@code [1, Integer.MAX_VALUE]} or
     *     {@code batchSize <= 0}
     */
    public DataOrder {
        Checks.positive("size", size);
        Checks.positive("batchSize", batchSize);
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("size must be at most " + Integer.MAX_VALUE + " examples, got " + size);
        }
    }

    /**
     * Batches per epoch.
     *
     * @return {@code ceil(size / batchSize)}
     */
    public long batchesPerEpoch() {
        return (size + batchSize - 1) / batchSize;
    }

    /**
     * The example indices of {@code epoch}, in visiting order.
     *
     * @param epoch the 0-based epoch, {@code >= 0}
     * @return a permutation of {@code 0 .. size - 1} ({@code 0, 1, 2, ...} without shuffling)
     * @throws IllegalArgumentException if {@code epoch < 0}
     */
    public long[] permutation(long epoch) {
        Checks.nonNegative("epoch", epoch);
        int n = (int) size;
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (shuffle) {
            Random random = new Random(Seeds.derive(seed, Seeds.DATA_ORDER, epoch));
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                long swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
        }
        return order;
    }

    /**
     * A DJL sampler giving the batches of {@code epoch} from batch {@code firstBatch} (0-based) on.
     *
     * @param epoch the 0-based epoch, {@code >= 0}
     * @param firstBatch the 0-based batch of the epoch to start at, in {@code [0, batchesPerEpoch()]}
     * @return a sampler of the epoch's remaining batches, in visiting order
     * @throws IllegalArgumentException if {@code epoch < 0} or {@code firstBatch} is out of range
     */
    public Sampler sampler(long epoch, long firstBatch) {
        Checks.nonNegative("firstBatch", firstBatch);
        if (firstBatch > batchesPerEpoch()) {
            throw new IllegalArgumentException("firstBatch must be at most " + batchesPerEpoch() + " (batches per epoch), got "
                    + firstBatch);
        }
        long[] order = permutation(epoch);
        int batch = batchSize;
        return new Sampler() {
            @Override
            public Iterator<List<Long>> sample(RandomAccessDataset dataset) {
                return new Iterator<>() {
                    private long next = firstBatch * batch;

                    @Override
                    public boolean hasNext() {
                        return next < order.length;
                    }

                    @Override
                    public List<Long> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException("the epoch has no more batches");
                        }
                        int end = (int) Math.min(order.length, next + batch);
                        List<Long> indices = new ArrayList<>(end - (int) next);
                        for (int i = (int) next; i < end; i++) {
                            indices.add(order[i]);
                        }
                        next = end;
                        return indices;
                    }
                };
            }

            @Override
            public int getBatchSize() {
                return batch;
            }
        };
    }
}

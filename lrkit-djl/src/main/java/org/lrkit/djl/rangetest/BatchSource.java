package org.lrkit.djl.rangetest;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import org.lrkit.Checks;
import org.lrkit.djl.train.DataOrder;

/**
 * Where a range test gets its training batches: the batches of one epoch for a given seed, so that each seed
 * of a multi-seed test sees its own data order and every run is reproducible. The test asks for epoch 0, 1,
 * ... until its sweep is done, closes each batch after its step and, if the returned {@code Iterable} is
 * {@link AutoCloseable} (a prefetching loader), closes it when it stops early.
 *
 * <pre>{@code
 * BatchSource source = BatchSource.shuffled(trainSet, 128);                 // lrkit's seeded order
 * BatchSource images = (manager, seed, epoch) ->                            // any loader
 *         loaderWithSeed(seed).epoch(manager, (int) epoch);
 * }</pre>
 */
@FunctionalInterface
public interface BatchSource {

    /**
     * The batches of epoch {@code epoch} (0-based) for {@code seed}, their arrays in {@code manager}.
     *
     * @param manager the manager the batches' arrays belong to
     * @param seed the seed of the range-test run, which should decide the data order
     * @param epoch the 0-based epoch of that run
     * @return the epoch's batches, each closed by the test after its step
     * @throws IOException if the data cannot be loaded
     * @throws TranslateException if a batch cannot be built
     */
    Iterable<Batch> epoch(NDManager manager, long seed, long epoch) throws IOException, TranslateException;

    /**
     * A random-access dataset in batches of {@code batchSize}, in a fresh permutation per seed and epoch
     * ({@link DataOrder}).
     *
     * @param dataset the training set, not null
     * @param batchSize examples per batch, {@code > 0}
     * @return a source with lrkit's seeded order
     * @throws IllegalArgumentException if {@code dataset} is null or {@code batchSize <= 0}
     */
    static BatchSource shuffled(RandomAccessDataset dataset, int batchSize) {
        Checks.notNull("dataset", dataset);
        Checks.positive("batchSize", batchSize);
        return (manager, seed, epoch) -> dataset.getData(manager,
                new DataOrder(seed, dataset.size(), batchSize, true).sampler(epoch, 0));
    }

    /**
     * Any dataset in its own batches and order (the seed is not used).
     *
     * @param dataset the training set, not null
     * @return a source giving {@code dataset.getData(manager)} for every seed and epoch
     * @throws IllegalArgumentException if {@code dataset} is null
     */
    static BatchSource of(Dataset dataset) {
        Checks.notNull("dataset", dataset);
        return (manager, seed, epoch) -> dataset.getData(manager);
    }
}

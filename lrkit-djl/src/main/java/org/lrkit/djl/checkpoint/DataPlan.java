package org.lrkit.djl.checkpoint;

import org.lrkit.Checks;

/**
 * What fixes a run's data order and its steps: the seed, the batch size, the dataset size and the batches
 * per optimizer step (gradient accumulation). A run resumes in the same order only with the same four, so a
 * checkpoint records them and resuming checks them.
 *
 * <pre>{@code DataPlan plan = new DataPlan(42, 64, 60_000, 2);   // batch 64, two batches per step}</pre>
 *
 * @param seed the run's seed (data order, engine random numbers)
 * @param batchSize examples per batch, {@code > 0}
 * @param datasetSize examples in the training set, or {@code -1} when the dataset cannot tell
 * @param accumulation batches per optimizer step, {@code >= 1} (1 in checkpoints written before lrkit
 *     accumulated gradients)
 */
public record DataPlan(long seed, int batchSize, long datasetSize, int accumulation) {

    /**
     * Checks the components; see the record description.
     *
     * @param seed the run's seed (data order, engine random numbers), any value
     * @param batchSize examples per batch, {@code > 0}
     * @param datasetSize examples in the training set, {@code >= 0}, or {@code -1} when the dataset cannot tell
     * @param accumulation batches per optimizer step, {@code >= 1}
     * @throws IllegalArgumentException if {@code batchSize <= 0}, {@code datasetSize < -1} or
     *     {@code accumulation < 1}
     */
    public DataPlan {
        Checks.positive("batchSize", batchSize);
        if (datasetSize < -1) {
            throw new IllegalArgumentException("datasetSize must be >= 0, or -1 for unknown, got " + datasetSize);
        }
        Checks.positive("accumulation", accumulation);
    }

    /**
     * A plan with one batch per optimizer step.
     *
     * @param seed the run's seed (data order, engine random numbers), any value
     * @param batchSize examples per batch, {@code > 0}
     * @param datasetSize examples in the training set, {@code >= 0}, or {@code -1} when the dataset cannot tell
     * @throws IllegalArgumentException if {@code batchSize <= 0} or {@code datasetSize < -1}
     */
    public DataPlan(long seed, int batchSize, long datasetSize) {
        this(seed, batchSize, datasetSize, 1);
    }
}

package org.lrkit.djl.checkpoint;

import org.lrkit.Checks;

/**
 * What fixes a run's data order: the seed, the batch size and the dataset size. A run resumes in the same
 * order only with the same three, so a checkpoint records them and resuming checks them.
 *
 * @param seed the run's seed (data order, engine random numbers)
 * @param batchSize examples per batch, {@code > 0}
 * @param datasetSize examples in the training set, or {@code -1} when the dataset cannot tell
 */
public record DataPlan(long seed, int batchSize, long datasetSize) {

    public DataPlan {
        Checks.positive("batchSize", batchSize);
        if (datasetSize < -1) {
            throw new IllegalArgumentException("datasetSize must be >= 0, or -1 for unknown, got " + datasetSize);
        }
    }
}

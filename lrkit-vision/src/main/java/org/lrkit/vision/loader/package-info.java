/**
 * From an {@link org.lrkit.vision.data.ImageSet} to DJL batches: a deterministic validation split
 * ({@link org.lrkit.vision.loader.ValidationSplit}), a training-size limit
 * ({@link org.lrkit.vision.loader.TrainingSubset}), the per-epoch order
 * ({@link org.lrkit.vision.loader.EpochOrder}) and the prefetching
 * {@link org.lrkit.vision.loader.ImageLoader}, a DJL {@code Dataset} whose batches depend only on the seed,
 * the epoch and the position, never on thread timing.
 */
package org.lrkit.vision.loader;

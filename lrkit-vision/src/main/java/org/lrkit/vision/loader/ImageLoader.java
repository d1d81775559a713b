package org.lrkit.vision.loader;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.util.Progress;
import java.util.Objects;
import org.lrkit.vision.data.ImageSet;
import org.lrkit.vision.transform.Augmentation;

/**
 * Delivers an {@link ImageSet} as augmented float batches for DJL training: per-epoch shuffled order, per-image
 * {@link Augmentation} in plain Java into reused float buffers by background worker threads, one data
 * {@code NDArray} per batch.
 *
 * <p><b>Determinism.</b> Epoch {@code e}'s order is {@link EpochOrder#shuffled(int, long, int)
 * shuffled(size, seed, e)} and the augmentation of the image at position {@code p} of that epoch draws from a
 * generator seeded by {@code (seed, e, p)} only. The same seed therefore gives the same batches, whatever the
 * number of workers and their timing, and a resumed run reproduces the data from an epoch number and a
 * batch index: {@link #epoch(NDManager, int, int)} or {@link #resumeAt(int, int)}.
 *
 * <p><b>As a DJL {@link Dataset}.</b> Each {@link #getData(NDManager)} call (DJL's training loop makes one per
 * epoch) returns the batches of the next epoch, starting at epoch 0 or where {@link #resumeAt} says. The
 * loader itself is immutable apart from that epoch counter.
 */
public final class ImageLoader implements Dataset {

    private final ImageSet images;
    private final int batchSize;
    private final Augmentation augmentation;
    private final boolean shuffle;
    private final long seed;
    private final boolean dropLast;
    private final int workers;
    private final int prefetch;
    private final LabelType labelType;
    private final Object cursorLock = new Object();
    private int nextEpoch;
    private int nextFirstBatch;

    private ImageLoader(Builder b) {
        this.images = b.images;
        this.batchSize = b.batchSize;
        this.augmentation = b.augmentation;
        this.shuffle = b.shuffle;
        this.seed = b.seed;
        this.dropLast = b.dropLast;
        this.workers = b.workers;
        this.prefetch = b.prefetch;
        this.labelType = b.labelType;
    }

    /**
     * A builder for a loader of {@code images} in batches of {@code batchSize}, transformed by
     * {@code augmentation} (use {@link Augmentation#normalizeOnly} and {@link Builder#shuffle shuffle(false)}
     * for evaluation).
     *
     * @param images the images to deliver, not empty
     * @param batchSize images per batch, {@code >= 1} (checked by {@link Builder#build()})
     * @param augmentation the per-image transform; it must fit the images' shape
     * @return a builder with the defaults: shuffled, seed 0, last batch kept, 1 worker, 4 batches ahead
     */
    public static Builder builder(ImageSet images, int batchSize, Augmentation augmentation) {
        return new Builder(images, batchSize, augmentation);
    }

    /**
     * The images this loader delivers.
     *
     * @return the images, in dataset order
     */
    public ImageSet images() {
        return images;
    }

    /**
     * The batch size.
     *
     * @return images per batch (the last batch of an epoch may be smaller unless {@link #dropLast()})
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * The per-image transform.
     *
     * @return the augmentation applied to every image, normalisation included
     */
    public Augmentation augmentation() {
        return augmentation;
    }

    /**
     * Whether each epoch visits the images in a fresh random order.
     *
     * @return true for a per-epoch shuffle, false for dataset order
     */
    public boolean shuffle() {
        return shuffle;
    }

    /**
     * The run seed, which fixes every epoch's order and every augmentation draw.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * Whether a last, incomplete batch is left out.
     *
     * @return true if every batch holds exactly {@link #batchSize()} images
     */
    public boolean dropLast() {
        return dropLast;
    }

    /**
     * The number of worker threads filling batches.
     *
     * @return the workers, {@code >= 1}
     */
    public int workers() {
        return workers;
    }

    /**
     * How far the workers may run ahead of the consumer.
     *
     * @return the number of batches prepared ahead (the bounded queue's capacity), {@code >= workers()}
     */
    public int prefetch() {
        return prefetch;
    }

    /**
     * The label array's data type.
     *
     * @return the type of each batch's label array
     */
    public LabelType labelType() {
        return labelType;
    }

    /**
     * The number of batches in one epoch.
     *
     * @return {@code size / batchSize} with {@link #dropLast()}, otherwise that rounded up
     */
    public int batchesPerEpoch() {
        return dropLast ? images.size() / batchSize : (images.size() + batchSize - 1) / batchSize;
    }

    /**
     * The order of epoch {@code epoch}: indices into the images by position.
     *
     * @param epoch the epoch number, {@code >= 0}
     * @return a new array: element {@code p} is the index of the image at position {@code p} of the epoch
     * @throws IllegalArgumentException if {@code epoch < 0}
     */
    public int[] order(int epoch) {
        checkEpoch(epoch);
        return shuffle ? EpochOrder.shuffled(images.size(), seed, epoch) : EpochOrder.sequential(images.size());
    }

    /**
     * All batches of epoch {@code epoch}.
     *
     * @param manager the manager each batch's sub-manager is created from
     * @param epoch the epoch number, {@code >= 0}
     * @return the epoch's batches, to iterate once and close
     * @throws IllegalArgumentException if {@code epoch < 0}
     */
    public EpochBatches epoch(NDManager manager, int epoch) {
        return epoch(manager, epoch, 0);
    }

    /**
     * The batches of epoch {@code epoch} from batch index {@code firstBatch} on, exactly those a full pass of
     * that epoch would deliver from that index.
     *
     * @param manager the manager each batch's sub-manager is created from
     * @param epoch the epoch number, {@code >= 0}
     * @param firstBatch the index of the first batch to deliver, in {@code [0, batchesPerEpoch()]};
     *     {@code batchesPerEpoch()} gives no batch
     * @return the epoch's remaining batches, to iterate once and close
     * @throws IllegalArgumentException if {@code epoch < 0} or {@code firstBatch} is not in
     *     {@code [0, batchesPerEpoch()]}
     */
    public EpochBatches epoch(NDManager manager, int epoch, int firstBatch) {
        Objects.requireNonNull(manager, "manager");
        checkEpoch(epoch);
        if (firstBatch < 0 || firstBatch > batchesPerEpoch()) {
            throw new IllegalArgumentException("firstBatch must be in [0, " + batchesPerEpoch()
                    + "] (batches per epoch), got " + firstBatch);
        }
        return new EpochBatches(this, manager, epoch, firstBatch);
    }

    /**
     * Makes the next {@link #getData(NDManager)} deliver epoch {@code epoch} from batch {@code firstBatch} on;
     * later calls continue with the following epochs from their first batch.
     *
     * @param epoch the epoch to deliver next, {@code >= 0}
     * @param firstBatch the batch of that epoch to start at, in {@code [0, batchesPerEpoch()]}
     * @throws IllegalArgumentException as {@link #epoch(NDManager, int, int)}
     */
    public void resumeAt(int epoch, int firstBatch) {
        checkEpoch(epoch);
        if (firstBatch < 0 || firstBatch > batchesPerEpoch()) {
            throw new IllegalArgumentException("firstBatch must be in [0, " + batchesPerEpoch()
                    + "] (batches per epoch), got " + firstBatch);
        }
        synchronized (cursorLock) {
            nextEpoch = epoch;
            nextFirstBatch = firstBatch;
        }
    }

    /**
     * The epoch the next {@link #getData(NDManager)} delivers.
     *
     * @return the epoch number, from 0
     */
    public int nextEpoch() {
        synchronized (cursorLock) {
            return nextEpoch;
        }
    }

    /** The batches of the next epoch (see the class comment); advances the epoch counter. */
    @Override
    public Iterable<Batch> getData(NDManager manager) {
        int epoch;
        int first;
        synchronized (cursorLock) {
            epoch = nextEpoch++;
            first = nextFirstBatch;
            nextFirstBatch = 0;
        }
        return epoch(manager, epoch, first);
    }

    /** Nothing to prepare: the images are in memory. */
    @Override
    public void prepare(Progress progress) {
        // in memory already
    }

    private static void checkEpoch(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        }
    }

    @Override
    public String toString() {
        return "ImageLoader[" + images + ", batchSize=" + batchSize + ", " + augmentation + ", shuffle=" + shuffle
                + ", seed=" + seed + ", dropLast=" + dropLast + ", workers=" + workers + ", prefetch=" + prefetch
                + "]";
    }

    /** Builds an {@link ImageLoader}; every argument is checked by {@link #build()}. */
    public static final class Builder {
        private final ImageSet images;
        private final int batchSize;
        private final Augmentation augmentation;
        private boolean shuffle = true;
        private long seed;
        private boolean dropLast;
        private int workers = 1;
        private int prefetch = 4;
        private LabelType labelType = LabelType.FLOAT32;

        private Builder(ImageSet images, int batchSize, Augmentation augmentation) {
            this.images = Objects.requireNonNull(images, "images");
            this.batchSize = batchSize;
            this.augmentation = Objects.requireNonNull(augmentation, "augmentation");
        }

        /**
         * Shuffle each epoch (default {@code true}).
         *
         * @param shuffle true for a fresh random order each epoch, false for dataset order (evaluation)
         * @return this builder
         */
        public Builder shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /**
         * The run seed (default 0).
         *
         * @param seed fixes every epoch's order and every augmentation draw
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Leave out a last incomplete batch (default {@code false}).
         *
         * @param dropLast true to deliver only full batches
         * @return this builder
         */
        public Builder dropLast(boolean dropLast) {
            this.dropLast = dropLast;
            return this;
        }

        /**
         * Worker threads (default 1); the batches do not depend on it.
         *
         * @param workers the number of threads filling batches, {@code >= 1} (checked by {@link #build()})
         * @return this builder
         */
        public Builder workers(int workers) {
            this.workers = workers;
            return this;
        }

        /**
         * Batches prepared ahead (default 4); must be at least the number of workers to keep them busy.
         *
         * @param prefetch the bounded queue's capacity, {@code >= workers} (checked by {@link #build()})
         * @return this builder
         */
        public Builder prefetch(int prefetch) {
            this.prefetch = prefetch;
            return this;
        }

        /**
         * The label array's data type (default {@link LabelType#FLOAT32}).
         *
         * @param labelType the type of each batch's label array, not null
         * @return this builder
         */
        public Builder labelType(LabelType labelType) {
            this.labelType = Objects.requireNonNull(labelType, "labelType");
            return this;
        }

        /**
         * The loader.
         *
         * @return a new loader with this builder's settings, its epoch counter at 0
         * @throws IllegalArgumentException if an argument is out of range or the augmentation does not fit the
         *     images
         */
        public ImageLoader build() {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
            }
            if (images.size() == 0) {
                throw new IllegalArgumentException("images must not be empty, got " + images);
            }
            if (dropLast && batchSize > images.size()) {
                throw new IllegalArgumentException("batchSize must be <= the " + images.size() + " images of "
                        + images.name() + " with dropLast, got " + batchSize
                        + " (no batch per epoch); use a smaller batch or dropLast(false)");
            }
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be >= 1, got " + workers);
            }
            if (prefetch < workers) {
                throw new IllegalArgumentException("prefetch must be >= workers (" + workers
                        + ") so every worker can fill a batch, got " + prefetch + "; e.g. prefetch(" + 2 * workers
                        + ")");
            }
            long floats = (long) batchSize * images.imageBytes();
            if (floats > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("batchSize * image size must fit a Java array, got " + batchSize
                        + " x " + images.imageBytes() + " floats; use a smaller batch");
            }
            augmentation.checkFits(images);
            return new ImageLoader(this);
        }
    }
}

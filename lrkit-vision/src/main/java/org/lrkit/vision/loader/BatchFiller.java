package org.lrkit.vision.loader;

import org.lrkit.vision.data.ImageSet;
import org.lrkit.vision.transform.Augmentation;
import org.lrkit.vision.transform.Draw;
import org.lrkit.vision.transform.Rng;

/**
 * Fills batch {@code k} of an epoch: the images at positions {@code [k*B, k*B + B)} of the epoch order, each
 * augmented with draws from a generator seeded by {@code (seed, epoch, position)} alone. One filler per worker
 * thread (it owns its generator).
 */
final class BatchFiller implements OrderedPrefetcher.Filler<BatchSlot> {

    /** Stream tag of the augmentation draws, distinct from the order draws. */
    static final long STREAM = 2;

    private final ImageSet images;
    private final Augmentation augmentation;
    private final int[] order;
    private final int batchSize;
    private final long seed;
    private final int epoch;
    private final Rng rng = new Rng(0);

    BatchFiller(ImageSet images, Augmentation augmentation, int[] order, int batchSize, long seed, int epoch) {
        this.images = images;
        this.augmentation = augmentation;
        this.order = order;
        this.batchSize = batchSize;
        this.seed = seed;
        this.epoch = epoch;
    }

    @Override
    public void fill(int batch, BatchSlot slot) {
        int start = batch * batchSize;
        int count = Math.min(batchSize, order.length - start);
        int imageFloats = images.imageBytes();
        int[] labels = images.labels();
        boolean random = augmentation.isRandom();
        for (int j = 0; j < count; j++) {
            int position = start + j;
            int image = order[position];
            Draw draw = Draw.NONE;
            if (random) {
                rng.reset(Rng.seedFor(seed, epoch, position, STREAM));
                draw = augmentation.draw(rng, images.height(), images.width());
            }
            augmentation.apply(images, image, draw, slot.data, j * imageFloats);
            slot.labels[j] = labels[image];
            slot.imageIndices[j] = image;
        }
        slot.count = count;
    }
}

package org.lrkit.vision.loader;

import org.lrkit.vision.transform.Rng;

/**
 * The order in which an epoch visits the images: a Fisher-Yates shuffle driven only by {@code (seed, epoch)},
 * so any epoch's order can be recomputed from its number alone (a resumed run reproduces it exactly), or the
 * identity order for evaluation.
 */
public final class EpochOrder {

    /** Stream tag of the order draws, distinct from the augmentation draws. */
    static final long STREAM = 1;

    private EpochOrder() {
    }

    /**
     * A permutation of {@code [0, size)} for epoch {@code epoch} of a run seeded with {@code seed}.
     *
     * @param size the number of images, {@code >= 0}
     * @param seed the run's seed
     * @param epoch the epoch number, {@code >= 0}
     * @return a new array holding each of {@code 0, ..., size-1} once, the same for the same arguments
     * @throws IllegalArgumentException if {@code size < 0} or {@code epoch < 0}
     */
    public static int[] shuffled(int size, long seed, int epoch) {
        int[] order = sequential(size);
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        }
        Rng rng = new Rng(Rng.seedFor(seed, epoch, 0, STREAM));
        for (int i = size - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /**
     * The identity order {@code 0, 1, ..., size-1}.
     *
     * @param size the number of images, {@code >= 0}
     * @return a new array {@code [0, 1, ..., size-1]}
     * @throws IllegalArgumentException if {@code size < 0}
     */
    public static int[] sequential(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        return order;
    }
}

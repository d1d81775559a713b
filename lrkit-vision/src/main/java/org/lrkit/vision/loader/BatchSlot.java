package org.lrkit.vision.loader;

/**
 * One reusable batch buffer of the prefetch ring: the augmented float images (NCHW), their labels and the
 * dataset indices of the images, of which the first {@link #count} are valid.
 */
final class BatchSlot {
    final float[] data;
    final int[] labels;
    final int[] imageIndices;
    int count;

    BatchSlot(int batchSize, int imageFloats) {
        this.data = new float[Math.multiplyExact(batchSize, imageFloats)];
        this.labels = new int[batchSize];
        this.imageIndices = new int[batchSize];
    }
}

package org.lrkit.vision.loader;

import org.lrkit.vision.data.ImageSet;

/** Indices of the images of each class, in dataset order. */
final class ImageIndex {

    private ImageIndex() {
    }

    /** {@code result[c]} lists the indices of the images of class {@code c}, increasing. */
    static int[][] byClass(ImageSet images) {
        int[] labels = images.labels();
        int[] counts = new int[images.classCount()];
        for (int label : labels) {
            counts[label]++;
        }
        int[][] result = new int[counts.length][];
        for (int c = 0; c < counts.length; c++) {
            result[c] = new int[counts[c]];
        }
        int[] fill = new int[counts.length];
        for (int i = 0; i < labels.length; i++) {
            result[labels[i]][fill[labels[i]]++] = i;
        }
        return result;
    }
}

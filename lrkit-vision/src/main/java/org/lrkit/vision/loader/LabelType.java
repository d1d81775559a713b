package org.lrkit.vision.loader;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The data type of the label array of a batch, shape {@code (batchSize)}, holding class indices. DJL's own
 * datasets (MNIST, CIFAR-10) give {@code float32} labels, which DJL's {@code SoftmaxCrossEntropyLoss} accepts;
 * integer types suit custom losses and metrics.
 */
public enum LabelType {
    /** Class indices as {@code float32}. */
    FLOAT32,
    /** Class indices as {@code int32}. */
    INT32,
    /** Class indices as {@code int64}. */
    INT64;

    /** The first {@code count} labels as an array of this type, owned by {@code manager}. */
    NDArray create(NDManager manager, int[] labels, int count) {
        Shape shape = new Shape(count);
        switch (this) {
            case FLOAT32: {
                float[] values = new float[count];
                for (int i = 0; i < count; i++) {
                    values[i] = labels[i];
                }
                return manager.create(values, shape);
            }
            case INT32:
                return manager.create(java.util.Arrays.copyOf(labels, count), shape);
            default: {
                long[] values = new long[count];
                for (int i = 0; i < count; i++) {
                    values[i] = labels[i];
                }
                return manager.create(values, shape);
            }
        }
    }
}

package org.lrkit.vision.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import java.util.List;

/** The DJL building blocks the models share. */
final class Layers {

    private Layers() {
    }

    /** A square 2-D convolution. */
    static Block conv(int filters, int kernel, int stride, int padding, boolean bias) {
        return Conv2d.builder()
                .setFilters(filters)
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(padding, padding))
                .optBias(bias)
                .build();
    }

    /** A 3x3 convolution without bias, padding 1 (size kept at stride 1), as in every ResNet here. */
    static Block conv3x3(int filters, int stride) {
        return conv(filters, 3, stride, 1, false);
    }

    /** Batch normalization over the channel axis (DJL defaults: epsilon 1e-5, running-average momentum 0.9). */
    static Block batchNorm() {
        return BatchNorm.builder().build();
    }

    /** ReLU. */
    static Block relu() {
        return Activation.reluBlock();
    }

    /** Flattens all but the batch axis. */
    static Block flatten() {
        return Blocks.batchFlattenBlock();
    }

    /** A fully connected layer. */
    static Block linear(long units, boolean bias) {
        return Linear.builder().setUnits(units).optBias(bias).build();
    }

    /** {@code main(x) + shortcut(x)}. */
    static Block sum(Block main, Block shortcut) {
        return new ParallelBlock(
                outputs -> new NDList(outputs.get(0).singletonOrThrow().add(outputs.get(1).singletonOrThrow())),
                List.of(main, shortcut));
    }
}

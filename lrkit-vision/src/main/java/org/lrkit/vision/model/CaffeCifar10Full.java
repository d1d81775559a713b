package org.lrkit.vision.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;

/**
 * Caffe's {@code cifar10_full} network ({@code examples/cifar10/cifar10_full_train_test.prototxt}), used in
 * Smith's <i>Cyclical Learning Rates for Training Neural Networks</i>, WACV 2017, arXiv:1506.01186 (its CIFAR-10
 * network):
 * {@code conv 32 5x5 pad 2 -> maxpool 3/2 -> relu -> LRN -> conv 32 5x5 pad 2 -> relu -> avgpool 3/2 -> LRN
 * -> conv 64 5x5 pad 2 -> relu -> avgpool 3/2 -> fc numClasses}. The LRN layers are Caffe's
 * {@code local_size 3, alpha 5e-5, beta 0.75, norm_region WITHIN_CHANNEL}, implemented by
 * {@link LocalResponseNorm} since DJL has no LRN block. Pooling rounds up as Caffe's does (32 -> 16 -> 8 -> 4).
 * 89,578 parameters on 3x32x32 images with 10 classes.
 */
public final class CaffeCifar10Full {

    private CaffeCifar10Full() {
    }

    /**
     * The network.
     *
     * @param numClasses the number of outputs (class scores), {@code >= 1}
     * @param inputShape the shape of one image, {@code (channels, height, width)}, without the batch axis
     * @return an uninitialised block mapping {@code (N, C, H, W)} images to {@code (N, numClasses)} scores
     * @throws IllegalArgumentException if {@code numClasses < 1} or the input is not {@code (C, H, W)} large
     *     enough (at least 9x9)
     */
    public static Block build(int numClasses, Shape inputShape) {
        InputGeometry.checkClasses("cifar10_full", numClasses);
        InputGeometry.of("cifar10_full", inputShape)
                .window("conv1", 5, 1, 2).ceilWindow("pool1", 3, 2, 0)
                .window("conv2", 5, 1, 2).ceilWindow("pool2", 3, 2, 0)
                .window("conv3", 5, 1, 2).ceilWindow("pool3", 3, 2, 0)
                .check();
        Shape window = new Shape(3, 3);
        Shape stride = new Shape(2, 2);
        Shape noPadding = new Shape(0, 0);
        return new SequentialBlock()
                .add(Layers.conv(32, 5, 1, 2, true))
                .add(Pool.maxPool2dBlock(window, stride, noPadding, true))
                .add(Layers.relu())
                .add(LocalResponseNorm.withinChannel(3, 5e-5, 0.75))
                .add(Layers.conv(32, 5, 1, 2, true))
                .add(Layers.relu())
                .add(Pool.avgPool2dBlock(window, stride, noPadding, true, true))
                .add(LocalResponseNorm.withinChannel(3, 5e-5, 0.75))
                .add(Layers.conv(64, 5, 1, 2, true))
                .add(Layers.relu())
                .add(Pool.avgPool2dBlock(window, stride, noPadding, true, true))
                .add(Layers.flatten())
                .add(Layers.linear(numClasses, true));
    }
}

package org.lrkit.vision.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;

/**
 * A small, fast CNN for Fashion-MNIST (Xiao, Rasul and Vollgraf, <i>Fashion-MNIST: a Novel Image Dataset for
 * Benchmarking Machine Learning Algorithms</i>, 2017, arXiv:1708.07747, whose benchmark lists networks of this
 * kind; this exact configuration is lrkit's own baseline, not a published one):
 * {@code conv 32 3x3 pad 1 -> BN -> relu -> maxpool 2 -> conv 64 3x3 pad 1 -> BN -> relu -> maxpool 2 -> fc 128
 * -> relu -> fc numClasses}. Convolutions have no bias (BN follows). 421,738 parameters on 28x28 grey images
 * with 10 classes.
 */
public final class FashionCnn {

    private FashionCnn() {
    }

    /**
     * The network.
     *
     * @param numClasses the number of outputs (class scores), {@code >= 1}
     * @param inputShape the shape of one image, {@code (channels, height, width)}, without the batch axis
     * @return an uninitialised block mapping {@code (N, C, H, W)} images to {@code (N, numClasses)} scores
     * @throws IllegalArgumentException if {@code numClasses < 1} or the input is not {@code (C, H, W)} of at
     *     least 4x4
     */
    public static Block build(int numClasses, Shape inputShape) {
        InputGeometry.checkClasses("fashion_cnn", numClasses);
        InputGeometry.of("fashion_cnn", inputShape)
                .window("pool1", 2, 2, 0).window("pool2", 2, 2, 0)
                .check();
        return new SequentialBlock()
                .add(Layers.conv(32, 3, 1, 1, false))
                .add(Layers.batchNorm())
                .add(Layers.relu())
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Layers.conv(64, 3, 1, 1, false))
                .add(Layers.batchNorm())
                .add(Layers.relu())
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Layers.flatten())
                .add(Layers.linear(128, true))
                .add(Layers.relu())
                .add(Layers.linear(numClasses, true));
    }
}

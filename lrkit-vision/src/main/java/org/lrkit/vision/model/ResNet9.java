package org.lrkit.vision.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;

/**
 * The ResNet-9 of David Page's DAWNBench CIFAR-10 record, <i>How to Train Your ResNet</i> (Myrtle.ai blog,
 * 2018), the network of the fast one-cycle CIFAR-10 runs:
 * {@code prep: convbn 64 -> layer1: convbn 128, maxpool 2, + residual(convbn 128, convbn 128) -> layer2:
 * convbn 256, maxpool 2 -> layer3: convbn 512, maxpool 2, + residual(convbn 512, convbn 512) -> global max
 * pool -> fc numClasses (no bias) -> x 0.125}, where {@code convbn c} is a 3x3 convolution (no bias) with
 * batch normalization and ReLU, and {@code residual(f)} is {@code x + f(x)}. 6,573,120 parameters with 10
 * classes (the "6.5M" usually quoted).
 */
public final class ResNet9 {

    /** Page's output scale, which stands in for a lower learning rate of the final layer. */
    public static final double OUTPUT_SCALE = 0.125;

    private ResNet9() {
    }

    /**
     * The network.
     *
     * @param numClasses the number of outputs (class scores), {@code >= 1}
     * @param inputShape the shape of one image, {@code (channels, height, width)}, without the batch axis
     * @return an uninitialised block mapping {@code (N, C, H, W)} images to {@code (N, numClasses)} scores, scaled by
     *     {@link #OUTPUT_SCALE}
     * @throws IllegalArgumentException if {@code numClasses < 1} or the input is not {@code (C, H, W)} of at
     *     least 8x8
     */
    public static Block build(int numClasses, Shape inputShape) {
        InputGeometry.checkClasses("resnet9", numClasses);
        InputGeometry.of("resnet9", inputShape)
                .window("layer1 pool", 2, 2, 0).window("layer2 pool", 2, 2, 0).window("layer3 pool", 2, 2, 0)
                .check();
        return new SequentialBlock()
                .add(convBn(64))
                .add(convBn(128)).add(maxPool2()).add(residual(128))
                .add(convBn(256)).add(maxPool2())
                .add(convBn(512)).add(maxPool2()).add(residual(512))
                .add(Pool.globalMaxPool2dBlock())
                .add(Layers.linear(numClasses, false))
                .add(LambdaBlock.singleton((NDArray x) -> x.mul(OUTPUT_SCALE), "outputScale"));
    }

    private static Block convBn(int channels) {
        return new SequentialBlock().add(Layers.conv3x3(channels, 1)).add(Layers.batchNorm()).add(Layers.relu());
    }

    private static Block residual(int channels) {
        return Layers.sum(new SequentialBlock().add(convBn(channels)).add(convBn(channels)), Blocks.identityBlock());
    }

    private static Block maxPool2() {
        return Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2));
    }
}

package org.lrkit.vision.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;

/**
 * Wide residual networks WRN-d-k of Zagoruyko and Komodakis, <i>Wide Residual Networks</i>, BMVC 2016, the
 * networks of Loshchilov and Hutter's SGDR paper (ICLR 2017; WRN-28-10 on CIFAR): {@code conv 16 3x3}, three
 * groups of {@code n = (d - 4) / 6} pre-activation blocks of widths {@code 16k}, {@code 32k}, {@code 64k}
 * (stride 2 at the start of groups 2 and 3), then {@code BN -> relu -> global average pool -> fc
 * numClasses}. A block is {@code conv3x3(dropout(relu(BN(conv3x3(relu(BN(x))))))) + shortcut}; where the
 * width or size changes the shortcut is a 1x1 convolution of the block's activated input {@code relu(BN(x))}
 * (as in the authors' code), otherwise the identity of {@code x}. Convolutions have no bias. With 10 classes:
 * WRN-16-4 2,748,890 parameters (paper 2.7M), WRN-28-10 36,479,194 (paper 36.5M).
 */
public final class WideResNet {

    private WideResNet() {
    }

    /**
     * WRN-{@code depth}-{@code widen}.
     *
     * @param depth {@code 6n + 4} with {@code n >= 1} (10, 16, 22, 28, 40, ...)
     * @param widen the widening factor {@code k >= 1}
     * @param dropout dropout rate between the two convolutions of a block, in {@code [0, 1)} (0: none)
     * @param numClasses the number of outputs (class scores), {@code >= 1}
     * @param inputShape the shape of one image, {@code (channels, height, width)}, without the batch axis
     * @return an uninitialised block mapping {@code (N, C, H, W)} images to {@code (N, numClasses)} scores
     * @throws IllegalArgumentException if an argument is out of range or the input is not {@code (C, H, W)}
     */
    public static Block build(int depth, int widen, double dropout, int numClasses, Shape inputShape) {
        String name = "wrn" + depth + "_" + widen;
        if (depth < 10 || (depth - 4) % 6 != 0) {
            throw new IllegalArgumentException("depth must be 6n + 4 with n >= 1 (10, 16, 22, 28, 40, ...), got "
                    + depth);
        }
        if (widen < 1) {
            throw new IllegalArgumentException("widen (the widening factor k) must be >= 1, got " + widen);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        InputGeometry.checkClasses(name, numClasses);
        InputGeometry.of(name, inputShape).check();
        int blocks = (depth - 4) / 6;
        SequentialBlock net = new SequentialBlock().add(Layers.conv3x3(16, 1));
        int channels = 16;
        for (int group = 0; group < 3; group++) {
            int width = (16 << group) * widen;
            for (int b = 0; b < blocks; b++) {
                int stride = (group > 0 && b == 0) ? 2 : 1;
                net.add(block(channels, width, stride, dropout));
                channels = width;
            }
        }
        return net.add(Layers.batchNorm())
                .add(Layers.relu())
                .add(Pool.globalAvgPool2dBlock())
                .add(Layers.linear(numClasses, true));
    }

    private static Block block(int in, int out, int stride, double dropout) {
        SequentialBlock residual = new SequentialBlock().add(Layers.conv3x3(out, stride));
        residual.add(Layers.batchNorm()).add(Layers.relu());
        if (dropout > 0) {
            residual.add(Dropout.builder().optRate((float) dropout).build());
        }
        residual.add(Layers.conv3x3(out, 1));
        if (in == out && stride == 1) {
            SequentialBlock main = new SequentialBlock().add(Layers.batchNorm()).add(Layers.relu()).add(residual);
            return Layers.sum(main, Blocks.identityBlock());
        }
        Block projection = Layers.conv(out, 1, stride, 0, false);
        return new SequentialBlock()
                .add(Layers.batchNorm())
                .add(Layers.relu())
                .add(Layers.sum(residual, projection));
    }
}

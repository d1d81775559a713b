package org.lrkit.vision.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;

/**
 * The CIFAR ResNets of He, Zhang, Ren and Sun, <i>Deep Residual Learning for Image Recognition</i>, CVPR 2016,
 * Section 4.2: {@code conv 16 3x3 -> BN -> relu}, then three stages of {@code n} basic blocks with 16, 32 and 64
 * channels (the first block of stages 2 and 3 halves the size with stride 2), global average pooling and
 * {@code fc numClasses}; depth {@code 6n + 2}. A basic block is
 * {@code relu(BN(conv3x3(relu(BN(conv3x3(x))))) + shortcut(x))}. ResNet-20, -56 and -110 ({@code n} = 3, 9,
 * 18) are those of the super-convergence paper (Smith and Topin 2018).
 *
 * <p>Where the shape changes, the shortcut is either the paper's option A for CIFAR (subsample by 2 and pad
 * the new channels with zeros; no parameters), used by the registry, or option B (1x1 convolution with stride
 * 2 and BN). Option A gives the paper's 0.27M/0.85M/1.7M parameters exactly: 269,722, 853,018 and 1,727,962
 * with 10 classes; option B adds 2,752.
 */
public final class CifarResNet {

    /** The shortcut where a block changes the number of channels and the size. */
    public enum Shortcut {
        /** Option A: identity on every other pixel, new channels zero. Parameter-free. */
        ZERO_PAD,
        /** Option B: 1x1 convolution (stride 2, no bias) followed by batch normalization. */
        PROJECTION
    }

    private CifarResNet() {
    }

    /**
     * ResNet of the given depth.
     *
     * @param depth {@code 6n + 2} with {@code n >= 1} (20, 32, 44, 56, 110, ...)
     * @param shortcut the shortcut where the shape changes: {@link Shortcut#ZERO_PAD} (option A) or
     *     {@link Shortcut#PROJECTION} (option B)
     * @param numClasses the number of outputs (class scores), {@code >= 1}
     * @param inputShape the shape of one image, {@code (channels, height, width)}, without the batch axis
     * @return an uninitialised block mapping {@code (N, C, H, W)} images to {@code (N, numClasses)} scores
     * @throws IllegalArgumentException if {@code depth} is not of that form, {@code numClasses < 1} or the
     *     input is not {@code (C, H, W)}
     */
    public static Block build(int depth, Shortcut shortcut, int numClasses, Shape inputShape) {
        String name = "resnet" + depth;
        if (depth < 8 || (depth - 2) % 6 != 0) {
            throw new IllegalArgumentException("depth must be 6n + 2 with n >= 1 (20, 32, 44, 56, 110, ...), got "
                    + depth);
        }
        java.util.Objects.requireNonNull(shortcut, "shortcut");
        InputGeometry.checkClasses(name, numClasses);
        InputGeometry.of(name, inputShape).check();
        int blocks = (depth - 2) / 6;
        SequentialBlock net = new SequentialBlock()
                .add(Layers.conv3x3(16, 1))
                .add(Layers.batchNorm())
                .add(Layers.relu());
        int channels = 16;
        for (int stage = 0; stage < 3; stage++) {
            int width = 16 << stage;
            for (int b = 0; b < blocks; b++) {
                int stride = (stage > 0 && b == 0) ? 2 : 1;
                net.add(basicBlock(channels, width, stride, shortcut));
                channels = width;
            }
        }
        return net.add(Pool.globalAvgPool2dBlock())
                .add(Layers.linear(numClasses, true));
    }

    private static Block basicBlock(int in, int out, int stride, Shortcut shortcut) {
        Block main = new SequentialBlock()
                .add(Layers.conv3x3(out, stride))
                .add(Layers.batchNorm())
                .add(Layers.relu())
                .add(Layers.conv3x3(out, 1))
                .add(Layers.batchNorm());
        Block side;
        if (in == out && stride == 1) {
            side = Blocks.identityBlock();
        } else if (shortcut == Shortcut.PROJECTION) {
            side = new SequentialBlock().add(Layers.conv(out, 1, stride, 0, false)).add(Layers.batchNorm());
        } else {
            side = zeroPadShortcut(out - in, stride);
        }
        return new SequentialBlock().add(Layers.sum(main, side)).add(Layers.relu());
    }

    /** Option A: {@code x[:, :, ::stride, ::stride]} with {@code extra} zero channels split around it. */
    private static Block zeroPadShortcut(int extra, int stride) {
        int before = extra / 2;
        int after = extra - before;
        String slice = ":, :, ::" + stride + ", ::" + stride;
        return LambdaBlock.singleton((NDArray x) -> {
            NDArray sub = stride == 1 ? x : x.get(slice);
            return sub.pad(new Shape(0, 0, 0, 0, before, after), 0);
        }, "zeroPadShortcut");
    }
}

package org.lrkit.vision.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;

/**
 * LeNet-5 as in Caffe's MNIST example ({@code examples/mnist/lenet_train_test.prototxt}), the network of the
 * MNIST runs of Smith and Topin, <i>Super-Convergence</i>, 2018, arXiv:1708.07120:
 * {@code conv 20 5x5 -> maxpool 2x2/2 -> conv 50 5x5 -> maxpool 2x2/2 -> fc 500 -> relu -> fc numClasses}. No
 * nonlinearity after the convolutions, as in Caffe. Pooling rounds up as Caffe's does. 431,080 parameters on
 * 28x28 grey images with 10 classes. After LeCun et al., <i>Gradient-Based Learning Applied to Document
 * Recognition</i>, Proc. IEEE 1998.
 */
public final class LeNet5 {

    private LeNet5() {
    }

    /**
     * The network.
     *
     * @param numClasses the number of outputs (class scores), {@code >= 1}
     * @param inputShape the shape of one image, {@code (channels, height, width)}, without the batch axis
     * @return an uninitialised block mapping {@code (N, C, H, W)} images to {@code (N, numClasses)} scores
     * @throws IllegalArgumentException if {@code numClasses < 1} or the input is not {@code (C, H, W)} of at
     *     least 16x16
     */
    public static Block build(int numClasses, Shape inputShape) {
        InputGeometry.checkClasses("lenet5", numClasses);
        InputGeometry.of("lenet5", inputShape)
                .window("conv1", 5, 1, 0).ceilWindow("pool1", 2, 2, 0)
                .window("conv2", 5, 1, 0).ceilWindow("pool2", 2, 2, 0)
                .check();
        return new SequentialBlock()
                .add(Layers.conv(20, 5, 1, 0, true))
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), true))
                .add(Layers.conv(50, 5, 1, 0, true))
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), true))
                .add(Layers.flatten())
                .add(Layers.linear(500, true))
                .add(Layers.relu())
                .add(Layers.linear(numClasses, true));
    }
}

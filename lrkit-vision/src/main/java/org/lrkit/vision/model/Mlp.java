package org.lrkit.vision.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;

/**
 * A multilayer perceptron on the flattened image: {@code flatten -> (fc h -> relu)* -> fc numClasses}.
 *
 * <p>The registry's {@code mlp} has one hidden layer of 800 units, the MNIST network of Simard, Steinkraus
 * and Platt, <i>Best Practices for Convolutional Neural Networks Applied to Visual Document Analysis</i>,
 * ICDAR 2003 (with ReLU in place of the paper's sigmoid): 636,010 parameters on 28x28 grey images.
 */
public final class Mlp {

    /** Hidden widths of the registry's {@code mlp}. */
    public static final int[] SIMARD_HIDDEN = {800};

    private Mlp() {
    }

    /**
     * An MLP with the given hidden layer widths (none gives a linear classifier).
     *
     * @param numClasses the number of outputs (class scores), {@code >= 1}
     * @param inputShape the shape of one image, {@code (channels, height, width)}, without the batch axis
     * @param hidden the width of each hidden layer, in order, each {@code >= 1}; none for a linear classifier
     * @return an uninitialised block: flatten, then {@code linear -> relu} per hidden width, then
     *     {@code linear numClasses}
     * @throws IllegalArgumentException if {@code numClasses < 1}, the input shape is not {@code (C, H, W)} or a
     *     width is not {@code >= 1}
     */
    public static Block build(int numClasses, Shape inputShape, int... hidden) {
        InputGeometry.checkClasses("mlp", numClasses);
        InputGeometry.of("mlp", inputShape).check();
        SequentialBlock net = new SequentialBlock().add(Layers.flatten());
        for (int i = 0; i < hidden.length; i++) {
            if (hidden[i] < 1) {
                throw new IllegalArgumentException("hidden[" + i + "] (layer width) must be >= 1, got " + hidden[i]);
            }
            net.add(Layers.linear(hidden[i], true)).add(Layers.relu());
        }
        return net.add(Layers.linear(numClasses, true));
    }
}

package org.lrkit.bench;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;

/**
 * Floating-point operations of one image through an initialized model, counted from its layers' shapes:
 * every convolution contributes {@code 2 * outputElements * (inputChannels / groups) * kernelHeight *
 * kernelWidth} and every fully connected layer {@code 2 * inputs * outputs} (a multiply and an add per
 * weight); biases, batch normalization, activations, pooling and additions are left out (together below
 * 1 % for the models here). A training step costs about three forward passes, the backward pass computing
 * gradients for both the inputs and the weights of each layer, hence {@link #trainingPerImage}.
 *
 * <pre>{@code
 * block.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
 * long flops = FlopCount.forwardPerImage(block);      // ResNet-20: about 81 MFLOP
 * }</pre>
 */
public final class FlopCount {

    private FlopCount() {
    }

    /**
     * Forward FLOPs per image; {@code block} must have been initialized with a batch of 1.
     *
     * @throws IllegalArgumentException if a counted layer was initialized with a batch other than 1
     */
    public static long forwardPerImage(Block block) {
        long flops = 0;
        if (block instanceof Convolution conv) {
            flops += convolution(conv);
        } else if (block instanceof Linear linear) {
            flops += linear(linear);
        }
        for (Pair<String, Block> child : block.getChildren()) {
            flops += forwardPerImage(child.getValue());
        }
        return flops;
    }

    /** Training FLOPs per image: three times {@link #forwardPerImage}. */
    public static long trainingPerImage(Block block) {
        return 3 * forwardPerImage(block);
    }

    private static long convolution(Convolution conv) {
        Shape input = batchOfOne(conv, conv.getInputShapes()[0]);
        Shape output = conv.getOutputShapes(conv.getInputShapes())[0];
        long kernel = conv.getKernelShape().size();
        return 2 * output.size() * (input.get(1) / conv.getGroups()) * kernel;
    }

    private static long linear(Linear linear) {
        Shape input = batchOfOne(linear, linear.getInputShapes()[0]);
        Shape output = linear.getOutputShapes(linear.getInputShapes())[0];
        return 2 * input.size() * output.size();
    }

    private static Shape batchOfOne(Block block, Shape input) {
        if (input.get(0) != 1) {
            throw new IllegalArgumentException("initialize the model with a batch of 1 to count per-image FLOPs; "
                    + block.getClass().getSimpleName() + " has input " + input);
        }
        return input;
    }
}

package org.lrkit.vision.model;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.Objects;

/**
 * Counts the parameters of an initialized DJL block, the way papers count them: only trainable values
 * (weights, biases, batch-norm scale and shift); batch-norm running statistics, which DJL also stores as
 * parameters, are not trained and not counted.
 */
public final class ParameterCount {

    private ParameterCount() {
    }

    /**
     * Number of trainable values.
     *
     * @param block an initialized block
     * @return the total size of the parameters that require a gradient
     * @throws IllegalStateException if the block is not initialized
     */
    public static long trainable(Block block) {
        return count(block, true);
    }

    /**
     * Number of all stored values, running statistics included.
     *
     * @param block an initialized block
     * @return the total size of all its parameters
     * @throws IllegalStateException if the block is not initialized
     */
    public static long stored(Block block) {
        return count(block, false);
    }

    private static long count(Block block, boolean trainableOnly) {
        Objects.requireNonNull(block, "block");
        long total = 0;
        for (Pair<String, Parameter> pair : block.getParameters()) {
            Parameter parameter = pair.getValue();
            if (!parameter.isInitialized()) {
                throw new IllegalStateException("parameter " + pair.getKey()
                        + " is not initialized; call block.initialize(manager, DataType.FLOAT32, inputShape) first");
            }
            if (!trainableOnly || parameter.requiresGradient()) {
                total += parameter.getArray().size();
            }
        }
        return total;
    }
}

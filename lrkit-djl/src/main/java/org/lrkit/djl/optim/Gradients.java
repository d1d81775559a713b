package org.lrkit.djl.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import org.lrkit.Checks;

/**
 * Zeroes a weight's gradient in place, as DJL's own optimizers do on the PyTorch engine (whose gradients
 * otherwise accumulate from one backward pass to the next). Filling with zeros, unlike {@code g -= g}, also
 * clears NaN and infinite entries; the temporary arrays involved are freed at once.
 *
 * <pre>{@code Gradients.zero(weight);}</pre>
 */
public final class Gradients {

    private static final NDIndex ALL = new NDIndex("...");

    private Gradients() {
    }

    /** Sets every element of {@code weight}'s gradient to 0; does nothing if it has no gradient. */
    public static void zero(NDArray weight) {
        Checks.notNull("weight", weight);
        if (!weight.hasGradient()) {
            return;
        }
        try (NDManager scope = weight.getManager().newSubManager()) {
            NDArray gradient = weight.getGradient();
            gradient.attach(scope);
            gradient.set(ALL, 0f);
        }
    }
}

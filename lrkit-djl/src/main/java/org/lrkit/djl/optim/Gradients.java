package org.lrkit.djl.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import org.lrkit.Checks;

/**
 * In-place operations on weights' gradients: zeroing, as DJL's own optimizers do on the PyTorch engine (whose
 * gradients otherwise accumulate from one backward pass to the next), scaling (the mean of accumulated
 * gradients, clipping) and the squared L2 norm. Filling with zeros, unlike {@code g -= g}, also clears NaN
 * and infinite entries; the temporary arrays involved are freed at once.
 *
 * <pre>{@code
 * Gradients.zero(weight);
 * double norm = Math.sqrt(Gradients.squaredNorm(weight) + Gradients.squaredNorm(bias));
 * Gradients.scale(weight, 0.5);
 * }</pre>
 */
public final class Gradients {

    private static final NDIndex ALL = new NDIndex("...");

    private Gradients() {
    }

    /**
     * Sets every element of {@code weight}'s gradient to 0; does nothing if it has no gradient.
     *
     * @param weight the parameter array whose gradient is cleared, not null
     * @throws IllegalArgumentException if {@code weight} is null
     */
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

    /**
     * Multiplies every element of {@code weight}'s gradient by {@code factor}, in place; does nothing if it has
     * no gradient.
     *
     * @param weight the parameter array whose gradient is scaled, not null
     * @param factor a finite factor, e.g. {@code 0.5} for the mean of two accumulated gradients
     * @throws IllegalArgumentException if {@code weight} is null or {@code factor} is NaN or infinite
     */
    public static void scale(NDArray weight, double factor) {
        Checks.notNull("weight", weight);
        Checks.finite("factor", factor);
        if (!weight.hasGradient()) {
            return;
        }
        try (NDManager scope = weight.getManager().newSubManager()) {
            NDArray gradient = weight.getGradient();
            gradient.attach(scope);
            gradient.muli((float) factor);
        }
    }

    /**
     * The sum of the squares of the elements of {@code weight}'s gradient (summed in the gradient's precision),
     * 0 if it has no gradient. The global norm of several gradients is the square root of the sum of these.
     *
     * @param weight the parameter array whose gradient is measured, not null
     * @return the squared L2 norm of the gradient, {@code >= 0} (NaN or infinite if the gradient is), or 0
     * @throws IllegalArgumentException if {@code weight} is null
     */
    public static double squaredNorm(NDArray weight) {
        Checks.notNull("weight", weight);
        if (!weight.hasGradient()) {
            return 0.0;
        }
        try (NDManager scope = weight.getManager().newSubManager()) {
            NDArray gradient = weight.getGradient();
            gradient.attach(scope);
            return gradient.square().sum().toType(DataType.FLOAT64, false).getDouble();
        }
    }
}

package org.lrkit.schedule;

import org.lrkit.Checks;

/**
 * Exponential decay at every step: {@code v(t) = initial * factor^t} (PyTorch's {@code ExponentialLR},
 * Caffe's {@code exp}). To decay by {@code r} per epoch of {@code n} steps use
 * {@code factor = r^(1/n)}. Defined for every step.
 *
 * <pre>{@code Schedule lr = new ExponentialDecay(0.1, 0.9999);}</pre>
 *
 * @param initial value at step 0
 * @param factor multiplier per step, {@code > 0}
 */
public record ExponentialDecay(double initial, double factor) implements Schedule {

    /**
     * Creates an exponential decay.
     *
     * @param initial value at step 0, finite
     * @param factor multiplier per optimizer step, finite, {@code > 0}
     * @throws IllegalArgumentException if {@code initial} is not finite or {@code factor} is not a finite
     *     value {@code > 0}
     */
    public ExponentialDecay {
        Checks.finite("initial", initial);
        Checks.positive("factor", factor);
    }

    @Override
    public double valueAt(long step) {
        Checks.step(step);
        return initial * Math.pow(factor, (double) step);
    }

    @Override
    public String toSpec() {
        return SpecText.of("exponentialDecay").add("initial", initial).add("factor", factor).toString();
    }

    @Override
    public String toString() {
        return toSpec();
    }
}

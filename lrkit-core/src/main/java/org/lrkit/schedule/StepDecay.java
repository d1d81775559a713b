package org.lrkit.schedule;

import org.lrkit.Checks;

/**
 * Step decay: the value is multiplied by {@code factor} every {@code stepSize} steps,
 * {@code v(t) = initial * factor^floor(t / stepSize)} (PyTorch's {@code StepLR}, Caffe's {@code step}).
 * Defined for every step.
 *
 * <pre>{@code Schedule lr = new StepDecay(0.1, 30 * 390, 0.1);   // x0.1 every 30 epochs of 390 steps}</pre>
 *
 * @param initial value for the first {@code stepSize} steps
 * @param stepSize steps between two decays, {@code > 0}
 * @param factor multiplier applied at each decay, {@code > 0}
 */
public record StepDecay(double initial, long stepSize, double factor) implements Schedule {

    /**
     * Creates a step decay.
     *
     * @param initial value for the first {@code stepSize} steps, finite
     * @param stepSize optimizer steps between two decays, {@code > 0}
     * @param factor multiplier applied at each decay, finite, {@code > 0}
     * @throws IllegalArgumentException if {@code initial} is not finite, {@code stepSize <= 0}, or
     *     {@code factor} is not a finite value {@code > 0}
     */
    public StepDecay {
        Checks.finite("initial", initial);
        Checks.positive("stepSize", stepSize);
        Checks.positive("factor", factor);
    }

    @Override
    public double valueAt(long step) {
        Checks.step(step);
        return initial * Math.pow(factor, (double) (step / stepSize));
    }

    @Override
    public String toSpec() {
        return SpecText.of("stepDecay").add("initial", initial).add("stepSize", stepSize)
                .add("factor", factor).toString();
    }

    @Override
    public String toString() {
        return toSpec();
    }
}

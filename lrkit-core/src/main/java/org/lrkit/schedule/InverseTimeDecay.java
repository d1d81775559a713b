package org.lrkit.schedule;

import org.lrkit.Checks;

/**
 * Inverse-time decay, Caffe's {@code inv} policy: {@code v(t) = initial * (1 + gamma t)^(-power)}.
 * Caffe's LeNet solver uses {@code gamma = 1e-4}, {@code power = 0.75}, the baseline of the
 * super-convergence paper's MNIST runs (Smith &amp; Topin 2018). Defined for every step.
 *
 * <pre>{@code Schedule lr = new InverseTimeDecay(0.01, 1e-4, 0.75);}</pre>
 *
 * @param initial value at step 0
 * @param gamma time scale of the decay, {@code >= 0}
 * @param power exponent, {@code >= 0}
 */
public record InverseTimeDecay(double initial, double gamma, double power) implements Schedule {

    /**
     * Creates an inverse-time decay.
     *
     * @param initial value at step 0, finite
     * @param gamma time scale of the decay, per optimizer step, finite, {@code >= 0}
     * @param power exponent, finite, {@code >= 0}
     * @throws IllegalArgumentException if {@code initial} is not finite, or {@code gamma} or {@code power}
     *     is not a finite value {@code >= 0}
     */
    public InverseTimeDecay {
        Checks.finite("initial", initial);
        Checks.nonNegative("gamma", gamma);
        Checks.nonNegative("power", power);
    }

    @Override
    public double valueAt(long step) {
        Checks.step(step);
        return initial * Math.pow(1.0 + gamma * step, -power);
    }

    @Override
    public String toSpec() {
        return SpecText.of("inverseTimeDecay").add("initial", initial).add("gamma", gamma)
                .add("power", power).toString();
    }

    @Override
    public String toString() {
        return toSpec();
    }
}

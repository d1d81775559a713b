package org.lrkit.schedule;

import org.lrkit.Checks;

/**
 * Interpolation from one value to another over a number of steps: the primitive behind warm-ups,
 * cosine annealing and every phase of a one-cycle policy.
 *
 * <p>{@code v(t) = shape(from, to, t / steps)} for {@code 0 <= t <= steps}, so {@code v(0) = from} and
 * {@code v(steps) = to}. Past {@code steps} the {@link PastEnd} rule applies: hold {@code to} (default),
 * raise, or extrapolate (a cosine is periodic, as in PyTorch's {@code CosineAnnealingLR}).
 *
 * <pre>{@code
 * Schedule lr = Schedule.cosine(0.1, 0.001, 1000);   // spec: cosine(from=0.1, to=0.001, steps=1000)
 * }</pre>
 *
 * @param shape the curve (linear, cosine, exponential)
 * @param from value at step 0
 * @param to value at step {@code steps}
 * @param steps length of the interpolation, {@code > 0}
 * @param pastEnd what later steps return
 */
public record Anneal(Interpolation shape, double from, double to, long steps, PastEnd pastEnd) implements Schedule {

    /**
     * Creates an interpolation.
     *
     * @param shape the curve, not null
     * @param from value at step 0, finite
     * @param to value at step {@code steps}, finite
     * @param steps length of the interpolation in optimizer steps, {@code > 0}
     * @param pastEnd what later steps return, not null
     * @throws IllegalArgumentException if {@code shape} or {@code pastEnd} is null, {@code from} or {@code to}
     *     is not finite, {@code steps <= 0}, or {@code shape} is exponential and {@code from} and {@code to}
     *     are not both non-zero and of the same sign
     */
    public Anneal {
        Checks.notNull("shape", shape);
        Checks.finite("from", from);
        Checks.finite("to", to);
        Checks.positive("steps", steps);
        Checks.notNull("pastEnd", pastEnd);
        shape.checkEndpoints("from", from, "to", to);
    }

    @Override
    public double valueAt(long step) {
        if (Horizon.holds(step, steps, pastEnd, this)) {
            return to;
        }
        return shape.interpolate(from, to, (double) step / steps);
    }

    @Override
    public String toSpec() {
        return SpecText.of(shape.word()).add("from", from).add("to", to).add("steps", steps)
                .word("pastEnd", pastEnd.word()).toString();
    }

    @Override
    public String toString() {
        return toSpec();
    }
}

package org.lrkit.schedule;

import org.lrkit.Checks;

/**
 * Polynomial decay (TensorFlow's and optax's {@code polynomial_schedule}, Caffe's {@code poly}):
 * {@code v(t) = to + (from - to) (1 - t / steps)^power} for {@code 0 <= t <= steps}. Power 1 is a straight
 * line; power 2 falls fast first; power 0.5 falls slowly first. Past {@code steps} the {@link PastEnd}
 * rule applies; extrapolating uses {@code |1 - t/steps|^power}, which rises again.
 *
 * <pre>{@code Schedule lr = Schedule.polynomial(0.1, 0.0, 10_000, 2.0);}</pre>
 *
 * @param from value at step 0
 * @param to value at step {@code steps}
 * @param steps length of the decay, {@code > 0}
 * @param power exponent, {@code > 0}
 * @param pastEnd what later steps return
 */
public record Polynomial(double from, double to, long steps, double power, PastEnd pastEnd) implements Schedule {

    /**
     * Creates a polynomial decay.
     *
     * @param from value at step 0, finite
     * @param to value at step {@code steps}, finite
     * @param steps length of the decay in optimizer steps, {@code > 0}
     * @param power exponent, finite, {@code > 0}
     * @param pastEnd what later steps return, not null
     * @throws IllegalArgumentException if {@code from} or {@code to} is not finite, {@code steps <= 0},
     *     {@code power} is not a finite value {@code > 0}, or {@code pastEnd} is null
     */
    public Polynomial {
        Checks.finite("from", from);
        Checks.finite("to", to);
        Checks.positive("steps", steps);
        Checks.positive("power", power);
        Checks.notNull("pastEnd", pastEnd);
    }

    @Override
    public double valueAt(long step) {
        if (Horizon.holds(step, steps, pastEnd, this)) {
            return to;
        }
        if (step == 0) {
            return from;
        }
        return to + (from - to) * Math.pow(Math.abs(1.0 - (double) step / steps), power);
    }

    @Override
    public String toSpec() {
        return SpecText.of("polynomial").add("from", from).add("to", to).add("steps", steps)
                .add("power", power).word("pastEnd", pastEnd.word()).toString();
    }

    @Override
    public String toString() {
        return toSpec();
    }
}

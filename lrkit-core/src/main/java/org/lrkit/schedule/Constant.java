package org.lrkit.schedule;

import org.lrkit.Checks;

/**
 * The same value at every step: {@code v(t) = value}.
 *
 * <pre>{@code Schedule lr = Schedule.constant(0.1);   // spec: constant(value=0.1)}</pre>
 *
 * @param value the value, finite
 */
public record Constant(double value) implements Schedule {

    /**
     * Creates a constant schedule.
     *
     * @param value the value at every step, finite
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    public Constant {
        Checks.finite("value", value);
    }

    @Override
    public double valueAt(long step) {
        Checks.step(step);
        return value;
    }

    @Override
    public String toSpec() {
        return SpecText.of("constant").add("value", value).toString();
    }

    @Override
    public String toString() {
        return toSpec();
    }
}

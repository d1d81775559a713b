package org.lrkit.schedule;

import java.util.Optional;
import org.lrkit.Checks;

/**
 * A schedule limited to an interval: {@code v(t) = min(max, max(min, inner(t)))}. Useful to keep an
 * extrapolated schedule from turning negative or a cyclical momentum below a bound.
 *
 * <pre>{@code Schedule lr = schedule.clampedTo(1e-6, 1.0);   // spec: clamped(schedule=..., min=1.0E-6, max=1.0)}</pre>
 *
 * @param schedule the schedule to limit
 * @param min lower bound, finite
 * @param max upper bound, finite, {@code >= min}
 */
public record Clamped(Schedule schedule, double min, double max) implements Schedule {

    /**
     * Creates a clamped schedule.
     *
     * @param schedule the schedule to limit, not null
     * @param min lower bound, finite
     * @param max upper bound, finite, {@code >= min}
     * @throws IllegalArgumentException if {@code schedule} is null, a bound is not finite, or
     *     {@code min > max}
     */
    public Clamped {
        Checks.notNull("schedule", schedule);
        Checks.finite("min", min);
        Checks.finite("max", max);
        if (!(min <= max)) {
            throw new IllegalArgumentException("min must be <= max, got min=" + min + ", max=" + max
                    + "; swap them");
        }
    }

    @Override
    public double valueAt(long step) {
        return Math.min(max, Math.max(min, schedule.valueAt(step)));
    }

    @Override
    public Optional<CycleStructure> cycles() {
        return schedule.cycles();
    }

    @Override
    public String toSpec() {
        return SpecText.of("clamped").add("schedule", schedule).add("min", min).add("max", max).toString();
    }

    @Override
    public String toString() {
        return toSpec();
    }
}

package org.lrkit.schedule;

import java.util.Optional;
import org.lrkit.Checks;

/**
 * A schedule multiplied by a constant: {@code v(t) = factor * inner(t)}. Use it for per-group learning
 * rates that keep their ratios (discriminative rates) or to turn a unit-peak shape into a learning rate.
 *
 * <pre>{@code Schedule head = body.scaledBy(10.0);   // spec: scaled(schedule=..., factor=10.0)}</pre>
 *
 * @param schedule the schedule to scale
 * @param factor the multiplier, finite
 */
public record Scaled(Schedule schedule, double factor) implements Schedule {

    /**
     * Creates a scaled schedule.
     *
     * @param schedule the schedule to scale, not null
     * @param factor the multiplier, finite
     * @throws IllegalArgumentException if {@code schedule} is null or {@code factor} is NaN or infinite
     */
    public Scaled {
        Checks.notNull("schedule", schedule);
        Checks.finite("factor", factor);
    }

    @Override
    public double valueAt(long step) {
        return factor * schedule.valueAt(step);
    }

    @Override
    public Optional<CycleStructure> cycles() {
        return schedule.cycles();
    }

    @Override
    public String toSpec() {
        return SpecText.of("scaled").add("schedule", schedule).add("factor", factor).toString();
    }

    @Override
    public String toString() {
        return toSpec();
    }
}

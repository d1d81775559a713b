package org.lrkit.schedule;

import java.util.Optional;
import org.lrkit.Checks;

/**
 * A schedule plus a constant: {@code v(t) = inner(t) + offset}. Keras's {@code CosineDecayRestarts}, for
 * one, is a restart schedule whose floor {@code alpha * initial} is added on top of a decaying cosine.
 *
 * <pre>{@code Schedule lr = restarts.plus(0.001);   // spec: offset(schedule=..., offset=0.001)}</pre>
 *
 * @param schedule the schedule to shift
 * @param offset the constant added, finite
 */
public record Offset(Schedule schedule, double offset) implements Schedule {

    /**
     * Creates a shifted schedule.
     *
     * @param schedule the schedule to shift, not null
     * @param offset the constant added, finite
     * @throws IllegalArgumentException if {@code schedule} is null or {@code offset} is NaN or infinite
     */
    public Offset {
        Checks.notNull("schedule", schedule);
        Checks.finite("offset", offset);
    }

    @Override
    public double valueAt(long step) {
        return schedule.valueAt(step) + offset;
    }

    @Override
    public Optional<CycleStructure> cycles() {
        return schedule.cycles();
    }

    @Override
    public String toSpec() {
        return SpecText.of("offset").add("schedule", schedule).add("offset", offset).toString();
    }

    @Override
    public String toString() {
        return toSpec();
    }
}

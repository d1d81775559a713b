package org.lrkit.schedule;

import java.util.Optional;
import java.util.OptionalLong;
import org.lrkit.Checks;

/**
 * A schedule entered part-way: {@code v(t) = inner(t + steps)}. Used to continue a schedule in global
 * time after another one took over its first steps (timm's warm-up without prefix overlaps the cosine
 * this way), or to start a policy from the middle.
 *
 * <pre>{@code Schedule rest = schedule.skipping(500);   // spec: skip(schedule=..., steps=500)}</pre>
 *
 * @param schedule the schedule
 * @param steps how many of its steps are skipped, {@code >= 0}
 */
public record Skip(Schedule schedule, long steps) implements Schedule {

    /**
     * Creates a schedule entered part-way.
     *
     * @param schedule the schedule, not null
     * @param steps how many of its optimizer steps are skipped, {@code >= 0}
     * @throws IllegalArgumentException if {@code schedule} is null or {@code steps < 0}
     */
    public Skip {
        Checks.notNull("schedule", schedule);
        Checks.nonNegative("steps", steps);
    }

    @Override
    public double valueAt(long step) {
        return schedule.valueAt(Checks.step(step) + steps);
    }

    @Override
    public Optional<CycleStructure> cycles() {
        return schedule.cycles().map(inner -> new CycleStructure() {
            @Override
            public CyclePosition positionAt(long step) {
                return inner.positionAt(Checks.step(step) + steps);
            }

            @Override
            public OptionalLong nextCycleEnd(long step) {
                OptionalLong end = inner.nextCycleEnd(Checks.step(step) + steps);
                return end.isPresent() ? OptionalLong.of(end.getAsLong() - steps) : end;
            }
        });
    }

    @Override
    public String toSpec() {
        return SpecText.of("skip").add("schedule", schedule).add("steps", steps).toString();
    }

    @Override
    public String toString() {
        return toSpec();
    }
}

package org.lrkit.schedule;

import java.util.Optional;
import java.util.OptionalLong;
import org.lrkit.Checks;

/**
 * Two schedules one after the other, each in its own local time: {@code v(t) = first(t)} for
 * {@code t < steps}, then {@code v(t) = then(t - steps)}. Step {@code steps} already belongs to
 * {@code then} and gets its step-0 value. Longer sequences nest joins.
 *
 * <pre>{@code
 * Schedule lr = Schedule.constant(0.1).followedBy(100, Schedule.cosine(0.1, 0.0, 900));
 * // spec: join(first=constant(value=0.1), steps=100, then=cosine(from=0.1, to=0.0, steps=900, pastEnd=hold))
 * }</pre>
 *
 * <p>Cycles: those of {@code first} that end before the switch, then those of {@code then}, numbered on.
 *
 * @param first the schedule for steps {@code 0 .. steps-1}
 * @param steps how many steps {@code first} lasts, {@code > 0}
 * @param then the schedule from step {@code steps} on, in local time
 */
public record Join(Schedule first, long steps, Schedule then) implements Schedule {

    /**
     * Creates a join of two schedules.
     *
     * @param first the schedule for steps {@code 0 .. steps-1}, not null
     * @param steps how many optimizer steps {@code first} lasts, {@code > 0}
     * @param then the schedule from step {@code steps} on, in local time, not null
     * @throws IllegalArgumentException if a schedule is null or {@code steps <= 0}
     */
    public Join {
        Checks.notNull("first", first);
        Checks.positive("steps", steps);
        Checks.notNull("then", then);
    }

    @Override
    public double valueAt(long step) {
        return Checks.step(step) < steps ? first.valueAt(step) : then.valueAt(step - steps);
    }

    @Override
    public Optional<CycleStructure> cycles() {
        Optional<CycleStructure> head = first.cycles();
        Optional<CycleStructure> tail = then.cycles();
        if (head.isEmpty() && tail.isEmpty()) {
            return Optional.empty();
        }
        long headCycles = head.map(h -> (long) h.cycleEnds(steps).length).orElse(0L);
        return Optional.of(new CycleStructure() {
            @Override
            public CyclePosition positionAt(long step) {
                if (Checks.step(step) < steps) {
                    return head.map(h -> h.positionAt(step))
                            .orElseGet(() -> new CyclePosition(0, "lead", (double) step / steps));
                }
                CyclePosition local = tail.map(t -> t.positionAt(step - steps))
                        .orElseGet(() -> new CyclePosition(0, "hold", 0.0));
                return new CyclePosition(local.cycle() + headCycles, local.phase(), local.fraction());
            }

            @Override
            public OptionalLong nextCycleEnd(long step) {
                if (Checks.step(step) < steps && head.isPresent()) {
                    OptionalLong end = head.get().nextCycleEnd(step);
                    if (end.isPresent() && end.getAsLong() < steps) {
                        return end;
                    }
                }
                if (tail.isEmpty()) {
                    return OptionalLong.empty();
                }
                OptionalLong end = tail.get().nextCycleEnd(Math.max(0, step - steps));
                return end.isPresent() ? OptionalLong.of(end.getAsLong() + steps) : end;
            }
        });
    }

    @Override
    public String toSpec() {
        return SpecText.of("join").add("first", first).add("steps", steps).add("then", then).toString();
    }

    @Override
    public String toString() {
        return toSpec();
    }
}

package org.lrkit.schedule;

import java.util.Optional;
import org.lrkit.Checks;

/**
 * A warm-up in front of any schedule: for {@code t < steps} the value goes from {@code start} towards the
 * schedule's first value along {@code shape}, {@code v(t) = shape(start, then(0), t / steps)}; from step
 * {@code steps} on, {@code v(t) = then(t - steps)}, so the schedule runs in full after the warm-up (timm's
 * {@code warmup_prefix=True}; no jump at the end of the warm-up).
 *
 * <pre>{@code
 * Schedule lr = Schedule.cosine(0.1, 0.0, 9_000).withWarmup(Interpolation.LINEAR, 1_000, 0.0);
 * // spec: warmup(shape=linear, steps=1000, start=0.0, then=cosine(from=0.1, to=0.0, steps=9000, pastEnd=hold))
 * }</pre>
 *
 * @param shape curve of the warm-up: linear, cosine or exponential (exponential needs {@code start > 0})
 * @param steps length of the warm-up, {@code > 0}
 * @param start value at step 0, finite
 * @param then the schedule after the warm-up, in local time
 */
public record Warmup(Interpolation shape, long steps, double start, Schedule then) implements Schedule {

    /**
     * Creates a warm-up in front of a schedule.
     *
     * @param shape curve of the warm-up, not null
     * @param steps length of the warm-up in optimizer steps, {@code > 0}
     * @param start value at step 0, finite
     * @param then the schedule after the warm-up, in local time, not null
     * @throws IllegalArgumentException if {@code shape} or {@code then} is null, {@code steps <= 0},
     *     {@code start} is not finite, or {@code shape} is exponential and {@code start} and
     *     {@code then.valueAt(0)} are not both non-zero and of the same sign
     */
    public Warmup {
        Checks.notNull("shape", shape);
        Checks.positive("steps", steps);
        Checks.finite("start", start);
        Checks.notNull("then", then);
        shape.checkEndpoints("start", start, "the first value of the warmed-up schedule", then.valueAt(0));
    }

    @Override
    public double valueAt(long step) {
        if (Checks.step(step) < steps) {
            return shape.interpolate(start, then.valueAt(0), (double) step / steps);
        }
        return then.valueAt(step - steps);
    }

    @Override
    public Optional<CycleStructure> cycles() {
        return then.cycles().map(inner -> inner.delayedBy(steps, "warmup"));
    }

    @Override
    public String toSpec() {
        return SpecText.of("warmup").word("shape", shape.word()).add("steps", steps).add("start", start)
                .add("then", then).toString();
    }

    @Override
    public String toString() {
        return toSpec();
    }
}

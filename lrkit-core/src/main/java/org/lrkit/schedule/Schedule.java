package org.lrkit.schedule;

/**
 * A hyperparameter value (learning rate, momentum, Adam's beta1, ...) as a pure function of the
 * 0-based optimizer step.
 *
 * <p>Step {@code 0} is the first optimizer update: the value returned for step {@code k} is the one the
 * optimizer applies in its {@code k}-th update. Implementations are immutable, thread-safe and answer any
 * step in O(1) (or O(log n) for lists of milestones), in any order: asking step 10 before step 3 gives the
 * same numbers as asking them in order.
 *
 * <p>Schedules compose like {@link java.util.Comparator}: static factories build the primitives and
 * {@code default} methods wrap them.
 *
 * <pre>{@code
 * Schedule lr = Schedule.cosine(0.1, 0.0, 9_000)           // anneal 0.1 -> 0 over 9000 steps
 *         .withWarmup(Interpolation.LINEAR, 1_000, 0.0);   // after 1000 steps of linear warm-up from 0
 * double first = lr.valueAt(0);                            // 0.0
 * double peak  = lr.valueAt(1_000);                        // 0.1
 * }</pre>
 *
 * <p><b>Past the end.</b> Schedules planned over a finite number of steps (interpolations, one-cycle)
 * follow a {@link PastEnd} rule for later steps: hold the final value (the default), raise an error, or
 * extrapolate the formula as PyTorch does. Unbounded schedules (decays, cyclical, SGDR) are defined for
 * every step.
 *
 * <p>Built-in schedules are records whose {@link #toSpec()} gives the text form read by
 * {@code org.lrkit.spec.Specs}; a lambda is a valid schedule too but has no text form.
 */
@FunctionalInterface
public interface Schedule {

    /**
     * The value at an optimizer step.
     *
     * @param step 0-based optimizer step, {@code >= 0}
     * @return the value applied at that step
     * @throws IllegalArgumentException if {@code step < 0}, or if the step is past the end of a
     *     schedule built with {@link PastEnd#ERROR}
     */
    double valueAt(long step);

    /**
     * The text form of this schedule, {@code name(key=value, ...)}, which
     * {@code org.lrkit.spec.Specs.parseSchedule} turns back into an equal schedule.
     *
     * @return the spec text of this schedule
     * @throws UnsupportedOperationException for schedules without a text form, such as lambdas
     */
    default String toSpec() {
        throw new UnsupportedOperationException(
                "this schedule (" + getClass().getName() + ") has no text form; build it from lrkit's "
                        + "built-in schedules to print and parse it");
    }

    /**
     * The cycle structure of this schedule (cycle and phase of a step, last step of each cycle), empty
     * for schedules that do not cycle.
     *
     * @return the cycle structure, or an empty optional
     */
    default java.util.Optional<CycleStructure> cycles() {
        return java.util.Optional.empty();
    }

    /**
     * This schedule multiplied by {@code factor} at every step.
     *
     * @param factor the multiplier, finite
     * @return a {@link Scaled} schedule
     * @throws IllegalArgumentException if {@code factor} is NaN or infinite
     */
    default Schedule scaledBy(double factor) {
        return new Scaled(this, factor);
    }

    /**
     * This schedule plus {@code offset} at every step.
     *
     * @param offset the constant added, finite
     * @return an {@link Offset} schedule
     * @throws IllegalArgumentException if {@code offset} is NaN or infinite
     */
    default Schedule plus(double offset) {
        return new Offset(this, offset);
    }

    /**
     * This schedule limited to {@code [min, max]} at every step.
     *
     * @param min lower bound, finite
     * @param max upper bound, finite, {@code >= min}
     * @return a {@link Clamped} schedule
     * @throws IllegalArgumentException if a bound is not finite or {@code min > max}
     */
    default Schedule clampedTo(double min, double max) {
        return new Clamped(this, min, max);
    }

    /**
     * This schedule for its first {@code steps} steps, then {@code next} in local time: at step
     * {@code steps + k} the value is {@code next.valueAt(k)}.
     *
     * @param steps how many optimizer steps this schedule lasts, {@code > 0}
     * @param next the schedule that follows, in local time, not null
     * @return a {@link Join} schedule
     * @throws IllegalArgumentException if {@code steps <= 0} or {@code next} is null
     */
    default Schedule followedBy(long steps, Schedule next) {
        return new Join(this, steps, next);
    }

    /**
     * A warm-up of {@code steps} steps from {@code startValue} up to this schedule's first value, then
     * this schedule in local time (its step 0 comes right after the warm-up).
     *
     * @param shape curve of the warm-up, not null
     * @param steps length of the warm-up in optimizer steps, {@code > 0}
     * @param startValue value at step 0, finite
     * @return a {@link Warmup} schedule
     * @throws IllegalArgumentException if {@code shape} is null, {@code steps <= 0}, {@code startValue} is
     *     not finite, or {@code shape} is exponential and {@code startValue} and this schedule's first value
     *     are not both non-zero and of the same sign
     */
    default Schedule withWarmup(Interpolation shape, long steps, double startValue) {
        return new Warmup(shape, steps, startValue, this);
    }

    /**
     * This schedule started {@code steps} steps in: at step {@code k} the value is
     * {@code valueAt(k + steps)}.
     *
     * @param steps how many optimizer steps are skipped, {@code >= 0}
     * @return a {@link Skip} schedule
     * @throws IllegalArgumentException if {@code steps < 0}
     */
    default Schedule skipping(long steps) {
        return new Skip(this, steps);
    }

    /**
     * A schedule that returns {@code value} at every step.
     *
     * @param value the value, finite
     * @return a {@link Constant} schedule
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    static Schedule constant(double value) {
        return new Constant(value);
    }

    /**
     * Linear interpolation from {@code from} (step 0) to {@code to} (step {@code steps}), then held.
     *
     * @param from value at step 0, finite
     * @param to value at step {@code steps} and after, finite
     * @param steps length of the interpolation in optimizer steps, {@code > 0}
     * @return an {@link Anneal} schedule
     * @throws IllegalArgumentException if {@code from} or {@code to} is not finite or {@code steps <= 0}
     */
    static Schedule linear(double from, double to, long steps) {
        return new Anneal(Interpolation.LINEAR, from, to, steps, PastEnd.HOLD);
    }

    /**
     * Half-cosine interpolation from {@code from} (step 0) to {@code to} (step {@code steps}), then held.
     *
     * @param from value at step 0, finite
     * @param to value at step {@code steps} and after, finite
     * @param steps length of the interpolation in optimizer steps, {@code > 0}
     * @return an {@link Anneal} schedule
     * @throws IllegalArgumentException if {@code from} or {@code to} is not finite or {@code steps <= 0}
     */
    static Schedule cosine(double from, double to, long steps) {
        return new Anneal(Interpolation.COSINE, from, to, steps, PastEnd.HOLD);
    }

    /**
     * Geometric interpolation from {@code from} (step 0) to {@code to} (step {@code steps}), then held.
     *
     * @param from value at step 0, finite and non-zero
     * @param to value at step {@code steps} and after, finite, non-zero and of the sign of {@code from}
     * @param steps length of the interpolation in optimizer steps, {@code > 0}
     * @return an {@link Anneal} schedule
     * @throws IllegalArgumentException if {@code from} or {@code to} is not finite, either is zero, they have
     *     opposite signs, or {@code steps <= 0}
     */
    static Schedule exponential(double from, double to, long steps) {
        return new Anneal(Interpolation.EXPONENTIAL, from, to, steps, PastEnd.HOLD);
    }

    /**
     * Polynomial interpolation {@code to + (from - to)(1 - t/steps)^power} from step 0 to step
     * {@code steps}, then held.
     *
     * @param from value at step 0, finite
     * @param to value at step {@code steps} and after, finite
     * @param steps length of the decay in optimizer steps, {@code > 0}
     * @param power exponent, finite, {@code > 0}
     * @return a {@link Polynomial} schedule
     * @throws IllegalArgumentException if {@code from} or {@code to} is not finite, {@code steps <= 0}, or
     *     {@code power} is not a finite value {@code > 0}
     */
    static Schedule polynomial(double from, double to, long steps, double power) {
        return new Polynomial(from, to, steps, power, PastEnd.HOLD);
    }
}

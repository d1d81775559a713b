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
     */
    default java.util.Optional<CycleStructure> cycles() {
        return java.util.Optional.empty();
    }

    /** This schedule multiplied by {@code factor} at every step. */
    default Schedule scaledBy(double factor) {
        return new Scaled(this, factor);
    }

    /** This schedule plus {@code offset} at every step. */
    default Schedule plus(double offset) {
        return new Offset(this, offset);
    }

    /** This schedule limited to {@code [min, max]} at every step. */
    default Schedule clampedTo(double min, double max) {
        return new Clamped(this, min, max);
    }

    /**
     * This schedule for its first {@code steps} steps, then {@code next} in local time: at step
     * {@code steps + k} the value is {@code next.valueAt(k)}.
     */
    default Schedule followedBy(long steps, Schedule next) {
        return new Join(this, steps, next);
    }

    /**
     * A warm-up of {@code steps} steps from {@code startValue} up to this schedule's first value, then
     * this schedule in local time (its step 0 comes right after the warm-up).
     */
    default Schedule withWarmup(Interpolation shape, long steps, double startValue) {
        return new Warmup(shape, steps, startValue, this);
    }

    /**
     * This schedule started {@code steps} steps in: at step {@code k} the value is
     * {@code valueAt(k + steps)}.
     */
    default Schedule skipping(long steps) {
        return new Skip(this, steps);
    }

    /** A schedule that returns {@code value} at every step. */
    static Schedule constant(double value) {
        return new Constant(value);
    }

    /** Linear interpolation from {@code from} (step 0) to {@code to} (step {@code steps}), then held. */
    static Schedule linear(double from, double to, long steps) {
        return new Anneal(Interpolation.LINEAR, from, to, steps, PastEnd.HOLD);
    }

    /** Half-cosine interpolation from {@code from} (step 0) to {@code to} (step {@code steps}), then held. */
    static Schedule cosine(double from, double to, long steps) {
        return new Anneal(Interpolation.COSINE, from, to, steps, PastEnd.HOLD);
    }

    /** Geometric interpolation from {@code from} (step 0) to {@code to} (step {@code steps}), then held. */
    static Schedule exponential(double from, double to, long steps) {
        return new Anneal(Interpolation.EXPONENTIAL, from, to, steps, PastEnd.HOLD);
    }

    /**
     * Polynomial interpolation {@code to + (from - to)(1 - t/steps)^power} from step 0 to step
     * {@code steps}, then held.
     */
    static Schedule polynomial(double from, double to, long steps, double power) {
        return new Polynomial(from, to, steps, power, PastEnd.HOLD);
    }
}

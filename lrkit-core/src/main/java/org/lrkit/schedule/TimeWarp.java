package org.lrkit.schedule;

import java.util.Optional;
import org.lrkit.Checks;

/**
 * A schedule run at another speed from a given step on: the steps before {@code fromStep} are unchanged,
 * and step {@code fromStep + k} takes the value the original has at time {@code fromStep + k * speed}.
 * Between two whole steps of the original the value is interpolated linearly, so a warp is exact at every
 * step the original defines and smooth in between.
 *
 * <p>This is how a run resumed with a different length keeps its place in the policy: a one-cycle policy
 * planned for 10,000 steps, stopped at step 4,000 and resumed for 16,000 in all, continues with
 * {@code speed = (9999 - 4000) / (15999 - 4000)}, so that its last planned value lands on the new last
 * step (see {@link Elastic#stretch}).
 *
 * <pre>{@code Schedule longer = new TimeWarp(oneCycle, 4_000, 5_999.0 / 11_999.0);}</pre>
 *
 * @param schedule the original schedule
 * @param fromStep first step whose time is warped, {@code >= 0}
 * @param speed original steps per new step after {@code fromStep}, {@code > 0}
 */
public record TimeWarp(Schedule schedule, long fromStep, double speed) implements Schedule {

    /**
     * Creates a time warp.
     *
     * @param schedule the original schedule, not null
     * @param fromStep first optimizer step whose time is warped, {@code >= 0}
     * @param speed original steps per new step after {@code fromStep}, finite, {@code > 0}
     * @throws IllegalArgumentException if {@code schedule} is null, {@code fromStep < 0}, or {@code speed}
     *     is not a finite value {@code > 0}
     */
    public TimeWarp {
        Checks.notNull("schedule", schedule);
        Checks.nonNegative("fromStep", fromStep);
        Checks.positive("speed", speed);
    }

    @Override
    public double valueAt(long step) {
        if (Checks.step(step) <= fromStep) {
            return schedule.valueAt(step);
        }
        double time = fromStep + (step - fromStep) * speed;
        long before = (long) Math.floor(time);
        double fraction = time - before;
        double value = schedule.valueAt(before);
        return fraction == 0.0 ? value : value + (schedule.valueAt(before + 1) - value) * fraction;
    }

    @Override
    public Optional<CycleStructure> cycles() {
        return Optional.empty();
    }

    @Override
    public String toSpec() {
        return SpecText.of("timeWarp").add("schedule", schedule).add("fromStep", fromStep).add("speed", speed)
                .toString();
    }

    @Override
    public String toString() {
        return toSpec();
    }
}

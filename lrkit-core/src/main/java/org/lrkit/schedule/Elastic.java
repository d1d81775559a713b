package org.lrkit.schedule;

import org.lrkit.Checks;

/**
 * Rules for resuming a run with a different length than its policy planned (none of PyTorch, fastai or
 * Keras has them: PyTorch's {@code OneCycleLR} raises once a run outlives its plan).
 *
 * <ul>
 *   <li>{@link #stretch}: keep the current position and stretch (or squeeze) the rest of the schedule so
 *       that it ends on the new last step.
 *   <li>{@link #continueAtFinal}: keep the schedule as planned and train on at its final value.
 *   <li>{@link #appendCycle}: keep the schedule as planned and add another schedule (a new cycle) after it.
 * </ul>
 *
 * <pre>{@code
 * // planned 10,000 steps, stopped at 4,000, now 16,000 in all:
 * Policy longer = Elastic.stretch(policy, 4_000, 10_000, 16_000);
 * }</pre>
 */
public final class Elastic {

    private Elastic() {
    }

    /** What a resumed run does when its length differs from the plan recorded in the checkpoint. */
    public enum Rule {
        /** Refuse: the policy must be the one recorded. */
        STRICT,
        /** {@link Elastic#stretch}. */
        STRETCH,
        /** {@link Elastic#continueAtFinal}. */
        CONTINUE_AT_FINAL,
        /** {@link Elastic#appendCycle}. */
        APPEND_CYCLE
    }

    /**
     * The schedule with the steps after {@code atStep} stretched from a plan of {@code plannedSteps} steps
     * in all to {@code newSteps}: the value planned for the last step ({@code plannedSteps - 1}) comes at
     * step {@code newSteps - 1}.
     *
     * @param schedule the schedule as planned, not null
     * @param atStep the 0-based optimizer step the run resumes from, {@code >= 0}; steps up to it keep their
     *     planned values
     * @param plannedSteps the number of optimizer steps the schedule was planned for
     * @param newSteps the number of optimizer steps the resumed run trains for in all
     * @return a {@link TimeWarp} of {@code schedule}
     * @throws IllegalArgumentException if {@code atStep < 0}, or {@code atStep} is not before the last step
     *     of both plans ({@code plannedSteps - 1} and {@code newSteps - 1})
     */
    public static Schedule stretch(Schedule schedule, long atStep, long plannedSteps, long newSteps) {
        Checks.nonNegative("atStep", atStep);
        if (!(atStep < plannedSteps - 1 && atStep < newSteps - 1)) {
            throw new IllegalArgumentException("atStep must be before the last step of both plans, got atStep="
                    + atStep + ", plannedSteps=" + plannedSteps + ", newSteps=" + newSteps
                    + "; to train past the end of a finished plan use continueAtFinal or appendCycle");
        }
        double speed = (double) (plannedSteps - 1 - atStep) / (newSteps - 1 - atStep);
        return new TimeWarp(schedule, atStep, speed);
    }

    /**
     * {@link #stretch(Schedule, long, long, long)} applied to every schedule of a policy.
     *
     * @param policy the policy as planned, not null
     * @param atStep the 0-based optimizer step the run resumes from, {@code >= 0}
     * @param plannedSteps the number of optimizer steps the policy was planned for
     * @param newSteps the number of optimizer steps the resumed run trains for in all
     * @return the policy with every schedule stretched
     * @throws IllegalArgumentException if {@code atStep < 0}, or {@code atStep} is not before the last step
     *     of both plans
     */
    public static Policy stretch(Policy policy, long atStep, long plannedSteps, long newSteps) {
        return map(policy, schedule -> stretch(schedule, atStep, plannedSteps, newSteps));
    }

    /**
     * The schedule as planned for {@code plannedSteps} steps, then its value at the last planned step, held.
     *
     * @param schedule the schedule as planned, not null
     * @param plannedSteps the number of optimizer steps the schedule was planned for, {@code > 0}
     * @return a {@link Join} of {@code schedule} and a {@link Constant}
     * @throws IllegalArgumentException if {@code plannedSteps <= 0}
     */
    public static Schedule continueAtFinal(Schedule schedule, long plannedSteps) {
        Checks.positive("plannedSteps", plannedSteps);
        return new Join(schedule, plannedSteps, new Constant(schedule.valueAt(plannedSteps - 1)));
    }

    /**
     * {@link #continueAtFinal(Schedule, long)} applied to every schedule of a policy.
     *
     * @param policy the policy as planned, not null
     * @param plannedSteps the number of optimizer steps the policy was planned for, {@code > 0}
     * @return the policy with every schedule held at its final planned value
     * @throws IllegalArgumentException if {@code plannedSteps <= 0}
     */
    public static Policy continueAtFinal(Policy policy, long plannedSteps) {
        return map(policy, schedule -> continueAtFinal(schedule, plannedSteps));
    }

    /**
     * The schedule as planned for {@code plannedSteps} steps, then {@code next} in local time.
     *
     * @param schedule the schedule as planned, not null
     * @param plannedSteps the number of optimizer steps the schedule was planned for, {@code > 0}
     * @param next the schedule (a new cycle) that follows, not null
     * @return a {@link Join} of {@code schedule} and {@code next}
     * @throws IllegalArgumentException if a schedule is null or {@code plannedSteps <= 0}
     */
    public static Schedule appendCycle(Schedule schedule, long plannedSteps, Schedule next) {
        return new Join(schedule, Checks.positive("plannedSteps", plannedSteps), next);
    }

    private static Policy map(Policy policy, java.util.function.UnaryOperator<Schedule> change) {
        return new Policy(change.apply(policy.learningRate()), policy.momentum().map(change),
                policy.beta1().map(change));
    }
}

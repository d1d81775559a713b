package org.lrkit.djl.checkpoint;

import java.nio.file.Path;
import java.util.Optional;
import org.lrkit.Checks;
import org.lrkit.schedule.Elastic;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Schedule;
import org.lrkit.spec.Specs;

/**
 * Where to resume from, and what to do if the run's policy differs from the one the checkpoint recorded.
 *
 * <p>With {@link Elastic.Rule#STRICT} (the default) the policies must have the same
 * {@code Policy.fingerprint()}, or resuming is refused with a {@link PolicyMismatchException}. Naming a rule
 * continues the <em>recorded</em> policy, changed as the rule says, for a run of the new length:
 * <ul>
 *   <li>{@code STRETCH}: {@link Elastic#stretch} the rest of the recorded policy so that its last planned
 *       value lands on the new run's last step (a one-cycle run made longer or shorter mid-way);
 *   <li>{@code CONTINUE_AT_FINAL}: the recorded policy as planned, then its final values held;
 *   <li>{@code APPEND_CYCLE}: the recorded policy as planned, then the new run's policy in local time (its
 *       step 0 right after the recorded plan ends): train on with another cycle.
 * </ul>
 * The resumed run records the reconciled policy, so resuming it again needs the same rule again.
 *
 * <pre>{@code
 * Resume.from(dir.resolve("checkpoint.lrkit")).withRule(Elastic.Rule.STRETCH)
 * }</pre>
 *
 * @param checkpoint the checkpoint file
 * @param rule what to do when the policy changed
 */
public record Resume(Path checkpoint, Elastic.Rule rule) {

    /**
     * Checks the components; see the record description.
     *
     * @param checkpoint the checkpoint file, not null
     * @param rule what to do when the policy changed, not null
     * @throws IllegalArgumentException if {@code checkpoint} or {@code rule} is null
     */
    public Resume {
        Checks.notNull("checkpoint", checkpoint);
        Checks.notNull("rule", rule);
    }

    /**
     * Resume from {@code checkpoint}, refusing a changed policy.
     *
     * @param checkpoint the checkpoint file, not null
     * @return a resume under {@link Elastic.Rule#STRICT}
     * @throws IllegalArgumentException if {@code checkpoint} is null
     */
    public static Resume from(Path checkpoint) {
        return new Resume(checkpoint, Elastic.Rule.STRICT);
    }

    /**
     * This resume with {@code newRule}.
     *
     * @param newRule what to do when the policy changed, not null
     * @return a new resume from the same checkpoint; this one is unchanged
     * @throws IllegalArgumentException if {@code newRule} is null
     */
    public Resume withRule(Elastic.Rule newRule) {
        return new Resume(checkpoint, newRule);
    }

    /**
     * The policy the resumed run follows.
     *
     * @param recorded the checkpoint
     * @param requested the policy the new run was given
     * @param plannedSteps the new run's planned length in optimizer steps
     * @param rule what to do if the policies differ
     * @return {@code requested} if the policies match, else the recorded policy changed as {@code rule} says
     * @throws IllegalArgumentException if an argument is null or {@code plannedSteps <= 0}
     * @throws PolicyMismatchException if the policies differ under {@code STRICT}, or the rule cannot apply
     */
    public static Policy reconcile(Checkpoint recorded, Policy requested, long plannedSteps, Elastic.Rule rule) {
        Checks.notNull("recorded", recorded);
        Checks.notNull("requested", requested);
        Checks.positive("plannedSteps", plannedSteps);
        Checks.notNull("rule", rule);
        String requestedFingerprint = fingerprintOf(requested);
        boolean same = recorded.policyFingerprint().equals(requestedFingerprint);
        long step = recorded.progress().step();
        long recordedPlan = recorded.progress().plannedSteps();
        if (rule == Elastic.Rule.STRICT || (same && rule != Elastic.Rule.APPEND_CYCLE && recordedPlan == plannedSteps)) {
            if (same) {
                return requested;
            }
            throw new PolicyMismatchException("the checkpoint was written with policy\n  " + recorded.policySpec()
                    + "\n  (fingerprint " + abbreviate(recorded.policyFingerprint()) + ")\nbut this run's policy is\n  "
                    + specOf(requested) + "\n  (fingerprint " + abbreviate(requestedFingerprint) + ").",
                    "\nResume with "
                    + "the recorded policy, or name an elastic rule: STRETCH (the rest of the recorded policy over the "
                    + "new length), CONTINUE_AT_FINAL (hold its final values) or APPEND_CYCLE (then this policy as "
                    + "a new cycle)");
        }
        Policy old = parse(recorded);
        try {
            return switch (rule) {
                case STRETCH -> Elastic.stretch(old, step, recordedPlan, plannedSteps);
                case CONTINUE_AT_FINAL -> Elastic.continueAtFinal(old, recordedPlan);
                case APPEND_CYCLE -> append(old, recordedPlan, requested);
                case STRICT -> throw new AssertionError("handled above");
            };
        } catch (IllegalArgumentException e) {
            throw new PolicyMismatchException("elastic rule " + rule + " cannot resume from step " + step + " of a "
                    + recordedPlan + "-step plan into a " + plannedSteps + "-step run: " + e.getMessage(), e);
        }
    }

    private static Policy append(Policy old, long recordedPlan, Policy next) {
        Schedule learningRate = Elastic.appendCycle(old.learningRate(), recordedPlan, next.learningRate());
        return new Policy(learningRate, appendOptional("momentum", old.momentum(), next.momentum(), recordedPlan),
                appendOptional("beta1", old.beta1(), next.beta1(), recordedPlan));
    }

    private static Optional<Schedule> appendOptional(String name, Optional<Schedule> old, Optional<Schedule> next,
            long recordedPlan) {
        if (old.isPresent() != next.isPresent()) {
            throw new IllegalArgumentException("the " + (old.isPresent() ? "recorded" : "new") + " policy schedules "
                    + name + " and the " + (old.isPresent() ? "new" : "recorded") + " one does not; give both or neither "
                    + "a " + name + " schedule");
        }
        return old.map(schedule -> Elastic.appendCycle(schedule, recordedPlan, next.get()));
    }

    private static Policy parse(Checkpoint recorded) {
        try {
            return Specs.parsePolicy(recorded.policySpec());
        } catch (IllegalArgumentException e) {
            throw new PolicyMismatchException("the checkpoint's policy '" + recorded.policySpec() + "' cannot be read "
                    + "by this lrkit (" + e.getMessage() + "), so no elastic rule can continue it", e);
        }
    }

    private static String fingerprintOf(Policy policy) {
        try {
            return policy.fingerprint();
        } catch (UnsupportedOperationException e) {
            return "none";
        }
    }

    private static String specOf(Policy policy) {
        try {
            return policy.toSpec();
        } catch (UnsupportedOperationException e) {
            return "<a policy with no text form, such as a lambda>";
        }
    }

    private static String abbreviate(String fingerprint) {
        return fingerprint.length() > 12 ? fingerprint.substring(0, 12) + "..." : fingerprint;
    }
}

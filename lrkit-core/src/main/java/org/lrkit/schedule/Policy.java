package org.lrkit.schedule;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.DoublePredicate;
import java.util.stream.LongStream;
import org.lrkit.Checks;

/**
 * A training policy: the learning-rate schedule together with the schedules of the optimizer's momentum
 * (SGD) and first-moment coefficient (Adam's beta1), each a function of the same 0-based optimizer step.
 *
 * <p>The one-cycle policy of Smith &amp; Topin (2018) pairs a rising learning rate with a falling momentum
 * and the reverse: {@code Policy.of(oneCycle).withMomentum(oneCycle.mirrored(0.95, 0.85))}. A policy
 * without a momentum (or beta1) schedule leaves that optimizer setting untouched.
 *
 * @param learningRate the learning rate at each step
 * @param momentum the SGD momentum at each step, if the policy schedules it
 * @param beta1 Adam's beta1 at each step, if the policy schedules it (beta2 is never touched)
 */
public record Policy(Schedule learningRate, Optional<Schedule> momentum, Optional<Schedule> beta1) {

    /** Runs up to this many steps are checked at every step by {@link #checkValues}. */
    public static final long FULL_CHECK_STEPS = 1L << 22;

    /** Steps checked at each end of a longer run, and cycle ends at most. */
    private static final int END_STEPS = 1 << 16;

    /** Steps checked evenly spread over a longer run. */
    private static final int SPREAD_STEPS = 1 << 20;

    /**
     * Checks the schedules are there.
     *
     * @param learningRate the learning rate at each step, not null
     * @param momentum the SGD momentum at each step, or {@link Optional#empty()} for none; not null
     * @param beta1 Adam's beta1 at each step, or {@link Optional#empty()} for none; not null
     * @throws IllegalArgumentException if a component is null
     */
    public Policy {
        Checks.notNull("learningRate", learningRate);
        Checks.notNull("momentum (use Optional.empty() for none)", momentum);
        Checks.notNull("beta1 (use Optional.empty() for none)", beta1);
    }

    /**
     * A policy that schedules only the learning rate.
     *
     * @param learningRate the learning rate at each step, not null
     * @return a policy without momentum or beta1 schedule
     * @throws IllegalArgumentException if {@code learningRate} is null
     */
    public static Policy of(Schedule learningRate) {
        return new Policy(learningRate, Optional.empty(), Optional.empty());
    }

    /**
     * This policy with {@code momentum} as its momentum schedule.
     *
     * @param momentum the SGD momentum at each step, not null
     * @return a policy with the same learning rate and beta1 schedules
     * @throws IllegalArgumentException if {@code momentum} is null
     */
    public Policy withMomentum(Schedule momentum) {
        return new Policy(learningRate, Optional.of(Checks.notNull("momentum", momentum)), beta1);
    }

    /**
     * This policy with {@code beta1} as its Adam beta1 schedule.
     *
     * @param beta1 Adam's beta1 at each step, not null
     * @return a policy with the same learning rate and momentum schedules
     * @throws IllegalArgumentException if {@code beta1} is null
     */
    public Policy withBeta1(Schedule beta1) {
        return new Policy(learningRate, momentum, Optional.of(Checks.notNull("beta1", beta1)));
    }

    /**
     * A fingerprint of this policy: the hex SHA-256 of its text form. Checkpoints record it so that a run
     * resumed with a different policy is noticed instead of silently followed.
     *
     * @return 64 lowercase hex digits
     * @throws UnsupportedOperationException if a schedule of the policy has no text form (a lambda)
     */
    public String fingerprint() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(toSpec().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /**
     * The text form: the learning-rate spec alone when nothing else is scheduled, otherwise
     * {@code policy(lr=..., momentum=..., beta1=...)}.
     *
     * @return the spec text of this policy
     * @throws UnsupportedOperationException if a schedule of the policy has no text form (a lambda)
     */
    public String toSpec() {
        if (momentum.isEmpty() && beta1.isEmpty()) {
            return learningRate.toSpec();
        }
        StringBuilder spec = new StringBuilder("policy(lr=").append(learningRate.toSpec());
        momentum.ifPresent(m -> spec.append(", momentum=").append(m.toSpec()));
        beta1.ifPresent(b -> spec.append(", beta1=").append(b.toSpec()));
        return spec.append(')').toString();
    }

    /**
     * Checks that a run of {@code steps} steps can follow this policy: the learning rate finite and
     * {@code >= 0}, the momentum and beta1 in {@code [0, 1)}, at every step {@code 0 .. steps-1}.
     *
     * <p>A run of up to {@value #FULL_CHECK_STEPS} steps is checked at every step. A longer one is checked at
     * its first and last {@value #END_STEPS} steps, at {@value #SPREAD_STEPS} steps spread evenly between, and
     * at the first {@value #END_STEPS} cycle ends of a cyclic schedule and the steps around them (restarts);
     * a schedule that leaves its range only briefly between those steps is not caught.
     *
     * @param steps the run's length, {@code > 0}
     * @throws IllegalArgumentException naming the first failing step found, the value and the rule; also when
     *     a schedule refuses a step (past an end it forbids)
     */
    public void checkValues(long steps) {
        Checks.positive("steps", steps);
        check(learningRate, steps, "learning rate", v -> Double.isFinite(v) && v >= 0, "finite and >= 0");
        momentum.ifPresent(m -> check(m, steps, "momentum", v -> v >= 0 && v < 1, "in [0, 1)"));
        beta1.ifPresent(b -> check(b, steps, "beta1", v -> v >= 0 && v < 1, "in [0, 1)"));
    }

    private static void check(Schedule schedule, long steps, String name, DoublePredicate valid, String rule) {
        LongStream checked = steps <= FULL_CHECK_STEPS ? LongStream.range(0, steps) : sampled(schedule, steps);
        checked.forEach(step -> {
            double value = schedule.valueAt(step);
            if (!valid.test(value)) {
                throw new IllegalArgumentException("the " + name + " at step " + step + " is " + value
                        + "; it must be " + rule + " at every step of a " + steps + "-step run");
            }
        });
    }

    /** The steps of a long run that {@link #checkValues} looks at, in order. */
    private static LongStream sampled(Schedule schedule, long steps) {
        LongStream.Builder picked = LongStream.builder();
        for (long step = 0; step < END_STEPS; step++) {
            picked.add(step);
            picked.add(steps - 1 - step);
        }
        for (long i = 0; i < SPREAD_STEPS; i++) {
            picked.add((long) ((double) i / (SPREAD_STEPS - 1) * (steps - 1)));
        }
        schedule.cycles().ifPresent(cycles -> {
            OptionalLong end = cycles.nextCycleEnd(0);
            for (int i = 0; i < END_STEPS && end.isPresent() && end.getAsLong() < steps; i++) {
                long at = end.getAsLong();
                picked.add(at);
                if (at + 1 < steps) {
                    picked.add(at + 1);
                }
                end = at + 1 < steps ? cycles.nextCycleEnd(at + 1) : OptionalLong.empty();
            }
        });
        long[] all = picked.build().filter(step -> step >= 0 && step < steps).toArray();
        Arrays.sort(all);
        return Arrays.stream(all).distinct();
    }
}

package org.lrkit.schedule;

import java.util.Optional;
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

    public Policy {
        Checks.notNull("learningRate", learningRate);
        Checks.notNull("momentum (use Optional.empty() for none)", momentum);
        Checks.notNull("beta1 (use Optional.empty() for none)", beta1);
    }

    /** A policy that schedules only the learning rate. */
    public static Policy of(Schedule learningRate) {
        return new Policy(learningRate, Optional.empty(), Optional.empty());
    }

    /** This policy with {@code momentum} as its momentum schedule. */
    public Policy withMomentum(Schedule momentum) {
        return new Policy(learningRate, Optional.of(Checks.notNull("momentum", momentum)), beta1);
    }

    /** This policy with {@code beta1} as its Adam beta1 schedule. */
    public Policy withBeta1(Schedule beta1) {
        return new Policy(learningRate, momentum, Optional.of(Checks.notNull("beta1", beta1)));
    }

    /**
     * A fingerprint of this policy: the hex SHA-256 of its text form. Checkpoints record it so that a run
     * resumed with a different policy is noticed instead of silently followed.
     *
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
}

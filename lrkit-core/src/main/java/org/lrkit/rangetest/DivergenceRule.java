package org.lrkit.rangetest;

import org.lrkit.Checks;

/**
 * When a range test stops because the loss has blown up: the smoothed loss rose above the best smoothed
 * loss by more than {@code factor - 1} times the best's magnitude,
 * {@code smoothed - best > (factor - 1) |best|}, or the loss is NaN or infinite.
 *
 * <p>For positive losses this is fastai's and Lightning's rule {@code smoothed > factor * best}; unlike
 * theirs it also works for negative losses (a log-likelihood, fastai#962) and after training has already
 * started (the best is tracked from the finder's own first step, not from a global step).
 *
 * @param factor how many times the best loss counts as diverged, {@code > 1}; 4 is the common choice
 * @param warmupSteps steps at the start during which only non-finite losses stop the test, {@code >= 0}
 */
public record DivergenceRule(double factor, int warmupSteps) {

    /**
     * Creates a divergence rule.
     *
     * @param factor how many times the best loss counts as diverged, finite, {@code > 1}
     * @param warmupSteps range-test steps at the start during which only non-finite losses stop the test,
     *     {@code >= 0}
     * @throws IllegalArgumentException if {@code factor} is not a finite value {@code > 1} or
     *     {@code warmupSteps < 0}
     */
    public DivergenceRule {
        Checks.finite("factor", factor);
        if (!(factor > 1)) {
            throw new IllegalArgumentException("factor must be > 1, got " + factor);
        }
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("warmupSteps must be >= 0, got " + warmupSteps);
        }
    }

    /**
     * The usual rule: 4 times the best, from the second step on.
     *
     * @return {@code new DivergenceRule(4.0, 1)}
     */
    public static DivergenceRule standard() {
        return new DivergenceRule(4.0, 1);
    }

    /**
     * Whether the test stops at this step.
     *
     * @param step 0-based step of the range test
     * @param smoothed the smoothed loss at this step
     * @param best the lowest smoothed loss so far
     * @return true if {@code smoothed} is NaN or infinite, or, from {@code warmupSteps} on, it exceeds
     *     {@code best} by more than {@code (factor - 1) |best|}
     */
    public boolean diverged(int step, double smoothed, double best) {
        if (!Double.isFinite(smoothed)) {
            return true;
        }
        return step >= warmupSteps && smoothed - best > (factor - 1) * Math.abs(best);
    }
}

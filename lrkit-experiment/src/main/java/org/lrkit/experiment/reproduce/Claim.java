package org.lrkit.experiment.reproduce;

/**
 * A claim of a paper that a reproduction checks: a fast policy is as accurate as a baseline trained longer.
 *
 * <p>Two kinds. Where {@code claimedBudgetRatio} is a number the budgets themselves carry the claim (CLR's
 * triangular2 trains 25k iterations against the baseline's 70k, a ratio of 70/25 = 2.8): the fast policy must end
 * within {@code tolerance} of the baseline's final accuracy with a budget at most the baseline's divided by that
 * ratio. Where {@code claimedSpeedup} is a number (SGDR: "2 to 4 times fewer epochs", budgets equal), the fast
 * policy must also reach the baseline's final accuracy that many times sooner on its test-accuracy curve. Exactly
 * one of the two is a number, the other NaN. {@link ClaimCheck} reads the verdict.
 *
 * @param statement the claim in a few words, e.g. {@code triangular2 matches fixed in 25k of its 70k iterations}
 * @param paperFigure the paper's numbers, e.g. {@code triangular2 25k it 81.4% = fixed 70k it 81.4%}
 * @param baseline the label of the baseline policy
 * @param fast the label of the policy the claim is about
 * @param tolerance how far (a fraction, 0.005 for half a point) the fast policy's mean final accuracy may stay
 *     below the baseline's and still count as matching it
 * @param claimedSpeedup how many times fewer epochs the fast policy should need, or NaN when the budgets carry
 *     the claim
 * @param claimedBudgetRatio the paper's baseline budget over the fast policy's (70k / 25k = 2.8), or NaN for a
 *     claimed speed-up
 */
public record Claim(String statement, String paperFigure, String baseline, String fast, double tolerance,
        double claimedSpeedup, double claimedBudgetRatio) {

    /**
     * Checks the values.
     *
     * @param statement the claim in a few words, not blank
     * @param paperFigure the paper's numbers, not blank
     * @param baseline the label of the baseline policy
     * @param fast the label of the policy the claim is about, not {@code baseline}
     * @param tolerance how far the fast policy may stay below the baseline, a fraction in {@code (0, 0.1)}
     * @param claimedSpeedup how many times fewer epochs the fast policy should need, finite and {@code > 1}, or NaN
     * @param claimedBudgetRatio the paper's baseline budget over the fast policy's, finite and {@code > 1}, or NaN
     * @throws IllegalArgumentException if a text is missing, the policies are missing or the same, a number is out of
     *     range, or not exactly one of {@code claimedSpeedup} and {@code claimedBudgetRatio} is NaN
     */
    public Claim {
        if (statement == null || statement.isBlank() || paperFigure == null || paperFigure.isBlank()) {
            throw new IllegalArgumentException("a claim needs a statement and the paper's figure");
        }
        if (baseline == null || fast == null || baseline.equals(fast)) {
            throw new IllegalArgumentException("a claim compares two different policies, got baseline=" + baseline
                    + ", fast=" + fast);
        }
        if (!(tolerance > 0 && tolerance < 0.1)) {
            throw new IllegalArgumentException("tolerance must be in (0, 0.1) (a fraction: 0.005 is half a point),"
                    + " got " + tolerance);
        }
        if (!Double.isNaN(claimedSpeedup) && !(claimedSpeedup > 1 && Double.isFinite(claimedSpeedup))) {
            throw new IllegalArgumentException("claimedSpeedup must be > 1 or NaN, got " + claimedSpeedup);
        }
        if (!Double.isNaN(claimedBudgetRatio) && !(claimedBudgetRatio > 1 && Double.isFinite(claimedBudgetRatio))) {
            throw new IllegalArgumentException("claimedBudgetRatio must be > 1 or NaN, got " + claimedBudgetRatio);
        }
        if (Double.isNaN(claimedSpeedup) == Double.isNaN(claimedBudgetRatio)) {
            throw new IllegalArgumentException("a claim states either a speed-up or a budget ratio, got speed-up "
                    + claimedSpeedup + " and budget ratio " + claimedBudgetRatio);
        }
    }

    /**
     * A claim carried by the budgets: the fast policy trains {@code budgetRatio} times less and ends as accurate.
     *
     * @param statement the claim in a few words, not blank
     * @param paperFigure the paper's numbers, not blank
     * @param baseline the label of the baseline policy
     * @param fast the label of the policy the claim is about
     * @param tolerance how far the fast policy may stay below the baseline, a fraction in {@code (0, 0.1)}
     * @param budgetRatio the paper's baseline budget over the fast policy's, {@code > 1}
     * @return the claim
     */
    public static Claim byBudget(String statement, String paperFigure, String baseline, String fast,
            double tolerance, double budgetRatio) {
        return new Claim(statement, paperFigure, baseline, fast, tolerance, Double.NaN, budgetRatio);
    }

    /**
     * A claim of a speed-up read off the test-accuracy curves.
     *
     * @param statement the claim in a few words, not blank
     * @param paperFigure the paper's numbers, not blank
     * @param baseline the label of the baseline policy
     * @param fast the label of the policy the claim is about
     * @param tolerance how far the fast policy may stay below the baseline, a fraction in {@code (0, 0.1)}
     * @param claimedSpeedup how many times fewer epochs the fast policy should need, {@code > 1}
     * @return the claim
     */
    public static Claim bySpeedup(String statement, String paperFigure, String baseline, String fast,
            double tolerance, double claimedSpeedup) {
        return new Claim(statement, paperFigure, baseline, fast, tolerance, claimedSpeedup, Double.NaN);
    }

    /**
     * Whether the claim names a speed-up to check on the curves.
     *
     * @return whether {@link #claimedSpeedup()} is not NaN
     */
    public boolean claimsSpeedup() {
        return !Double.isNaN(claimedSpeedup);
    }
}

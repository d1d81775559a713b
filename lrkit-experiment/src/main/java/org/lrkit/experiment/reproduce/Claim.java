package org.lrkit.experiment.reproduce;

/**
 * A claim of a paper that a reproduction checks: a fast policy is as accurate as a baseline trained longer.
 *
 * <p>Two kinds. Where {@code claimedSpeedup} is NaN the budgets themselves carry the claim (CLR's triangular2
 * trains 25k iterations against the baseline's 70k): the fast policy must end within {@code tolerance} of the
 * baseline's final accuracy with a smaller budget. Where it is a number (SGDR: "2 to 4 times fewer epochs"),
 * the fast policy must also reach the baseline's final accuracy that many times sooner on its test-accuracy
 * curve. {@link ClaimCheck} reads the verdict.
 *
 * @param statement the claim in a few words, e.g. {@code triangular2 matches fixed in 25k of its 70k iterations}
 * @param paperFigure the paper's numbers, e.g. {@code triangular2 25k it 81.4% = fixed 70k it 81.4%}
 * @param baseline the label of the baseline policy
 * @param fast the label of the policy the claim is about
 * @param tolerance how far (a fraction, 0.005 for half a point) the fast policy's mean final accuracy may stay
 *     below the baseline's and still count as matching it
 * @param claimedSpeedup how many times fewer epochs the fast policy should need, or NaN when the budgets carry
 *     the claim
 */
public record Claim(String statement, String paperFigure, String baseline, String fast, double tolerance,
        double claimedSpeedup) {

    /** Checks the values. */
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
    }

    /** A claim carried by the budgets: the fast policy trains less and ends as accurate. */
    public static Claim byBudget(String statement, String paperFigure, String baseline, String fast,
            double tolerance) {
        return new Claim(statement, paperFigure, baseline, fast, tolerance, Double.NaN);
    }

    /** A claim of a speed-up read off the test-accuracy curves. */
    public static Claim bySpeedup(String statement, String paperFigure, String baseline, String fast,
            double tolerance, double claimedSpeedup) {
        return new Claim(statement, paperFigure, baseline, fast, tolerance, claimedSpeedup);
    }

    /** Whether the claim names a speed-up to check on the curves. */
    public boolean claimsSpeedup() {
        return !Double.isNaN(claimedSpeedup);
    }
}

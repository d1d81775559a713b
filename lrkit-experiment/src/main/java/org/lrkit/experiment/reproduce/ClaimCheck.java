package org.lrkit.experiment.reproduce;

import java.util.Locale;
import org.lrkit.experiment.report.ResultTable;

/**
 * The verdict on one {@link Claim} from the outcomes of its two policies.
 *
 * <p>With {@code B} the baseline's mean final test accuracy, {@code F} the fast policy's and {@code t} the
 * claim's tolerance:
 * <ul>
 *   <li>the <em>speed-up</em> is the baseline's budget in epochs divided by the first epoch at which the fast
 *       policy's mean curve reached {@code B} (NaN, "not reached", if it never did);</li>
 *   <li>{@link Verdict#REPRODUCED}: {@code F >= B - t}, and the saving holds: for a claim carried by the budgets
 *       the fast policy trained fewer epochs, for a claimed speed-up the measured one is at least as large;</li>
 *   <li>{@link Verdict#PARTLY}: otherwise, when {@code F >= B - 2t} or the fast policy reached {@code B} at
 *       some epoch (reached, but not with the claimed saving);</li>
 *   <li>{@link Verdict#NOT_REPRODUCED}: otherwise, and whenever a policy has no completed run;</li>
 *   <li>{@link Verdict#SMOKE_TEST} at {@link Scale#CI}, whatever the numbers.</li>
 * </ul>
 *
 * @param verdict the verdict
 * @param difference {@code F - B}, NaN when a policy has no completed run
 * @param reachedAt the first epoch at which the fast policy's mean curve reached {@code B}, NaN if never
 * @param speedup the baseline's epochs over {@code reachedAt}, NaN if not reached
 * @param explanation why, in one sentence
 */
public record ClaimCheck(Verdict verdict, double difference, double reachedAt, double speedup, String explanation) {

    private static final double SLACK = 1e-12;

    /** Checks {@code claim} on the outcomes of its baseline and fast policy at {@code scale}. */
    public static ClaimCheck of(Claim claim, PolicyOutcome baseline, PolicyOutcome fast, Scale scale) {
        double target = baseline.finalMean();
        double accuracy = fast.finalMean();
        double difference = accuracy - target;
        double reachedAt = Double.isNaN(target) ? Double.NaN : fast.firstEpochReaching(target);
        double speedup = Double.isNaN(reachedAt) ? Double.NaN : baseline.epochs() / reachedAt;
        if (!scale.isEvidence()) {
            return new ClaimCheck(Verdict.SMOKE_TEST, difference, reachedAt, speedup, Verdict.SMOKE_TEST_REASON);
        }
        if (Double.isNaN(target) || Double.isNaN(accuracy)) {
            String missing = Double.isNaN(target) ? baseline.label() : fast.label();
            return new ClaimCheck(Verdict.NOT_REPRODUCED, difference, reachedAt, speedup, "no completed run of "
                    + missing + " (diverged or failed), so there is nothing to compare");
        }
        double tolerance = claim.tolerance();
        boolean matched = difference >= -tolerance - SLACK;
        boolean close = difference >= -2 * tolerance - SLACK;
        boolean reached = !Double.isNaN(reachedAt);
        boolean saved = claim.claimsSpeedup() ? reached && speedup >= claim.claimedSpeedup() - 1e-9
                : fast.epochs() < baseline.epochs();
        String ends = fast.label() + " ends " + points(difference) + " " + baseline.label()
                + String.format(Locale.ROOT, " (tolerance %.1f points)", 100 * tolerance);
        String saving = claim.claimsSpeedup()
                ? (reached ? "reached " + baseline.label() + "'s final accuracy " + times(speedup) + " sooner"
                        : "never reached " + baseline.label() + "'s final accuracy") + " (claimed "
                        + times(claim.claimedSpeedup()) + ")"
                : "with " + times(baseline.epochs() / fast.epochs()) + " fewer epochs (" + ResultTable.epochs(
                        fast.epochs()) + " against " + ResultTable.epochs(baseline.epochs()) + ")";
        if (matched && saved) {
            return new ClaimCheck(Verdict.REPRODUCED, difference, reachedAt, speedup, ends + ", " + saving);
        }
        if (close || reached) {
            String why = matched ? "but it " + saving
                    : close ? "within twice the tolerance, " + saving
                            : "more than twice the tolerance, though it had reached " + baseline.label()
                                    + "'s final accuracy at epoch " + ResultTable.epochs(reachedAt);
            return new ClaimCheck(Verdict.PARTLY, difference, reachedAt, speedup, ends + ", " + why);
        }
        return new ClaimCheck(Verdict.NOT_REPRODUCED, difference, reachedAt, speedup, ends + ", more than twice"
                + " the tolerance, and it never reached " + baseline.label() + "'s final accuracy");
    }

    /** {@code 0.3 points below}, {@code 1.2 points above}, {@code level with}. */
    static String points(double difference) {
        double points = 100 * difference;
        if (Math.abs(points) < 0.05) {
            return "level with";
        }
        return String.format(Locale.ROOT, "%.1f points %s", Math.abs(points), points < 0 ? "below" : "above");
    }

    /** {@code 2.8x}. */
    static String times(double factor) {
        return Double.isNaN(factor) ? "-" : String.format(Locale.ROOT, "%.1fx", factor);
    }

    /** The speed-up for the row: {@code 2.8x} or {@code not reached}. */
    public String speedupText() {
        return Double.isNaN(speedup) ? "not reached" : times(speedup);
    }
}

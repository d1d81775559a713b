package org.lrkit.experiment.reproduce;

import java.util.Locale;
import org.lrkit.experiment.report.ResultTable;

/**
 * The verdict on one {@link Claim} from the outcomes of its two policies, by the rules fixed on 2026-12-04
 * before the runs they will judge.
 *
 * <p>With {@code B} the baseline's mean final test accuracy over its completed seeds, {@code F} the fast
 * policy's, {@code sB} and {@code sF} their sample standard deviations over the seeds, {@code s = max(sB, sF)},
 * {@code t} the claim's tolerance, {@code E_B} and {@code E_F} the budgets in epochs:
 * <ul>
 *   <li>the <em>speed-up</em> is {@code E_B} divided by the first epoch at which the fast policy's mean curve
 *       reached {@code B} (NaN, "not reached", if it never did); it is reported, and decides the saving of a
 *       claimed speed-up;</li>
 *   <li>{@link Verdict#SMOKE_TEST} at {@link Scale#CI}, whatever the numbers;</li>
 *   <li>{@link Verdict#NOT_REPRODUCED} when a policy ran {@link Verdict#SEEDS_NEEDED} (3) or more seeds and none
 *       completed (all diverged or failed);</li>
 *   <li>{@link Verdict#INCONCLUSIVE} when either policy has fewer than 3 completed seeds;</li>
 *   <li>{@link Verdict#REPRODUCED}: {@code F >= B - t}, and the saving holds: for a claim carried by the budgets
 *       {@code E_F <= E_B / r} with {@code r} the claim's budget ratio (the paper's, e.g. 70k / 25k = 2.8: a
 *       shorter run is not enough), for a claimed speed-up the measured one is at least the claimed;</li>
 *   <li>{@link Verdict#PARTLY}: otherwise, when {@code F >= B - 2t} (the means within twice the tolerance, with or
 *       without the saving) or {@code B - F <= s} (the difference of the means within the spread of the seeds'
 *       final accuracies); a mean curve that touched {@code B} at some epoch no longer counts;</li>
 *   <li>{@link Verdict#NOT_REPRODUCED}: otherwise.</li>
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

    /**
     * Checks {@code claim} on the outcomes of its baseline and fast policy at {@code scale}.
     *
     * @param claim the claim
     * @param baseline the outcome of the claim's baseline
     * @param fast the outcome of the claim's fast policy
     * @param scale the scale the runs trained at; a scale that is no evidence gets {@link Verdict#SMOKE_TEST}
     * @return the check
     */
    public static ClaimCheck of(Claim claim, PolicyOutcome baseline, PolicyOutcome fast, Scale scale) {
        double target = baseline.finalMean();
        double accuracy = fast.finalMean();
        double difference = accuracy - target;
        double reachedAt = Double.isNaN(target) ? Double.NaN : fast.firstEpochReaching(target);
        double speedup = Double.isNaN(reachedAt) ? Double.NaN : baseline.epochs() / reachedAt;
        if (!scale.isEvidence()) {
            return new ClaimCheck(Verdict.SMOKE_TEST, difference, reachedAt, speedup, Verdict.SMOKE_TEST_REASON);
        }
        for (PolicyOutcome outcome : new PolicyOutcome[] {baseline, fast}) {
            if (outcome.completed() == 0 && outcome.runs() >= Verdict.SEEDS_NEEDED) {
                return new ClaimCheck(Verdict.NOT_REPRODUCED, difference, reachedAt, speedup, "no completed run of "
                        + outcome.label() + " (diverged or failed), so there is nothing to compare");
            }
        }
        int seeds = Math.min(baseline.completed(), fast.completed());
        if (seeds < Verdict.SEEDS_NEEDED) {
            return new ClaimCheck(Verdict.INCONCLUSIVE, difference, reachedAt, speedup,
                    Verdict.inconclusiveReason(seeds));
        }
        double tolerance = claim.tolerance();
        double spread = Math.max(baseline.finalStd(), fast.finalStd());
        boolean matched = difference >= -tolerance - SLACK;
        boolean close = difference >= -2 * tolerance - SLACK;
        boolean withinSpread = -difference <= spread + SLACK;
        boolean reached = !Double.isNaN(reachedAt);
        double budgetRatio = baseline.epochs() / fast.epochs();
        boolean saved = claim.claimsSpeedup() ? reached && speedup >= claim.claimedSpeedup() - 1e-9
                : budgetRatio >= claim.claimedBudgetRatio() * (1 - 1e-9);
        String ends = fast.label() + " ends " + points(difference) + " " + baseline.label()
                + String.format(Locale.ROOT, " (tolerance %.1f points)", 100 * tolerance);
        String saving = claim.claimsSpeedup()
                ? (reached ? "reached " + baseline.label() + "'s final accuracy " + times(speedup) + " sooner"
                        : "never reached " + baseline.label() + "'s final accuracy") + " (claimed "
                        + times(claim.claimedSpeedup()) + ")"
                : "with " + (saved ? "" : "only ") + times(budgetRatio) + " fewer epochs ("
                        + ResultTable.epochs(fast.epochs()) + " against "
                        + ResultTable.epochs(baseline.epochs()) + "; claimed " + times(claim.claimedBudgetRatio())
                        + ")";
        if (matched && saved) {
            return new ClaimCheck(Verdict.REPRODUCED, difference, reachedAt, speedup, ends + ", " + saving);
        }
        String spreadText = String.format(Locale.ROOT, "the seeds' spread (standard deviation %.1f points)",
                100 * spread);
        if (close || withinSpread) {
            String why = matched ? "but " + (claim.claimsSpeedup() ? "it " : "") + saving
                    : close ? "within twice the tolerance, " + saving
                            : "more than twice the tolerance, but within " + spreadText + ", " + saving;
            return new ClaimCheck(Verdict.PARTLY, difference, reachedAt, speedup, ends + ", " + why);
        }
        return new ClaimCheck(Verdict.NOT_REPRODUCED, difference, reachedAt, speedup, ends + ", more than twice"
                + " the tolerance and more than " + spreadText);
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

    /**
     * The speed-up for the row: {@code 2.8x} or {@code not reached}.
     *
     * @return the text
     */
    public String speedupText() {
        return Double.isNaN(speedup) ? "not reached" : times(speedup);
    }
}

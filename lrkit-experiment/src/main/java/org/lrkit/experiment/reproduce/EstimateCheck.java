package org.lrkit.experiment.reproduce;

import java.util.List;
import java.util.Locale;
import org.lrkit.experiment.estimate.EstimateSummary;
import org.lrkit.experiment.report.Numbers;

/**
 * The verdict on an {@link EstimateClaim} from the per-step estimates of every seed's run ({@link
 * EstimateSummary}), by the rules fixed on 2026-12-04 before the runs they will judge.
 *
 * <p>With {@code [L, U]} the paper's range; {@code p10} the lowest 10th percentile and {@code p90} the highest
 * 90th percentile of the per-step (plain, Smith &amp; Topin's) estimates over the seeds (so that every seed's
 * 10-90% range lies within {@code [p10, p90]}); and {@code r10} the lowest 10th percentile over the seeds of each
 * estimate divided by the learning rate in use at its step, where the estimate is the <em>momentum-corrected</em>
 * one ({@link org.lrkit.curvature.MomentumCorrectedEstimate}) when a run used SGD momentum and the plain one
 * otherwise. Under momentum the plain estimate is above the learning rate from momentum alone (pure gradient noise
 * gives {@code lr sqrt(1 / (2 (1 - m)))}, 2.24 times the rate at {@code m = 0.9}); the corrected one is not
 * (0.43 times the rate there):
 * <ul>
 *   <li>{@link Verdict#SMOKE_TEST} at {@link Scale#CI}, whatever the numbers;</li>
 *   <li>{@link Verdict#INCONCLUSIVE} with fewer than {@link Verdict#SEEDS_NEEDED} (3) seeds;</li>
 *   <li>{@link Verdict#NOT_REPRODUCED} when a seed made no finite estimate;</li>
 *   <li>{@link Verdict#REPRODUCED}: {@code L <= p10} and {@code p90 <= U}: the middle 80% of every seed's
 *       plain estimates lie inside the paper's range (the ends included; the paper's figures are the plain
 *       formula's, computed under momentum);</li>
 *   <li>{@link Verdict#PARTLY}: otherwise, when {@code r10 > 1}: in every seed the (corrected, under momentum)
 *       estimates lie above the learning rate the network trains at but for the lowest tenth at most, the paper's
 *       qualitative reading (the network could take a larger rate), though not in its range;</li>
 *   <li>{@link Verdict#NOT_REPRODUCED}: otherwise, including a run with momentum that has no corrected
 *       estimate.</li>
 * </ul>
 * {@link #RULE} says the same for the row.
 *
 * @param verdict the verdict
 * @param percentile10 {@code p10}, NaN when a seed made no finite estimate
 * @param percentile90 {@code p90}, NaN when a seed made no finite estimate
 * @param ratioPercentile10 the lowest 10th percentile over the seeds of plain estimate / learning rate
 * @param ratioPercentile90 the highest 90th percentile over the seeds of plain estimate / learning rate
 * @param momentum whether a run used SGD momentum, so that {@code r10} is the corrected ratio's
 * @param correctedRatioPercentile10 the lowest 10th percentile over the seeds of corrected estimate / learning
 *     rate, NaN where a seed has none
 * @param correctedRatioPercentile90 the highest 90th percentile of the same
 * @param explanation why, in one sentence
 */
public record EstimateCheck(Verdict verdict, double percentile10, double percentile90, double ratioPercentile10,
        double ratioPercentile90, boolean momentum, double correctedRatioPercentile10,
        double correctedRatioPercentile90, String explanation) {

    /** The rule of the verdict, in the words of the row (fixed on 2026-12-04). */
    public static final String RULE = "inconclusive with fewer than " + Verdict.SEEDS_NEEDED + " seeds; reproduced"
            + " when the 10-90% range of the per-step estimates (of every seed) lies inside the paper's range; partly"
            + " when it does not but the 10th percentile of estimate / learning rate in use at its step is above 1"
            + " (of every seed, with the momentum-corrected estimate when the run used momentum, which alone lifts"
            + " the plain one above the rate: the estimates lie above the rate the network trains at, the paper's"
            + " reading that it could train at a larger rate); not reproduced otherwise; a smoke test at ci scale";

    private static final double SLACK = 1e-12;

    /**
     * Checks {@code claim} on the runs of every seed at {@code scale}.
     *
     * @param claim the claim
     * @param seeds the summary of each seed's run, at least one
     * @param scale the scale the runs trained at
     * @return the check
     * @throws IllegalArgumentException if {@code seeds} is empty
     */
    public static EstimateCheck of(EstimateClaim claim, List<EstimateSummary> seeds, Scale scale) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("seeds must not be empty: a check needs at least one run");
        }
        boolean complete = seeds.stream().allMatch(seed -> seed.estimates() > 0);
        double p10 = complete ? seeds.stream().mapToDouble(EstimateSummary::percentile10).min().orElseThrow()
                : Double.NaN;
        double p90 = complete ? seeds.stream().mapToDouble(EstimateSummary::percentile90).max().orElseThrow()
                : Double.NaN;
        double r10 = complete ? seeds.stream().mapToDouble(EstimateSummary::ratioPercentile10).min().orElseThrow()
                : Double.NaN;
        double r90 = complete ? seeds.stream().mapToDouble(EstimateSummary::ratioPercentile90).max().orElseThrow()
                : Double.NaN;
        boolean momentum = seeds.stream().anyMatch(EstimateSummary::usedMomentum);
        boolean corrected = seeds.stream().allMatch(seed -> seed.correctedEstimates() > 0);
        double c10 = corrected ? seeds.stream().mapToDouble(EstimateSummary::correctedRatioPercentile10).min()
                .orElseThrow() : Double.NaN;
        double c90 = corrected ? seeds.stream().mapToDouble(EstimateSummary::correctedRatioPercentile90).max()
                .orElseThrow() : Double.NaN;
        if (!scale.isEvidence()) {
            return new EstimateCheck(Verdict.SMOKE_TEST, p10, p90, r10, r90, momentum, c10, c90,
                    Verdict.SMOKE_TEST_REASON);
        }
        if (seeds.size() < Verdict.SEEDS_NEEDED) {
            return new EstimateCheck(Verdict.INCONCLUSIVE, p10, p90, r10, r90, momentum, c10, c90,
                    Verdict.inconclusiveReason(seeds.size()));
        }
        if (!complete) {
            long empty = seeds.stream().filter(seed -> seed.estimates() == 0).count();
            return new EstimateCheck(Verdict.NOT_REPRODUCED, p10, p90, r10, r90, momentum, c10, c90, empty + " of "
                    + seeds.size() + " runs made no finite estimate, so there is nothing to compare");
        }
        String range = "the 10-90% ranges of the per-step estimates of the " + seeds.size() + " seeds, together "
                + Numbers.number(p10) + "-" + Numbers.number(p90) + ",";
        if (p10 >= claim.lower() - SLACK && p90 <= claim.upper() + SLACK) {
            return new EstimateCheck(Verdict.REPRODUCED, p10, p90, r10, r90, momentum, c10, c90, range
                    + " lies inside the paper's " + claim.range());
        }
        String outside = range + " is not inside the paper's " + claim.range();
        double momentumUsed = seeds.stream().mapToDouble(EstimateSummary::momentum).filter(Double::isFinite).max()
                .orElse(0);
        if (momentum && !corrected) {
            return new EstimateCheck(Verdict.NOT_REPRODUCED, p10, p90, r10, r90, true, c10, c90, outside + ", and"
                    + " the runs used momentum " + Numbers.number(momentumUsed) + " but not every seed has a"
                    + " momentum-corrected estimate, so whether the estimates lie above the learning rate in use"
                    + " cannot be told from momentum's own lift");
        }
        double ratio10 = momentum ? c10 : r10;
        double ratio90 = momentum ? c90 : r90;
        String ratios = (momentum ? String.format(Locale.ROOT, "momentum-corrected (momentum %s) ",
                Numbers.number(momentumUsed)) : "") + "estimate / learning rate " + Numbers.number(ratio10) + "-"
                + Numbers.number(ratio90) + " over the 10-90% range" + (momentum ? "; plain "
                + Numbers.number(r10) + "-" + Numbers.number(r90) : "");
        if (ratio10 > 1) {
            return new EstimateCheck(Verdict.PARTLY, p10, p90, r10, r90, momentum, c10, c90, outside + ", but the"
                    + " estimates lie above the learning rate in use (" + ratios + "), as the paper reads them: the"
                    + " network could train at a larger rate");
        }
        return new EstimateCheck(Verdict.NOT_REPRODUCED, p10, p90, r10, r90, momentum, c10, c90, outside + ", and"
                + " the estimates do not lie above the learning rate in use (" + ratios + ", the 10th percentile not"
                + " above 1)");
    }
}

package org.lrkit.experiment.reproduce;

import java.util.List;
import org.lrkit.experiment.estimate.EstimateSummary;
import org.lrkit.experiment.report.Numbers;

/**
 * The verdict on an {@link EstimateClaim} from the per-step estimates of every seed's run ({@link
 * EstimateSummary}).
 *
 * <p>With {@code [L, U]} the paper's range; {@code p10} the lowest 10th percentile and {@code p90} the highest
 * 90th percentile of the per-step estimates over the seeds (so that every seed's 10-90% range lies within
 * {@code [p10, p90]}); and {@code r10} the lowest 10th percentile over the seeds of each estimate divided by the
 * learning rate in use at its step:
 * <ul>
 *   <li>{@link Verdict#REPRODUCED}: {@code L <= p10} and {@code p90 <= U}: the middle 80% of every seed's
 *       estimates lie inside the paper's range (the ends included);</li>
 *   <li>{@link Verdict#PARTLY}: otherwise, when {@code r10 > 1}: in every seed the estimates lie above the
 *       learning rate the network trains at but for the lowest tenth at most, which is the paper's qualitative
 *       reading (the network could take a larger rate), though not in its range;</li>
 *   <li>{@link Verdict#NOT_REPRODUCED}: otherwise, and whenever a seed made no finite estimate;</li>
 *   <li>{@link Verdict#SMOKE_TEST} at {@link Scale#CI}, whatever the numbers.</li>
 * </ul>
 * {@link #RULE} says the same for the row.
 *
 * @param verdict the verdict
 * @param percentile10 {@code p10}, NaN when a seed made no finite estimate
 * @param percentile90 {@code p90}, NaN when a seed made no finite estimate
 * @param ratioPercentile10 {@code r10}, NaN when a seed made no finite estimate
 * @param ratioPercentile90 the highest 90th percentile over the seeds of estimate / learning rate
 * @param explanation why, in one sentence
 */
public record EstimateCheck(Verdict verdict, double percentile10, double percentile90, double ratioPercentile10,
        double ratioPercentile90, String explanation) {

    /** The rule of the verdict, in the words of the row. */
    public static final String RULE = "reproduced when the 10-90% range of the per-step estimates (of every seed)"
            + " lies inside the paper's range; partly when it does not but the 10th percentile of estimate / learning"
            + " rate in use at its step is above 1 (of every seed: the estimates lie above the rate the network"
            + " trains at, the paper's reading that it could train at a larger rate); not reproduced otherwise;"
            + " a smoke test at ci scale";

    private static final double SLACK = 1e-12;

    /**
     * Checks {@code claim} on the runs of every seed at {@code scale}.
     *
     * @param seeds the summary of each seed's run, at least one
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
        if (!scale.isEvidence()) {
            return new EstimateCheck(Verdict.SMOKE_TEST, p10, p90, r10, r90, Verdict.SMOKE_TEST_REASON);
        }
        if (!complete) {
            long empty = seeds.stream().filter(seed -> seed.estimates() == 0).count();
            return new EstimateCheck(Verdict.NOT_REPRODUCED, p10, p90, r10, r90, empty + " of " + seeds.size()
                    + (seeds.size() == 1 ? " run" : " runs") + " made no finite estimate, so there is nothing to"
                    + " compare");
        }
        String range = (seeds.size() == 1 ? "the 10-90% range of the per-step estimates, "
                : "the 10-90% ranges of the per-step estimates of the " + seeds.size() + " seeds, together ")
                + Numbers.number(p10) + "-" + Numbers.number(p90) + ",";
        String ratios = "estimate / learning rate " + Numbers.number(r10) + "-" + Numbers.number(r90)
                + " over the 10-90% range";
        if (p10 >= claim.lower() - SLACK && p90 <= claim.upper() + SLACK) {
            return new EstimateCheck(Verdict.REPRODUCED, p10, p90, r10, r90, range + " lies inside the paper's "
                    + claim.range());
        }
        String outside = range + " is not inside the paper's " + claim.range();
        if (r10 > 1) {
            return new EstimateCheck(Verdict.PARTLY, p10, p90, r10, r90, outside + ", but the estimates lie above"
                    + " the learning rate in use (" + ratios + "), as the paper reads them: the network could train"
                    + " at a larger rate");
        }
        return new EstimateCheck(Verdict.NOT_REPRODUCED, p10, p90, r10, r90, outside + ", and the estimates do not"
                + " lie above the learning rate in use (" + ratios + ", the 10th percentile not above 1)");
    }
}

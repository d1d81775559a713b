package org.lrkit.experiment.reproduce;

import java.util.List;
import java.util.Map;

/**
 * A published result that {@code lrkit reproduce} checks by comparing trained policies: a declared, versioned
 * configuration with its paper reference, the claims it tests and a plan for every {@link Scale}. The version
 * goes up whenever a plan changes in a way that changes its numbers, so that a {@code reproduction.json} names
 * exactly what ran.
 *
 * @param id the name on the command line, e.g. {@code clr}
 * @param version the configuration's version, from 1
 * @param title what is reproduced, in a few words
 * @param paper the paper and where in it the numbers are, e.g. {@code Smith 2017, Cyclical Learning Rates
 *     for Training Neural Networks (WACV; arXiv:1506.01186), Table 1}
 * @param claims the claims checked, one row each
 * @param plans the plan at each scale (all three)
 * @param deviations where lrkit's setting differs from the paper's at every scale, and how
 * @param rangeTestFigure what the paper read off its range test, for the plans that run one; empty otherwise
 */
public record PaperExperiment(String id, int version, String title, String paper, List<Claim> claims,
        Map<Scale, ScaledPlan> plans, List<String> deviations, String rangeTestFigure) implements CatalogExperiment {

    /**
     * Checks the values and that every claim's policies exist, with a smaller budget where it says so.
     *
     * @param id the name on the command line: 1-40 lower-case letters, digits or {@code -}
     * @param version the configuration's version, {@code >= 1}
     * @param title what is reproduced, in a few words
     * @param paper the paper and where in it the numbers are
     * @param claims the claims checked, at least one; copied
     * @param plans the plan at each scale, each made for its scale; copied
     * @param deviations where lrkit's setting differs from the paper's; copied
     * @param rangeTestFigure what the paper read off its range test, needed when a plan runs one; {@code null} reads
     *     as empty
     * @throws IllegalArgumentException if the id or version is out of range, there is no claim, a scale has no plan, a
     *     claim names a policy a plan lacks, a claim carried by the budgets has a fast policy that does not train
     *     fewer steps, or a plan runs a range test without {@code rangeTestFigure}
     */
    public PaperExperiment {
        CatalogExperiment.checkIdAndVersion(id, version);
        claims = List.copyOf(claims);
        if (claims.isEmpty()) {
            throw new IllegalArgumentException(id + ": an experiment checks at least one claim");
        }
        plans = CatalogExperiment.planAtEveryScale(id, plans, ScaledPlan::scale);
        for (ScaledPlan plan : plans.values()) {
            for (Claim claim : claims) {
                checkClaim(id, plan, claim);
            }
            if (plan.rangeTest() != null && (rangeTestFigure == null || rangeTestFigure.isBlank())) {
                throw new IllegalArgumentException(id + ": a plan with a range test needs the paper's figure for it");
            }
        }
        deviations = List.copyOf(deviations);
        rangeTestFigure = rangeTestFigure == null ? "" : rangeTestFigure;
    }

    private static void checkClaim(String id, ScaledPlan plan, Claim claim) {
        String where = id + " at scale " + plan.scale().word() + ": ";
        PlannedPolicy baseline = plan.policy(claim.baseline()).orElseThrow(() -> new IllegalArgumentException(
                where + "the claim's baseline '" + claim.baseline() + "' is not a policy"));
        PlannedPolicy fast = plan.policy(claim.fast()).orElseThrow(() -> new IllegalArgumentException(
                where + "the claim's policy '" + claim.fast() + "' is not a policy"));
        long stepsPerEpoch = plan.setup().stepsPerEpoch();
        if (!claim.claimsSpeedup() && !(fast.steps(stepsPerEpoch) < baseline.steps(stepsPerEpoch))) {
            throw new IllegalArgumentException(where + claim.fast() + " must train fewer steps than "
                    + claim.baseline() + " for a claim carried by the budgets, got " + fast.steps(stepsPerEpoch)
                    + " and " + baseline.steps(stepsPerEpoch));
        }
    }

    /**
     * The plan at {@code scale}.
     *
     * @param scale the scale
     * @return the plan, made for that scale
     */
    public ScaledPlan plan(Scale scale) {
        return plans.get(scale);
    }

    @Override
    public int seeds(Scale scale) {
        return plan(scale).seeds();
    }
}

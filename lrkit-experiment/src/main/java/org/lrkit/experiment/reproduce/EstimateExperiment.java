package org.lrkit.experiment.reproduce;

import java.util.List;
import java.util.Map;

/**
 * A published measurement that {@code lrkit reproduce} checks by training briefly and estimating as it goes (an
 * {@link org.lrkit.experiment.estimate.EstimateRun}), instead of comparing trained policies: the paper's claim that a
 * quantity lies in a range, and a plan for every {@link Scale}. One claim, one row. The version goes up whenever
 * a plan changes its numbers.
 *
 * @param id the name on the command line, e.g. {@code hessian-free}
 * @param version the configuration's version, from 1
 * @param title what is reproduced, in a few words
 * @param paper the paper and where in it the numbers are
 * @param claim the claim checked
 * @param plans the plan at each scale (all three)
 * @param deviations where lrkit's setting or computation differs from the paper's at every scale, and how
 */
public record EstimateExperiment(String id, int version, String title, String paper, EstimateClaim claim,
        Map<Scale, EstimatePlan> plans, List<String> deviations) implements CatalogExperiment {

    /**
     * Checks the values.
     *
     * @param id the name on the command line: 1-40 lower-case letters, digits or {@code -}
     * @param version the configuration's version, {@code >= 1}
     * @param title what is reproduced, not blank
     * @param paper the paper and where in it the numbers are, not blank
     * @param claim the claim checked, not null
     * @param plans the plan at each scale, each made for its scale; copied
     * @param deviations where lrkit's setting or computation differs from the paper's; copied
     * @throws IllegalArgumentException if the id or version is out of range, the title, paper or claim is missing, or
     *     a scale has no plan
     */
    public EstimateExperiment {
        CatalogExperiment.checkIdAndVersion(id, version);
        if (title == null || title.isBlank() || paper == null || paper.isBlank()) {
            throw new IllegalArgumentException(id + ": an experiment needs a title and a paper reference");
        }
        if (claim == null) {
            throw new IllegalArgumentException(id + ": an experiment checks a claim");
        }
        plans = CatalogExperiment.planAtEveryScale(id, plans, EstimatePlan::scale);
        deviations = List.copyOf(deviations);
    }

    /**
     * The plan at {@code scale}.
     *
     * @param scale the scale
     * @return the plan, made for that scale
     */
    public EstimatePlan plan(Scale scale) {
        return plans.get(scale);
    }

    @Override
    public int seeds(Scale scale) {
        return plan(scale).seeds();
    }
}

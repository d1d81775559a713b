package org.lrkit.experiment.reproduce;

import java.util.List;
import java.util.Locale;

/**
 * The text of {@code lrkit reproduce --list}: for each experiment its id, version, title and paper, the claims
 * it checks, and at each scale the network, data and batch, the budget (every policy's for a comparison; the
 * steps, policy and estimates for an estimate experiment), the seeds and the time it takes.
 */
public final class ExperimentListing {

    private ExperimentListing() {
    }

    /**
     * The listing of {@code experiments}, of either kind.
     *
     * @param experiments the experiments to list, in order
     * @return the listing, a block of lines per experiment
     */
    public static String text(List<? extends CatalogExperiment> experiments) {
        StringBuilder out = new StringBuilder();
        for (CatalogExperiment experiment : experiments) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(experiment.id()).append("  v").append(experiment.version()).append("  ")
                    .append(experiment.title()).append('\n');
            out.append("  paper: ").append(experiment.paper()).append('\n');
            if (experiment instanceof PaperExperiment comparison) {
                for (Claim claim : comparison.claims()) {
                    appendClaim(out, claim.statement(), claim.paperFigure());
                }
                for (Scale scale : Scale.values()) {
                    ScaledPlan plan = comparison.plan(scale);
                    appendPlan(out, scale, plan.setup(), plan.budgets(), plan.seeds(), plan.estimate());
                }
            } else if (experiment instanceof EstimateExperiment estimate) {
                appendClaim(out, estimate.claim().statement(), estimate.claim().paperFigure());
                for (Scale scale : Scale.values()) {
                    EstimatePlan plan = estimate.plan(scale);
                    appendPlan(out, scale, plan.setup(), plan.budget(), plan.seeds(), plan.estimate());
                }
            } else {
                throw new IllegalStateException("no listing for " + experiment.getClass().getName());
            }
        }
        return out.toString();
    }

    private static void appendClaim(StringBuilder out, String statement, String paperFigure) {
        out.append("  claim: ").append(statement).append(" (paper: ").append(paperFigure).append(")\n");
    }

    /** {@code   cpu:  resnet20 on cifar10 (10000 images), batch 128: <budget>; 1 seed; <time>}. */
    private static void appendPlan(StringBuilder out, Scale scale, Setup setup, String budget, int seeds,
            String time) {
        String data = String.join(" or ", setup.datasets()) + (setup.trainSize() > 0 ? " (" + setup.trainSize()
                + " images)" : "");
        out.append(String.format(Locale.ROOT, "  %-5s %s on %s, batch %d: %s; %d seed%s; %s%n", scale.word() + ":",
                setup.model(), data, setup.batchSize(), budget, seeds, seeds == 1 ? "" : "s", time));
    }
}

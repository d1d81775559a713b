package org.lrkit.cli.reproduce;

import java.util.List;
import java.util.Locale;

/**
 * The text of {@code lrkit reproduce --list}: for each experiment its id, version, title and paper, the claims
 * it checks, and at each scale the network, data, every policy's budget, the seeds and the time it takes.
 */
public final class ExperimentListing {

    private ExperimentListing() {
    }

    /** The listing of {@code experiments}. */
    public static String text(List<PaperExperiment> experiments) {
        StringBuilder out = new StringBuilder();
        for (PaperExperiment experiment : experiments) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(experiment.id()).append("  v").append(experiment.version()).append("  ")
                    .append(experiment.title()).append('\n');
            out.append("  paper: ").append(experiment.paper()).append('\n');
            for (Claim claim : experiment.claims()) {
                out.append("  claim: ").append(claim.statement()).append(" (paper: ").append(claim.paperFigure())
                        .append(")\n");
            }
            for (Scale scale : Scale.values()) {
                ScaledPlan plan = experiment.plan(scale);
                Setup setup = plan.setup();
                String data = String.join(" or ", setup.datasets()) + (setup.trainSize() > 0 ? " ("
                        + setup.trainSize() + " images)" : "");
                String label = scale.word() + ":";
                out.append(String.format(Locale.ROOT, "  %-5s %s on %s, batch %d: %s; %d seed%s; %s%n", label,
                        setup.model(), data, setup.batchSize(), plan.budgets(), plan.seeds(),
                        plan.seeds() == 1 ? "" : "s", plan.estimate()));
            }
        }
        return out.toString();
    }
}

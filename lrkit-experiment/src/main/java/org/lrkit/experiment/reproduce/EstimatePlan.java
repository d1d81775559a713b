package org.lrkit.experiment.reproduce;

import java.util.Locale;
import org.lrkit.experiment.estimate.EstimateSettings;
import org.lrkit.experiment.report.Numbers;
import org.lrkit.experiment.report.ResultTable;
import org.lrkit.schedule.Schedule;
import org.lrkit.spec.Specs;

/**
 * An {@link EstimateExperiment} at one {@link Scale}: the setup, the policy trained, how long and how often it
 * estimates, the default number of seeds, and how this scale departs from the paper.
 *
 * @param scale the scale
 * @param setup data, network and optimizer (the test images are read but not used)
 * @param policy the policy's spec, e.g. {@code cyclical(base=0.1, peak=3, stepsUp=5000)}
 * @param settings the steps trained, the estimates' spacing and the curvature probes'
 * @param seeds how many seeds run by default ({@code --seeds} changes it)
 * @param description how this scale departs from the paper, and why
 * @param estimate how long it takes, for people
 */
public record EstimatePlan(Scale scale, Setup setup, String policy, EstimateSettings settings, int seeds,
        String description, String estimate) {

    /**
     * Checks the values; a policy that does not parse fails here, when the catalog is built.
     *
     * @param scale the scale, not null
     * @param setup data, network and optimizer, not null
     * @param policy the policy's spec, which must parse
     * @param settings the steps trained, the estimates' spacing and the curvature probes', not null
     * @param seeds how many seeds run by default, in {@code [1, 100]}
     * @param description how this scale departs from the paper, not blank
     * @param estimate how long it takes, not blank
     * @throws IllegalArgumentException if a value is missing or out of range, or the policy does not parse
     */
    public EstimatePlan {
        if (scale == null || setup == null || settings == null) {
            throw new IllegalArgumentException("an estimate plan needs a scale, a setup and settings");
        }
        if (policy == null || policy.isBlank()) {
            throw new IllegalArgumentException("an estimate plan needs a policy spec, got '" + policy + "'");
        }
        Specs.parsePolicy(policy);
        if (seeds < 1 || seeds > 100) {
            throw new IllegalArgumentException("seeds must be in [1, 100], got " + seeds);
        }
        if (description == null || description.isBlank() || estimate == null || estimate.isBlank()) {
            throw new IllegalArgumentException("a plan needs a description and a time estimate");
        }
    }

    /**
     * The learning rate of the policy.
     *
     * @return the learning-rate schedule of the parsed policy
     */
    public Schedule learningRate() {
        return Specs.parsePolicy(policy).learningRate();
    }

    /**
     * The budget for people: {@code the first 300 steps (0.77 epochs) of cyclical(base=0.1, peak=3,
     * stepsUp=5000), lr 0.1 to 0.274; 100 estimates (one every 3 steps), a probe along the gradient every 50}.
     *
     * @return the budget, on one line
     */
    public String budget() {
        long steps = settings.steps();
        Schedule learningRate = learningRate();
        double epochs = (double) steps / setup.stepsPerEpoch();
        String probes = settings.curvatureEvery() == 0 ? "no probe along the gradient"
                : "a probe along the gradient every " + settings.curvatureEvery() + " steps";
        return String.format(Locale.ROOT, "the first %d steps (%s epoch%s) of %s, lr %s to %s; %d estimates (one"
                + " every %d steps), %s", steps, ResultTable.epochs(epochs), epochs == 1 ? "" : "s", policy,
                Numbers.number(learningRate.valueAt(0)), Numbers.number(learningRate.valueAt(steps - 1)),
                settings.estimateCount(), settings.estimateSpacing(), probes);
    }
}

package org.lrkit.experiment.reproduce;

import static org.lrkit.experiment.reproduce.ReportSections.range;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lrkit.experiment.estimate.EstimateSummary;
import org.lrkit.experiment.report.Numbers;

/**
 * What a reproduction of an {@link EstimateExperiment} found, and its one row: the paper's figure beside lrkit's,
 * the budget, the verdict and the command that regenerates it.
 *
 * @param experiment the experiment
 * @param scale the scale it ran at
 * @param directory the run directory
 * @param dataset the dataset read
 * @param model the network trained
 * @param outcomes one per seed, in the order they ran
 * @param check the verdict
 * @param command the command that regenerates the reproduction
 */
public record EstimateReproduction(EstimateExperiment experiment, Scale scale, Path directory, String dataset,
        String model, List<EstimateOutcome> outcomes, EstimateCheck check, String command) {

    /**
     * Copies the outcomes and checks there is one at least.
     *
     * @param experiment the experiment
     * @param scale the scale it ran at
     * @param directory the run directory
     * @param dataset the dataset read
     * @param model the network trained
     * @param outcomes one per seed, at least one; copied
     * @param check the verdict
     * @param command the command that regenerates the reproduction
     * @throws IllegalArgumentException if there is no outcome
     */
    public EstimateReproduction {
        outcomes = List.copyOf(outcomes);
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("a reproduction needs the outcome of one seed at least");
        }
    }

    /**
     * The plan that ran.
     *
     * @return the experiment's plan at this scale
     */
    public EstimatePlan plan() {
        return experiment.plan(scale);
    }

    /**
     * The seeds that ran.
     *
     * @return the seeds, in the order they ran
     */
    public long[] seeds() {
        return outcomes.stream().mapToLong(EstimateOutcome::seed).toArray();
    }

    /**
     * The claim checked.
     *
     * @return the experiment's claim
     */
    public EstimateClaim claim() {
        return experiment.claim();
    }

    /**
     * lrkit's figure: {@code per-step estimate 0.14-0.61, median 0.37, 10-90% 0.26-0.54, final moving average
     * 0.52; learning rate 0.101-0.274, estimate / learning rate 1.4-2.2 (10-90%) (1 seed, cifar10)}. With several
     * seeds the range runs from the lowest to the highest estimate of any seed, the 10-90% range from the lowest
     * 10th to the highest 90th percentile, and the median and the final moving average are the mean +/- the
     * standard deviation over the seeds.
     *
     * @return the figure, on one line
     */
    public String lrkitFigure() {
        List<EstimateSummary> summaries = outcomes.stream().map(EstimateOutcome::summary).toList();
        int seeds = summaries.size();
        double minimum = summaries.stream().mapToDouble(EstimateSummary::minimum).min().orElseThrow();
        double maximum = summaries.stream().mapToDouble(EstimateSummary::maximum).max().orElseThrow();
        double lowestRate = summaries.stream().mapToDouble(EstimateSummary::lowestLearningRate).min().orElseThrow();
        double highestRate = summaries.stream().mapToDouble(EstimateSummary::highestLearningRate).max()
                .orElseThrow();
        return "per-step estimate " + range(minimum, maximum)
                + ", median " + meanAndSpread(summaries.stream().mapToDouble(EstimateSummary::median).toArray())
                + ", 10-90% " + range(check.percentile10(), check.percentile90())
                + ", final moving average " + meanAndSpread(summaries.stream()
                        .mapToDouble(EstimateSummary::finalAverage).toArray())
                + "; learning rate " + range(lowestRate, highestRate) + ", estimate / learning rate "
                + range(check.ratioPercentile10(), check.ratioPercentile90()) + " (10-90%)"
                + (Double.isNaN(check.correctedRatioPercentile10()) ? "" : ", momentum-corrected "
                        + range(check.correctedRatioPercentile10(), check.correctedRatioPercentile90()))
                + " (" + seeds
                + (seeds == 1 ? " seed, " : " seeds, ") + dataset + ")";
    }

    /** {@code 0.37} for one value, {@code 0.37 +/- 0.02} (mean and sample standard deviation) for several. */
    private static String meanAndSpread(double[] values) {
        double mean = Numbers.mean(values);
        return values.length == 1 || Double.isNaN(Numbers.std(values)) ? Numbers.number(mean)
                : Numbers.number(mean) + " +/- " + Numbers.number(Numbers.std(values));
    }

    /**
     * The budget, from the plan.
     *
     * @return the budget for people
     */
    public String budget() {
        return plan().budget();
    }

    /**
     * As the element of the {@code rows} array of {@code reproduction.json}.
     *
     * @return the row as a JSON object
     */
    public Map<String, Object> rowJson() {
        EstimateClaim claim = claim();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("experiment", experiment.id());
        map.put("version", experiment.version());
        map.put("scale", scale.word());
        map.put("dataset", dataset);
        map.put("claim", claim.statement());
        map.put("paper", claim.paperFigure());
        map.put("paperRange", List.of(claim.lower(), claim.upper()));
        map.put("lrkit", lrkitFigure());
        map.put("budgets", budget());
        map.put("verdict", check.verdict().words());
        map.put("why", check.explanation());
        map.put("rule", EstimateCheck.RULE);
        map.put("percentile10", check.percentile10());
        map.put("percentile90", check.percentile90());
        map.put("ratioPercentile10", check.ratioPercentile10());
        map.put("ratioPercentile90", check.ratioPercentile90());
        map.put("momentum", check.momentum());
        map.put("correctedRatioPercentile10", check.correctedRatioPercentile10());
        map.put("correctedRatioPercentile90", check.correctedRatioPercentile90());
        map.put("seeds", outcomes.stream().map(EstimateReproduction::outcomeJson).toList());
        map.put("command", command);
        return map;
    }

    private static Map<String, Object> outcomeJson(EstimateOutcome outcome) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("seed", outcome.seed());
        map.put("files", outcome.files());
        map.putAll(outcome.summary().toJson());
        return map;
    }
}

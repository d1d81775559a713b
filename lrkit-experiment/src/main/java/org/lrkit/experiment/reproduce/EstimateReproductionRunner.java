package org.lrkit.experiment.reproduce;

import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lrkit.experiment.estimate.EstimateChart;
import org.lrkit.experiment.estimate.EstimateJob;
import org.lrkit.experiment.estimate.EstimateRow;
import org.lrkit.experiment.estimate.EstimateRun;
import org.lrkit.experiment.estimate.EstimateSettings;
import org.lrkit.experiment.estimate.EstimateSummary;
import org.lrkit.experiment.report.Numbers;
import org.lrkit.experiment.run.Progress;
import org.lrkit.experiment.run.RunFailure;
import org.lrkit.experiment.run.Workbench;
import org.lrkit.schedule.Policy;
import org.lrkit.spec.Specs;

/**
 * Runs an {@link EstimateExperiment} at one scale: for each seed, a model initialized from the seed is trained by
 * an {@link EstimateRun} on the workbench's data with the plan's policy and settings, exactly as
 * {@code lrkit estimate} trains it; the seed's {@code estimate.csv}, {@code layers.csv} and {@code estimate.png}
 * go into the run directory (one seed) or {@code seed-<s>/} (several), and its estimates are summarized. Then the
 * claim is checked on the summaries ({@link EstimateCheck}).
 */
public final class EstimateReproductionRunner {

    private EstimateReproductionRunner() {
    }

    /**
     * Runs every seed and checks the claim; writes no report ({@link EstimateReproductionReport} does).
     *
     * @param experiment the experiment
     * @param scale the scale to run at
     * @param seeds the seeds, one run each
     * @param directory the run directory, which must exist
     * @param bench the data, network and optimizer settings of the plan's setup, opened
     * @param command the command that regenerates the reproduction, for the row
     * @param progress where to report each step and each finished seed
     * @return the reproduction: one outcome per seed and the verdict
     * @throws RunFailure if a run diverged, made no estimate, or its chart could not be written
     * @throws IllegalArgumentException if {@code seeds} is empty
     * @throws IOException if the data cannot be read or a file cannot be written
     * @throws TranslateException if a batch cannot be made from the images
     */
    public static EstimateReproduction run(EstimateExperiment experiment, Scale scale, long[] seeds, Path directory,
            Workbench bench, String command, Progress progress) throws IOException, TranslateException {
        if (seeds.length == 0) {
            throw new IllegalArgumentException("seeds must not be empty: a reproduction runs one seed at least");
        }
        EstimatePlan plan = experiment.plan(scale);
        EstimateSettings settings = plan.settings();
        Policy policy = Specs.parsePolicy(plan.policy());
        long steps = settings.steps();
        progress.plan(steps * seeds.length);
        List<EstimateOutcome> outcomes = new ArrayList<>();
        for (long seed : seeds) {
            EstimateJob.Estimated estimated;
            try {
                estimated = EstimateJob.run(bench, policy, plan.policy(), settings, seed, (step, average) ->
                        progress.step(String.format(Locale.ROOT, "seed %d: step %d/%d, lr %s, estimate %s", seed,
                                step.step() + 1, steps, Numbers.number(step.learningRate()),
                                Numbers.number(average))));
            } finally {
                progress.finish();
            }
            if (seeds.length > 1) {
                estimated = estimated.titled(estimated.title() + ", seed " + seed);
            }
            String folder = EstimateOutcome.folderOf(seed, seeds.length);
            Path seedDirectory = directory.resolve(folder).normalize();
            estimated.write(seedDirectory, seedDirectory.resolve(EstimateChart.FILE));
            List<EstimateRow> rows = estimated.rows();
            EstimateOutcome outcome = new EstimateOutcome(seed, folder, EstimateSummary.of(rows));
            outcomes.add(outcome);
            progress.say(String.format(Locale.ROOT, "seed %d: %d estimates, median %s; wrote %s", seed,
                    outcome.summary().estimates(), Numbers.number(outcome.summary().median()),
                    String.join(", ", outcome.files())));
        }
        EstimateCheck check = EstimateCheck.of(experiment.claim(),
                outcomes.stream().map(EstimateOutcome::summary).toList(), scale);
        return new EstimateReproduction(experiment, scale, directory, bench.datasetName(), bench.settings().model(),
                outcomes, check, command);
    }
}

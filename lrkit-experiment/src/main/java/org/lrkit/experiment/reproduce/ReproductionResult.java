package org.lrkit.experiment.reproduce;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a reproduction found, as {@link ReproductionReport} writes it: one row per claim, SGDR's anytime
 * curves, the snapshot ensembles and the range test's advice where the plan has them.
 *
 * @param experiment the experiment
 * @param scale the scale it ran at
 * @param directory the run directory
 * @param dataset the dataset read
 * @param model the network trained
 * @param seeds the seeds of every policy
 * @param rows one per claim, in the experiment's order
 * @param anytime the anytime curves of the SGDR policies (empty for other experiments)
 * @param ensembles the snapshot ensembles (empty when the plan has none)
 * @param rangeTest the range test's advice as {@code summary.json} records it, empty when none ran
 * @param command the command that regenerates the reproduction
 */
public record ReproductionResult(PaperExperiment experiment, Scale scale, Path directory, String dataset,
        String model, long[] seeds, List<ReproductionRow> rows, List<AnytimeCurve> anytime,
        List<EnsembleOutcome> ensembles, Map<String, Object> rangeTest, String command) {

    /**
     * Copies the lists.
     *
     * @param experiment the experiment
     * @param scale the scale it ran at
     * @param directory the run directory
     * @param dataset the dataset read
     * @param model the network trained
     * @param seeds the seeds of every policy; copied
     * @param rows one per claim; copied
     * @param anytime the anytime curves; copied
     * @param ensembles the snapshot ensembles; copied
     * @param rangeTest the range test's advice, empty when none ran; copied
     * @param command the command that regenerates the reproduction
     */
    public ReproductionResult {
        seeds = seeds.clone();
        rows = List.copyOf(rows);
        anytime = List.copyOf(anytime);
        ensembles = List.copyOf(ensembles);
        rangeTest = Collections.unmodifiableMap(new LinkedHashMap<>(rangeTest));
    }

    /**
     * The plan that ran.
     *
     * @return the experiment's plan at this scale
     */
    public ScaledPlan plan() {
        return experiment.plan(scale);
    }
}

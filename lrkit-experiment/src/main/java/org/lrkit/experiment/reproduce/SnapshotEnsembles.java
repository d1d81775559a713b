package org.lrkit.experiment.reproduce;

import ai.djl.Model;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lrkit.experiment.report.RunData;
import org.lrkit.experiment.run.ExperimentConfig;
import org.lrkit.experiment.run.RunFailure;
import org.lrkit.experiment.run.Workbench;
import org.lrkit.djl.ensemble.EnsembleReport;
import org.lrkit.djl.ensemble.SnapshotEnsemble;

/**
 * Evaluates the snapshot ensembles of a run directory: for each policy of a {@link SnapshotPlan} and each of its
 * completed runs, the last {@code M} snapshots its run saved at the cycle ends (fewer if it saved fewer) on the
 * test set, one by one and averaged, with lrkit-djl's {@link SnapshotEnsemble}.
 */
public final class SnapshotEnsembles {

    /** Images per batch where the evaluation set is random-access (the test loader batches by itself). */
    private static final int EVALUATION_BATCH = 250;

    private SnapshotEnsembles() {
    }

    /**
     * The ensembles of the completed runs of the plan's policies.
     *
     * @param data the run directory as read
     * @param plan the policies with snapshots and how many of the newest to average
     * @param bench the workbench the runs trained on (its network and test images)
     * @return one outcome per completed run of those policies
     * @throws RunFailure if a snapshot cannot be read or evaluated
     * @throws IOException if a snapshot or the test images cannot be read
     */
    public static List<EnsembleOutcome> evaluate(RunData data, SnapshotPlan plan, Workbench bench)
            throws IOException {
        List<EnsembleOutcome> outcomes = new ArrayList<>();
        long stepsPerEpoch = bench.stepsPerEpoch();
        for (String label : plan.policies()) {
            for (RunData.Run run : data.runsOf(label)) {
                if (!run.status().equals("completed")) {
                    continue;
                }
                Path folder = ExperimentConfig.runFolder(data.directory(), label, run.seed())
                        .resolve(ExperimentConfig.SNAPSHOTS);
                List<Path> files = SnapshotEnsemble.snapshotsIn(folder);
                if (files.isEmpty()) {
                    continue;
                }
                int lastM = Math.min(plan.lastM(), files.size());
                EnsembleReport report;
                try (Model model = bench.newInitializedModel(run.seed())) {
                    report = SnapshotEnsemble.evaluate(model, bench.testLoader(), EVALUATION_BATCH, files, lastM);
                } catch (TranslateException | RuntimeException e) {
                    throw new RunFailure("snapshot ensemble of " + label + " seed " + run.seed() + ": "
                            + e.getMessage(), e);
                }
                List<EnsembleOutcome.Member> members = new ArrayList<>();
                for (EnsembleReport.SingleResult single : report.singles()) {
                    members.add(new EnsembleOutcome.Member(single.name(), single.cycle(),
                            (double) (single.step() + 1) / stepsPerEpoch, single.accuracy()));
                }
                outcomes.add(new EnsembleOutcome(label, run.seed(), members, report.ensembleAccuracy(),
                        run.finalAccuracy()));
            }
        }
        return outcomes;
    }
}

package org.lrkit.experiment.reproduce;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lrkit.experiment.report.Json;
import org.lrkit.experiment.report.RunData;
import org.lrkit.experiment.run.PolicyPlan;
import org.lrkit.experiment.run.Workbench;
import org.lrkit.schedule.Policy;

/**
 * Reads a finished reproduction's run directory and checks the experiment's claims on it: the outcome of every
 * policy, one {@link ReproductionRow} per claim, the anytime curve of each SGDR policy, the snapshot ensembles
 * the plan asks for and the range test's advice.
 */
public final class ReproductionAnalysis {

    private ReproductionAnalysis() {
    }

    /**
     * Analyzes {@code directory}.
     *
     * @param directory the run directory
     * @param experiment the experiment that ran
     * @param scale the scale it ran at
     * @param bench the workbench the runs trained on, for the snapshot ensembles' evaluation
     * @param command the command that regenerates the reproduction, for the rows
     * @return the result: one row per claim, the anytime curves and the snapshot ensembles
     * @throws IllegalArgumentException if the directory lacks a policy a claim names
     * @throws IOException if a file of the directory or a snapshot cannot be read
     */
    public static ReproductionResult analyze(Path directory, PaperExperiment experiment, Scale scale,
            Workbench bench, String command) throws IOException {
        RunData data = RunData.read(directory);
        Map<String, PolicyOutcome> outcomes = new LinkedHashMap<>();
        for (PolicyOutcome outcome : PolicyOutcome.of(data)) {
            outcomes.put(outcome.label(), outcome);
        }
        Map<String, Object> dataJson = Json.object(data.config(), "data");
        String dataset = Json.text(dataJson, "name", Json.text(data.settings(), "dataset", "?"));
        String model = Json.text(data.settings(), "model", "?");
        List<ReproductionRow> rows = new ArrayList<>();
        List<AnytimeCurve> anytime = new ArrayList<>();
        for (Claim claim : experiment.claims()) {
            PolicyOutcome baseline = outcome(outcomes, claim.baseline(), directory);
            PolicyOutcome fast = outcome(outcomes, claim.fast(), directory);
            rows.add(new ReproductionRow(experiment.id(), experiment.version(), scale, dataset, claim, baseline,
                    fast, ClaimCheck.of(claim, baseline, fast, scale), command));
            Optional<AnytimeCurve> curve = AnytimeCurve.of(policy(data, claim.fast()), fast, baseline,
                    data.stepsPerEpoch());
            curve.ifPresent(anytime::add);
        }
        SnapshotPlan snapshots = experiment.plan(scale).snapshots();
        List<EnsembleOutcome> ensembles = snapshots.isEmpty() ? List.of()
                : SnapshotEnsembles.evaluate(data, snapshots, bench);
        Map<String, Object> rangeTest = Json.object(data.summary(), "rangeTest");
        long[] seeds = Json.array(data.config(), "seeds").stream().mapToLong(v -> ((Number) v).longValue())
                .toArray();
        return new ReproductionResult(experiment, scale, directory, dataset, model, seeds, rows, anytime, ensembles,
                rangeTest, command);
    }

    private static PolicyOutcome outcome(Map<String, PolicyOutcome> outcomes, String label, Path directory) {
        PolicyOutcome outcome = outcomes.get(label);
        if (outcome == null) {
            throw new IllegalArgumentException(directory + " has no policy '" + label + "'; it was not made by this"
                    + " version of the reproduction");
        }
        return outcome;
    }

    private static Policy policy(RunData data, String label) {
        return data.policies().stream().filter(policy -> policy.label().equals(label)).findFirst()
                .map(PolicyPlan::policy).orElseThrow();
    }
}

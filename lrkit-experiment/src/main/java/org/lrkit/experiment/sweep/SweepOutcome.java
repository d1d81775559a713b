package org.lrkit.experiment.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lrkit.experiment.report.Csv;
import org.lrkit.experiment.report.Json;
import org.lrkit.spec.Spec;
import org.lrkit.spec.SpecValue;

/**
 * What one run of a sweep ended with, read from its run directory (the {@code summary.json}, {@code
 * config.json} and {@code epochs.csv} that {@code lrkit train} writes).
 *
 * <p>Example: {@code SweepOutcome.read(run, sweepDirectory.resolve(run.folder()), 1, 41.5)} after the run's
 * process ended.
 *
 * @param index the run's index in the grid ({@link SweepRun#index()})
 * @param status the run's status: {@code completed} or {@code diverged}
 * @param finalAccuracy the test accuracy after the last epoch, a fraction in [0, 1]; NaN if none
 * @param bestAccuracy the best test accuracy after any epoch, a fraction; NaN if none
 * @param steps the optimizer steps trained
 * @param seconds the training time the run recorded, seconds (across resumes)
 * @param chosenPeak the peak learning rate the run's range test chose, for a policy with {@code peak=auto};
 *     NaN otherwise
 * @param attempts how many processes the run took: 1, or more when it was resumed after a failure
 * @param wallSeconds the wall time of the run's processes, seconds, start-up included
 */
public record SweepOutcome(int index, String status, double finalAccuracy, double bestAccuracy, long steps,
                           double seconds, double chosenPeak, int attempts, double wallSeconds) {

    /** The statuses of a run that has ended and will not continue. */
    private static final List<String> FINISHED = List.of("completed", "diverged");

    /**
     * The status of a finished run in {@code runDirectory}, if its {@code summary.json} says it finished.
     *
     * @param runDirectory an {@code lrkit train} run directory, which may not exist
     * @return {@code completed} or {@code diverged}; empty while the run has not finished (or never started)
     * @throws IOException if summary.json exists but cannot be read
     */
    public static Optional<String> finishedStatus(Path runDirectory) throws IOException {
        Path summary = runDirectory.resolve("summary.json");
        if (!Files.isRegularFile(summary)) {
            return Optional.empty();
        }
        return finishedStatus(parse(summary));
    }

    /** The finished status of the single run a parsed summary.json records, if it finished. */
    private static Optional<String> finishedStatus(Map<String, Object> summary) {
        List<Object> runs = Json.array(summary, "runs");
        if (runs.size() != 1 || !(runs.get(0) instanceof Map<?, ?> run)) {
            return Optional.empty();
        }
        String status = String.valueOf(run.get("status"));
        return FINISHED.contains(status) ? Optional.of(status) : Optional.empty();
    }

    /**
     * Reads the outcome of a finished run.
     *
     * @param run the run
     * @param runDirectory its run directory
     * @param attempts how many processes it took
     * @param wallSeconds their wall time, seconds
     * @return the outcome
     * @throws IOException if a file cannot be read, or the run has not finished (naming the directory)
     */
    @SuppressWarnings("unchecked")
    public static SweepOutcome read(SweepRun run, Path runDirectory, int attempts, double wallSeconds)
            throws IOException {
        Path summaryFile = runDirectory.resolve("summary.json");
        if (!Files.isRegularFile(summaryFile)) {
            throw notFinished(run, runDirectory);
        }
        Map<String, Object> summary = parse(summaryFile);
        String status = finishedStatus(summary).orElseThrow(() -> notFinished(run, runDirectory));
        Map<String, Object> record = (Map<String, Object>) Json.array(summary, "runs").get(0);
        Path folder = runDirectory.resolve(Json.text(record, "folder", ""));
        double best = Double.NaN;
        Path epochs = folder.resolve("epochs.csv");
        if (Files.isRegularFile(epochs)) {
            for (double accuracy : Csv.read(epochs).column("val_accuracy")) {
                if (!Double.isNaN(accuracy) && (Double.isNaN(best) || accuracy > best)) {
                    best = accuracy;
                }
            }
        }
        double chosenPeak = run.rangeTestPeak() ? chosenPeak(runDirectory) : Double.NaN;
        return new SweepOutcome(run.index(), status, Json.number(record, "finalAccuracy"), best,
                Json.whole(record, "steps", 0), Json.number(record, "seconds"), chosenPeak, attempts, wallSeconds);
    }

    private static IOException notFinished(SweepRun run, Path runDirectory) {
        return new IOException("run " + run.index() + " (" + runDirectory + ") has not finished: its summary.json"
                + " records no completed or diverged run");
    }

    /** The peak of the resolved spec in config.json: what the range test chose for {@code peak=auto}. */
    private static double chosenPeak(Path runDirectory) throws IOException {
        List<Object> policies = Json.array(parse(runDirectory.resolve("config.json")), "policies");
        if (policies.isEmpty() || !(policies.get(0) instanceof Map<?, ?> policy)) {
            return Double.NaN;
        }
        Optional<SpecValue> peak = Spec.parse(String.valueOf(policy.get("spec"))).get("peak");
        if (peak.isPresent() && peak.get() instanceof SpecValue.Real real) {
            return real.value();
        }
        if (peak.isPresent() && peak.get() instanceof SpecValue.Int whole) {
            return whole.value();
        }
        return Double.NaN;
    }

    private static Map<String, Object> parse(Path file) throws IOException {
        try {
            return Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}

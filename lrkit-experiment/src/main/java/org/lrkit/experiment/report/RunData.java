package org.lrkit.experiment.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lrkit.experiment.run.Experiment;
import org.lrkit.experiment.run.ExperimentConfig;
import org.lrkit.experiment.run.PolicyPlan;
import org.lrkit.experiment.run.RunRecord;

/**
 * A run directory as the report reads it: {@code config.json}, {@code summary.json}, each run's
 * {@code epochs.csv} and the range test's {@code curve.csv}. Missing pieces (a run not started, no range test)
 * read as empty, so an interrupted directory can still be reported.
 *
 * @param directory the run directory
 * @param config {@code config.json}
 * @param summary {@code summary.json}, or empty
 * @param policies the policies in the order of {@code config.json}
 * @param runs every policy and seed, in the order of {@code config.json}
 * @param rangeTest the range test's curve, or {@code null} when none ran
 */
public record RunData(Path directory, Map<String, Object> config, Map<String, Object> summary,
        List<PolicyPlan> policies, List<Run> runs, RangeCurve rangeTest) {

    /**
     * One policy and seed: its status and its per-epoch metrics.
     *
     * @param label the policy's label
     * @param seed the seed
     * @param status pending, running, completed, diverged, interrupted or failed
     * @param seconds wall-clock seconds of training
     * @param finalAccuracy the test accuracy after the last step (NaN if unknown)
     * @param message what went wrong, or empty
     * @param epoch the 1-based number of each evaluated epoch; for the partial-epoch row of a run that ended
     *     mid-epoch, the epochs trained (fractional)
     * @param accuracy test accuracy after each epoch
     * @param testLoss test loss after each epoch
     * @param trainLoss mean training loss of each epoch
     * @param stepsCsv the folder's {@code steps.csv}, relative to the directory (may not exist)
     */
    public record Run(String label, long seed, String status, double seconds, double finalAccuracy, String message,
            double[] epoch, double[] accuracy, double[] testLoss, double[] trainLoss, String stepsCsv) {
    }

    /**
     * The range test.
     *
     * @param learningRates the learning rate of each step
     * @param losses the training loss of each step
     * @param smoothed the smoothed loss
     * @param advice the {@code rangeTest} object of {@code summary.json} (suggestions, consensus, ...)
     */
    public record RangeCurve(double[] learningRates, double[] losses, double[] smoothed, Map<String, Object> advice) {
    }

    /**
     * Reads a run directory.
     *
     * @param directory the run directory, with its {@code config.json}
     * @return the run directory's data
     * @throws IllegalArgumentException if it is not a run directory or a file is damaged, in one line
     * @throws IOException if a file cannot be read
     */
    public static RunData read(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(directory + " is not a directory");
        }
        Map<String, Object> config = readJson(directory.resolve("config.json"), true);
        Map<String, Object> summary = readJson(directory.resolve("summary.json"), false);
        checkStatuses(directory.resolve("summary.json"), summary);
        List<PolicyPlan> policies = new ArrayList<>();
        for (Object entry : Json.array(config, "policies")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) entry;
            try {
                policies.add(PolicyPlan.fromJson(map));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(directory.resolve("config.json") + ": " + e.getMessage(), e);
            }
        }
        Map<String, Map<String, Object>> records = new LinkedHashMap<>();
        for (Object entry : Json.array(summary, "runs")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) entry;
            records.put(Json.text(map, "label", "") + "\u0000" + Json.text(map, "seed", "0"), map);
        }
        List<Run> runs = new ArrayList<>();
        List<Object> seeds = Json.array(config, "seeds");
        for (PolicyPlan policy : policies) {
            for (Object seedValue : seeds) {
                long seed = ((Number) seedValue).longValue();
                Map<String, Object> record = records.getOrDefault(policy.label() + "\u0000" + seed, Map.of());
                String folder = ExperimentConfig.runFolderName(policy.label(), seed);
                Path epochsFile = directory.resolve(folder).resolve("epochs.csv");
                Csv csv = Files.isRegularFile(epochsFile) ? Csv.read(epochsFile) : null;
                double[] epochs = csv == null ? new double[0] : csv.column("epoch");
                double[] steps = csv == null ? new double[0] : csv.column("step");
                long perEpoch = Json.whole(Json.object(config, "data"), "stepsPerEpoch", 0);
                for (int i = 0; i < epochs.length; i++) {
                    // A partial-epoch row (a run ending mid-epoch) counts the epochs trained, fractional.
                    boolean partial = perEpoch > 0 && steps[i] % perEpoch != 0;
                    epochs[i] = partial ? steps[i] / perEpoch : epochs[i] + 1;
                }
                String status;
                double seconds;
                double finalAccuracy;
                if (record.isEmpty() && csv != null && csv.size() > 0) {
                    // summary.json is missing or lost this run: read what epochs.csv says
                    boolean finished = last(csv, "step") >= policy.steps();
                    status = finished ? RunRecord.Status.COMPLETED.word() : RunRecord.Status.INTERRUPTED.word();
                    seconds = last(csv, "seconds");
                    finalAccuracy = finished ? last(csv, "val_accuracy") : Double.NaN;
                } else {
                    status = Json.text(record, "status", csv == null ? "pending" : "unknown");
                    seconds = Json.number(record, "seconds");
                    finalAccuracy = Json.number(record, "finalAccuracy");
                }
                runs.add(new Run(policy.label(), seed, status, seconds, finalAccuracy, Json.text(record, "message", ""),
                        epochs, csv == null ? new double[0] : csv.column("val_accuracy"),
                        csv == null ? new double[0] : csv.column("val_loss"),
                        csv == null ? new double[0] : csv.column("train_loss"), folder + "/steps.csv"));
            }
        }
        RangeCurve rangeTest = null;
        Path curveFile = directory.resolve("range-test").resolve("curve.csv");
        if (Files.isRegularFile(curveFile)) {
            Csv curve = Csv.read(curveFile);
            rangeTest = new RangeCurve(curve.column("lr"), curve.column("loss"), curve.column("smoothed_loss"),
                    Json.object(summary, "rangeTest"));
        }
        return new RunData(directory, config, summary, policies, runs, rangeTest);
    }

    private static double last(Csv csv, String column) {
        double[] values = csv.column(column);
        return values.length == 0 ? Double.NaN : values[values.length - 1];
    }

    /** Refuses a status that lrkit does not write, in the summary or in one of its runs. */
    private static void checkStatuses(Path file, Map<String, Object> summary) {
        if (summary.containsKey("status") && !Experiment.STATUSES.contains(summary.get("status"))) {
            throw new IllegalArgumentException(file + ": status must be one of " + String.join(", ",
                    Experiment.STATUSES.stream().sorted().toList()) + ", got " + summary.get("status")
                    + "; delete the file to rebuild the report from the runs' own files");
        }
        List<String> words = Arrays.stream(RunRecord.Status.values()).map(RunRecord.Status::word).toList();
        for (Object entry : Json.array(summary, "runs")) {
            Object status = entry instanceof Map<?, ?> map ? map.get("status") : null;
            if (!words.contains(status)) {
                throw new IllegalArgumentException(file + ": a run's status must be one of " + String.join(", ", words)
                        + ", got " + status + "; delete the file to rebuild the report from the runs' own files");
            }
        }
    }

    /**
     * The run directory's status: {@code summary.json}'s, or when it is missing, {@code completed} if every run
     * trained for its planned steps and {@code interrupted} otherwise.
     *
     * @return {@code completed}, {@code interrupted} or the status {@code summary.json} records
     */
    public String status() {
        if (summary.containsKey("status")) {
            return (String) summary.get("status");
        }
        boolean done = runs.stream().allMatch(run -> run.status().equals(RunRecord.Status.COMPLETED.word()));
        return done ? Experiment.COMPLETED : RunRecord.Status.INTERRUPTED.word();
    }

    /**
     * The command that continues this run directory.
     *
     * @return the command line, as {@code summary.json} records it or built from {@code config.json}
     */
    public String resumeCommand() {
        return Json.text(summary, "resume", Experiment.resumeCommand(Json.text(config, "command", "train"),
                directory));
    }

    private static Map<String, Object> readJson(Path file, boolean required) throws IOException {
        try {
            return Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            if (required) {
                throw new IllegalArgumentException(file.getParent() + " is not an lrkit run directory: it has no "
                        + file.getFileName() + " (make one with lrkit train, compare or demo)", e);
            }
            return new LinkedHashMap<>();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The runs of one policy.
     *
     * @param label the policy's label
     * @return the policy's runs (one per seed), in the order of {@code config.json}
     */
    public List<Run> runsOf(String label) {
        return runs.stream().filter(run -> run.label().equals(label)).toList();
    }

    /**
     * The {@code settings} object of {@code config.json}.
     *
     * @return the settings, or an empty map if there are none
     */
    public Map<String, Object> settings() {
        return Json.object(config, "settings");
    }

    /**
     * Steps per epoch of the training data, or 0 if unknown.
     *
     * @return the number of optimizer steps per epoch, or 0
     */
    public long stepsPerEpoch() {
        return Json.whole(Json.object(config, "data"), "stepsPerEpoch", 0);
    }
}

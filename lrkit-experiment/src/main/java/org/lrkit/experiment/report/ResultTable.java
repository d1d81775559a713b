package org.lrkit.experiment.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lrkit.experiment.run.PolicyPlan;

/**
 * The summary table of a run directory: per policy, over its seeds, the final and best test accuracy (mean
 * and standard deviation), the epochs it took to reach the target accuracy and the wall time.
 *
 * <p>The target is the one given ({@code --target} or in {@code config.json}); else, where
 * {@code config.json} names a policy in {@code targetFrom} (the demo: its one-cycle run), that policy's final
 * mean accuracy rounded down to half a percent ("how long did the others take to get as good?"); else the best
 * final mean accuracy of all policies rounded down to a whole percent ("how long did each take to get about as
 * good as the best?").
 *
 * @param target the target accuracy in [0, 1], NaN when no run finished an epoch
 * @param targetRule how the target was chosen, for people
 * @param rows one row per policy, in the order of {@code config.json}
 */
public record ResultTable(double target, String targetRule, List<Row> rows) {

    /**
     * One policy.
     *
     * @param label its label
     * @param epochs its planned epochs (fractional for a length in steps)
     * @param runs how many seeds it has
     * @param completed how many of them completed
     * @param finalMean mean final test accuracy of the completed runs
     * @param finalStd its sample standard deviation (NaN for one run)
     * @param bestMean mean of each run's best test accuracy after an epoch
     * @param bestStd its sample standard deviation
     * @param toTargetMean mean epochs to reach the target over the runs that reached it, NaN if none did
     * @param reached how many runs reached the target
     * @param secondsMean mean wall-clock seconds of training
     * @param note what happened to runs that did not complete (diverged, interrupted), or empty
     */
    public record Row(String label, double epochs, int runs, int completed, double finalMean, double finalStd,
            double bestMean, double bestStd, double toTargetMean, int reached, double secondsMean, String note) {
    }

    /**
     * The table of {@code data}.
     *
     * @param data the run directory's data
     * @param targetOverride a target to use instead of the recorded or default one, or NaN
     * @return the table, one row per policy
     */
    public static ResultTable of(RunData data, double targetOverride) {
        long stepsPerEpoch = data.stepsPerEpoch();
        List<double[]> finals = new ArrayList<>();
        for (PolicyPlan policy : data.policies()) {
            List<Double> values = new ArrayList<>();
            for (RunData.Run run : data.runsOf(policy.label())) {
                double value = finalAccuracy(run);
                if (!Double.isNaN(value)) {
                    values.add(value);
                }
            }
            finals.add(values.stream().mapToDouble(Double::doubleValue).toArray());
        }
        double recorded = Json.number(data.config(), "target");
        double target;
        String rule;
        if (!Double.isNaN(targetOverride)) {
            target = targetOverride;
            rule = "given";
        } else if (!Double.isNaN(recorded)) {
            target = recorded;
            rule = "given";
        } else if (fromIndex(data) >= 0 && finals.get(fromIndex(data)).length > 0) {
            String from = Json.text(data.config(), "targetFrom", "");
            target = Math.floor(Numbers.mean(finals.get(fromIndex(data))) * 200 + 1e-9) / 200;
            rule = "the final accuracy of " + from + ", rounded down to half a percent";
        } else {
            double best = Double.NaN;
            for (double[] values : finals) {
                double mean = Numbers.mean(values);
                if (!Double.isNaN(mean) && (Double.isNaN(best) || mean > best)) {
                    best = mean;
                }
            }
            target = Double.isNaN(best) ? Double.NaN : Math.floor(best * 100 + 1e-9) / 100;
            rule = "the best final accuracy, rounded down to a whole percent";
        }
        List<Row> rows = new ArrayList<>();
        for (int p = 0; p < data.policies().size(); p++) {
            PolicyPlan policy = data.policies().get(p);
            List<RunData.Run> runs = data.runsOf(policy.label());
            List<Double> bests = new ArrayList<>();
            List<Double> toTarget = new ArrayList<>();
            List<Double> seconds = new ArrayList<>();
            int completed = 0;
            List<String> notes = new ArrayList<>();
            for (RunData.Run run : runs) {
                if (run.status().equals("completed")) {
                    completed++;
                } else if (!run.status().equals("pending")) {
                    notes.add(run.status() + (runs.size() > 1 ? " (seed " + run.seed() + ")" : ""));
                }
                double best = Double.NaN;
                for (double accuracy : run.accuracy()) {
                    if (!Double.isNaN(accuracy) && (Double.isNaN(best) || accuracy > best)) {
                        best = accuracy;
                    }
                }
                double last = finalAccuracy(run);
                if (!Double.isNaN(last) && (Double.isNaN(best) || last > best)) {
                    best = last;
                }
                if (!Double.isNaN(best) && run.status().equals("completed")) {
                    bests.add(best);
                }
                double epochs = epochsToTarget(run, target);
                if (!Double.isNaN(epochs)) {
                    toTarget.add(epochs);
                }
                if (run.status().equals("completed") && !Double.isNaN(run.seconds())) {
                    seconds.add(run.seconds());
                }
            }
            double epochs = policy.epochs() > 0 ? policy.epochs()
                    : stepsPerEpoch > 0 ? (double) policy.steps() / stepsPerEpoch : Double.NaN;
            double[] finalValues = finals.get(p);
            double[] bestValues = bests.stream().mapToDouble(Double::doubleValue).toArray();
            double[] targetValues = toTarget.stream().mapToDouble(Double::doubleValue).toArray();
            rows.add(new Row(policy.label(), epochs, runs.size(), completed, Numbers.mean(finalValues),
                    Numbers.std(finalValues), Numbers.mean(bestValues), Numbers.std(bestValues),
                    Numbers.mean(targetValues), targetValues.length,
                    Numbers.mean(seconds.stream().mapToDouble(Double::doubleValue).toArray()),
                    String.join(", ", notes)));
        }
        return new ResultTable(target, rule, rows);
    }

    /** The index of the policy named by {@code targetFrom} in {@code config.json}, or -1. */
    private static int fromIndex(RunData data) {
        String from = Json.text(data.config(), "targetFrom", null);
        for (int i = 0; from != null && i < data.policies().size(); i++) {
            if (data.policies().get(i).label().equals(from)) {
                return i;
            }
        }
        return -1;
    }

    /** The final accuracy of a completed run: the recorded one, else the last epoch's. */
    private static double finalAccuracy(RunData.Run run) {
        if (!run.status().equals("completed")) {
            return Double.NaN;
        }
        if (!Double.isNaN(run.finalAccuracy())) {
            return run.finalAccuracy();
        }
        double[] accuracy = run.accuracy();
        return accuracy.length == 0 ? Double.NaN : accuracy[accuracy.length - 1];
    }

    /**
     * The number of the first epoch whose test accuracy reached {@code target}, NaN if none did.
     *
     * @param run one run
     * @param target the target accuracy in {@code [0, 1]}, or NaN
     * @return the epoch, or NaN if {@code target} is NaN or never reached
     */
    public static double epochsToTarget(RunData.Run run, double target) {
        if (Double.isNaN(target)) {
            return Double.NaN;
        }
        for (int i = 0; i < run.accuracy().length; i++) {
            if (run.accuracy()[i] >= target - 1e-12) {
                return run.epoch()[i];
            }
        }
        return Double.NaN;
    }

    /**
     * The table as text for the console.
     *
     * @return the table as aligned columns, one line per policy
     */
    public String text() {
        List<String[]> lines = new ArrayList<>();
        String targetHeader = "epochs to " + (Double.isNaN(target) ? "target" : Numbers.percent(target));
        lines.add(new String[] {"policy", "epochs", "final accuracy", "best accuracy", targetHeader, "time", ""});
        for (Row row : rows) {
            lines.add(new String[] {row.label(), epochs(row.epochs()),
                Numbers.percent(row.finalMean(), row.finalStd(), row.completed()),
                Numbers.percent(row.bestMean(), row.bestStd(), row.completed()), toTarget(row),
                Numbers.seconds(row.secondsMean()), row.note()});
        }
        int columns = lines.get(0).length;
        int[] widths = new int[columns];
        for (String[] line : lines) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], line[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : lines) {
            StringBuilder text = new StringBuilder(Numbers.pad(line[0], widths[0]));
            for (int c = 1; c < columns - 1; c++) {
                text.append("  ").append(Numbers.padLeft(line[c], widths[c]));
            }
            if (!line[columns - 1].isEmpty()) {
                text.append("  ").append(line[columns - 1]);
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /**
     * Epochs as the tables show them: whole numbers plain, fractions to one decimal (two below 1).
     *
     * @param epochs a number of epochs, or NaN
     * @return the text, or {@code -} for NaN
     */
    public static String epochs(double epochs) {
        if (Double.isNaN(epochs)) {
            return "-";
        }
        if (epochs == Math.rint(epochs)) {
            return Long.toString((long) epochs);
        }
        return String.format(Locale.ROOT, epochs < 1 ? "%.2f" : "%.1f", epochs);
    }

    /**
     * The epochs-to-target cell: {@code 3}, {@code 3.5 (2/3)} when not every seed got there, {@code -}.
     *
     * @param row a table row
     * @return the cell text
     */
    public static String toTarget(Row row) {
        if (row.reached() == 0) {
            return "-";
        }
        String value = epochs(row.toTargetMean());
        return row.runs() > 1 && row.reached() < row.runs() ? value + " (" + row.reached() + "/" + row.runs() + ")"
                : value;
    }

    /**
     * The table as the {@code target} and {@code table} entries of {@code summary.json}.
     *
     * @return the entries, by name
     */
    public Map<String, Object> json() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("target", Double.isNaN(target) ? null : target);
        map.put("targetRule", targetRule);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("label", row.label());
            entry.put("epochs", row.epochs());
            entry.put("runs", row.runs());
            entry.put("completed", row.completed());
            entry.put("finalAccuracyMean", row.finalMean());
            entry.put("finalAccuracyStd", row.finalStd());
            entry.put("bestAccuracyMean", row.bestMean());
            entry.put("bestAccuracyStd", row.bestStd());
            entry.put("epochsToTargetMean", row.toTargetMean());
            entry.put("reachedTarget", row.reached());
            entry.put("secondsMean", row.secondsMean());
            if (!row.note().isEmpty()) {
                entry.put("note", row.note());
            }
            list.add(entry);
        }
        map.put("table", list);
        return map;
    }
}

package org.lrkit.experiment.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lrkit.experiment.report.Numbers;

/**
 * The sweep's results by configuration: for each policy and combination of values, the runs over its seeds
 * with the mean, spread and range of their final and best test accuracy.
 *
 * <p>Example: {@code SweepTable.of(runs, outcomes).text()} prints
 *
 * <pre>
 * policy     peak   runs  final accuracy   best accuracy    auto's peak
 * one-cycle  0.01   2     84.1% +/- 0.3    84.1% +/- 0.3    -
 * </pre>
 */
public final class SweepTable {

    /**
     * One configuration: a policy with one combination of the grid's values, over its seeds.
     *
     * @param label the policy's label
     * @param axes the configuration's values, name to value ({@link SweepRun#axes()})
     * @param runs the configuration's runs (one per seed)
     * @param finished how many of them finished (completed or diverged)
     * @param finalAccuracy the final test accuracies of the finished runs, fractions, in seed order
     * @param bestAccuracy the best test accuracies of the finished runs, fractions, in seed order
     * @param chosenPeaks the peaks the range test chose, for a policy with {@code peak=auto}; empty otherwise
     */
    public record Row(String label, Map<String, String> axes, int runs, int finished, double[] finalAccuracy,
                      double[] bestAccuracy, double[] chosenPeaks) {

        /**
         * The mean final test accuracy, NaN if no run finished.
         *
         * @return a fraction or NaN
         */
        public double finalMean() {
            return Numbers.mean(finalAccuracy);
        }

        /**
         * The sample standard deviation of the final test accuracy, NaN for fewer than two runs.
         *
         * @return a fraction or NaN
         */
        public double finalStd() {
            return Numbers.std(finalAccuracy);
        }

        /**
         * The mean best test accuracy, NaN if no run finished.
         *
         * @return a fraction or NaN
         */
        public double bestMean() {
            return Numbers.mean(bestAccuracy);
        }

        /**
         * The sample standard deviation of the best test accuracy, NaN for fewer than two runs.
         *
         * @return a fraction or NaN
         */
        public double bestStd() {
            return Numbers.std(bestAccuracy);
        }

        /**
         * The mean peak chosen by the range test, NaN for a policy without {@code peak=auto}.
         *
         * @return a learning rate or NaN
         */
        public double chosenPeakMean() {
            return Numbers.mean(chosenPeaks);
        }
    }

    private final List<Row> rows;
    private final List<String> axisNames;

    private SweepTable(List<Row> rows, List<String> axisNames) {
        this.rows = List.copyOf(rows);
        this.axisNames = List.copyOf(axisNames);
    }

    /**
     * The table of a sweep's runs and the outcomes of those that finished.
     *
     * @param runs every run of the grid
     * @param outcomes the outcomes of the finished runs, any order; runs without one count as unfinished
     * @return the table, its rows in the grid's order of configurations
     */
    public static SweepTable of(List<SweepRun> runs, List<SweepOutcome> outcomes) {
        Map<Integer, SweepOutcome> byIndex = new LinkedHashMap<>();
        outcomes.forEach(outcome -> byIndex.put(outcome.index(), outcome));
        Map<String, List<SweepRun>> configurations = new LinkedHashMap<>();
        Set<String> axisNames = new LinkedHashSet<>();
        for (SweepRun run : runs) {
            configurations.computeIfAbsent(run.configuration(), key -> new ArrayList<>()).add(run);
            axisNames.addAll(run.axes().keySet());
        }
        List<Row> rows = new ArrayList<>();
        configurations.values().forEach(group -> {
            List<SweepOutcome> done = group.stream().map(run -> byIndex.get(run.index()))
                    .filter(outcome -> outcome != null).toList();
            rows.add(new Row(group.get(0).label(), group.get(0).axes(), group.size(), done.size(),
                    done.stream().mapToDouble(SweepOutcome::finalAccuracy).toArray(),
                    done.stream().mapToDouble(SweepOutcome::bestAccuracy).toArray(),
                    done.stream().mapToDouble(SweepOutcome::chosenPeak).filter(peak -> !Double.isNaN(peak))
                            .toArray()));
        });
        return new SweepTable(rows, new ArrayList<>(axisNames));
    }

    /**
     * The rows, one per configuration.
     *
     * @return the rows
     */
    public List<Row> rows() {
        return rows;
    }

    /**
     * The names of the axes that vary between configurations, in the grid's order.
     *
     * @return the names
     */
    public List<String> axisNames() {
        return axisNames;
    }

    /**
     * The table as aligned text: policy, each axis, runs finished of planned, final and best accuracy (mean
     * {@code +/-} standard deviation over the seeds), and the range test's peak for {@code peak=auto}.
     *
     * @return the text, one line per row after the header, ending with a newline
     */
    public String text() {
        List<List<String>> cells = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("policy"));
        header.addAll(axisNames);
        header.addAll(List.of("runs", "final accuracy", "best accuracy", "auto's peak"));
        cells.add(header);
        for (Row row : rows) {
            List<String> line = new ArrayList<>(List.of(row.label()));
            axisNames.forEach(axis -> line.add(row.axes().getOrDefault(axis, "-")));
            line.add(row.finished() == row.runs() ? Integer.toString(row.runs()) : row.finished() + "/" + row.runs());
            line.add(Numbers.percent(row.finalMean(), row.finalStd(), row.finished()));
            line.add(Numbers.percent(row.bestMean(), row.bestStd(), row.finished()));
            line.add(row.chosenPeaks().length == 0 ? "-" : Numbers.number(row.chosenPeakMean()));
            cells.add(line);
        }
        int[] widths = new int[header.size()];
        for (List<String> line : cells) {
            for (int c = 0; c < line.size(); c++) {
                widths[c] = Math.max(widths[c], line.get(c).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> line : cells) {
            StringBuilder row = new StringBuilder();
            for (int c = 0; c < line.size(); c++) {
                row.append(c == line.size() - 1 ? line.get(c) : Numbers.pad(line.get(c), widths[c] + 2));
            }
            text.append(row.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }
}

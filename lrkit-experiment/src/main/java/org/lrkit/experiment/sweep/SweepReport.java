package org.lrkit.experiment.sweep;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.lrkit.djl.checkpoint.AtomicFiles;
import org.lrkit.experiment.plot.LineChart;
import org.lrkit.experiment.report.Html;
import org.lrkit.experiment.report.Json;
import org.lrkit.experiment.report.Numbers;

/**
 * A sweep's result files, written atomically into its directory: {@code sweep.csv} (one line per run),
 * {@code summary.json} (the table, every run and the timing), {@code peak.png} (the {@link PeakChart}, when
 * the grid has a peak) and {@code report.html} (a self-contained page with the table, the chart, every run
 * with a link to its own report, and the grid).
 *
 * <p>Example: {@code new SweepReport(gridName, grid, runs, outcomes, timing).write(sweepDirectory)}.
 */
public final class SweepReport {

    private final String gridName;
    private final Grid grid;
    private final List<SweepRun> runs;
    private final Map<Integer, SweepOutcome> outcomes = new LinkedHashMap<>();
    private final Map<String, Object> timing;
    private final SweepTable table;

    /**
     * The report of a sweep.
     *
     * @param gridName the grid file's name, for the title
     * @param grid the grid
     * @param runs every run of the grid
     * @param outcomes the outcomes of the runs that finished
     * @param timing what the sweep's time went to (seconds by name), written as given into summary.json
     */
    public SweepReport(String gridName, Grid grid, List<SweepRun> runs, List<SweepOutcome> outcomes,
                       Map<String, Object> timing) {
        this.gridName = gridName;
        this.grid = grid;
        this.runs = List.copyOf(runs);
        outcomes.forEach(outcome -> this.outcomes.put(outcome.index(), outcome));
        this.timing = new LinkedHashMap<>(timing);
        this.table = SweepTable.of(runs, outcomes);
    }

    /**
     * The table of this sweep.
     *
     * @return the table
     */
    public SweepTable table() {
        return table;
    }

    /**
     * Whether every run finished.
     *
     * @return true when every run has an outcome
     */
    public boolean complete() {
        return outcomes.size() == runs.size();
    }

    /**
     * Writes {@code sweep.csv}, {@code summary.json}, {@code peak.png} (when there is a chart) and {@code
     * report.html} into the sweep's directory, each atomically.
     *
     * @param directory the sweep's directory
     * @throws IOException if a file cannot be written
     */
    public void write(Path directory) throws IOException {
        AtomicFiles.write(directory.resolve("sweep.csv"), csv().getBytes(StandardCharsets.UTF_8));
        Optional<LineChart> chart = PeakChart.of(table, title());
        byte[] png = null;
        if (chart.isPresent()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(chart.get().render(), "png", bytes);
            png = bytes.toByteArray();
            AtomicFiles.write(directory.resolve("peak.png"), png);
        }
        AtomicFiles.write(directory.resolve("summary.json"), Json.write(summary()).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(directory.resolve("report.html"), html(png).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code sweep.csv}: a header, then one line per run in the grid's order; unfinished runs have empty
     * result cells.
     *
     * @return the CSV text
     */
    public String csv() {
        List<String> header = new ArrayList<>(List.of("index", "policy"));
        header.addAll(table.axisNames());
        header.addAll(List.of("seed", "status", "final_accuracy", "best_accuracy", "steps", "seconds",
                "chosen_peak", "attempts", "wall_seconds", "folder"));
        StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
        for (SweepRun run : runs) {
            List<String> cells = new ArrayList<>(List.of(Integer.toString(run.index()), cell(run.label())));
            table.axisNames().forEach(axis -> cells.add(cell(run.axes().getOrDefault(axis, ""))));
            cells.add(cell(run.seed()));
            SweepOutcome outcome = outcomes.get(run.index());
            if (outcome == null) {
                cells.addAll(List.of("unfinished", "", "", "", "", "", "", ""));
            } else {
                cells.addAll(List.of(outcome.status(), real(outcome.finalAccuracy()), real(outcome.bestAccuracy()),
                        Long.toString(outcome.steps()), real(outcome.seconds()), real(outcome.chosenPeak()),
                        Integer.toString(outcome.attempts()), real(outcome.wallSeconds())));
            }
            cells.add(cell(run.folder()));
            csv.append(String.join(",", cells)).append('\n');
        }
        return csv.toString();
    }

    /**
     * The content of {@code summary.json}: the grid, the table, every run and the timing.
     *
     * @return the JSON tree
     */
    public Map<String, Object> summary() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("lrkit", "sweep summary");
        root.put("grid", gridName);
        root.put("status", complete() ? "completed" : "incomplete");
        root.put("runsPlanned", runs.size());
        root.put("runsFinished", outcomes.size());
        List<Object> rows = new ArrayList<>();
        for (SweepTable.Row row : table.rows()) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("label", row.label());
            map.put("axes", row.axes());
            map.put("runs", row.runs());
            map.put("finished", row.finished());
            map.put("finalAccuracyMean", row.finalMean());
            map.put("finalAccuracyStd", row.finalStd());
            map.put("bestAccuracyMean", row.bestMean());
            map.put("bestAccuracyStd", row.bestStd());
            map.put("chosenPeakMean", row.chosenPeakMean());
            rows.add(map);
        }
        root.put("table", rows);
        List<Object> runList = new ArrayList<>();
        for (SweepRun run : runs) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("index", run.index());
            map.put("label", run.label());
            map.put("policy", run.policy());
            map.put("axes", run.axes());
            map.put("seed", run.seed());
            map.put("folder", run.folder());
            SweepOutcome outcome = outcomes.get(run.index());
            map.put("status", outcome == null ? "unfinished" : outcome.status());
            if (outcome != null) {
                map.put("finalAccuracy", outcome.finalAccuracy());
                map.put("bestAccuracy", outcome.bestAccuracy());
                map.put("steps", outcome.steps());
                map.put("seconds", outcome.seconds());
                map.put("chosenPeak", outcome.chosenPeak());
                map.put("attempts", outcome.attempts());
                map.put("wallSeconds", outcome.wallSeconds());
            }
            runList.add(map);
        }
        root.put("runs", runList);
        root.put("timing", timing);
        root.put("report", "report.html");
        return root;
    }

    private String html(byte[] png) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Html.escape(title())).append("</title>\n<style>\n").append(Html.STYLE)
                .append("</style>\n</head>\n<body>\n<main>\n<h1>").append(Html.escape(title())).append("</h1>\n");
        out.append("<p class=\"subtitle\">").append(outcomes.size()).append(" of ").append(runs.size())
                .append(" runs finished &middot; status <b>").append(complete() ? "completed" : "incomplete")
                .append("</b></p>\n<h2>Results</h2>\n<table class=\"results\">\n<thead><tr><th>policy</th>");
        table.axisNames().forEach(axis -> out.append("<th>").append(Html.escape(axis)).append("</th>"));
        out.append("<th>runs</th><th>final accuracy</th><th>best accuracy</th><th>auto's peak</th></tr></thead>\n"
                + "<tbody>\n");
        for (SweepTable.Row row : table.rows()) {
            out.append("<tr><td>").append(Html.escape(row.label())).append("</td>");
            table.axisNames().forEach(axis -> out.append("<td>")
                    .append(Html.escape(row.axes().getOrDefault(axis, "-"))).append("</td>"));
            out.append("<td>").append(row.finished()).append(row.finished() == row.runs() ? "" : "/" + row.runs())
                    .append("</td><td>").append(Html.escape(Numbers.percent(row.finalMean(), row.finalStd(),
                            row.finished(), "\u00b1"))).append("</td><td>")
                    .append(Html.escape(Numbers.percent(row.bestMean(), row.bestStd(), row.finished(), "\u00b1")))
                    .append("</td><td>").append(row.chosenPeaks().length == 0 ? "-"
                            : Html.escape(Numbers.number(row.chosenPeakMean()))).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n<p class=\"note\">Mean \u00b1 sample standard deviation over the seeds;"
                + " accuracies are test accuracies after the last epoch (final) and after the best epoch.</p>\n");
        if (png != null) {
            out.append("<h2>Accuracy against the peak</h2>\n<figure><img alt=\"final test accuracy against the peak"
                    + " learning rate\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
                    .append("\"><figcaption>One line per policy through the mean final accuracy at each peak"
                            + " (log axis), the band from the lowest to the highest seed; a dashed line marks the"
                            + " peak a range test chose (peak=auto).</figcaption></figure>\n");
        }
        out.append("<h2>Runs</h2>\n<table>\n<thead><tr><th>run</th><th>policy</th><th>seed</th><th>status</th>"
                + "<th>final</th><th>best</th><th>attempts</th></tr></thead>\n<tbody>\n");
        for (SweepRun run : runs) {
            SweepOutcome outcome = outcomes.get(run.index());
            out.append("<tr><td><a href=\"").append(Html.escape(run.folder())).append("/report.html\"><code>")
                    .append(Html.escape(run.folder())).append("</code></a></td><td><code>")
                    .append(Html.escape(run.policy())).append("</code></td><td>").append(Html.escape(run.seed()))
                    .append("</td><td>").append(outcome == null ? "unfinished" : Html.escape(outcome.status()))
                    .append("</td><td>").append(outcome == null ? "-" : Numbers.percent(outcome.finalAccuracy()))
                    .append("</td><td>").append(outcome == null ? "-" : Numbers.percent(outcome.bestAccuracy()))
                    .append("</td><td>").append(outcome == null ? "-" : Integer.toString(outcome.attempts()))
                    .append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n<h2>Grid</h2>\n<pre><code>").append(Html.escape(grid.text().strip()))
                .append("</code></pre>\n<h2>Timing</h2>\n<table class=\"narrow\">\n<tbody>\n");
        timing.forEach((name, value) -> out.append("<tr><th>").append(Html.escape(name)).append("</th><td>")
                .append(Html.escape(value instanceof Double d ? String.format(Locale.ROOT, "%.2f", d)
                        : String.valueOf(value))).append("</td></tr>\n"));
        out.append("</tbody>\n</table>\n<footer>Written by lrkit sweep.</footer>\n</main>\n</body>\n</html>\n");
        return out.toString();
    }

    private String title() {
        return "lrkit sweep: " + gridName;
    }

    private static String real(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    private static String cell(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}

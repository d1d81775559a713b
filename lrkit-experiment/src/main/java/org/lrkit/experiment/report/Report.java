package org.lrkit.experiment.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.lrkit.djl.checkpoint.AtomicFiles;
import org.lrkit.experiment.plot.LineChart;

/**
 * Builds the report of a run directory from its files alone, so that {@code lrkit report DIR} gives the same
 * result as the command that made it: the results table (also added to {@code summary.json}), the charts
 * as PNG files ({@code accuracy.png}, {@code loss.png}, {@code policies.png}, {@code range-test.png}) and
 * {@code report.html}, which holds them as base64 so that it can be mailed or archived alone.
 */
public final class Report {

    /** The report's file name in a run directory. */
    public static final String HTML = "report.html";

    private Report() {
    }

    /**
     * What was built.
     *
     * @param table the results table
     * @param html the report
     * @param charts the chart files written
     * @param data the directory as read
     */
    public record Built(ResultTable table, Path html, List<Path> charts, RunData data) {
    }

    /**
     * Reads {@code directory} and writes its table, charts and report.
     *
     * @param directory the run directory to read, and to write the report into
     * @param targetOverride the target accuracy in [0, 1] to count epochs to, or NaN for the recorded one
     * @return what was built and the files written
     * @throws IllegalArgumentException if it is not a run directory, in one line
     * @throws IOException if a file cannot be read or written
     */
    public static Built build(Path directory, double targetOverride) throws IOException {
        RunData data = RunData.read(directory);
        ResultTable table = ResultTable.of(data, targetOverride);
        List<HtmlReport.Figure> figures = new ArrayList<>();
        List<Path> written = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String subject = Json.text(data.settings(), "model", "?") + " on "
                + Json.text(Json.object(data.config(), "data"), "name", Json.text(data.settings(), "dataset", "?"));
        double momentum = Json.text(data.settings(), "optimizer", "sgd").equals("sgd")
                ? Json.number(data.settings(), "momentum") : Double.NaN;
        boolean anyEpoch = data.runs().stream().anyMatch(run -> run.epoch().length > 0);
        if (anyEpoch) {
            chart(figures, written, notes, directory, "accuracy", "Test accuracy",
                    "Accuracy on the test images after each epoch; the grey line is the target. Several seeds: their"
                            + " mean, with the band from the lowest to the highest.",
                    () -> Charts.accuracy(data, table.target(), "Test accuracy: " + subject));
            chart(figures, written, notes, directory, "loss", "Loss",
                    "Test loss after each epoch (top) and mean training loss of each epoch (bottom).",
                    () -> Charts.loss(data, "Loss: " + subject));
        }
        chart(figures, written, notes, directory, "policies", "Policies",
                "Learning rate and momentum at every optimizer step, as each policy's spec gives them"
                        + " (momentum: the optimizer's constant where a policy schedules none).",
                () -> Charts.policies(data.policies(), momentum, "Policies: learning rate and momentum"));
        if (data.rangeTest() != null && data.rangeTest().learningRates().length > 1) {
            chart(figures, written, notes, directory, "range-test", "Range test",
                    "Training loss while the learning rate rises step by step (light: each step; dark: smoothed),"
                            + " with the learning rate each heuristic suggests, their consensus and Smith's upper"
                            + " bound (where the loss stops improving).",
                    () -> RangeTestChart.of(data.rangeTest(), "LR range test: " + subject));
        }
        Path html = directory.resolve(HTML);
        String text = new HtmlReport(data, table, figures, notes).render();
        AtomicFiles.write(html, text.getBytes(StandardCharsets.UTF_8));
        updateSummary(directory, data.summary(), table);
        return new Built(table, html, written, data);
    }

    private interface ChartMaker {
        LineChart make();
    }

    private static void chart(List<HtmlReport.Figure> figures, List<Path> written, List<String> notes, Path directory,
            String id, String heading, String caption, ChartMaker maker) throws IOException {
        byte[] png;
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(maker.make().render(), "png", bytes);
            png = bytes.toByteArray();
        } catch (IllegalArgumentException e) {
            notes.add("The " + heading.toLowerCase(java.util.Locale.ROOT) + " chart could not be drawn: "
                    + e.getMessage());
            return;
        }
        Path file = directory.resolve(id + ".png");
        AtomicFiles.write(file, png);
        written.add(file);
        figures.add(new HtmlReport.Figure(id, heading, caption, png));
    }

    private static void updateSummary(Path directory, Map<String, Object> summary, ResultTable table)
            throws IOException {
        if (summary.isEmpty()) {
            return;
        }
        Map<String, Object> updated = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : summary.entrySet()) {
            if (!entry.getKey().equals("target") && !entry.getKey().equals("targetRule")
                    && !entry.getKey().equals("table")) {
                updated.put(entry.getKey(), entry.getValue());
            }
            if (entry.getKey().equals("status")) {
                updated.putAll(table.json());
            }
        }
        if (!updated.containsKey("table")) {
            updated.putAll(table.json());
        }
        updated.put("report", HTML);
        AtomicFiles.write(directory.resolve("summary.json"), Json.write(updated).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether {@code directory} looks like a run directory.
     *
     * @param directory the directory to look at
     * @return whether it holds a {@code config.json} file
     */
    public static boolean isRunDirectory(Path directory) {
        return Files.isRegularFile(directory.resolve("config.json"));
    }
}

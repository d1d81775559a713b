package org.lrkit.experiment.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lrkit.Checks;
import org.lrkit.djl.checkpoint.AtomicFiles;
import org.lrkit.djl.rangetest.GroupRange;
import org.lrkit.djl.rangetest.RangeTestResult;
import org.lrkit.djl.rangetest.RangeTestRun;
import org.lrkit.djl.rangetest.RangeTestTiming;
import org.lrkit.rangetest.CurveBand;
import org.lrkit.rangetest.PeakRule;
import org.lrkit.rangetest.RangeTestAdvice;
import org.lrkit.rangetest.RangeTestCurve;
import org.lrkit.rangetest.RangeTestGrid;
import org.lrkit.rangetest.Suggestion;

/**
 * A {@link RangeTestResult} as files for people and other tools.
 *
 * <ul>
 *   <li>{@code curve.csv}: the advised curve, header
 *       {@code step,lr,loss,smoothed_loss,val_loss,val_accuracy} (with {@code lower_quartile,upper_quartile,runs}
 *       when several seeds were combined); a missing value is an empty field; numbers in full precision.
 *   <li>{@code runs.csv}: every run in long form, header
 *       {@code run,seed,momentum,weight_decay,step,lr,loss,smoothed_loss,val_loss,val_accuracy}.
 *   <li>{@code curve.json}: everything: the sweep, suggestions, consensus, interval, Smith's bounds, warnings,
 *       grid, groups, timing, the restore check, the advised curve, the band and every run, plus any extra
 *       entries the caller adds (NaN is written as {@code null}).
 * </ul>
 *
 * <pre>{@code
 * RangeTestReport.write(result, runDirectory, Map.of("model", "resnet20"));
 * }</pre>
 */
public final class RangeTestReport {

    private RangeTestReport() {
    }

    /**
     * Writes {@code curve.csv}, {@code runs.csv} and {@code curve.json} into {@code directory} (created if
     * missing), each atomically.
     *
     * @param result the range test's result, not null
     * @param directory the folder to write into, not null
     * @param extra more top-level JSON entries (strings, numbers, booleans, lists and maps of them)
     * @return the files written
     * @throws IOException if the folder cannot be created or a file cannot be written
     */
    public static List<Path> write(RangeTestResult result, Path directory, Map<String, ?> extra) throws IOException {
        Checks.notNull("result", result);
        Checks.notNull("directory", directory);
        Files.createDirectories(directory);
        List<Path> files = new ArrayList<>();
        files.add(writeText(directory.resolve("curve.csv"), curveCsv(result)));
        files.add(writeText(directory.resolve("runs.csv"), runsCsv(result)));
        files.add(writeText(directory.resolve("curve.json"), json(result, extra)));
        return files;
    }

    private static Path writeText(Path file, String text) throws IOException {
        AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /**
     * The advised curve as CSV (see the class comment).
     *
     * @param result the range test's result
     * @return the CSV text, a header line and one line per step
     */
    public static String curveCsv(RangeTestResult result) {
        RangeTestCurve curve = result.curve();
        Optional<CurveBand> band = result.band();
        StringBuilder csv = new StringBuilder("step,lr,loss,smoothed_loss,val_loss,val_accuracy");
        band.ifPresent(b -> csv.append(",lower_quartile,upper_quartile,runs"));
        csv.append('\n');
        double[] losses = curve.losses();
        double[] validation = curve.validationLosses();
        double[] accuracy = curve.accuracies();
        for (int i = 0; i < curve.size(); i++) {
            csv.append(i).append(',').append(curve.learningRate(i)).append(',').append(number(losses[i])).append(',')
                    .append(number(curve.smoothedLoss(i))).append(',').append(number(validation[i])).append(',')
                    .append(number(accuracy[i]));
            if (band.isPresent()) {
                CurveBand b = band.get();
                csv.append(',').append(number(b.lowerQuartile()[i])).append(',').append(number(b.upperQuartile()[i]))
                        .append(',').append(b.runs()[i]);
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    /**
     * Every run as long-form CSV (see the class comment).
     *
     * @param result the range test's result
     * @return the CSV text, a header line and one line per step of each run
     */
    public static String runsCsv(RangeTestResult result) {
        StringBuilder csv = new StringBuilder(
                "run,seed,momentum,weight_decay,step,lr,loss,smoothed_loss,val_loss,val_accuracy\n");
        for (int r = 0; r < result.runs().size(); r++) {
            RangeTestRun run = result.runs().get(r);
            RangeTestCurve curve = run.curve();
            double[] losses = curve.losses();
            double[] validation = curve.validationLosses();
            double[] accuracy = curve.accuracies();
            for (int i = 0; i < curve.size(); i++) {
                csv.append(r).append(',').append(run.seed()).append(',').append(number(run.momentum())).append(',')
                        .append(number(run.weightDecay())).append(',').append(i).append(',')
                        .append(curve.learningRate(i)).append(',').append(number(losses[i])).append(',')
                        .append(number(curve.smoothedLoss(i))).append(',').append(number(validation[i])).append(',')
                        .append(number(accuracy[i])).append('\n');
            }
        }
        return csv.toString();
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    /**
     * Everything as JSON (see the class comment).
     *
     * @param result the range test's result
     * @param extra more top-level JSON entries
     * @return the JSON text
     */
    public static String json(RangeTestResult result, Map<String, ?> extra) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("sweep", Map.of("shape", result.sweep().shape().name().toLowerCase(Locale.ROOT),
                "start", result.sweep().start(), "end", result.sweep().end(), "steps", result.sweep().steps()));
        RangeTestAdvice advice = result.advice();
        List<Object> suggestions = new ArrayList<>();
        for (Suggestion s : advice.suggestions()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("method", s.method());
            entry.put("lr", s.learningRate());
            entry.put("step", s.index());
            suggestions.add(entry);
        }
        root.put("suggestions", suggestions);
        root.put("peakRule", peakRule(advice.peakRule()));
        root.put("consensus", advice.consensus());
        root.put("interval", List.of(advice.intervalLow(), advice.intervalHigh()));
        root.put("clrBounds", List.of(advice.clrLower(), advice.clrUpper()));
        root.put("warnings", advice.warnings());
        root.put("stopReason", result.curve().stopReason().name());
        root.put("grid", result.grid().map(RangeTestReport::grid).orElse(null));
        List<Object> groups = new ArrayList<>();
        for (GroupRange g : result.groupRanges()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("prefix", g.prefix());
            entry.put("multiplier", g.multiplier());
            entry.put("sweep", List.of(g.sweepStart(), g.sweepEnd()));
            entry.put("consensus", g.consensus());
            entry.put("clrBounds", List.of(g.clrLower(), g.clrUpper()));
            groups.add(entry);
        }
        root.put("groups", groups);
        RangeTestTiming t = result.timing();
        Map<String, Object> timing = new LinkedHashMap<>();
        timing.put("steps", t.steps());
        timing.put("stepSeconds", t.stepSeconds());
        timing.put("dataSeconds", t.dataSeconds());
        timing.put("validationSeconds", t.validationSeconds());
        timing.put("snapshotSeconds", t.snapshotSeconds());
        timing.put("totalSeconds", t.totalSeconds());
        timing.put("overheadFraction", t.overheadFraction());
        root.put("timing", timing);
        root.put("restoreChecked", result.restoreChecked());
        root.put("restoredExactly", result.restoredExactly());
        root.put("differences", result.differences());
        root.put("curve", curve(result.curve()));
        root.put("band", result.band().map(RangeTestReport::band).orElse(null));
        List<Object> runs = new ArrayList<>();
        for (RangeTestRun run : result.runs()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("seed", run.seed());
            entry.put("momentum", run.momentum());
            entry.put("weightDecay", run.weightDecay());
            entry.put("stopReason", run.curve().stopReason().name());
            entry.putAll(curve(run.curve()));
            runs.add(entry);
        }
        root.put("runs", runs);
        if (extra != null) {
            root.putAll(extra);
        }
        return Json.write(root);
    }

    private static Map<String, Object> grid(RangeTestGrid grid) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("parameter", grid.parameter());
        entry.put("values", grid.values());
        entry.put("lowestLosses", grid.lowestLosses());
        entry.put("best", grid.bestValue());
        return entry;
    }

    private static Map<String, Object> curve(RangeTestCurve curve) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("lr", curve.learningRates());
        entry.put("loss", curve.losses());
        entry.put("smoothedLoss", curve.smoothedLosses());
        entry.put("validationLoss", curve.validationLosses());
        entry.put("accuracy", curve.accuracies());
        return entry;
    }

    private static Map<String, Object> band(CurveBand band) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("lr", band.learningRates());
        entry.put("median", band.median());
        entry.put("lowerQuartile", band.lowerQuartile());
        entry.put("upperQuartile", band.upperQuartile());
        entry.put("runs", band.runs());
        return entry;
    }

    /**
     * The peak rule's readings, from which {@code auto}'s peak for any run length follows.
     *
     * @param rule the peak rule
     * @return the readings as a JSON object
     */
    public static Map<String, Object> peakRule(PeakRule rule) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("rule", rule.name());
        map.put("reading", rule.reading().method());
        map.put("readingLr", rule.reading().learningRate());
        map.put("readingStep", rule.reading().index());
        map.put("lastLr", rule.lastLearningRate());
        map.put("sweepRate", rule.sweepRate());
        return map;
    }
}

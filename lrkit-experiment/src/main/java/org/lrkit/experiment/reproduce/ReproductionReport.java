package org.lrkit.experiment.reproduce;

import static org.lrkit.experiment.reproduce.ReportSections.cells;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.lrkit.djl.checkpoint.AtomicFiles;
import org.lrkit.experiment.report.Json;
import org.lrkit.experiment.report.Numbers;
import org.lrkit.experiment.report.Report;
import org.lrkit.experiment.report.ResultTable;


/**
 * Presents a {@link ReproductionResult} of a policy comparison: {@code reproduction.json} for programs,
 * {@code reproduction.md} for people (the rows as a table, then what this scale changed, the range test, SGDR's
 * anytime accuracy, the snapshot ensembles and the deviations from the paper) and the console summary.
 */
public final class ReproductionReport {

    /** The JSON file in a run directory. */
    public static final String JSON = "reproduction.json";
    /** The Markdown file in a run directory. */
    public static final String MARKDOWN = "reproduction.md";

    private ReproductionReport() {
    }

    /**
     * Writes {@code reproduction.json} and {@code reproduction.md} into the result's directory, atomically.
     *
     * @param result the reproduction's result
     * @throws IOException if a file cannot be written
     */
    public static void write(ReproductionResult result) throws IOException {
        AtomicFiles.write(result.directory().resolve(JSON), Json.write(json(result)).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(result.directory().resolve(MARKDOWN), markdown(result).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The content of {@code reproduction.json}.
     *
     * @param result the reproduction's result
     * @return the JSON object, by entry name
     */
    public static Map<String, Object> json(ReproductionResult result) {
        PaperExperiment experiment = result.experiment();
        ScaledPlan plan = result.plan();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("lrkit", "reproduction");
        map.put("experiment", ReportSections.identity(experiment));
        map.put("scale", result.scale().word());
        map.put("scaleDescription", plan.description());
        map.put("estimate", plan.estimate());
        map.put("dataset", result.dataset());
        map.put("model", result.model());
        map.put("seeds", result.seeds());
        map.put("command", result.command());
        map.put("rows", result.rows().stream().map(ReproductionRow::toJson).toList());
        if (!result.rangeTest().isEmpty()) {
            Map<String, Object> rangeTest = new LinkedHashMap<>();
            rangeTest.put("paper", experiment.rangeTestFigure());
            rangeTest.putAll(result.rangeTest());
            map.put("rangeTest", rangeTest);
        }
        if (!result.anytime().isEmpty()) {
            map.put("anytime", result.anytime().stream().map(ReproductionReport::anytimeJson).toList());
        }
        if (!plan.snapshots().isEmpty()) {
            Map<String, Object> ensembles = new LinkedHashMap<>();
            ensembles.put("lastM", plan.snapshots().lastM());
            ensembles.put("summary", ensembleSummary(result).stream().map(EnsembleSummary::json).toList());
            ensembles.put("runs", result.ensembles().stream().map(ReproductionReport::ensembleJson).toList());
            map.put("snapshotEnsembles", ensembles);
        }
        map.put("deviations", experiment.deviations());
        map.put("report", Report.HTML);
        return map;
    }

    private static Map<String, Object> anytimeJson(AnytimeCurve curve) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("label", curve.label());
        map.put("baseline", curve.baseline());
        List<Map<String, Object>> points = new ArrayList<>();
        for (AnytimeCurve.Point point : curve.points()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("epoch", point.epoch());
            entry.put("accuracy", point.accuracy());
            entry.put("baselineAccuracy", point.baselineAccuracy());
            points.add(entry);
        }
        map.put("cycleEnds", points);
        return map;
    }

    private static Map<String, Object> ensembleJson(EnsembleOutcome outcome) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("label", outcome.label());
        map.put("seed", outcome.seed());
        map.put("snapshots", outcome.size());
        List<Map<String, Object>> members = new ArrayList<>();
        for (EnsembleOutcome.Member member : outcome.members()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("file", member.file());
            entry.put("cycle", member.cycle());
            entry.put("epoch", member.epoch());
            entry.put("accuracy", member.accuracy());
            members.add(entry);
        }
        map.put("members", members);
        map.put("ensembleAccuracy", outcome.ensembleAccuracy());
        map.put("finalModelAccuracy", outcome.finalAccuracy());
        return map;
    }

    /** The ensembles of one policy over its seeds. */
    private record EnsembleSummary(String label, int runs, int snapshots, double ensembleMean, double finalMean) {
        Map<String, Object> json() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("label", label);
            map.put("runs", runs);
            map.put("snapshots", snapshots);
            map.put("ensembleAccuracyMean", ensembleMean);
            map.put("finalModelAccuracyMean", finalMean);
            return map;
        }
    }

    private static List<EnsembleSummary> ensembleSummary(ReproductionResult result) {
        List<EnsembleSummary> summaries = new ArrayList<>();
        for (String label : result.plan().snapshots().policies()) {
            List<EnsembleOutcome> runs = result.ensembles().stream().filter(e -> e.label().equals(label)).toList();
            if (runs.isEmpty()) {
                continue;
            }
            summaries.add(new EnsembleSummary(label, runs.size(),
                    runs.stream().mapToInt(EnsembleOutcome::size).min().orElse(0),
                    Numbers.mean(runs.stream().mapToDouble(EnsembleOutcome::ensembleAccuracy).toArray()),
                    Numbers.mean(runs.stream().mapToDouble(EnsembleOutcome::finalAccuracy).toArray())));
        }
        return summaries;
    }

    /**
     * The content of {@code reproduction.md}.
     *
     * @param result the reproduction's result
     * @return the Markdown text
     */
    public static String markdown(ReproductionResult result) {
        PaperExperiment experiment = result.experiment();
        ScaledPlan plan = result.plan();
        StringBuilder md = new StringBuilder();
        ReportSections.appendHeading(md, experiment, result.scale());
        md.append("| experiment | scale | claim | paper | lrkit | budgets | speed-up | verdict | command |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (ReproductionRow row : result.rows()) {
            md.append("| ").append(cells(row.experiment() + " v" + row.version(), row.scale().word(),
                    row.claim().statement(), row.paperFigure(), row.lrkitFigure(), row.budgets(), row.speedup(),
                    "**" + row.check().verdict().words() + "**", "`" + row.command() + "`")).append(" |\n");
        }
        md.append('\n');
        for (ReproductionRow row : result.rows()) {
            md.append("- ").append(row.claim().statement()).append(": ").append(row.check().verdict().words())
                    .append(", ").append(row.check().explanation()).append(".\n");
        }
        md.append("\nThe speed-up is the baseline's epochs divided by the first epoch at which the mean test"
                + " accuracy of the other policy (over the seeds, after each epoch) reached the baseline's mean final"
                + " accuracy.\n");
        ReportSections.appendScale(md, plan.description(), plan.setup(), result.seeds(), plan.estimate());
        if (!result.rangeTest().isEmpty()) {
            md.append("\n## Range test\n\n").append(rangeTestText(result)).append('\n');
        }
        for (AnytimeCurve curve : result.anytime()) {
            md.append("\n## Anytime accuracy: ").append(curve.label()).append(" at its cycle ends\n\n");
            md.append("| epoch | ").append(curve.label()).append(" | ").append(curve.baseline()).append(" |\n");
            md.append("|---|---|---|\n");
            for (AnytimeCurve.Point point : curve.points()) {
                md.append("| ").append(cells(ResultTable.epochs(point.epoch()), Numbers.percent(point.accuracy()),
                        Numbers.percent(point.baselineAccuracy()))).append(" |\n");
            }
        }
        if (!plan.snapshots().isEmpty()) {
            md.append("\n## Snapshot ensembles (last ").append(plan.snapshots().lastM()).append(" cycle ends)\n\n");
            if (result.ensembles().isEmpty()) {
                md.append("No completed run saved a snapshot.\n");
            } else {
                md.append("| policy | seed | snapshots (epoch: accuracy) | ensemble | final model |\n");
                md.append("|---|---|---|---|---|\n");
                for (EnsembleOutcome outcome : result.ensembles()) {
                    md.append("| ").append(cells(outcome.label(), Long.toString(outcome.seed()), members(outcome),
                            Numbers.percent(outcome.ensembleAccuracy()), Numbers.percent(outcome.finalAccuracy())))
                            .append(" |\n");
                }
            }
        }
        ReportSections.appendDeviations(md, experiment.deviations());
        md.append("\nCharts and the full table: ").append(Report.HTML).append("; configuration: config.json; runs:"
                + " summary.json and runs/<policy>/seed-<s>/epochs.csv.\n");
        return md.toString();
    }

    private static String members(EnsembleOutcome outcome) {
        return outcome.members().stream().map(member -> ResultTable.epochs(member.epoch()) + ": "
                + Numbers.percent(member.accuracy())).collect(Collectors.joining(", "));
    }

    private static String rangeTestText(ReproductionResult result) {
        Map<String, Object> advice = result.rangeTest();
        return String.format(Locale.ROOT, "lrkit: bounds %s to %s, consensus %s (%d steps)%s. Paper: %s.",
                Numbers.number(Json.number(advice, "clrLower")), Numbers.number(Json.number(advice, "clrUpper")),
                Numbers.number(Json.number(advice, "consensus")), Json.whole(advice, "stepsRun", 0),
                Json.array(advice, "warnings").isEmpty() ? ""
                        : "; warnings: " + Json.array(advice, "warnings").stream().map(String::valueOf)
                                .collect(Collectors.joining("; ")),
                result.experiment().rangeTestFigure());
    }

    /**
     * What the command prints after the results table: each row, then the extras, one item a line.
     *
     * @param result the reproduction's result
     * @return the text, ending with a line break
     */
    public static String console(ReproductionResult result) {
        StringBuilder out = new StringBuilder();
        out.append(ReportSections.consoleHeading(result.experiment(), result.scale(), result.model(),
                result.dataset(), result.seeds()));
        for (ReproductionRow row : result.rows()) {
            out.append("claim:     ").append(row.claim().statement()).append('\n');
            out.append("  paper:    ").append(row.paperFigure()).append('\n');
            out.append("  lrkit:    ").append(row.lrkitFigure()).append('\n');
            out.append("  budgets:  ").append(row.budgets()).append('\n');
            out.append("  speed-up: ").append(row.speedup()).append('\n');
            out.append("  verdict:  ").append(row.check().verdict().words()).append(" (")
                    .append(row.check().explanation()).append(")\n");
            out.append("  command:  ").append(row.command()).append('\n');
        }
        if (!result.rangeTest().isEmpty()) {
            out.append("range test: ").append(rangeTestText(result)).append('\n');
        }
        for (AnytimeCurve curve : result.anytime()) {
            out.append("anytime: ").append(curve.label()).append(" at its cycle ends (").append(curve.baseline())
                    .append(" in brackets): ").append(curve.points().stream().map(point -> "epoch "
                            + ResultTable.epochs(point.epoch()) + " " + Numbers.percent(point.accuracy()) + " ("
                            + Numbers.percent(point.baselineAccuracy()) + ")").collect(Collectors.joining(", ")))
                    .append('\n');
        }
        for (EnsembleSummary summary : ensembleSummary(result)) {
            out.append(String.format(Locale.ROOT, "snapshot ensemble: %s, last %d snapshot%s %s against the final"
                    + " model's %s (mean of %d run%s)%n", summary.label(), summary.snapshots(),
                    summary.snapshots() == 1 ? "" : "s", Numbers.percent(summary.ensembleMean()),
                    Numbers.percent(summary.finalMean()), summary.runs(), summary.runs() == 1 ? "" : "s"));
        }
        return out.toString();
    }

    /**
     * The path of {@code reproduction.md} in a run directory.
     *
     * @param directory the run directory
     * @return the file's path; it may not exist
     */
    public static Path markdownFile(Path directory) {
        return directory.resolve(MARKDOWN);
    }
}

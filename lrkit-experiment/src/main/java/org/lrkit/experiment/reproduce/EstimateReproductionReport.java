package org.lrkit.experiment.reproduce;

import static org.lrkit.experiment.reproduce.ReportSections.cells;
import static org.lrkit.experiment.reproduce.ReportSections.range;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lrkit.djl.checkpoint.AtomicFiles;
import org.lrkit.experiment.estimate.EstimateChart;
import org.lrkit.experiment.estimate.EstimateFiles;
import org.lrkit.experiment.estimate.EstimateSummary;
import org.lrkit.experiment.report.Json;
import org.lrkit.experiment.report.Numbers;


/**
 * Presents an {@link EstimateReproduction}: {@code reproduction.json} for programs, {@code reproduction.md} for
 * people (the row as a table, the verdict's rule, what this scale changed, the figures of each seed and the
 * deviations from the paper) and the console summary. The files have the names and the shape of a policy
 * comparison's ({@link ReproductionReport}), so that tools can read both.
 */
public final class EstimateReproductionReport {

    private EstimateReproductionReport() {
    }

    /**
     * Writes {@code reproduction.json} and {@code reproduction.md} into the run directory, atomically.
     *
     * @param reproduction the reproduction
     * @throws IOException if a file cannot be written
     */
    public static void write(EstimateReproduction reproduction) throws IOException {
        AtomicFiles.write(reproduction.directory().resolve(ReproductionReport.JSON),
                Json.write(json(reproduction)).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(reproduction.directory().resolve(ReproductionReport.MARKDOWN),
                markdown(reproduction).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The content of {@code reproduction.json}.
     *
     * @param reproduction the reproduction
     * @return the JSON object, by entry name
     */
    public static Map<String, Object> json(EstimateReproduction reproduction) {
        EstimatePlan plan = reproduction.plan();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("lrkit", "reproduction");
        map.put("experiment", ReportSections.identity(reproduction.experiment()));
        map.put("scale", reproduction.scale().word());
        map.put("scaleDescription", plan.description());
        map.put("estimate", plan.estimate());
        map.put("dataset", reproduction.dataset());
        map.put("model", reproduction.model());
        map.put("seeds", reproduction.seeds());
        map.put("command", reproduction.command());
        map.put("policy", plan.policy());
        map.put("rows", List.of(reproduction.rowJson()));
        map.put("deviations", reproduction.experiment().deviations());
        return map;
    }

    /**
     * The content of {@code reproduction.md}.
     *
     * @param reproduction the reproduction
     * @return the Markdown text
     */
    public static String markdown(EstimateReproduction reproduction) {
        EstimateExperiment experiment = reproduction.experiment();
        EstimatePlan plan = reproduction.plan();
        EstimateCheck check = reproduction.check();
        StringBuilder md = new StringBuilder();
        ReportSections.appendHeading(md, experiment, reproduction.scale());
        md.append("| experiment | scale | claim | paper | lrkit | budget | verdict | command |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        md.append("| ").append(cells(experiment.id() + " v" + experiment.version(), reproduction.scale().word(),
                reproduction.claim().statement(), reproduction.claim().paperFigure(), reproduction.lrkitFigure(),
                reproduction.budget(), "**" + check.verdict().words() + "**", "`" + reproduction.command() + "`"))
                .append(" |\n\n");
        md.append("- ").append(reproduction.claim().statement()).append(": ").append(check.verdict().words())
                .append(", ").append(check.explanation()).append(".\n");
        md.append("\nThe verdict: ").append(EstimateCheck.RULE).append(".\n");
        ReportSections.appendScale(md, plan.description(), plan.setup(), reproduction.seeds(), plan.estimate());
        md.append("\n## Each seed\n\n");
        md.append("| seed | estimates | per-step range | median | 10-90% | final moving average | estimate / lr 10-90%"
                + " | files |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (EstimateOutcome outcome : reproduction.outcomes()) {
            EstimateSummary summary = outcome.summary();
            md.append("| ").append(cells(Long.toString(outcome.seed()), Integer.toString(summary.estimates()),
                    range(summary.minimum(), summary.maximum()), Numbers.number(summary.median()),
                    range(summary.percentile10(), summary.percentile90()), Numbers.number(summary.finalAverage()),
                    range(summary.ratioPercentile10(), summary.ratioPercentile90()),
                    String.join(", ", outcome.files()))).append(" |\n");
        }
        ReportSections.appendDeviations(md, experiment.deviations());
        md.append("\nPer-step estimates and probes: ").append(EstimateFiles.ESTIMATES).append("; per layer: ")
                .append(EstimateFiles.LAYERS).append("; chart: ").append(EstimateChart.FILE)
                .append(" (in seed-<s>/ for each seed when there are several).\n");
        return md.toString();
    }

    /**
     * What the command prints: the row, one item a line, and the files of each seed.
     *
     * @param reproduction the reproduction
     * @return the text, ending with a line break
     */
    public static String console(EstimateReproduction reproduction) {
        EstimateCheck check = reproduction.check();
        StringBuilder out = new StringBuilder();
        out.append(ReportSections.consoleHeading(reproduction.experiment(), reproduction.scale(),
                reproduction.model(), reproduction.dataset(), reproduction.seeds()));
        out.append("claim:     ").append(reproduction.claim().statement()).append('\n');
        out.append("  paper:    ").append(reproduction.claim().paperFigure()).append('\n');
        out.append("  lrkit:    ").append(reproduction.lrkitFigure()).append('\n');
        out.append("  budget:   ").append(reproduction.budget()).append('\n');
        out.append("  verdict:  ").append(check.verdict().words()).append(" (").append(check.explanation())
                .append(")\n");
        out.append("  command:  ").append(reproduction.command()).append('\n');
        for (EstimateOutcome outcome : reproduction.outcomes()) {
            out.append("seed ").append(outcome.seed()).append(": ").append(String.join(", ", outcome.files()
                    .stream().map(file -> reproduction.directory().resolve(file).normalize().toString()).toList()))
                    .append('\n');
        }
        return out.toString();
    }
}

package org.lrkit.experiment.reproduce;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.lrkit.experiment.report.Numbers;

/**
 * The parts that the reports of both kinds of experiment share ({@link ReproductionReport} for policy
 * comparisons, {@link EstimateReproductionReport} for estimates): the experiment's identity in
 * {@code reproduction.json}, the title, the scale and the deviations in {@code reproduction.md}, the first
 * console line, and the Markdown table cells.
 */
final class ReportSections {

    private ReportSections() {
    }

    /** The {@code experiment} object of {@code reproduction.json}: id, version, title and paper. */
    static Map<String, Object> identity(CatalogExperiment experiment) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("id", experiment.id());
        identity.put("version", experiment.version());
        identity.put("title", experiment.title());
        identity.put("paper", experiment.paper());
        return identity;
    }

    /** The start of {@code reproduction.md}: {@code # Reproduction: clr v1, cpu scale}, the title and the paper. */
    static void appendHeading(StringBuilder md, CatalogExperiment experiment, Scale scale) {
        md.append("# Reproduction: ").append(experiment.id()).append(" v").append(experiment.version())
                .append(", ").append(scale.word()).append(" scale\n\n");
        md.append(experiment.title()).append(".\n\n");
        md.append("Paper: ").append(experiment.paper()).append(".\n\n");
    }

    /** The section {@code ## This scale}: how it departs from the paper, the setup, the seeds and the time. */
    static void appendScale(StringBuilder md, String description, Setup setup, long[] seeds, String estimate) {
        md.append("\n## This scale\n\n").append(description).append("\n\n")
                .append(setup.describe()).append(". Seeds: ").append(seedList(seeds))
                .append(". Time: ").append(estimate).append(".\n");
    }

    /** The section {@code ## Deviations from the paper}, one item each. */
    static void appendDeviations(StringBuilder md, List<String> deviations) {
        md.append("\n## Deviations from the paper\n\n");
        for (String deviation : deviations) {
            md.append("- ").append(deviation).append('\n');
        }
    }

    /** The first console line: {@code reproduction: clr v1, cpu scale, cifar10_full on cifar10, 1 seed (0)}. */
    static String consoleHeading(CatalogExperiment experiment, Scale scale, String model, String dataset,
            long[] seeds) {
        return String.format(Locale.ROOT, "reproduction: %s v%d, %s scale, %s on %s, %d seed%s (%s)%n",
                experiment.id(), experiment.version(), scale.word(), model, dataset, seeds.length,
                seeds.length == 1 ? "" : "s", seedList(seeds));
    }

    /** Markdown table cells joined by {@code |}, the pipes inside them escaped. */
    static String cells(String... cells) {
        return Arrays.stream(cells).map(cell -> cell.replace("|", "\\|")).collect(Collectors.joining(" | "));
    }

    /** {@code 0.26-0.54}: two numbers as the tables show them. */
    static String range(double low, double high) {
        return Numbers.number(low) + "-" + Numbers.number(high);
    }

    /** {@code 0, 1, 2}. */
    static String seedList(long[] seeds) {
        return Arrays.stream(seeds).mapToObj(Long::toString).collect(Collectors.joining(", "));
    }
}

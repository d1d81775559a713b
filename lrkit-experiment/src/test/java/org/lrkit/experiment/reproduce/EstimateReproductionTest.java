package org.lrkit.experiment.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lrkit.experiment.estimate.EstimateSummary;

/** The row of an estimate reproduction and its report, from hand-made summaries. */
class EstimateReproductionTest {

    private static final EstimateExperiment HESSIAN_FREE = (EstimateExperiment) ExperimentCatalog
            .experiment("hessian-free");

    /** The cpu measurement of docs/reproduction.md, as one seed's summary. */
    private static final EstimateSummary MEASURED = new EstimateSummary(100, 0.14, 0.61, 0.37, 0.26, 0.54, 0.52,
            0.10116, 0.27342, 1.4, 2.2);

    private static EstimateReproduction reproduction(Scale scale, EstimateSummary... seeds) {
        List<EstimateOutcome> outcomes = new java.util.ArrayList<>();
        for (int seed = 0; seed < seeds.length; seed++) {
            outcomes.add(new EstimateOutcome(seed, EstimateOutcome.folderOf(seed, seeds.length), seeds[seed]));
        }
        EstimateCheck check = EstimateCheck.of(HESSIAN_FREE.claim(), List.of(seeds), scale);
        return new EstimateReproduction(HESSIAN_FREE, scale, Path.of("runs/hf"), "cifar10", "resnet20", outcomes,
                check, "lrkit reproduce hessian-free --scale " + scale.word() + " --seeds " + seeds.length);
    }

    @Test
    void oneSeedsFigureIsItsRangeMedianTenToNinetyAndFinalAverage() {
        EstimateReproduction row = reproduction(Scale.CPU, MEASURED);

        assertThat(row.lrkitFigure()).isEqualTo("per-step estimate 0.14-0.61, median 0.37, 10-90% 0.26-0.54, final"
                + " moving average 0.52; learning rate 0.101-0.273, estimate / learning rate 1.4-2.2 (10-90%) (1 seed,"
                + " cifar10)");
        // one seed: inconclusive under the rule of 2026-12-04 (it was partly)
        assertThat(row.check().verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(row.seeds()).containsExactly(0);
        Map<String, Object> json = row.rowJson();
        assertThat(json).containsEntry("experiment", "hessian-free").containsEntry("scale", "cpu")
                .containsEntry("verdict", "inconclusive").containsEntry("paperRange", List.of(2.0, 6.0))
                .containsEntry("rule", EstimateCheck.RULE).containsEntry("budgets", row.plan().budget())
                .containsEntry("command", "lrkit reproduce hessian-free --scale cpu --seeds 1");
        Map<?, ?> seed = (Map<?, ?>) ((List<?>) json.get("seeds")).get(0);
        assertThat(seed.get("files")).isEqualTo(List.of("estimate.csv", "layers.csv", "estimate.png"));
        assertThat(seed.get("median")).isEqualTo(0.37);
    }

    @Test
    void severalSeedsGiveTheMeanAndSpreadOfTheMedianAndTheFinalAverage() {
        EstimateSummary other = new EstimateSummary(100, 0.12, 0.7, 0.41, 0.3, 0.6, 0.56, 0.10116, 0.27342, 1.5, 2.4);
        EstimateReproduction row = reproduction(Scale.FULL, MEASURED, other);

        assertThat(row.lrkitFigure()).isEqualTo("per-step estimate 0.12-0.7, median 0.39 +/- 0.0283, 10-90% 0.26-0.6,"
                + " final moving average 0.54 +/- 0.0283; learning rate 0.101-0.273, estimate / learning rate 1.4-2.4"
                + " (10-90%) (2 seeds, cifar10)");
        assertThat(row.outcomes().get(1).files()).containsExactly("seed-1/estimate.csv", "seed-1/layers.csv",
                "seed-1/estimate.png");
    }

    @Test
    void theMarkdownHasTheRowTheRuleEachSeedAndTheDeviations() {
        String md = EstimateReproductionReport.markdown(reproduction(Scale.CPU, MEASURED));

        assertThat(md).startsWith("# Reproduction: hessian-free v1, cpu scale\n\nThe Hessian-free estimate")
                .contains("| experiment | scale | claim | paper | lrkit | budget | verdict | command |\n",
                        "| hessian-free v1 | cpu | during CLR 0.1-3 training", "| **inconclusive** |",
                        "`lrkit reproduce hessian-free --scale cpu --seeds 1` |",
                        "The verdict: " + EstimateCheck.RULE + ".\n", "\n## This scale\n\nResNet-20 instead of"
                                + " ResNet-56",
                        "| 0 | 100 | 0.14-0.61 | 0.37 | 0.26-0.54 | 0.52 | 1.4-2.2 | estimate.csv, layers.csv,"
                                + " estimate.png |", "## Deviations from the paper\n\n- lrkit estimates from windows");
        String console = EstimateReproductionReport.console(reproduction(Scale.CPU, MEASURED));
        assertThat(console).startsWith("reproduction: hessian-free v1, cpu scale, resnet20 on cifar10, 1 seed (0)\n"
                + "claim:     during CLR 0.1-3 training").contains(
                "  verdict:  inconclusive (inconclusive: 1 seed; a verdict needs 3)",
                "seed 0: runs/hf/estimate.csv, runs/hf/layers.csv, runs/hf/estimate.png\n");
        Map<String, Object> json = EstimateReproductionReport.json(reproduction(Scale.CPU, MEASURED));
        assertThat(json).containsEntry("lrkit", "reproduction").containsEntry("scale", "cpu")
                .containsEntry("model", "resnet20").containsKeys("experiment", "rows", "deviations", "command");
    }
}

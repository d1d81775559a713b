package org.lrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrkit.experiment.estimate.EstimateSettings;
import org.lrkit.experiment.reproduce.EstimateExperiment;
import org.lrkit.experiment.reproduce.EstimatePlan;
import org.lrkit.experiment.reproduce.EstimateReproductionRunner;
import org.lrkit.experiment.reproduce.ExperimentCatalog;
import org.lrkit.experiment.reproduce.PaperExperiment;
import org.lrkit.experiment.reproduce.Scale;
import org.lrkit.experiment.reproduce.Setup;
import org.lrkit.experiment.report.Json;
import org.lrkit.experiment.run.Progress;
import org.lrkit.experiment.run.Workbench;

/** {@code lrkit reproduce}: the listing, the errors, and every experiment end to end at ci scale. */
class ReproduceCommandTest {

    @TempDir
    Path dir;

    @Test
    void listsTheExperimentsWithTheirBudgets() {
        Cli.Result result = Cli.run("reproduce", "--list");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).startsWith("clr  v2  Cyclical learning rates on CIFAR-10")
                .contains("sgdr  v1  ", "superconvergence  v2  ", "superconvergence-limited  v2  ", "lenet  v1  ",
                        "  paper: Loshchilov & Hutter 2017", "  full: wrn28_10 on cifar10, batch 128: step 200 epochs",
                        "\nhessian-free  v1  The Hessian-free estimate of the optimal learning rate",
                        "  cpu:  resnet20 on cifar10, batch 128: the first 300 steps (0.77 epochs) of cyclical(base=0.1,"
                                + " peak=3, stepsUp=5000)");
    }

    @Test
    void namesTheOptionAndTheValueInItsErrors() {
        assertUsageError("lrkit: error: --scale must be ci, cpu or full, got 'fast'", "reproduce", "clr", "--scale",
                "fast");
        assertUsageError("lrkit: error: unknown experiment 'cl'; known: clr, sgdr, superconvergence,"
                + " superconvergence-limited, lenet, hessian-free (lrkit reproduce --list describes them)", "reproduce",
                "cl");
        assertUsageError("lrkit: error: give an experiment id (clr, sgdr, superconvergence, superconvergence-limited,"
                + " lenet, hessian-free) or --list", "reproduce");
        assertUsageError("lrkit: error: --seeds must be in [1, 100], got 101", "reproduce", "hessian-free", "--scale",
                "ci", "--seeds", "101", "--out", dir.resolve("x").toString());
        assertUsageError("lrkit: error: --seeds must be in [1, 100], got 0", "reproduce", "lenet", "--scale", "ci",
                "--seeds", "0", "--out", dir.resolve("x").toString());
        assertUsageError("lrkit: error: --list takes no experiment id and no --resume", "reproduce", "--list", "clr");
        assertUsageError("lrkit: error: give an experiment id or --resume, not both (the directory knows its"
                + " experiment)", "reproduce", "clr", "--resume", dir.toString());
        assertUsageError("lrkit: error: " + dir + " holds no reproduction: it has no reproduce.json", "reproduce",
                "--resume", dir.toString());
        assertUsageError("lrkit: error: --scale cannot be given with --resume: a resumed run keeps the configuration"
                + " in its config.json (only --threads, --device, --target, --quiet and --json may change)",
                "reproduce", "--resume", dir.toString(), "--scale", "ci");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void refusesToResumeAnotherVersionOfAnExperiment() throws Exception {
        Path old = dir.resolve("old");
        Files.createDirectories(old);
        Files.writeString(old.resolve("reproduce.json"), "{\"lrkit\": \"reproduction\", \"experiment\": \"lenet\","
                + " \"version\": 99, \"scale\": \"ci\", \"command\": \"lrkit reproduce lenet --scale ci --seeds 1\"}");
        assertUsageError("lrkit: error: --resume " + old + " holds lenet v99, but this lrkit has v1; start it again:"
                + " lrkit reproduce lenet --scale ci --seeds 1", "reproduce", "--resume", old.toString());
    }

    private static void assertUsageError(String message, String... args) {
        Cli.Result result = Cli.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.err()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).isEqualTo(message + "\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void runsEveryExperimentAtCiScaleEndToEnd() throws Exception {
        for (PaperExperiment experiment : ExperimentCatalog.all()) {
            Path out = dir.resolve(experiment.id());
            Cli.Result result = Cli.run("reproduce", experiment.id(), "--scale", "ci", "--out", out.toString(), "-q");

            assertThat(result.exitCode()).as(experiment.id() + ": " + result.err()).isZero();
            assertThat(result.err()).as(experiment.id()).isEmpty();
            assertThat(result.out()).as(experiment.id())
                    .contains("report: " + out.resolve("report.html"),
                            "reproduction: " + experiment.id() + " v" + experiment.version() + ", ci scale",
                            "  verdict:  smoke test (ci scale checks that the plan runs",
                            "  command:  lrkit reproduce " + experiment.id() + " --scale ci --seeds 1",
                            "reproduction: " + out.resolve("reproduction.md"));
            for (String file : List.of("config.json", "summary.json", "report.html", "reproduce.json",
                    "reproduction.json", "reproduction.md")) {
                assertThat(out.resolve(file)).as(experiment.id()).isRegularFile();
            }
            Map<String, Object> json = TrainCommandTest.json(out.resolve("reproduction.json"));
            assertThat(Json.object(json, "experiment").get("id")).isEqualTo(experiment.id());
            assertThat(json.get("scale")).isEqualTo("ci");
            List<Object> rows = Json.array(json, "rows");
            assertThat(rows).as(experiment.id()).hasSameSizeAs(experiment.claims());
            for (Object row : rows) {
                Map<?, ?> map = (Map<?, ?>) row;
                assertThat(map.get("verdict")).isEqualTo("smoke test");
                assertThat(map.get("dataset")).isEqualTo("fashion-mnist-embedded");
                assertThat((String) map.get("lrkit")).matches(".+ \\d+\\.\\d% vs .+ \\d+\\.\\d% \\(1 seed,"
                        + " fashion-mnist-embedded\\)");
                assertThat(map.get("command")).isEqualTo("lrkit reproduce " + experiment.id() + " --scale ci"
                        + " --seeds 1");
            }
            String md = Files.readString(out.resolve("reproduction.md"), StandardCharsets.UTF_8);
            assertThat(md).startsWith("# Reproduction: " + experiment.id() + " v" + experiment.version()
                    + ", ci scale").contains("| **smoke test** |", "## Deviations from the paper", "not evidence");
            assertThat(Json.object(TrainCommandTest.json(out.resolve("config.json")), "settings").get("dataset"))
                    .isEqualTo("fashion-mnist-embedded");
        }

        Map<String, Object> clr = TrainCommandTest.json(dir.resolve("clr/reproduction.json"));
        assertThat(Json.object(clr, "rangeTest")).containsKeys("paper", "clrLower", "clrUpper", "consensus");
        assertThat(dir.resolve("clr/range-test/curve.csv")).isRegularFile();

        Map<String, Object> sgdr = TrainCommandTest.json(dir.resolve("sgdr/reproduction.json"));
        List<Object> anytime = Json.array(sgdr, "anytime");
        assertThat(anytime).hasSize(2);
        List<Object> shortEnds = Json.array(cast(anytime.get(0)), "cycleEnds");
        assertThat(shortEnds.stream().map(point -> (Object) ((Map<?, ?>) point).get("epoch")).toList())
                .containsExactly(1.0, 3.0);
        Map<String, Object> ensembles = Json.object(sgdr, "snapshotEnsembles");
        List<Object> runs = Json.array(ensembles, "runs");
        assertThat(runs).hasSize(2);
        Map<?, ?> shortRun = (Map<?, ?>) runs.get(0);
        assertThat(shortRun.get("label")).isEqualTo("sgdr-short");
        assertThat(shortRun.get("snapshots")).isEqualTo(2.0);
        assertThat((Double) shortRun.get("ensembleAccuracy")).isBetween(0.0, 1.0);
        assertThat(dir.resolve("sgdr/runs/sgdr-short/seed-0/snapshots/snapshot-cycle-001.lrkit")).isRegularFile();
        assertThat(dir.resolve("sgdr/runs/step/seed-0/snapshots")).doesNotExist();

        // Resuming a finished reproduction trains nothing and writes the same rows.
        Path lenet = dir.resolve("lenet");
        String before = Files.readString(lenet.resolve("reproduction.md"), StandardCharsets.UTF_8);
        Cli.Result again = Cli.run("reproduce", "--resume", lenet.toString(), "-q");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(Files.readString(lenet.resolve("reproduction.md"), StandardCharsets.UTF_8)).isEqualTo(before);
    }

    @Test
    void runsTheHessianFreeEstimateAtCiScaleEndToEnd() throws Exception {
        Path out = dir.resolve("hessian-free");
        Cli.Result result = Cli.run("reproduce", "hessian-free", "--scale", "ci", "--out", out.toString(), "-q");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).startsWith("reproduction: hessian-free v1, ci scale, fashion_cnn on"
                + " fashion-mnist-embedded, 1 seed (0)\n")
                .contains("claim:     during CLR 0.1-3 training the Hessian-free estimate",
                        "  budget:   the first 36 steps (4.5 epochs) of cyclical(base=0.01, peak=0.3, stepsUp=500)",
                        "  verdict:  smoke test (ci scale checks that the plan runs",
                        "  command:  lrkit reproduce hessian-free --scale ci --seeds 1\n",
                        "seed 0: " + out.resolve("estimate.csv") + ", " + out.resolve("layers.csv") + ", "
                                + out.resolve("estimate.png"),
                        "reproduction: " + out.resolve("reproduction.md"));
        for (String file : List.of("estimate.csv", "layers.csv", "estimate.png", "reproduce.json",
                "reproduction.json", "reproduction.md")) {
            assertThat(out.resolve(file)).isRegularFile();
        }
        assertThat(out.resolve("config.json")).doesNotExist();
        // the files of lrkit estimate: 12 windows of three steps in 36 steps, 3 of them with a probe
        List<String> estimates = Files.readAllLines(out.resolve("estimate.csv"), StandardCharsets.UTF_8);
        assertThat(estimates.get(0)).isEqualTo(
                "step,lr,loss,hf_estimate,hf_average,first_l1,gradient_change_l1,along_gradient,g_dot_g,g_dot_hg,"
                        + "momentum,hf_corrected");
        assertThat(estimates).hasSize(1 + 12);
        assertThat(estimates.get(1)).startsWith("2,0.0111");
        assertThat(estimates.stream().skip(1).filter(row -> !row.split(",", -1)[7].isEmpty())).hasSize(3);
        // momentum 0.9: every window but the first (which has no snapshots before it) has a corrected estimate
        assertThat(estimates.get(1).split(",", -1)[11]).isEmpty();
        assertThat(estimates.stream().skip(2).filter(row -> row.split(",", -1)[11].isEmpty())).isEmpty();
        assertThat(estimates.get(1).split(",", -1)[10]).isEqualTo("0.9");

        Map<String, Object> json = TrainCommandTest.json(out.resolve("reproduction.json"));
        assertThat(Json.object(json, "experiment").get("id")).isEqualTo("hessian-free");
        assertThat(json.get("scale")).isEqualTo("ci");
        List<Object> rows = Json.array(json, "rows");
        assertThat(rows).hasSize(1);
        Map<String, Object> row = cast(rows.get(0));
        assertThat(row.get("verdict")).isEqualTo("smoke test");
        assertThat(row.get("paperRange")).isEqualTo(List.of(2.0, 6.0));
        assertThat((String) row.get("lrkit")).matches("per-step estimate \\S+-\\S+, median \\S+, 10-90% \\S+-\\S+,"
                + " final moving average \\S+; learning rate 0\\.0112-0\\.0303, estimate / learning rate \\S+-\\S+"
                + " \\(10-90%\\), momentum-corrected \\S+-\\S+ \\(1 seed, fashion-mnist-embedded\\)");
        assertThat((String) row.get("rule")).startsWith("inconclusive with fewer than 3 seeds; reproduced when the"
                + " 10-90% range of the per-step estimates");
        assertThat(row.get("momentum")).isEqualTo(true);
        assertThat(row.get("command")).isEqualTo("lrkit reproduce hessian-free --scale ci --seeds 1");
        Map<String, Object> seed = cast(Json.array(row, "seeds").get(0));
        assertThat(seed.get("files")).isEqualTo(List.of("estimate.csv", "layers.csv", "estimate.png"));
        assertThat(seed.get("estimates")).isEqualTo(12.0);
        String md = Files.readString(out.resolve("reproduction.md"), StandardCharsets.UTF_8);
        assertThat(md).startsWith("# Reproduction: hessian-free v1, ci scale").contains("| **smoke test** |",
                "The verdict: inconclusive with fewer than 3 seeds; reproduced when", "## Each seed",
                "## Deviations from the paper", "not evidence");

        // A second run may not write into the first one's directory, and an estimate cannot be resumed.
        assertUsageError("lrkit: error: --out " + out + " is not empty; give a new or empty directory", "reproduce",
                "hessian-free", "--scale", "ci", "--out", out.toString());
        assertUsageError("lrkit: error: --resume " + out + " holds hessian-free, an estimate that keeps no checkpoints"
                + " to continue from; start it again: lrkit reproduce hessian-free --scale ci --seeds 1", "reproduce",
                "--resume", out.toString());
    }

    @Test
    void runsEachSeedOfAnEstimateIntoItsOwnFolder() throws Exception {
        Path out = dir.resolve("seeds");
        Cli.Result result = Cli.run("reproduce", "hessian-free", "--scale", "ci", "--seeds", "2", "--out",
                out.toString(), "-q");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("2 seeds (0, 1)", "(2 seeds,"
                + " fashion-mnist-embedded)", "  command:  lrkit reproduce hessian-free --scale ci --seeds 2\n");
        assertThat(result.out()).containsPattern("median \\S+ \\+/- \\S+, ");
        for (String seed : List.of("seed-0", "seed-1")) {
            for (String file : List.of("estimate.csv", "layers.csv", "estimate.png")) {
                assertThat(out.resolve(seed).resolve(file)).isRegularFile();
            }
        }
        assertThat(out.resolve("estimate.csv")).doesNotExist();
        assertThat(Files.readString(out.resolve("seed-0/estimate.csv"), StandardCharsets.UTF_8))
                .as("each seed its own initial weights and data order")
                .isNotEqualTo(Files.readString(out.resolve("seed-1/estimate.csv"), StandardCharsets.UTF_8));
        Map<String, Object> row = cast(Json.array(TrainCommandTest.json(out.resolve("reproduction.json")), "rows")
                .get(0));
        List<Object> files = Json.array(row, "seeds").stream().map(seed -> ((Map<?, ?>) seed).get("files"))
                .map(Object.class::cast).toList();
        assertThat(files).containsExactly(List.of("seed-0/estimate.csv", "seed-0/layers.csv", "seed-0/estimate.png"),
                List.of("seed-1/estimate.csv", "seed-1/layers.csv", "seed-1/estimate.png"));
    }

    @Test
    void anEstimateReproductionTrainsExactlyAsLrkitEstimateDoes() throws Exception {
        String policy = "cyclical(base=0.01, peak=0.3, stepsUp=500)";
        Path estimate = dir.resolve("estimate");
        Cli.Result result = Cli.run("estimate", "--model", "fashion_cnn", "--batch-size", "64", "--spec", policy,
                "--steps", "24", "--every", "1", "--curvature-every", "12", "--momentum", "0.9", "--out",
                estimate.toString(), "-q");
        assertThat(result.exitCode()).as(result.err()).isZero();

        // the same run as a reproduction plan: all 6,000 embedded images, lrkit estimate's defaults otherwise
        Setup setup = Setup.of("fashion-mnist-embedded", "fashion_cnn", 64, 0.9, 5e-4, true, 0, 0);
        Map<Scale, EstimatePlan> plans = new EnumMap<>(Scale.class);
        for (Scale scale : Scale.values()) {
            plans.put(scale, new EstimatePlan(scale, setup, policy, new EstimateSettings(24, 1, 12), 1, "d", "e"));
        }
        EstimateExperiment experiment = new EstimateExperiment("same", 1, "t", "p",
                ExperimentCatalog.estimates().get(0).claim(), plans, List.of());
        Path reproduction = dir.resolve("reproduction");
        Files.createDirectories(reproduction);
        Workbench bench = Workbench.open(setup.settings("fashion-mnist-embedded", null, "cpu", 0), null);
        EstimateReproductionRunner.run(experiment, Scale.CPU, new long[] {0}, reproduction, bench, "c",
                Progress.silent());

        for (String file : List.of("estimate.csv", "layers.csv")) {
            assertThat(Files.readString(reproduction.resolve(file), StandardCharsets.UTF_8)).as(file)
                    .isEqualTo(Files.readString(estimate.resolve(file), StandardCharsets.UTF_8));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}

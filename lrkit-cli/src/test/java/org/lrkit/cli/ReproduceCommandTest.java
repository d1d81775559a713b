package org.lrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrkit.cli.reproduce.ExperimentCatalog;
import org.lrkit.cli.reproduce.PaperExperiment;
import org.lrkit.cli.report.Json;

/** {@code lrkit reproduce}: the listing, the errors, and every experiment end to end at ci scale. */
class ReproduceCommandTest {

    @TempDir
    Path dir;

    @Test
    void listsTheExperimentsWithTheirBudgets() {
        Cli.Result result = Cli.run("reproduce", "--list");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).startsWith("clr  v1  Cyclical learning rates on CIFAR-10")
                .contains("sgdr  v1  ", "superconvergence  v1  ", "superconvergence-limited  v1  ", "lenet  v1  ",
                        "  paper: Loshchilov & Hutter 2017", "  full: wrn28_10 on cifar10, batch 128: step 200 epochs");
    }

    @Test
    void namesTheOptionAndTheValueInItsErrors() {
        assertUsageError("lrkit: error: --scale must be ci, cpu or full, got 'fast'", "reproduce", "clr", "--scale",
                "fast");
        assertUsageError("lrkit: error: unknown experiment 'cl'; known: clr, sgdr, superconvergence,"
                + " superconvergence-limited, lenet (lrkit reproduce --list describes them)", "reproduce", "cl");
        assertUsageError("lrkit: error: give an experiment id (clr, sgdr, superconvergence, superconvergence-limited,"
                + " lenet) or --list", "reproduce");
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}

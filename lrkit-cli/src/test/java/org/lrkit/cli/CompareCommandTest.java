package org.lrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrkit.experiment.report.Json;

/** {@code lrkit compare} with two policies and two seeds on 300 images (see {@link TrainCommandTest#TINY}). */
class CompareCommandTest {

    @TempDir
    Path dir;

    @Test
    void comparesPoliciesOverSeeds() throws Exception {
        Path out = dir.resolve("cmp");
        Cli.Result result = Cli.run(TrainCommandTest.args("compare", "--epochs", "2", "--seeds", "2", "--policy",
                "fast=constant(value=0.1)", "--policy", "slow=constant(value=0.01)", "--out", out.toString(), "-q"));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).matches("policy  epochs  final accuracy  best accuracy  epochs to \\d+\\.\\d% +time");
        assertThat(lines.get(1)).matches("fast +2 +\\d+\\.\\d% \\+/- \\d+\\.\\d +\\d+\\.\\d% \\+/- \\d+\\.\\d"
                + " +[0-9.()/ -]+"
                + " +\\d+\\.\\d s");
        assertThat(lines.get(2)).startsWith("slow ");
        assertThat(lines.get(4)).isEqualTo("report: " + out.resolve("report.html"));

        Map<String, Object> summary = TrainCommandTest.json(out.resolve("summary.json"));
        assertThat(Json.array(summary, "runs")).hasSize(4)
                .allSatisfy(run -> assertThat(((Map<?, ?>) run).get("status")).isEqualTo("completed"));
        assertThat(Json.array(summary, "table")).hasSize(2);
        for (String label : List.of("fast", "slow")) {
            for (int seed = 0; seed < 2; seed++) {
                assertThat(out.resolve("runs/" + label + "/seed-" + seed + "/epochs.csv")).isRegularFile();
            }
        }
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("lrkit compare: learning-rate policies side by side", "fast", "slow", "\u00b1");

        // Seeds are independent runs; the same seed gives the same run.
        assertThat(Files.readString(out.resolve("runs/fast/seed-0/steps.csv")))
                .isNotEqualTo(Files.readString(out.resolve("runs/fast/seed-1/steps.csv")));

        // Resuming a finished comparison trains nothing and prints the same table.
        Cli.Result again = Cli.run("compare", "--resume", out.toString(), "--quiet");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).isEqualTo(result.out());

        // The report command rebuilds it, with another target on request.
        Cli.Result report = Cli.run("report", out.toString(), "--target", "0.5");
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out()).contains("epochs to 50.0%");
        assertThat(report.err()).isEmpty();
    }

    @Test
    void aDivergingPolicyIsAResultNotAFailure() throws Exception {
        Path out = dir.resolve("div");
        Cli.Result result = Cli.run(TrainCommandTest.args("compare", "--epochs", "1", "--policy",
                "constant(value=0.05)", "--policy", "huge=constant(value=1e9)", "--out", out.toString(), "--json"));

        assertThat(result.exitCode()).as(result.err()).isZero();
        Map<String, Object> summary = Json.parseObject(result.out());
        Map<?, ?> huge = (Map<?, ?>) Json.array(summary, "table").get(1);
        assertThat(huge.get("note")).isEqualTo("diverged");
        assertThat(result.err()).contains("lrkit: warning: 1 run(s) diverged, e.g. huge seed 0: training diverged at");
    }

    @Test
    void needsAPolicy() {
        Cli.Result result = Cli.run("compare", "--epochs", "1");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("lrkit: error: give at least one --policy, e.g. --policy auto")
                .hasLineCount(1);
        Cli.Result seeds = Cli.run("compare", "--policy", "auto", "--seeds", "0");
        assertThat(seeds.exitCode()).isEqualTo(2);
        assertThat(seeds.err()).isEqualTo("lrkit: error: --seeds must be in [1, 100], got 0\n");
    }

    @Test
    void aPolicyFileWithSpacesIsOneArgument() throws Exception {
        Path file = Files.writeString(dir.resolve("policy.txt"), "# a comment line\nconstant(value=0.05)\n");
        Path spaced = Files.writeString(dir.resolve("spaced.txt"), "multiStepDecay(initial=0.05, milestones=[2],"
                + " factor=0.1)\n");
        Path out = dir.resolve("cmp");

        Cli.Result result = Cli.run(TrainCommandTest.args("compare", "--steps", "3", "--policy", "@" + spaced,
                "--policy", "c=@" + file, "--out", out.toString(), "-q"));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines()).anyMatch(line -> line.startsWith("multiStepDecay "))
                .anyMatch(line -> line.startsWith("c "));
    }
}

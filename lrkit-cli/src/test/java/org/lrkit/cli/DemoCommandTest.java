package org.lrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrkit.experiment.report.Chromium;
import org.lrkit.experiment.report.Json;

/**
 * {@code lrkit demo} shrunk to seconds (the MLP, 400 training and 200 test images, one epoch against two),
 * then its report opened in headless Chromium.
 */
class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void runsTheRangeTestTheThreePoliciesAndWritesTheReport() throws Exception {
        Path out = dir.resolve("demo");
        Cli.Result result = Cli.run("demo", "--model", "mlp", "--train-size", "400", "--test-size", "200",
                "--batch-size", "40", "--epochs", "1", "--factor", "2", "--find-steps", "16", "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).startsWith("policy ");
        assertThat(lines.get(1)).matches("one-cycle +1 .*");
        assertThat(lines.get(2)).matches("step-decay +1 .*");
        assertThat(lines.get(3)).matches("step-decay-x2 +2 .*");
        assertThat(lines.get(5)).matches("range test: [0-9]+\\.[0-9]% of the training time");
        assertThat(lines.get(6)).isEqualTo("report: " + out.resolve("report.html"));
        assertThat(result.err()).contains("range test: 16 steps from", ", consensus ",
                "one-cycle: oneCyclePolicy(peak=", "one-cycle seed 0: 10 steps (1 epoch)",
                "step-decay-x2 seed 0: 20 steps (2 epochs)");

        Map<String, Object> config = TrainCommandTest.json(out.resolve("config.json"));
        List<Object> policies = Json.array(config, "policies");
        assertThat(((Map<?, ?>) policies.get(0)).get("spec").toString())
                .matches("oneCyclePolicy\\(peak=[0-9.e-]+, totalSteps=10\\)");
        assertThat(((Map<?, ?>) policies.get(2)).get("spec").toString())
                .matches("multiStepDecay\\(initial=[0-9.e-]+, milestones=\\[10, 15\\], factor=0.1\\)");
        assertThat(Json.object(config, "rangeTest")).containsEntry("steps", 16.0);
        for (String file : List.of("range-test.png", "policies.png", "accuracy.png", "loss.png", "report.html",
                "range-test/curve.csv")) {
            assertThat(out.resolve(file)).isRegularFile();
        }
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("lrkit demo: one-cycle from a range test against step decay", "step-decay-x2",
                "Range test", "consensus");

        Chromium.require().assertRenders(out.resolve("report.html"), dir, 4);
    }

    @Test
    void badOptionsGiveOneLine() {
        Cli.Result factor = Cli.run("demo", "--factor", "1");
        assertThat(factor.exitCode()).isEqualTo(2);
        assertThat(factor.err()).isEqualTo("lrkit: error: --factor must be in [2, 100], got 1\n");
        Cli.Result unknown = Cli.run("demo", "--epoch", "3");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("lrkit: error: Unknown options: '--epoch', '3'; did you mean '--epochs'?")
                .hasLineCount(1);
    }

    @Test
    void everyCommandHasHelpWithAnExample() {
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (String command : List.of("demo", "train", "compare", "report")) {
                Cli.Result help = Cli.run(command, "--help");
                assertThat(help.exitCode()).as(command).isZero();
                assertThat(help.out()).as(command).contains("Usage: lrkit " + command, "Examples:",
                        "  lrkit " + command + " ");
                assertThat(help.out().lines()).as(command).allSatisfy(line -> assertThat(line).hasSizeLessThan(81));
            }
            Cli.Result top = Cli.run("--help");
            assertThat(top.out()).contains("demo", "train", "compare", "report");
        } finally {
            System.setErr(stderr);
        }
        // picocli warns on stderr about a description it cannot format (an unescaped '%').
        assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void reportNeedsARunDirectory() throws Exception {
        Cli.Result missing = Cli.run("report", dir.resolve("none").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("lrkit: error: " + dir.resolve("none") + ": no such directory\n");
        Files.createDirectories(dir.resolve("empty"));
        Cli.Result empty = Cli.run("report", dir.resolve("empty").toString());
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).startsWith("lrkit: error: " + dir.resolve("empty") + " is not an lrkit run directory")
                .hasLineCount(1);
    }
}

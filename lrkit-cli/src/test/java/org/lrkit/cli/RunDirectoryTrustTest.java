package org.lrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrkit.experiment.report.Json;

/**
 * What a run directory's files may and may not make lrkit do: a tampered label cannot make a resume or a report
 * reach outside the directory, a diverged run is not reported as completed, and a report rebuilds what a missing
 * or damaged {@code summary.json} no longer says.
 */
class RunDirectoryTrustTest {

    @TempDir
    Path dir;

    private Path trained(String name, String... more) {
        Path out = dir.resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of(TrainCommandTest.args("train", "--policy",
                "steady=constant(value=0.05)", "--out", out.toString(), "-q")));
        args.addAll(List.of(more));
        Cli.Result result = Cli.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        return out;
    }

    private static void replaceIn(Path file, String from, String to) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void aLabelThatLeavesTheRunDirectoryIsRefusedOnResumeAndReport() throws Exception {
        Path out = trained("run", "--epochs", "1");
        replaceIn(out.resolve("config.json"), "\"label\": \"steady\"", "\"label\": \"../../escaped\"");
        Files.delete(out.resolve("summary.json"));

        Cli.Result resume = Cli.run("train", "--resume", out.toString(), "-q");
        assertThat(resume.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(resume.err()).startsWith("lrkit: error: ").contains("../../escaped").hasLineCount(1);
        Cli.Result report = Cli.run("report", out.toString());
        assertThat(report.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(report.err()).contains("../../escaped").hasLineCount(1);
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().equals("escaped"))).isEmpty();
        }
    }

    @Test
    void aDivergedTrainIsNotCompletedAndHasNoResumeHint() throws Exception {
        Path out = dir.resolve("nan");
        Cli.Result result = Cli.run(TrainCommandTest.args("train", "--policy", "constant(value=1e9)", "--epochs",
                "1", "--out", out.toString(), "-q"));
        assertThat(result.exitCode()).isEqualTo(ExitCode.FAILURE);
        Map<String, Object> summary = TrainCommandTest.json(out.resolve("summary.json"));
        assertThat(summary.get("status")).isEqualTo("diverged");
        assertThat(summary).doesNotContainKey("resume");
    }

    @Test
    void theReportRebuildsAFinishedRunWithoutItsSummary() throws Exception {
        Path out = trained("done", "--epochs", "2");
        Map<String, Object> before = TrainCommandTest.json(out.resolve("summary.json"));
        Object accuracy = ((Map<?, ?>) Json.array(before, "runs").get(0)).get("finalAccuracy");
        Files.delete(out.resolve("summary.json"));

        Cli.Result report = Cli.run("report", out.toString(), "--json");
        assertThat(report.exitCode()).as(report.err()).isZero();
        Map<?, ?> row = (Map<?, ?>) Json.array(Json.parseObject(report.out()), "table").get(0);
        assertThat(row.get("finalAccuracyMean")).isEqualTo(accuracy);
        assertThat(row.get("completed")).isEqualTo(1.0);
        assertThat(report.err()).doesNotContain("status");
    }

    @Test
    void aDamagedStatusIsReportedNotRewritten() throws Exception {
        Path out = trained("bad", "--epochs", "1");
        replaceIn(out.resolve("summary.json"), "\"status\": \"completed\"", "\"status\": 42");
        String damaged = Files.readString(out.resolve("summary.json"), StandardCharsets.UTF_8);

        Cli.Result report = Cli.run("report", out.toString());
        assertThat(report.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(report.err()).startsWith("lrkit: error: ").contains("summary.json", "status", "42")
                .hasLineCount(1);
        assertThat(Files.readString(out.resolve("summary.json"), StandardCharsets.UTF_8)).isEqualTo(damaged);
    }

    @Test
    void theResumeHintNamesTheRealCommandAndDirectory() throws Exception {
        Path out = trained("hint", "--epochs", "1");
        replaceIn(out.resolve("summary.json"), "\"status\": \"completed\"", "\"status\": \"interrupted\"");

        Cli.Result report = Cli.run("report", out.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.err()).contains("resume it with: lrkit train --resume " + out)
                .doesNotContain("<command>");
    }

    @Test
    void aConfigWithoutSettingsIsNamedNotMistakenForABadMomentum() throws Exception {
        Path out = trained("nosettings", "--epochs", "1");
        Map<String, Object> config = TrainCommandTest.json(out.resolve("config.json"));
        config.remove("settings");
        Files.writeString(out.resolve("config.json"), Json.write(config), StandardCharsets.UTF_8);

        Cli.Result resume = Cli.run("train", "--resume", out.toString(), "-q");
        assertThat(resume.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(resume.err()).contains("config.json", "no settings object").doesNotContain("--momentum")
                .hasLineCount(1);
    }
}

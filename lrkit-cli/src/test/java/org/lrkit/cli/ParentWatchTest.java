package org.lrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -Dlrkit.parentPid}: a run started by another process stops when that process ends. */
class ParentWatchTest {

    private static Process lrkit(Path log, String parent, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-D" + ParentWatch.PROPERTY + "=" + parent, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test
    void aRunStopsWhenTheProcessThatStartedItEndsAndKeepsItsCheckpoint(@TempDir Path folder) throws Exception {
        Process parent = new ProcessBuilder("sleep", "120").start();
        Path log = folder.resolve("run.log");
        Path out = folder.resolve("run");
        Process run = lrkit(log, Long.toString(parent.pid()), "train", "--epochs", "200", "--train-size", "500",
                "--threads", "1", "--quiet", "--out", out.toString());
        try {
            for (int i = 0; i < 600 && !Files.exists(out.resolve("runs/one-cycle/seed-0/checkpoint.lrkit")); i++) {
                Thread.sleep(100);
            }
            assertThat(run.isAlive()).as(Files.readString(log, StandardCharsets.UTF_8)).isTrue();

            parent.destroy();

            assertThat(run.waitFor(30, TimeUnit.SECONDS)).as("the run stopped within 30 s").isTrue();
            assertThat(run.exitValue()).isEqualTo(ExitCode.FAILURE);
            assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("lrkit: error: the process that"
                    + " started this one (" + parent.pid() + ") has ended; stopping (the last checkpoint is kept)");
            assertThat(out.resolve("runs/one-cycle/seed-0/checkpoint.lrkit")).isNotEmptyFile();
        } finally {
            run.destroyForcibly();
            parent.destroyForcibly();
        }
    }

    @Test
    void aParentThatIsNotAProcessIdIsAUsageError(@TempDir Path folder) throws Exception {
        Path log = folder.resolve("out.log");
        Process run = lrkit(log, "four", "schedule", "--spec",
                "torch.OneCycleLR(max_lr=1.0, total_steps=10)", "--steps", "10");

        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).isEqualTo(ExitCode.USAGE);
        assertThat(Files.readString(log, StandardCharsets.UTF_8))
                .isEqualTo("lrkit: error: -Dlrkit.parentPid must be a process id, got 'four'\n");
    }
}

package org.lrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stops a real {@code lrkit train} process as Ctrl-C would (a termination signal runs the same shutdown hook)
 * after its first checkpoint, then resumes it: the interrupted run says how to resume, its summary says
 * interrupted, and the resumed run finishes with every epoch recorded once.
 */
class InterruptIT {

    private static final Path JAR = Path.of("target/lrkit.jar").toAbsolutePath();

    @TempDir
    Path work;

    private static String java() {
        String home = System.getProperty("java.home");
        Path java = Path.of(home, "bin", "java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }

    private Process start(String name, String... args) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JAR), JAR + " is not built; skipping the interrupt test");
        List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(work.resolve(name + ".out").toFile())
                .redirectError(work.resolve(name + ".err").toFile()).start();
    }

    private String read(String file) throws Exception {
        return Files.readString(work.resolve(file), StandardCharsets.UTF_8);
    }

    @Test
    void ctrlCKeepsTheCheckpointAndSaysHowToResume() throws Exception {
        Process training = start("first", "train", "--model", "fashion_cnn", "--train-size", "2000", "--test-size",
                "200", "--batch-size", "50", "--epochs", "12", "--policy", "constant(value=0.05)", "--threads", "2",
                "--out", "run");
        Path checkpoint = work.resolve("run/runs/constant/seed-0/checkpoint.lrkit");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(checkpoint) && training.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(training.isAlive()).as("the run ended before it could be interrupted: %s", read("first.err"))
                .isTrue();
        assertThat(checkpoint).exists();
        training.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C (SIGINT)
        assertThat(training.waitFor(60, TimeUnit.SECONDS)).isTrue();

        String err = read("first.err");
        assertThat(err).contains("lrkit: interrupted during constant seed 0; its last checkpoint (epoch ",
                "lrkit: resume with: lrkit train --resume run" + "\n");
        String summary = read("run/summary.json");
        assertThat(summary).contains("\"status\": \"interrupted\"", "\"resume\": \"lrkit train --resume run\"");

        Process resumed = start("second", "train", "--resume", "run", "--quiet");
        assertThat(resumed.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(resumed.exitValue()).as(read("second.err")).isZero();
        assertThat(read("second.out")).containsPattern("\nconstant +12 ");
        List<String> epochs = Files.readAllLines(work.resolve("run/runs/constant/seed-0/epochs.csv"));
        assertThat(epochs).hasSize(13);
        for (int e = 0; e < 12; e++) {
            assertThat(epochs.get(e + 1)).startsWith((e + 1) * 40 + "," + e + ",");
        }
        assertThat(read("run/summary.json")).contains("\"status\": \"completed\"");
        assertThat(new File(work.toFile(), "run/report.html")).isFile();
    }
}

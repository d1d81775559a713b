package org.lrkit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./lrkit sweep} through the real launcher on the packaged {@code lrkit-sweep.jar} and {@code
 * spark-lib/} (Maven runs this after {@code package}, with {@code LRKIT_NO_BUILD=1}): Spark's JVM options,
 * its class path and its logging as a user gets them.
 */
class SweepLauncherIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void aSmallGridRunsFromTheLauncherAndPrintsOnlyTheTable(@TempDir Path folder) throws Exception {
        Path jar = ROOT.resolve("lrkit-spark/target/lrkit-sweep.jar");
        Assumptions.assumeTrue(Files.isRegularFile(jar), jar + " is not built; skipping the launcher test");
        Files.writeString(folder.resolve("grid.txt"), """
                train-size = 200
                test-size = 100
                batch-size = 25
                epochs = 1
                peak = 0.02, 0.1
                policy = one-cycle=oneCyclePolicy(peak={peak}, totalSteps=auto)
                """);
        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("lrkit").toString(), "sweep", "--grid",
                "@grid.txt", "--out", "sweep", "--quiet").directory(folder.toFile())
                .redirectOutput(folder.resolve("out.txt").toFile()).redirectError(folder.resolve("err.txt").toFile());
        builder.environment().put("LRKIT_NO_BUILD", "1");
        Process process = builder.start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("./lrkit sweep finished in 180 s").isTrue();
        String out = Files.readString(folder.resolve("out.txt"), StandardCharsets.UTF_8);
        String err = Files.readString(folder.resolve("err.txt"), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(err).isZero();
        assertThat(err).isEmpty();
        assertThat(out).startsWith("policy     peak  runs  final accuracy").contains("one-cycle  0.02  1 ")
                .endsWith("report: sweep/report.html\n");
        assertThat(folder.resolve("sweep/runs/one-cycle/peak=0.1/seed-0/report.html")).isNotEmptyFile();
    }
}

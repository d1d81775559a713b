package org.lrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code ./lrkit} launcher on the packaged jar (Maven runs this after {@code package}).
 * {@code LRKIT_NO_BUILD=1} stops the script from starting a nested Maven build.
 */
class LauncherScriptIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path SCRIPT = ROOT.resolve("lrkit");
    private static final Path JAR = ROOT.resolve("lrkit-cli/target/lrkit.jar");

    @TempDir
    Path workDir;

    /** The outcome of one process. */
    record Run(int exitCode, String out, String err) {
    }

    private static boolean javaOnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "java"))) {
                return true;
            }
        }
        String javaHome = System.getenv("JAVA_HOME");
        return javaHome != null && Files.isExecutable(Path.of(javaHome, "bin", "java"));
    }

    private Run run(String... args) throws IOException, InterruptedException {
        Assumptions.assumeTrue(javaOnPath(), "no 'java' on PATH or in JAVA_HOME; skipping the ./lrkit launcher test");
        Assumptions.assumeTrue(Files.isRegularFile(JAR),
                JAR + " is not built (run 'mvn -pl lrkit-cli -am verify'); skipping the ./lrkit launcher test");
        Assumptions.assumeTrue(Files.isExecutable(SCRIPT), SCRIPT + " is missing or not executable");
        List<String> command = new java.util.ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().put("LRKIT_NO_BUILD", "1");
        Path out = workDir.resolve("stdout.txt");
        Path err = workDir.resolve("stderr.txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("./lrkit " + String.join(" ", args) + " did not finish in 60 s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void printsTheCsvFromAnyDirectory() throws Exception {
        Run run = run("schedule", "--spec", "torch.OneCycleLR(max_lr=1.0, total_steps=10)", "--steps", "10",
                "--plot", "onecycle.png");

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.out()).startsWith("step,lr,momentum\n0,").hasLineCount(11);
        assertThat(run.err()).isEqualTo("wrote plot onecycle.png\n");
        assertThat(workDir.resolve("onecycle.png")).isRegularFile();
    }

    @Test
    void exitCodesReachTheShell() throws Exception {
        Run bad = run("schedule", "--spec", "torch.StepLR(base_lr=0.1, step_size=2)", "--steps", "0");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("lrkit: error: --steps must be > 0, got 0\n");

        Run version = run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out().strip()).startsWith("lrkit ").doesNotContain("dev");
    }

    @Test
    void findTrainsWithTheEngineInsideTheJar() throws Exception {
        Run find = run("find", "--model", "mlp", "--batch-size", "32", "--steps", "20", "--start", "1e-4", "--end",
                "1", "--out", "range", "--quiet", "--threads", "2");
        assertThat(find.exitCode()).as("stderr: %s", find.err()).isZero();
        assertThat(find.out()).contains("consensus", "model restored: bit-identical (checked)");
        assertThat(workDir.resolve("range/curve.json")).isRegularFile();
        assertThat(workDir.resolve("range/curve.png")).isRegularFile();
    }
}

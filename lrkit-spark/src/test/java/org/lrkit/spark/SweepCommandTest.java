package org.lrkit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrkit.cli.Main;
import org.lrkit.experiment.sweep.Grid;

/**
 * {@code lrkit sweep} in Spark's local mode on the embedded Fashion-MNIST subset, at a scale of seconds: a
 * 2-policy x 3-peak x 2-seed grid run once for the class, its runs against {@code lrkit train}, a task killed
 * mid-run, {@code --resume}, and the grid's errors.
 */
class SweepCommandTest {

    /** The settings every sweep here shares: 20 steps an epoch, 2 epochs. */
    private static final String SETTINGS = """
            dataset = fashion-mnist-embedded
            train-size = 500
            test-size = 200
            batch-size = 25
            epochs = 2
            """;

    private static final String GRID = SETTINGS + """
            seed = 0, 1
            peak = 0.01, 0.05, 0.2
            policy = one-cycle=oneCyclePolicy(peak={peak}, totalSteps=auto)
            policy = step=multiStepDecay(initial={peak}, milestones=[20, 30], factor=0.1)
            """;

    @TempDir
    static Path shared;

    static Path sweep;
    static Result first;

    record Result(int exitCode, String out, String err) {
    }

    static Result lrkit(SweepCommand command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.execute(new PrintWriter(out), new PrintWriter(err), List.of(command), args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    static Path gridFile(Path folder, String text) throws IOException {
        Path file = folder.resolve("grid.txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @BeforeAll
    static void runTheGridOnce() throws IOException {
        sweep = shared.resolve("sweep");
        first = lrkit(new SweepCommand(), "sweep", "--grid", "@" + gridFile(shared, GRID), "--master", "local[2,3]",
                "--out", sweep.toString(), "--quiet");
    }

    @Test
    void everyCombinationRunsAsASparkTaskAndTheSweepWritesItsTableCsvSummaryAndReport() throws IOException {
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("policy     peak  runs  final accuracy").contains("report: ");
        assertThat(first.out().lines().filter(line -> line.startsWith("one-cycle") || line.startsWith("step")))
                .hasSize(6).allSatisfy(line -> assertThat(line).contains(" 2 ").contains("% +/- "));
        List<String> csv = Files.readAllLines(sweep.resolve("sweep.csv"));
        assertThat(csv).hasSize(13);
        assertThat(csv.subList(1, 13)).allSatisfy(line -> assertThat(line).contains(",completed,").contains(",1,"));
        for (String line : csv.subList(1, 13)) {
            String folder = line.substring(line.lastIndexOf(',') + 1);
            assertThat(sweep.resolve(folder).resolve("report.html")).isNotEmptyFile();
        }
        assertThat(Files.readString(sweep.resolve("summary.json"))).contains("\"status\": \"completed\"")
                .contains("\"runsFinished\": 12").contains("\"sparkStartSeconds\"");
        assertThat(sweep.resolve("peak.png")).isNotEmptyFile();
        assertThat(Files.readString(sweep.resolve("report.html"))).contains("Accuracy against the peak");
        assertThat(Files.readString(sweep.resolve("sweep.json"))).contains("\"gridText\"");
    }

    @Test
    void aRunOfTheSweepIsBitIdenticalToLrkitTrainWithTheSameOptionsAndThreads() throws Exception {
        Path alone = shared.resolve("train-alone");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), RunProcess.DIRECT_MEMORY, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "train", "--dataset", "fashion-mnist-embedded", "--train-size", "500",
                "--test-size", "200", "--batch-size", "25", "--epochs", "2", "--seed", "1", "--policy",
                "step=multiStepDecay(initial=0.05, milestones=[20, 30], factor=0.1)", "--threads", "1", "--quiet",
                "--out", alone.toString()));
        Process train = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(shared.resolve("train-alone.log").toFile()).start();
        assertThat(train.waitFor()).as(Files.readString(shared.resolve("train-alone.log"))).isZero();

        Path inSweep = sweep.resolve("runs/step/peak=0.05/seed-1");
        assertThat(metrics(inSweep)).isNotEmpty().isEqualTo(metrics(alone));
    }

    @Test
    void aTaskKilledMidRunIsRetriedResumesFromItsOwnCheckpointAndEndsAsIfUninterrupted() throws IOException {
        Path folder = Files.createDirectories(shared.resolve("faulted"));
        Path faulted = folder.resolve("sweep");
        Path grid = gridFile(folder, SETTINGS + """
                seed = 0, 1
                peak = 0.05, 0.2
                policy = one-cycle=oneCyclePolicy(peak={peak}, totalSteps=auto)
                """);

        Result result = lrkit(new SweepCommand().withFault(new FaultInjection(1)), "sweep", "--grid",
                "@" + grid, "--master", "local[2,3]", "--out", faulted.toString(), "--quiet");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(faulted.resolve("logs/run-1.fault")).exists();
        assertThat(Files.readAllLines(faulted.resolve("logs/run-1.attempts"))).hasSize(2)
                .first().asString().doesNotStartWith("0 ");
        assertThat(Files.readString(faulted.resolve("logs/run-1.log"))).contains("resuming: ");
        for (String run : List.of("peak=0.05/seed-0", "peak=0.05/seed-1", "peak=0.2/seed-0", "peak=0.2/seed-1")) {
            assertThat(metrics(faulted.resolve("runs/one-cycle/" + run))).as(run)
                    .isEqualTo(metrics(sweep.resolve("runs/one-cycle/" + run)));
        }
        assertThat(Files.readAllLines(faulted.resolve("sweep.csv")).get(2)).contains(",completed,").contains(",2,");
    }

    @Test
    void resumeKeepsTheFinishedRunsAndTrainsNothingAgain() throws IOException {
        Map<String, String> attemptsBefore = attempts(sweep);

        Result resumed = lrkit(new SweepCommand(), "sweep", "--resume", sweep.toString(), "--quiet");

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(attempts(sweep)).isEqualTo(attemptsBefore).hasSize(12);
        assertThat(resumed.out()).isEqualTo(first.out());
    }

    @Test
    void aResumedSweepKeepsItsRecordedThreadsAndDirectory() {
        Result threads = lrkit(new SweepCommand(), "sweep", "--resume", sweep.toString(), "--threads", "2");
        Result out = lrkit(new SweepCommand(), "sweep", "--resume", sweep.toString(), "--out", "elsewhere");

        assertThat(threads.exitCode()).isEqualTo(2);
        assertThat(threads.err()).isEqualTo("lrkit: error: --threads 2 differs from the 1 the sweep ran with; a"
                + " resumed sweep keeps its threads, so that its runs continue bit-identically (leave --threads"
                + " out)\n");
        assertThat(out.exitCode()).isEqualTo(2);
        assertThat(out.err()).startsWith("lrkit: error: --out cannot be given with --resume");
    }

    @Test
    void aRunThatLrkitRefusesIsNotRetriedAndTheSweepSaysWhy(@TempDir Path folder) throws IOException {
        // 40 training images at batch 25: one step an epoch, too few for a one-cycle policy (lrkit train: exit 2).
        Path grid = gridFile(folder, """
                dataset = fashion-mnist-embedded
                train-size = 40
                test-size = 20
                batch-size = 25
                epochs = 1
                policy = oneCyclePolicy(peak=0.1, totalSteps=auto)
                """);
        Path out = folder.resolve("sweep");

        Result result = lrkit(new SweepCommand(), "sweep", "--grid", grid.toString(), "--master", "local[2,3]",
                "--out", out.toString(), "--quiet");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("lrkit: error: 1 of 1 runs did not finish (run 0"
                + " (runs/oneCyclePolicy/seed-0) failed with exit code 2: lrkit: error: --policy").contains(
                "totalSteps must be >= 3").contains("continue with: lrkit sweep --resume " + out);
        assertThat(Files.readAllLines(out.resolve("logs/run-0.attempts"))).hasSize(1);
    }

    @Test
    void aGridWithErrorsGetsOneLinePerErrorAndStartsNothing(@TempDir Path folder) throws IOException {
        Path grid = gridFile(folder, """
                lr = 0.1
                peak =
                epochs = three
                policy = oneCyclePolicy(peak={peak}, totalSteps=auto)
                policy = x=oneCyclePolicy(peak=0.1, totalSteps={steps})
                """);

        Result result = lrkit(new SweepCommand(), "sweep", "--grid", "@" + grid, "--out",
                folder.resolve("out").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines().toList()).containsExactly(
                "lrkit: error: @" + grid + " has 3 errors:",
                "  line 2: axis 'peak' has no values; list them, e.g. peak = 0.01, 0.1",
                "  line 1: unknown axis 'lr': not an option of lrkit train (see lrkit train --help), and no policy"
                        + " uses {lr}",
                "  line 5: the policy uses {steps}, but the grid has no 'steps' axis; add a line such as steps ="
                        + " 0.01, 0.1");
        assertThat(folder.resolve("out")).doesNotExist();
    }

    @Test
    void valuesThatLrkitTrainRefusesAreGridErrors(@TempDir Path folder) throws IOException {
        Path grid = gridFile(folder, "epochs = three\npolicy = auto\n");

        Result result = lrkit(new SweepCommand(), "sweep", "--grid", grid.toString(), "--out",
                folder.resolve("out").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("lrkit: error: grid.txt has 1 error:\n  ")
                .contains("'three'").contains("(run runs/one-cycle/seed-0)");
        assertThat(folder.resolve("out")).doesNotExist();
    }

    @Test
    void aGridOfMoreRunsThanTheLimitNeedsYes(@TempDir Path folder) throws IOException {
        StringBuilder seeds = new StringBuilder("seed = 0");
        for (int s = 1; s <= Grid.RUN_LIMIT; s++) {
            seeds.append(", ").append(s);
        }
        Path grid = gridFile(folder, seeds + "\npolicy = auto\n");

        Result result = lrkit(new SweepCommand(), "sweep", "--grid", grid.toString(), "--out",
                folder.resolve("out").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("lrkit: error: the grid makes 201 runs, more than 200; run again with"
                + " --yes to start them all, or make the grid smaller\n");
    }

    @Test
    void moreThreadsPerRunThanLocalCoresIsRefused(@TempDir Path folder) throws IOException {
        Result result = lrkit(new SweepCommand(), "sweep", "--grid", gridFile(folder, "policy = auto\n").toString(),
                "--master", "local[2]", "--threads", "3");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("lrkit: error: --threads 3 is more than the 2 cores of --master"
                + " local[2]; give at most 2 threads or more cores\n");
    }

    @Test
    void reproductionsRunAsTasksAndTheirClaimsAreCollected(@TempDir Path folder) throws IOException {
        Path out = folder.resolve("sweep");

        Result result = lrkit(new SweepCommand(), "sweep", "--reproduce", "lenet,superconvergence-limited", "--scale",
                "ci", "--master", "local[2,3]", "--out", out.toString(), "--quiet");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(out.resolve("reproductions/lenet/reproduction.json")).isNotEmptyFile();
        assertThat(out.resolve("reproductions/superconvergence-limited/reproduction.md")).isNotEmptyFile();
        assertThat(result.out()).startsWith("experiment").containsPattern("\nlenet +smoke test")
                .containsPattern("\nsuperconvergence-limited +smoke test")
                .contains("smoke test").contains("report: " + out.resolve("reproductions.md"));
        String markdown = Files.readString(out.resolve("reproductions.md"));
        assertThat(markdown).contains("2 of 2 experiments finished").contains("| lenet | one cycle in 12 epochs")
                .contains("[reproduction.md](reproductions/lenet/reproduction.md)");
        assertThat(Files.readString(out.resolve("summary.json"))).contains("\"kind\": \"reproductions\"")
                .contains("\"status\": \"completed\"");

        Result resumed = lrkit(new SweepCommand(), "sweep", "--resume", out.toString(), "--quiet");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).isEqualTo(result.out());
        assertThat(Files.readAllLines(out.resolve("logs/run-0.attempts"))).hasSize(1);
    }

    @Test
    void anUnknownExperimentIsRefusedBeforeAnythingStarts(@TempDir Path folder) {
        Result result = lrkit(new SweepCommand(), "sweep", "--reproduce", "lenet,nope", "--out",
                folder.resolve("out").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("lrkit: error: unknown experiment 'nope'; known: clr, sgdr");
        assertThat(folder.resolve("out")).doesNotExist();
    }

    /** A run directory's epochs.csv and steps.csv, epochs.csv without its wall-clock column. */
    private static Map<String, List<String>> metrics(Path runDirectory) throws IOException {
        Map<String, List<String>> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(runDirectory.resolve("runs"))) {
            for (Path file : walk.filter(f -> f.toString().endsWith("epochs.csv") || f.toString().endsWith("steps.csv"))
                    .toList()) {
                List<String> lines = Files.readAllLines(file);
                boolean timed = !lines.isEmpty() && lines.get(0).endsWith(",seconds");
                List<String> rows = new ArrayList<>();
                for (String line : lines) {
                    rows.add(timed ? line.substring(0, line.lastIndexOf(',')) : line);
                }
                files.put(runDirectory.resolve("runs").relativize(file).toString(), rows);
            }
        }
        return files;
    }

    private static Map<String, String> attempts(Path directory) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(directory.resolve("logs"))) {
            for (Path file : list.filter(f -> f.toString().endsWith(".attempts")).toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return files;
    }
}

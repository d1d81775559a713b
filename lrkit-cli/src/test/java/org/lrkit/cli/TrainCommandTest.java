package org.lrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrkit.experiment.report.Json;
import org.lrkit.experiment.report.Numbers;
import org.lrkit.experiment.run.ExperimentConfig;

/**
 * {@code lrkit train} on 300 images of the Fashion-MNIST subset inside the jar with the MLP, 10 steps per epoch,
 * so that each run takes a second or so.
 */
class TrainCommandTest {

    static final String[] TINY = {"--model", "mlp", "--train-size", "300", "--test-size", "100", "--batch-size", "30"};

    @TempDir
    Path dir;

    static String[] args(String command, String... more) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(TINY));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    static Map<String, Object> json(Path file) throws Exception {
        return Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void writesARunDirectoryThatExplainsItself() throws Exception {
        Path out = dir.resolve("run");
        Cli.Result result = Cli.run(args("train", "--policy", "constant(value=0.05)", "--epochs", "2", "--out",
                out.toString()));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("policy    epochs  final accuracy  best accuracy  epochs to ")
                .contains("\nconstant       2  ").endsWith("\nreport: " + out.resolve("report.html") + "\n");
        assertThat(result.err()).contains("read 300 training and 100 test images of fashion-mnist-embedded",
                "constant seed 0: 20 steps (2 epochs), test accuracy ");

        Map<String, Object> config = json(out.resolve("config.json"));
        assertThat(config.get("command")).isEqualTo("train");
        assertThat((String) config.get("commandLine")).startsWith("lrkit train --model mlp ")
                .contains("--policy 'constant(value=0.05)'");
        assertThat(Json.object(config, "settings")).containsEntry("model", "mlp").containsEntry("batchSize", 30.0)
                .containsEntry("weightDecay", 5e-4);
        assertThat(Json.object(config, "data")).containsEntry("trainImages", 300.0).containsEntry("stepsPerEpoch",
                10.0);
        Map<?, ?> policy = (Map<?, ?>) Json.array(config, "policies").get(0);
        assertThat(policy.get("spec")).isEqualTo("constant(value=0.05)");
        assertThat(policy.get("steps")).isEqualTo(20.0);
        Map<String, Object> environment = Json.object(config, "environment");
        assertThat(environment.get("djl")).isEqualTo("0.36.0");
        assertThat((String) environment.get("libtorch")).startsWith("PyTorch 2.");
        assertThat((String) environment.get("jdk")).startsWith(System.getProperty("java.version"));
        assertThat((String) environment.get("gitCommit")).matches("[0-9a-f]{40}|unknown.*");
        assertThat(Json.object(environment, "machine")).containsKeys("cores", "os", "cpu");

        Map<String, Object> summary = json(out.resolve("summary.json"));
        assertThat(summary.get("status")).isEqualTo("completed");
        assertThat(summary).containsKeys("target", "table", "runs");
        Path folder = out.resolve("runs/constant/seed-0");
        assertThat(Files.readAllLines(folder.resolve("epochs.csv"))).hasSize(3);
        assertThat(Files.readAllLines(folder.resolve("steps.csv"))).hasSize(21);
        assertThat(folder.resolve("checkpoint.lrkit")).isRegularFile();
        for (String file : List.of("accuracy.png", "loss.png", "policies.png", "report.html", "config.json",
                "summary.json")) {
            assertThat(out.resolve(file)).isRegularFile();
            if (out.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                assertThat(Files.getPosixFilePermissions(out.resolve(file))).as(file)
                        .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void autoRunsARangeTestAndTrainsAOneCyclePolicyFromIt() throws Exception {
        Path out = dir.resolve("auto");
        Cli.Result result = Cli.run(args("train", "--epochs", "1", "--find-steps", "12", "--out", out.toString(),
                "--quiet", "--json"));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        Map<String, Object> summary = Json.parseObject(result.out());
        Map<String, Object> rangeTest = Json.object(summary, "rangeTest");
        assertThat(rangeTest).containsKeys("rule", "peakRule", "peaks", "consensus", "suggestions", "clrUpper");
        assertThat(rangeTest.get("rule")).isEqualTo("valley-exit");
        Map<String, Object> peak = (Map<String, Object>) Json.array(rangeTest, "peaks").get(0);
        assertThat(peak).containsEntry("policy", "one-cycle");
        assertThat(Json.number(peak, "heldRate")).isCloseTo(Json.number(peak, "peak") / 4, within(1e-12));
        double share = Json.number(rangeTest, "fractionOfTraining");
        assertThat(share).isCloseTo(Json.number(rangeTest, "seconds")
                / Json.number((Map<String, Object>) Json.array(summary, "runs").get(0), "seconds"), within(1e-9));
        Map<?, ?> policy = (Map<?, ?>) Json.array(json(out.resolve("config.json")), "policies").get(0);
        assertThat(policy.get("given")).isEqualTo("auto");
        assertThat((String) policy.get("spec")).isEqualTo("oneCyclePolicy(peak="
                + Numbers.number(Json.number(peak, "peak")) + ", totalSteps=10)");
        assertThat(out.resolve("range-test/curve.csv")).isRegularFile();
        assertThat(out.resolve("range-test.png")).isRegularFile();
    }

    @Test
    void resumeContinuesFromTheCheckpointBitIdentically() throws Exception {
        Path whole = dir.resolve("whole");
        Path parts = dir.resolve("parts");
        String policy = "sgdr(peak=0.1, firstPeriod=10, periodMultiplier=2)";
        assertThat(Cli.run(args("train", "--policy", policy, "--steps", "30", "--out", whole.toString(), "-q"))
                .exitCode()).isZero();

        // The same run stopped after its first epoch, as Ctrl-C would leave it after that epoch's checkpoint.
        assertThat(Cli.run(args("train", "--policy", policy, "--steps", "30", "--out", parts.toString(), "-q",
                "--epochs", "1")).exitCode()).isEqualTo(2); // --epochs and --steps together are refused
        assertThat(Cli.run(args("train", "--policy", policy, "--steps", "10", "--out", parts.toString(), "-q"))
                .exitCode()).isZero();
        String config = Files.readString(parts.resolve("config.json"));
        Files.writeString(parts.resolve("config.json"), config.replace("\"steps\": 10", "\"steps\": 30"));
        String summary = Files.readString(parts.resolve("summary.json"));
        Files.writeString(parts.resolve("summary.json"), summary.replace("\"status\": \"completed\"",
                "\"status\": \"interrupted\""));

        Cli.Result resumed = Cli.run("train", "--resume", parts.toString());

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("resuming at step 10 (epoch 1)");
        for (String file : List.of("epochs.csv", "steps.csv")) {
            assertThat(withoutSeconds(parts.resolve("runs/sgdr/seed-0").resolve(file)))
                    .as(file).isEqualTo(withoutSeconds(whole.resolve("runs/sgdr/seed-0").resolve(file)));
        }
        assertThat(json(parts.resolve("summary.json")).get("status")).isEqualTo("completed");
    }

    /** The CSV without the wall-clock column, which differs between runs. */
    private static List<String> withoutSeconds(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().map(line -> line.replaceAll(",[^,]*$", "")).toList();
    }

    @Test
    void resumeTakesTheConfigurationFromTheRunDirectory() throws Exception {
        Path out = dir.resolve("run");
        assertThat(Cli.run(args("train", "--policy", "constant(value=0.05)", "--epochs", "1", "--out",
                out.toString(), "-q")).exitCode()).isZero();

        Cli.Result again = Cli.run("train", "--resume", out.toString(), "--quiet");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("constant       1");

        Cli.Result changed = Cli.run("train", "--resume", out.toString(), "--epochs", "3");
        assertThat(changed.exitCode()).isEqualTo(2);
        assertThat(changed.err()).isEqualTo("lrkit: error: --epochs cannot be given with --resume: a resumed run keeps"
                + " the configuration in its config.json (only --threads, --device, --target, --quiet and --json may"
                + " change)\n");

        Cli.Result other = Cli.run("compare", "--resume", out.toString());
        assertThat(other.exitCode()).isEqualTo(2);
        assertThat(other.err()).isEqualTo("lrkit: error: --resume " + out + " holds a run of 'lrkit train'; resume it"
                + " with: lrkit train --resume " + out + "\n");

        Cli.Result fresh = Cli.run(args("train", "--epochs", "1", "--out", out.toString()));
        assertThat(fresh.exitCode()).isEqualTo(2);
        assertThat(fresh.err()).isEqualTo("lrkit: error: --out " + out + " is not empty; it holds a run: continue it"
                + " with --resume " + out + ", or give another --out\n");
    }

    @Test
    void checkpointsGoWhereTheyAreAsked() throws Exception {
        Path out = dir.resolve("run");
        Path checkpoints = dir.resolve("checkpoints");
        Cli.Result result = Cli.run(args("train", "--policy", "constant(value=0.05)", "--epochs", "1", "--out",
                out.toString(), "--checkpoint-dir", checkpoints.toString(), "-q"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        String runId = (String) json(out.resolve("config.json")).get("runId");
        assertThat(checkpoints.resolve(ExperimentConfig.checkpointSubfolder(out, runId))
                .resolve("constant/seed-0/checkpoint.lrkit")).isRegularFile();
        assertThat(out.resolve("runs/constant/seed-0/checkpoint.lrkit")).doesNotExist();
        assertThat(out.resolve("runs/constant/seed-0/epochs.csv")).isRegularFile();
    }

    /** The checkpoint of the only run of a directory, wherever config.json says checkpoints go. */
    private static Path checkpointOf(Path out, String label) throws Exception {
        Object directory = Json.object(json(out.resolve("config.json")), "checkpoints").get("directory");
        Path base = directory == null ? out.resolve("runs") : Path.of((String) directory);
        return base.resolve(label).resolve("seed-0").resolve("checkpoint.lrkit");
    }

    /** Marks the runs of a directory as a kill -9 leaves them: running, with no time recorded. */
    private static void killed(Path out) throws Exception {
        String summary = Files.readString(out.resolve("summary.json"));
        Files.writeString(out.resolve("summary.json"), summary.replace("\"completed\"", "\"running\"")
                .replaceAll("\"seconds\": [0-9.Ee+-]+", "\"seconds\": 0.0"));
    }

    @Test
    void aSharedCheckpointDirectoryKeepsRunsApart() throws Exception {
        Path shared = dir.resolve("shared");
        Path a = dir.resolve("a");
        assertThat(Cli.run(args("train", "--policy", "constant(value=0.05)", "--epochs", "2", "--checkpoint-dir",
                shared.toString(), "--out", a.toString(), "-q")).exitCode()).isZero();
        byte[] first = Files.readAllBytes(checkpointOf(a, "constant"));
        for (String out : List.of("b", "c")) {
            List<String> more = new ArrayList<>(List.of("train", "--model", "mlp", "--test-size", "100",
                    "--batch-size", "30", "--policy", "constant(value=0.05)", "--epochs", "2", "--checkpoint-dir",
                    shared.toString(), "--out", dir.resolve(out).toString()));
            more.addAll(out.equals("b") ? List.of("--train-size", "300") : List.of("--train-size", "600"));
            Cli.Result result = Cli.run(more.toArray(String[]::new));
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.err()).doesNotContain("resuming");
            assertThat(checkpointOf(dir.resolve(out), "constant")).isRegularFile()
                    .isNotEqualTo(checkpointOf(a, "constant")).startsWith(shared);
        }
        assertThat(Files.readAllBytes(checkpointOf(a, "constant"))).as("the first run's checkpoint").isEqualTo(first);
    }

    @Test
    void aCheckpointOfAnotherRunIsRefusedAndKept() throws Exception {
        Path a = dir.resolve("a");
        Path c = dir.resolve("c");
        for (Path out : List.of(a, c)) {
            assertThat(Cli.run(args("train", "--policy", "constant(value=0.05)", "--steps", "10", "--out",
                    out.toString(), "-q")).exitCode()).isZero();
        }
        Path theirs = checkpointOf(c, "constant");
        Files.copy(checkpointOf(a, "constant"), theirs, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        byte[] copied = Files.readAllBytes(theirs);
        killed(c);
        String runA = (String) json(a.resolve("config.json")).get("runId");
        String runC = (String) json(c.resolve("config.json")).get("runId");
        assertThat(runA).isNotBlank().isNotEqualTo(runC);

        Cli.Result result = Cli.run("train", "--resume", c.toString(), "-q");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("lrkit: error: ").hasLineCount(1).contains(theirs.toString(),
                "belongs to another run", "run=" + runA, "run " + runC);
        assertThat(Files.readAllBytes(theirs)).isEqualTo(copied);
    }

    @Test
    void aCheckpointWithoutOwnerResumesOnlyInTheDirectoryThatWroteIt() throws Exception {
        Path out = dir.resolve("old");
        assertThat(Cli.run(args("train", "--policy", "constant(value=0.05)", "--steps", "10", "--out",
                out.toString(), "-q")).exitCode()).isZero();
        Path file = checkpointOf(out, "constant");
        Map<String, byte[]> sections = org.lrkit.djl.checkpoint.CheckpointFile.read(file);
        sections.put("meta", new String(sections.get("meta"), StandardCharsets.UTF_8)
                .replaceAll("(?m)^owner\\.[^\\n]*\\n", "").getBytes(StandardCharsets.UTF_8));
        org.lrkit.djl.checkpoint.CheckpointFile.write(file, sections);
        byte[] old = Files.readAllBytes(file);
        killed(out);

        Cli.Result refused = Cli.run("train", "--resume", out.toString(), "-q");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).hasLineCount(1).contains(file.toString(), "does not record which run");
        assertThat(Files.readAllBytes(file)).isEqualTo(old);

        // A run directory made before lrkit recorded run ids resumes the checkpoint it holds.
        String config = Files.readString(out.resolve("config.json"));
        Files.writeString(out.resolve("config.json"), config.replaceAll("\"runId\": \"[^\"]*\",?", ""));
        Cli.Result resumed = Cli.run("train", "--resume", out.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("resuming at step 10");
    }

    @Test
    void checkpointMessagesGiveAdviceTheCommandLineCanFollow() throws Exception {
        Path out = dir.resolve("advice");
        assertThat(Cli.run(args("train", "--policy", "constant(value=0.05)", "--steps", "10", "--out",
                out.toString(), "-q")).exitCode()).isZero();
        killed(out);
        String config = Files.readString(out.resolve("config.json"));
        Files.writeString(out.resolve("config.json"), config.replace("\"spec\": \"constant(value=0.05)\"",
                "\"spec\": \"constant(value=0.07)\""));

        Cli.Result changed = Cli.run("train", "--resume", out.toString(), "-q");
        assertThat(changed.exitCode()).isEqualTo(1);
        assertThat(changed.err()).hasLineCount(1).contains("constant(value=0.05)", "constant(value=0.07)",
                "put it back in " + out.resolve("config.json")).doesNotContain("STRETCH", "elastic");

        Files.writeString(out.resolve("config.json"), config);
        Path file = checkpointOf(out, "constant");
        Files.write(file, new byte[0]);
        Cli.Result empty = Cli.run("train", "--resume", out.toString(), "-q");
        assertThat(empty.exitCode()).isEqualTo(1);
        assertThat(empty.err()).hasLineCount(1).contains(file + " is empty", "delete " + file)
                .doesNotContain("earlier checkpoint", "starts with ,");
    }

    @Test
    void secondsAddUpOverEverySession() throws Exception {
        Path out = dir.resolve("sessions");
        assertThat(Cli.run(args("train", "--policy", "constant(value=0.05)", "--steps", "10", "--out",
                out.toString(), "-q")).exitCode()).isZero();
        List<String> firstRows = Files.readAllLines(out.resolve("runs/constant/seed-0/epochs.csv"));
        double firstSession = Double.parseDouble(firstRows.get(1).replaceAll(".*,", ""));
        String config = Files.readString(out.resolve("config.json"));
        Files.writeString(out.resolve("config.json"), config.replace("\"steps\": 10", "\"steps\": 20"));
        killed(out);

        Cli.Result resumed = Cli.run("train", "--resume", out.toString(), "-q");

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        List<String> rows = Files.readAllLines(out.resolve("runs/constant/seed-0/epochs.csv"));
        assertThat(rows).hasSize(3);
        double secondEpoch = Double.parseDouble(rows.get(2).replaceAll(".*,", ""));
        assertThat(secondEpoch).as("epochs.csv counts on from the first session").isGreaterThan(firstSession);
        Map<?, ?> run = (Map<?, ?>) Json.array(json(out.resolve("summary.json")), "runs").get(0);
        assertThat((Double) run.get("seconds")).as("summary.json").isGreaterThanOrEqualTo(secondEpoch);
    }

    @Test
    void aRunShorterThanAnEpochRecordsItsFinalEvaluation() throws Exception {
        Path out = dir.resolve("short");
        Cli.Result result = Cli.run(args("train", "--policy", "constant(value=0.05)", "--steps", "5", "--out",
                out.toString(), "-q", "--json"));

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> rows = Files.readAllLines(out.resolve("runs/constant/seed-0/epochs.csv"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).isEqualTo("step,epoch,train_loss,val_loss,val_accuracy,lr,seconds");
        assertThat(rows.get(1)).startsWith("5,0,");
        Map<String, Object> summary = Json.parseObject(result.out());
        Map<?, ?> run = (Map<?, ?>) Json.array(summary, "runs").get(0);
        assertThat(Double.parseDouble(rows.get(1).split(",")[4])).isEqualTo((Double) run.get("finalAccuracy"));
        Map<?, ?> row = (Map<?, ?>) Json.array(summary, "table").get(0);
        assertThat(row.get("reachedTarget")).as(String.valueOf(row)).isEqualTo(1.0);
        assertThat(row.get("epochsToTargetMean")).isEqualTo(0.5);
    }

    @Test
    void aDivergingRunFailsWithOneLine() throws Exception {
        Cli.Result result = Cli.run(args("train", "--policy", "constant(value=1e9)", "--epochs", "1", "--out",
                dir.resolve("nan").toString(), "-q"));
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("lrkit: error: training diverged at step ").hasLineCount(1);
        assertThat(json(dir.resolve("nan/summary.json")).toString()).contains("status=diverged");
        assertThat(dir.resolve("nan/report.html")).isRegularFile();
    }

    @Test
    void badArgumentsGiveOneLineAndExitCode2() throws Exception {
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        String[][] cases = {
            {"--epochs", "0"},
            {"--policy", "oneCyclePolicy(peak=0.1"},
            {"--policy", "@" + dir.resolve("none.txt")},
            {"--policy", "constant(value=auto)"},
            {"--model", "nonet"},
            {"--dataset", "imagenet"},
            {"--optimizer", "lbfgs"},
            {"--batch-size", "1000"},
            {"--train-size", "-3"},
            {"--out", file.toString()},
            {"--target", "150%"},
            {"--checkpoint-every", "0"},
            {"--find-steps", "2"},
            {"--resume", dir.resolve("nothing").toString()},
        };
        for (String[] bad : cases) {
            Cli.Result result = Cli.run(args("train", bad));
            assertThat(result.exitCode()).as(String.join(" ", bad) + ": " + result.err()).isEqualTo(2);
            assertThat(result.err()).as(String.join(" ", bad)).startsWith("lrkit: error: ").hasLineCount(1);
        }
    }

    @Test
    void missingDataIsAFailedRunWithOneLine() {
        Cli.Result result = Cli.run("train", "--dataset", "fashion-mnist", "--data", dir.resolve("empty").toString(),
                "--epochs", "1");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("lrkit: error: fashion-mnist (train split) not found").hasLineCount(1);
    }

    @Test
    void aPolicyFileWithSpacesIsOneArgument() throws Exception {
        Path file = Files.writeString(dir.resolve("policy.txt"),
                "# the peak\noneCyclePolicy(peak=0.05, totalSteps=auto)\n");
        Path out = dir.resolve("run");

        Cli.Result result = Cli.run(args("train", "--policy", "@" + file, "--steps", "3", "--out", out.toString(),
                "-q"));

        assertThat(result.exitCode()).as(result.err()).isZero();
        Map<?, ?> policy = (Map<?, ?>) Json.array(json(out.resolve("config.json")), "policies").get(0);
        assertThat(policy.get("spec")).isEqualTo("oneCyclePolicy(peak=0.05, totalSteps=3)");
    }

    @Test
    void stepsAreWrittenAsScheduleWritesThem() throws Exception {
        Path out = dir.resolve("run");

        Cli.Result result = Cli.run(args("train", "--policy", "constant(value=0.05)", "--steps", "1e1", "--out",
                out.toString(), "-q"));

        assertThat(result.exitCode()).as(result.err()).isZero();
        Map<?, ?> policy = (Map<?, ?>) Json.array(json(out.resolve("config.json")), "policies").get(0);
        assertThat(policy.get("steps")).isEqualTo(10.0);
        Cli.Result tooMany = Cli.run(args("train", "--steps", "99999999999999999999"));
        assertThat(tooMany.exitCode()).isEqualTo(2);
        assertThat(tooMany.err()).contains("--steps", "too large").hasLineCount(1);
    }

    @Test
    void aLearningRateOrMomentumOutOfRangeIsRefusedBeforeAnyRunDirectory() {
        Path out = dir.resolve("run");
        String[][] cases = {
            {"--policy", "constant(value=-0.5)", "--steps", "5"},
            {"--policy", "constant(value=-0.5)", "--epochs", "1"},
            {"--policy", "policy(lr=constant(value=0.1), momentum=constant(value=1.5))", "--epochs", "1"},
        };
        for (String[] bad : cases) {
            List<String> all = new ArrayList<>(List.of(bad));
            all.addAll(List.of("--out", out.toString(), "-q"));
            Cli.Result result = Cli.run(args("train", all.toArray(String[]::new)));

            assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
            assertThat(result.err()).startsWith("lrkit: error: --policy ").contains(" at step 0 is ")
                    .hasLineCount(1).doesNotContain("--resume");
            assertThat(out).doesNotExist();
        }
        Cli.Result compare = Cli.run(args("compare", "--policy", "constant(value=0.1)", "--policy",
                "constant(value=-0.5)", "--steps", "5", "--out", out.toString()));
        assertThat(compare.exitCode()).as(compare.err()).isEqualTo(2);
        assertThat(compare.err()).contains("the learning rate at step 0 is -0.5").hasLineCount(1);
        assertThat(out).doesNotExist();
        Cli.Result estimate = Cli.run("estimate", "--model", "mlp", "--steps", "5", "--spec", "constant(value=-0.5)",
                "--out", out.toString());
        assertThat(estimate.exitCode()).as(estimate.err()).isEqualTo(2);
        assertThat(estimate.err()).contains("the learning rate at step 0 is -0.5").hasLineCount(1);
        assertThat(out).doesNotExist();
    }

    @Test
    void missingDataSaysHowToGetItOnTheCommandLine() {
        Cli.Result result = Cli.run("train", "--dataset", "fashion-mnist", "--data", dir.resolve("empty").toString(),
                "--epochs", "1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).hasLineCount(1).contains("apt-get install -y dataset-fashion-mnist",
                "org.lrkit.vision.data.DatasetDownloader fashion-mnist", "--dataset fashion-mnist-embedded",
                "--data DIR", "$LRKIT_DATA").doesNotContain("Datasets.load", "<lrkit-vision jar>");
    }
}

package org.lrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrkit.djl.checkpoint.Checkpoint;
import org.lrkit.djl.tensor.ModelWeights;
import org.lrkit.djl.tensor.StoredArray;
import org.lrkit.experiment.report.Json;

/** {@code --accumulate}, {@code --clip-norm} and {@code --layer-rates} on the tiny runs of TrainCommandTest. */
class LoopOptionsTest {

    private static final String POLICY = "constant(value=0.05)";

    @TempDir
    Path dir;

    @Test
    void accumulateHalvesTheOptimizerStepsAndIsRecorded() throws Exception {
        Path out = dir.resolve("acc");
        Cli.Result result = Cli.run(TrainCommandTest.args("train", "--policy", POLICY, "--epochs", "2",
                "--accumulate", "2", "--out", out.toString()));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("constant seed 0: 10 steps (2 epochs)");
        Map<String, Object> config = TrainCommandTest.json(out.resolve("config.json"));
        assertThat(Json.object(config, "settings")).containsEntry("accumulate", 2.0).containsEntry("clipNorm", 0.0)
                .containsEntry("layerRates", Map.of());
        assertThat(Json.object(config, "data")).containsEntry("stepsPerEpoch", 5.0);
        assertThat(Files.readAllLines(out.resolve("runs/constant/seed-0/steps.csv"))).hasSize(11);
        assertThat(Checkpoint.read(out.resolve("runs/constant/seed-0/checkpoint.lrkit")).data().accumulation())
                .isEqualTo(2);
        assertThat(Files.readString(out.resolve("report.html"))).contains("2 batches per step");
    }

    @Test
    void clipNormIsRecordedAndClipsOnlyWhenTheNormIsAboveIt() throws Exception {
        List<String> plain = stepLosses("plain");
        List<String> clipped = stepLosses("clipped", "--clip-norm", "0.01");
        List<String> loose = stepLosses("loose", "--clip-norm", "1e9");

        assertThat(clipped.get(0)).isEqualTo(plain.get(0));
        assertThat(clipped.subList(1, clipped.size())).isNotEqualTo(plain.subList(1, plain.size()));
        assertThat(loose).isEqualTo(plain);
        Map<String, Object> config = TrainCommandTest.json(dir.resolve("clipped/config.json"));
        assertThat(Json.object(config, "settings")).containsEntry("clipNorm", 0.01);
        assertThat(Files.readString(dir.resolve("clipped/report.html"))).contains("gradient norm clipped at 0.01");
    }

    @Test
    void aZeroLayerRateFreezesThatLayersWeights() throws Exception {
        String first = firstParameter();
        String layer = first.substring(0, first.indexOf('_'));
        Map<String, StoredArray> frozenShort = weights("short", "--epochs", "1", "--layer-rates", layer + "=0");
        Map<String, StoredArray> frozenLong = weights("long", "--epochs", "2", "--layer-rates", layer + "=0");
        Map<String, StoredArray> free = weights("free", "--epochs", "1");

        assertThat(frozenLong.keySet()).contains(first);
        for (String name : frozenLong.keySet()) {
            if (name.startsWith(layer)) {
                assertThat(frozenLong.get(name)).as(name).isEqualTo(frozenShort.get(name));
                assertThat(free.get(name)).as(name).isNotEqualTo(frozenShort.get(name));
            } else {
                assertThat(frozenLong.get(name)).as(name).isNotEqualTo(frozenShort.get(name));
            }
        }
        Map<String, Object> config = TrainCommandTest.json(dir.resolve("long/config.json"));
        assertThat(Json.object(config, "settings")).containsEntry("layerRates", Map.of(layer, 0.0));
    }

    @Test
    void resumeKeepsTheLoopOptions() throws Exception {
        String[] loop = {"--accumulate", "2", "--clip-norm", "0.5", "--layer-rates", firstLayer() + "=0.5"};
        Path whole = dir.resolve("whole");
        Path parts = dir.resolve("parts");
        assertThat(Cli.run(TrainCommandTest.args("train", concat(loop, "--policy", POLICY, "--steps", "10", "--out",
                whole.toString(), "-q"))).exitCode()).isZero();
        assertThat(Cli.run(TrainCommandTest.args("train", concat(loop, "--policy", POLICY, "--steps", "5", "--out",
                parts.toString(), "-q"))).exitCode()).isZero();
        String config = Files.readString(parts.resolve("config.json"));
        Files.writeString(parts.resolve("config.json"), config.replace("\"steps\": 5", "\"steps\": 10"));
        String summary = Files.readString(parts.resolve("summary.json"));
        Files.writeString(parts.resolve("summary.json"), summary.replace("\"status\": \"completed\"",
                "\"status\": \"interrupted\""));

        Cli.Result resumed = Cli.run("train", "--resume", parts.toString());

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("resuming at step 5 (epoch 1)");
        assertThat(withoutSeconds(parts.resolve("runs/constant/seed-0/steps.csv")))
                .isEqualTo(withoutSeconds(whole.resolve("runs/constant/seed-0/steps.csv")));
        Cli.Result changed = Cli.run("train", "--resume", parts.toString(), "--accumulate", "3");
        assertThat(changed.exitCode()).isEqualTo(2);
        assertThat(changed.err()).startsWith("lrkit: error: --accumulate cannot be given with --resume")
                .hasLineCount(1);
    }

    @Test
    void oldConfigFilesReadAsTheDefaults() throws Exception {
        Path out = dir.resolve("old");
        assertThat(Cli.run(TrainCommandTest.args("train", "--policy", POLICY, "--steps", "5", "--out",
                out.toString(), "-q")).exitCode()).isZero();
        String config = Files.readString(out.resolve("config.json"));
        String old = config.replaceAll(",\\s*\"accumulate\": 1", "").replaceAll(",\\s*\"clipNorm\": 0", "")
                .replaceAll(",\\s*\"layerRates\": \\{\\s*}", "");
        assertThat(old).doesNotContain("accumulate", "clipNorm", "layerRates");
        Files.writeString(out.resolve("config.json"), old.replace("\"steps\": 5", "\"steps\": 10"));
        String summary = Files.readString(out.resolve("summary.json"));
        Files.writeString(out.resolve("summary.json"), summary.replace("\"status\": \"completed\"",
                "\"status\": \"interrupted\""));

        Cli.Result resumed = Cli.run("train", "--resume", out.toString(), "-q");

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("runs/constant/seed-0/steps.csv"))).hasSize(11);
    }

    @Test
    void badValuesGiveOneLineAndExitCode2() {
        String[][] cases = {
            {"--accumulate", "0", "--accumulate must be >= 1, got 0"},
            {"--accumulate", "x", "--accumulate"},
            {"--clip-norm", "0", "--clip-norm must be a finite number > 0, got 0.0"},
            {"--clip-norm", "-1", "--clip-norm must be a finite number > 0, got -1.0"},
            {"--clip-norm", "Infinity", "--clip-norm must be a finite number > 0, got Infinity"},
            {"--layer-rates", "01", "--layer-rates: '01' is not PREFIX=MULT"},
            {"--layer-rates", "01=x", "--layer-rates: the multiplier of '01' is 'x', not a number"},
            {"--layer-rates", "01=-1", "--layer-rates: the multiplier of '01' must be a finite number >= 0, got -1"},
            {"--layer-rates", "01=1,01=2", "--layer-rates gives prefix '01' twice"},
            {"--layer-rates", "nolayer=0.1", "--layer-rates prefix 'nolayer' matches no parameter of mlp; its "},
        };
        for (String[] bad : cases) {
            Cli.Result result = Cli.run(TrainCommandTest.args("train", "--policy", POLICY, "--epochs", "1",
                    "--out", dir.resolve("bad").toString(), bad[0], bad[1]));
            assertThat(result.exitCode()).as(bad[0] + " " + bad[1] + ": " + result.err()).isEqualTo(2);
            assertThat(result.err()).as(bad[0] + " " + bad[1]).startsWith("lrkit: error: ").contains(bad[2])
                    .hasLineCount(1);
            assertThat(dir.resolve("bad")).doesNotExist();
        }
    }

    @Test
    void compareAndDemoTakeTheOptionsAndHelpListsThem() {
        for (String command : List.of("train", "compare", "demo")) {
            Cli.Result help = Cli.run(command, "--help");
            assertThat(help.out()).as(command).contains("--accumulate=K", "--clip-norm=X",
                    "--layer-rates=PREFIX=MULT");
        }
        Cli.Result compare = Cli.run(TrainCommandTest.args("compare", "--policy", POLICY, "--policy",
                "constant(value=0.02)", "--epochs", "1", "--accumulate", "2", "--clip-norm", "1", "--out",
                dir.resolve("compare").toString(), "-q"));
        assertThat(compare.exitCode()).as(compare.err()).isZero();
    }

    @Test
    void theRangeTestBehindAutoClipsAsTheTrainingWill() throws Exception {
        List<String> plain = autoCurve("auto-plain");
        List<String> clipped = autoCurve("auto-clipped", "--clip-norm", "0.01");
        assertThat(clipped.get(1)).isEqualTo(plain.get(1));
        assertThat(clipped).isNotEqualTo(plain);
    }

    private List<String> autoCurve(String name, String... more) throws Exception {
        Path out = dir.resolve(name);
        Cli.Result result = Cli.run(concat(TrainCommandTest.args("train", "--policy", "auto", "--steps", "4",
                "--find-steps", "20", "--out", out.toString(), "-q"), more));
        assertThat(result.exitCode()).as(result.err()).isZero();
        return Files.readAllLines(out.resolve("range-test/curve.csv"));
    }

    @Test
    void findClipsTheSweepsGradients() throws Exception {
        List<String> plain = findCurve("plain");
        Cli.Result clipped = Cli.run(findArgs("clipped", "--clip-norm", "0.001"));
        assertThat(clipped.exitCode()).as(clipped.err()).isZero();
        assertThat(clipped.out()).contains(", gradient norm clipped at ");
        List<String> curve = Files.readAllLines(dir.resolve("clipped/curve.csv"));
        assertThat(curve.get(1)).isEqualTo(plain.get(1));
        assertThat(curve.subList(2, curve.size())).isNotEqualTo(plain.subList(2, plain.size()));
        Cli.Result bad = Cli.run(findArgs("bad", "--clip-norm", "0"));
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).startsWith("lrkit: error: --clip-norm must be a finite number > 0, got 0.0")
                .hasLineCount(1);
        assertThat(Cli.run("find", "--help").out()).contains("--clip-norm=X");
    }

    private List<String> findCurve(String name) throws Exception {
        Cli.Result result = Cli.run(findArgs(name));
        assertThat(result.exitCode()).as(result.err()).isZero();
        return Files.readAllLines(dir.resolve(name).resolve("curve.csv"));
    }

    private String[] findArgs(String name, String... more) {
        return concat(new String[] {"find", "--model", "mlp", "--batch-size", "32", "--steps", "12", "--start",
            "1e-3", "--end", "3", "--quiet", "--out", dir.resolve(name).toString()}, more);
    }

    private List<String> stepLosses(String name, String... more) throws Exception {
        Path out = dir.resolve(name);
        Cli.Result result = Cli.run(TrainCommandTest.args("train", concat(more, "--policy", "constant(value=0.1)",
                "--epochs", "1", "--out", out.toString(), "-q")));
        assertThat(result.exitCode()).as(result.err()).isZero();
        return withoutSeconds(out.resolve("runs/constant/seed-0/steps.csv"));
    }

    private Map<String, StoredArray> weights(String name, String... more) throws Exception {
        Path out = dir.resolve(name);
        Cli.Result result = Cli.run(TrainCommandTest.args("train", concat(more, "--policy", POLICY, "--out",
                out.toString(), "-q")));
        assertThat(result.exitCode()).as(result.err()).isZero();
        ModelWeights weights = Checkpoint.read(out.resolve("runs/constant/seed-0/checkpoint.lrkit")).weights();
        return weights.arrays();
    }

    /** The name of the MLP's first parameter, from the message that lists them. */
    private String firstParameter() {
        Cli.Result result = Cli.run(TrainCommandTest.args("train", "--policy", POLICY, "--epochs", "1",
                "--layer-rates", "zz=1", "--out", dir.resolve("names").toString()));
        String err = result.err();
        int start = err.indexOf("named like ") + "named like ".length();
        return err.substring(start, err.indexOf(',', start));
    }

    private String firstLayer() {
        String first = firstParameter();
        return first.substring(0, first.indexOf('_'));
    }

    private static String[] concat(String[] first, String... second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static List<String> withoutSeconds(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().map(line -> line.replaceAll(",[^,]*$", "")).toList();
    }
}

package org.lrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lrkit find} on the Fashion-MNIST subset inside the jar, with a small batch and few steps so that
 * each run takes a second or two.
 */
class FindCommandTest {

    private static final String[] SMALL = {"find", "--model", "fashion_cnn", "--batch-size", "32", "--steps", "30",
        "--start", "1e-4", "--end", "3"};

    @TempDir
    Path dir;

    /** The small run with {@code more} options added, an option given again replacing the small run's value. */
    private static String[] args(String... more) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(SMALL));
        for (int i = 0; i < more.length; i++) {
            int at = all.indexOf(more[i]);
            boolean valued = i + 1 < more.length && !more[i + 1].startsWith("--");
            if (at > 0 && valued) {
                all.set(at + 1, more[++i]);
            } else {
                all.add(more[i]);
                if (valued) {
                    all.add(more[++i]);
                }
            }
        }
        return all.toArray(String[]::new);
    }

    @Test
    void printsTheSuggestionsAndWritesTheCurve() throws Exception {
        Path out = dir.resolve("run");
        Cli.Result result = Cli.run(args("--out", out.toString()));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("LR range test: fashion_cnn on fashion-mnist-embedded, batch 32, SGD "
                + "momentum 0.9, weight decay 5e-4, 30 steps exponential 1e-4 to 3\n");
        assertThat(result.out()).contains("  steepest     ", "  valley       ", "  minimum/10   ", "  slide        ",
                "consensus      ", "(interval ", "CLR bounds     ", "warnings       ",
                "policies (10 epochs of 187 steps):", "  oneCyclePolicy(peak=", ", totalSteps=1870)",
                "  cyclical(base=", "  sgdr(peak=", "  torch.OneCycleLR(max_lr=",
                "model restored: bit-identical (checked)", "time: ");
        assertThat(result.err()).contains("read 6000 training images of fashion-mnist-embedded",
                "wrote " + out.resolve("curve.csv"));

        List<String> csv = Files.readAllLines(out.resolve("curve.csv"), StandardCharsets.UTF_8);
        assertThat(csv.get(0)).isEqualTo("step,lr,loss,smoothed_loss,val_loss,val_accuracy");
        assertThat(csv.size()).isBetween(5, 31);
        assertThat(csv.get(1)).startsWith("0,1.0E-4,");
        String json = Files.readString(out.resolve("curve.json"));
        assertThat(json).contains("\"consensus\": ", "\"policies\": [\"oneCyclePolicy(peak=", "\"model\": \"fashion_cnn\"",
                "\"restoredExactly\": true");
        BufferedImage image = ImageIO.read(out.resolve("curve.png").toFile());
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(600);
    }

    @Test
    void isReproducibleAndPrintsJsonOnRequest() throws Exception {
        Cli.Result first = Cli.run(args("--out", dir.resolve("a").toString(), "--json", "--quiet"));
        Cli.Result second = Cli.run(args("--out", dir.resolve("b").toString(), "--json", "--quiet"));
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).isEmpty();
        assertThat(first.out()).startsWith("{\n  \"sweep\": {").endsWith("}\n").contains("\"suggestions\": [");
        assertThat(Files.readString(dir.resolve("a/curve.csv"))).isEqualTo(Files.readString(dir.resolve("b/curve.csv")));
        assertThat(second.out().lines().filter(line -> line.contains("\"consensus\"")).toList())
                .isEqualTo(first.out().lines().filter(line -> line.contains("\"consensus\"")).toList());
    }

    @Test
    void validationModeWithSeveralSeeds() throws Exception {
        Path out = dir.resolve("validation");
        Cli.Result result = Cli.run(args("--steps", "20", "--validate-every", "5", "--validation-size", "100",
                "--seeds", "2", "--out", out.toString(), "--quiet"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("runs: 2 (median of 2 seeds)", "(from validation accuracy)");
        assertThat(Files.readAllLines(out.resolve("curve.csv")).get(0)).endsWith(",lower_quartile,upper_quartile,runs");
        assertThat(Files.readAllLines(out.resolve("curve.csv")).get(5)).matches("4,[^,]+,[^,]+,[^,]+,[^,]+,[^,]+,.*");
        BufferedImage image = ImageIO.read(out.resolve("curve.png").toFile());
        assertThat(image.getHeight()).isEqualTo(760);
    }

    @Test
    void sweepsOnTheTrainingSubsetATrainingWouldUse() {
        Path out = dir.resolve("subset");
        Cli.Result result = Cli.run(args("--steps", "8", "--train-size", "1000", "--validate-every", "4",
                "--validation-size", "100", "--out", out.toString()));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("read 1000 training images of fashion-mnist-embedded");
        assertUsage(Cli.run(args("--train-size", "-3")), "--train-size");
    }

    @Test
    void momentumGridAdvisesTheLowestCurve() throws Exception {
        Path out = dir.resolve("grid");
        Cli.Result result = Cli.run(args("--steps", "12", "--momentum-grid", "0.8,0.95", "--out", out.toString(),
                "--quiet"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("momentum grid (lowest smoothed loss):", "<- best",
                "SGD momentum 0.8/0.95");
        List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        assertThat(runs.get(1)).startsWith("0,0,0.8,,0,1.0E-4,");
        assertThat(runs).anyMatch(line -> line.startsWith("1,0,0.95,,0,1.0E-4,"));
    }

    @Test
    void badUsageIsExitCodeTwoWithOneLine() {
        assertUsage(Cli.run(args("--mode", "quadratic")), "--mode must be exponential or linear, got 'quadratic'");
        assertUsage(Cli.run("find", "--start", "1", "--end", "0.1"), "invalid --start/--end: end must be > start");
        assertUsage(Cli.run(args("--momentum-grid", "0.9,0.95", "--wd-grid", "0,1e-4")), "not both");
        assertUsage(Cli.run(args("--model", "alexnet")), "name must be a registered model, got 'alexnet'");
        assertUsage(Cli.run(args("--model", "resnet7")), "depth must be 6n + 2");
        assertUsage(Cli.run(args("--dataset", "imagenet")), "--dataset must be one of");
        assertUsage(Cli.run(args("--seeds", "0")), "--seeds must be in [1, 100], got 0");
        assertUsage(Cli.run(args("--steps", "2")), "--steps must be in [4, 100000], got 2");
        assertUsage(Cli.run(args("--batch-size", "0")), "--batch-size must be > 0, got 0");
        assertUsage(Cli.run(args("--plot", dir.resolve("missing/curve.png").toString())), "does not exist");
    }

    private static void assertUsage(Cli.Result result, String message) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).startsWith("lrkit: error: ").contains(message).hasLineCount(1);
    }

    @Test
    void aMissingDatasetFailsWithOneLine() {
        Cli.Result result = Cli.run(args("--dataset", "mnist", "--data", dir.resolve("nothing-here").toString()));
        assertThat(result.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(result.err()).startsWith("lrkit: error: mnist (train split) not found. Looked in, in order: 1. ")
                .contains("To get it: ").hasLineCount(1);
    }

    @Test
    void helpShowsExamples() {
        Cli.Result result = Cli.run("find", "--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("--momentum-grid", "--validate-every", "Examples:",
                "lrkit find --dataset fashion-mnist-embedded --model fashion_cnn --steps 100");
    }
}

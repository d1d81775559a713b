package org.lrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotOptionTest {

    private static final String ONE_CYCLE = "torch.OneCycleLR(max_lr=1.0, total_steps=10)";
    private static final String STEP_LR = "torch.StepLR(base_lr=0.1, step_size=2)";

    @TempDir
    Path dir;

    private static long nonWhitePixels(BufferedImage image, int x0, int y0, int x1, int y1) {
        long count = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if ((image.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    count++;
                }
            }
        }
        return count;
    }

    private List<Path> filesInDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    @Test
    void writesAPngAndStillPrintsTheCsv() throws IOException {
        Path png = dir.resolve("onecycle.png");
        Cli.Result result = Cli.run("schedule", "--spec", ONE_CYCLE, "--steps", "10", "--plot", png.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEqualTo("wrote plot " + png + "\n");
        assertThat(result.out()).startsWith("step,lr,momentum\n").hasLineCount(11);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(600);
        // The corners are white background; the middle of the plot areas holds lines and grid.
        assertThat(image.getRGB(0, 0) & 0xffffff).isEqualTo(0xffffff);
        assertThat(image.getRGB(999, 599) & 0xffffff).isEqualTo(0xffffff);
        assertThat(nonWhitePixels(image, 150, 80, 950, 330)).isGreaterThan(1000);
        assertThat(nonWhitePixels(image, 150, 400, 950, 520)).isGreaterThan(500);
        // Lines in the palette's blue (learning rate) and orange (momentum) are present.
        assertThat(countColor(image, 0x1f77b4)).isGreaterThan(100);
        assertThat(countColor(image, 0xff7f0e)).isGreaterThan(100);
        assertThat(filesInDir()).containsExactly(png);
    }

    private static long countColor(BufferedImage image, int rgb) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void withoutMomentumThereIsOnePanel() throws IOException {
        Path png = dir.resolve("step.png");
        Cli.Result result = Cli.run("schedule", "--spec", STEP_LR, "--steps", "10", "--plot", png.toString(),
                "--quiet");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(countColor(image, 0x1f77b4)).isGreaterThan(100);
        assertThat(countColor(image, 0xff7f0e)).isZero();
    }

    @Test
    void overwritesAtomicallyAndLeavesNoTemporaryFiles() throws IOException {
        Path png = dir.resolve("plot.png");
        Files.writeString(png, "old content");

        Cli.Result result = Cli.run("schedule", "--spec", ONE_CYCLE, "--steps", "10", "--plot", png.toString(), "-q");

        assertThat(result.exitCode()).isZero();
        assertThat(ImageIO.read(png.toFile())).isNotNull();
        assertThat(filesInDir()).containsExactly(png);
    }

    @Test
    void aMissingDirectoryIsAClearUsageError() {
        Path png = dir.resolve("no/such/dir/plot.png");
        Cli.Result result = Cli.run("schedule", "--spec", ONE_CYCLE, "--steps", "10", "--plot", png.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).startsWith("lrkit: error: --plot ").contains("does not exist").hasLineCount(1)
                .doesNotContain("Exception");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aDirectoryIsNotAPlotFile() {
        Cli.Result result = Cli.run("schedule", "--spec", ONE_CYCLE, "--steps", "10", "--plot", dir.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).startsWith("lrkit: error: --plot ").contains("is a directory").hasLineCount(1);
    }

    @Test
    void logLrDrawsPositiveSchedules() throws IOException {
        Path png = dir.resolve("log.png");
        Cli.Result result = Cli.run("schedule", "--spec", ONE_CYCLE, "--steps", "10", "--plot", png.toString(),
                "--log-lr", "--quiet");

        assertThat(result.exitCode()).isZero();
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(1000);
    }

    @Test
    void logLrRejectsValuesAtOrBelowZero() throws IOException {
        Path png = dir.resolve("log.png");
        Cli.Result result = Cli.run("schedule", "--spec", "torch.LinearLR(base_lr=0.1, start_factor=1.0, "
                + "end_factor=0.0, total_iters=4)", "--steps", "6", "--plot", png.toString(), "--log-lr");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).startsWith("lrkit: error: --log-lr needs every learning rate > 0")
                .contains("step 4").hasLineCount(1);
        assertThat(result.out()).isEmpty();
        assertThat(filesInDir()).isEmpty();
    }

    @Test
    void aMillionStepsPlotWithSpikesKept() throws IOException {
        Path png = dir.resolve("big.png");
        long start = System.nanoTime();
        Cli.Result result = Cli.run("schedule", "--spec", "torch.CosineAnnealingWarmRestarts(base_lr=0.1, T_0=1000)",
                "--steps", "1e6", "--plot", png.toString(), "-q");
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(result.exitCode()).isZero();
        assertThat(seconds).isLessThan(30);
        BufferedImage image = ImageIO.read(png.toFile());
        // 1000 restarts: every pixel column of the plot area reaches both the top and the bottom.
        assertThat(countColor(image, 0x1f77b4)).isGreaterThan(50_000);
    }
}

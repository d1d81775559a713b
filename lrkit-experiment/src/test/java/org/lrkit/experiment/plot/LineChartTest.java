package org.lrkit.experiment.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineChartTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static double[] range(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }

    private static long count(BufferedImage image, Color color) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == (color.getRGB() & 0xffffff)) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void drawsSeveralSeriesWithALegend() {
        double[] x = range(50);
        double[] a = new double[50];
        double[] b = new double[50];
        for (int i = 0; i < 50; i++) {
            a[i] = Math.sin(i / 5.0);
            b[i] = Math.cos(i / 5.0);
        }
        LineChart chart = LineChart.builder().title("two curves").xTitle("epoch").size(800, 500)
                .panel(Panel.of("value", Series.of("sin", x, a), Series.of("cos", x, b)))
                .build();

        BufferedImage image = chart.render();

        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(500);
        assertThat(count(image, LineChart.PALETTE.get(0))).isGreaterThan(200);
        assertThat(count(image, LineChart.PALETTE.get(1))).isGreaterThan(200);
    }

    @Test
    void logScaleRejectsNonPositiveValues() {
        LineChart chart = LineChart.builder()
                .panel(Panel.of("lr", Scale.LOG, List.of(Series.of("lr", range(3), new double[] {1, 0, 2}))))
                .build();
        assertThatThrownBy(chart::render).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("> 0");
    }

    @Test
    void constantAndSinglePointSeriesRender() {
        LineChart chart = LineChart.builder()
                .panel(Panel.of("flat", Series.of("flat", range(5), new double[] {2, 2, 2, 2, 2})))
                .panel(Panel.of("one", Series.of("one", new double[] {0}, new double[] {0})))
                .build();
        assertThat(count(chart.render(), LineChart.PALETTE.get(0))).isGreaterThan(100);
    }

    @Test
    void longTitlesAreShortened() {
        String title = "policy(" + "lr=torch.OneCycleLR(max_lr=1.0, total_steps=10), ".repeat(20) + ")";
        LineChart chart = LineChart.builder().title(title)
                .panel(Panel.of("y", Series.of("y", range(3), new double[] {1, 2, 3}))).build();
        assertThat(chart.render().getWidth()).isEqualTo(1000);
    }

    @Test
    void writesAPngAtomically() throws IOException {
        LineChart chart = LineChart.builder()
                .panel(Panel.of("y", Series.of("y", range(3), new double[] {1, 2, 3}))).build();
        Path png = dir.resolve("chart.png");

        chart.writePng(png);

        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(1000);
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(png);
        }
        assertThatThrownBy(() -> chart.writePng(dir.resolve("missing/chart.png")))
                .isInstanceOf(NoSuchFileException.class);
    }
}

package org.lrkit.experiment.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of a hand-written run directory: its files, its HTML, and how it renders in headless Chromium. */
class ReportTest {

    @TempDir
    Path dir;

    private Report.Built demo() throws Exception {
        RunDirectories.write(dir, "demo", List.of(
                new RunDirectories.Policy("one-cycle", "oneCyclePolicy(peak=0.05, totalSteps=138)", 3,
                        new double[][] {{0.80, 0.86, 0.89}}),
                new RunDirectories.Policy("step-decay", "multiStepDecay(initial=0.05, milestones=[69, 104])", 3,
                        new double[][] {{0.78, 0.82, 0.85}}),
                new RunDirectories.Policy("step-decay-x4", "multiStepDecay(initial=0.05, milestones=[276, 414])", 12,
                        new double[][] {{0.78, 0.82, 0.83, 0.84, 0.85, 0.85, 0.86, 0.88, 0.89, 0.89, 0.89, 0.892}})),
                true);
        return Report.build(dir, Double.NaN);
    }

    @Test
    void writesTheChartsTheTableAndOneSelfContainedPage() throws Exception {
        Report.Built built = demo();

        assertThat(built.charts()).extracting(p -> p.getFileName().toString())
                .containsExactly("accuracy.png", "loss.png", "policies.png", "range-test.png");
        for (Path chart : built.charts()) {
            BufferedImage image = ImageIO.read(chart.toFile());
            assertThat(image.getWidth()).as(chart.toString()).isEqualTo(1000);
        }
        String html = Files.readString(built.html(), StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>", "lrkit demo: one-cycle from a range test",
                "<li><b>one-cycle</b>: 89.0% after 3 epochs (6.0 s); reached 89.0% after 3 epochs.</li>",
                "<li><b>step-decay</b>: 85.0% after 3 epochs (6.0 s); did not reach 89.0%.</li>",
                "<li><b>step-decay-x4</b>: 89.2% after 12 epochs (24.0 s); reached 89.0% after 9 epochs.</li>",
                "the final accuracy of one-cycle, rounded down to half a percent",
                "<code>multiStepDecay(initial=0.05, milestones=[69, 104])</code>", "consensus", "0.0055",
                "PyTorch 2.7.1", "test CPU", "runs/one-cycle/seed-0/epochs.csv");
        assertThat(count(html, "<img ")).isEqualTo(4);
        assertThat(count(html, "src=\"data:image/png;base64,")).isEqualTo(4);
        assertThat(html).doesNotContain("src=\"http", "href=\"http", "<script", "<link");
        String summary = Files.readString(dir.resolve("summary.json"), StandardCharsets.UTF_8);
        assertThat(summary).contains("\"target\": 0.89", "\"table\": [", "\"epochsToTargetMean\": 3",
                "\"report\": \"report.html\"");
        assertThat(built.table().rows()).hasSize(3);

        // Rebuilding gives the same page.
        Report.build(dir, Double.NaN);
        assertThat(Files.readString(built.html(), StandardCharsets.UTF_8)).isEqualTo(html);
    }

    @Test
    void aRunWithoutEpochsYetStillGetsAReport() throws Exception {
        RunDirectories.write(dir, "train", List.of(new RunDirectories.Policy("sgdr", "sgdr(peak=0.1, firstPeriod=46)",
                4, new double[][] {{}})), false);
        Report.Built built = Report.build(dir, Double.NaN);
        assertThat(built.charts()).extracting(p -> p.getFileName().toString()).containsExactly("policies.png");
        assertThat(Files.readString(built.html(), StandardCharsets.UTF_8)).contains("sgdr(peak=0.1, firstPeriod=46)");
    }

    @Test
    void theChartsRenderInHeadlessChromium() throws Exception {
        Chromium chromium = Chromium.require();
        Report.Built built = demo();
        chromium.assertRenders(built.html(), dir, 4);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}

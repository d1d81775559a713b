package org.lrkit.experiment.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lrkit.experiment.estimate.EstimateRows.probed;
import static org.lrkit.experiment.estimate.EstimateRows.corrected;
import static org.lrkit.experiment.estimate.EstimateRows.row;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV files, the chart and the table of an estimate run, from hand-made rows. */
class EstimateFilesTest {

    @TempDir
    Path dir;

    private static final List<EstimateRow> ROWS = List.of(probed(2, 0.1, 0.25, 0.115, 0.5),
            row(5, 0.1, Double.POSITIVE_INFINITY, 0.115), row(8, 0.1, Double.NaN, 0.115),
            corrected(11, 0.1, 0.25, 0.9, 0.04));

    @Test
    void writesEveryRowAtFullPrecisionWithEmptyCellsForNaNAndMissingProbes() throws Exception {
        Path out = dir.resolve("new/folder");
        List<Path> written = EstimateFiles.write(out, ROWS);

        assertThat(written).containsExactly(out.resolve("estimate.csv"), out.resolve("layers.csv"));
        assertThat(Files.readAllLines(out.resolve("estimate.csv"), StandardCharsets.UTF_8)).containsExactly(
                "step,lr,loss,hf_estimate,hf_average,first_l1,gradient_change_l1,along_gradient,g_dot_g,g_dot_hg,"
                        + "momentum,hf_corrected",
                "2,0.1,2.3,0.25,0.115,0.25,1.0,0.5,1.0,2.0,,",
                "5,0.1,2.3,inf,0.115,inf,1.0,,,,,",
                "8,0.1,2.3,,0.115,,1.0,,,,,",
                "11,0.1,2.3,0.25,0.1,0.25,1.0,,,,0.9,0.04");
        assertThat(Files.readAllLines(out.resolve("layers.csv"), StandardCharsets.UTF_8)).containsExactly(
                "step,layer,estimate,average,first_l1,gradient_change_l1", "2,01Linear,0.25,0.115,0.25,1.0",
                "5,01Linear,inf,0.115,inf,1.0", "8,01Linear,,0.115,,1.0", "11,01Linear,0.25,0.1,0.25,1.0");
    }

    @Test
    void drawsTheChart() throws Exception {
        Path file = EstimateChart.write(dir.resolve("estimate.png"), ROWS, EstimateChart.title("mlp", "mnist", 32,
                "SGD momentum 0, weight decay 0", "0.1", 9));
        assertThat(file).isRegularFile();
        assertThat(Files.size(file)).isPositive();
    }

    @Test
    void printsTheTableWithTheLastLayersAndTheMedianProbe() {
        StringWriter text = new StringWriter();
        EstimateTable.print(new PrintWriter(text), ROWS, "title");
        assertThat(text.toString()).startsWith("title\n\n").contains(
                "per layer at step 11 (estimate, moving average):",
                "  01Linear  0.25        0.1", "hessian-free moving average at the end: 0.1; along the gradient,"
                        + " median of 1 probes: 0.5", "corrected", "0.04");
    }
}

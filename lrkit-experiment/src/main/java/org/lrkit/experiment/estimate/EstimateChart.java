package org.lrkit.experiment.estimate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lrkit.experiment.plot.LineChart;
import org.lrkit.experiment.plot.Panel;
import org.lrkit.experiment.plot.Scale;
import org.lrkit.experiment.plot.Series;
import org.lrkit.experiment.run.RunFailure;

/**
 * The chart of an estimate run, {@value #FILE}: above, on a log scale against the step, the learning rate, the
 * Hessian-free estimate, its moving average and the probes along the gradient; below, the training loss.
 */
public final class EstimateChart {

    /** The chart's file name in a run directory. */
    public static final String FILE = "estimate.png";

    private EstimateChart() {
    }

    /**
     * The title of the chart and of the printed table: {@code Hessian-free estimate: resnet20 on cifar10, batch
     * 128, SGD momentum 0.9, weight decay 5e-4, lr cyclical(base=0.1, peak=3, stepsUp=5000), 300 steps}.
     *
     * @param model the model name, e.g. {@code resnet20}
     * @param dataset the dataset name, e.g. {@code cifar10}
     * @param batchSize the batch size
     * @param optimizer the optimizer in words, e.g. {@code SGD momentum 0.9, weight decay 5e-4}
     * @param learningRate the learning rate or policy as given
     * @param steps the optimizer steps the run trains
     * @return the title, on one line
     */
    public static String title(String model, String dataset, int batchSize, String optimizer, String learningRate,
            long steps) {
        return String.format(Locale.ROOT, "Hessian-free estimate: %s on %s, batch %d, %s, lr %s, %d steps", model,
                dataset, batchSize, optimizer, learningRate, steps);
    }

    /**
     * The chart of {@code rows}.
     *
     * @param rows the rows of an estimate run
     * @param title the chart title
     * @return the chart
     */
    public static LineChart of(List<EstimateRow> rows, String title) {
        double[] steps = rows.stream().mapToDouble(EstimateRow::step).toArray();
        double[] lr = rows.stream().mapToDouble(EstimateRow::learningRate).toArray();
        double[] raw = rows.stream().mapToDouble(r -> positive(r.estimate())).toArray();
        double[] average = rows.stream().mapToDouble(r -> positive(r.average())).toArray();
        List<Series> series = new ArrayList<>();
        series.add(new Series("learning rate", steps, lr, LineChart.PALETTE.get(7)));
        series.add(new Series("hessian-free estimate", steps, raw, LineChart.PALETTE.get(1)));
        series.add(new Series("hessian-free moving average", steps, average, LineChart.PALETTE.get(0)));
        List<EstimateRow> probed = rows.stream().filter(EstimateRow::probed).toList();
        if (!probed.isEmpty()) {
            series.add(new Series("along the gradient (g.g / g.Hg)",
                    probed.stream().mapToDouble(EstimateRow::step).toArray(),
                    probed.stream().mapToDouble(r -> positive(r.curvature().step())).toArray(),
                    LineChart.PALETTE.get(3)));
        }
        Series loss = new Series("training loss", steps, rows.stream().mapToDouble(EstimateRow::loss).toArray(),
                LineChart.PALETTE.get(2));
        return LineChart.builder().title(title).xTitle("step").size(1000, 700)
                .panel(new Panel("learning rate (log scale)", Scale.LOG, series, 3))
                .panel(new Panel("training loss", Scale.LINEAR, List.of(loss), 1))
                .build();
    }

    /**
     * Draws the chart of {@code rows} into {@code file}.
     *
     * @param file the PNG file to write
     * @param rows the rows of an estimate run
     * @param title the chart title
     * @return {@code file}
     * @throws RunFailure naming the file if it cannot be written
     */
    public static Path write(Path file, List<EstimateRow> rows, String title) {
        try {
            of(rows, title).writePng(file);
            return file;
        } catch (IOException e) {
            throw new RunFailure("could not write the chart " + file + ": " + e.getMessage(), e);
        }
    }

    /** The value where a log scale can show it, NaN otherwise (a gap in the line). */
    private static double positive(double value) {
        return value > 0 && Double.isFinite(value) ? value : Double.NaN;
    }
}

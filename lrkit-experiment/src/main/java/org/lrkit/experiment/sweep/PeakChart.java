package org.lrkit.experiment.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lrkit.experiment.plot.Band;
import org.lrkit.experiment.plot.LineChart;
import org.lrkit.experiment.plot.Marker;
import org.lrkit.experiment.plot.Panel;
import org.lrkit.experiment.plot.Scale;
import org.lrkit.experiment.plot.Series;
import org.lrkit.experiment.report.Charts;
import org.lrkit.experiment.report.Numbers;

/**
 * Final test accuracy (%) against the peak learning rate (log axis): one line per policy (and per
 * combination of the other varying values) through the mean over its seeds at each value of the grid's
 * {@code peak} axis, a band from the lowest to the highest seed, and a dashed marker at the peak the range
 * test chose for each policy with {@code peak=auto}, labelled with that policy's mean accuracy.
 *
 * <p>Example: {@code PeakChart.of(table, "fashion_cnn, 3 epochs").ifPresent(chart -> chart.writePng(file))}.
 */
public final class PeakChart {

    /** The axis the chart puts on x. */
    public static final String PEAK_AXIS = "peak";

    private PeakChart() {
    }

    /**
     * The chart of a sweep's table, if the grid has a {@code peak} axis with numbers or a policy whose peak a
     * range test chose.
     *
     * @param table the sweep's table
     * @param title the chart's title
     * @return the chart, or empty when there is nothing to put on a peak axis
     */
    public static Optional<LineChart> of(SweepTable table, String title) {
        Map<String, List<SweepTable.Row>> lines = new LinkedHashMap<>();
        List<SweepTable.Row> chosen = new ArrayList<>();
        for (SweepTable.Row row : table.rows()) {
            if (row.axes().containsKey(PEAK_AXIS) && !Double.isNaN(peakOf(row)) && row.finished() > 0) {
                lines.computeIfAbsent(lineName(row), key -> new ArrayList<>()).add(row);
            } else if (row.chosenPeaks().length > 0) {
                chosen.add(row);
            }
        }
        if (lines.isEmpty() && chosen.isEmpty()) {
            return Optional.empty();
        }
        List<Series> series = new ArrayList<>();
        List<Band> bands = new ArrayList<>();
        int colour = 0;
        for (Map.Entry<String, List<SweepTable.Row>> line : lines.entrySet()) {
            List<SweepTable.Row> rows = new ArrayList<>(line.getValue());
            rows.sort(Comparator.comparingDouble(PeakChart::peakOf));
            int n = rows.size();
            double[] x = new double[n];
            double[] mean = new double[n];
            double[] low = new double[n];
            double[] high = new double[n];
            boolean spread = false;
            for (int i = 0; i < n; i++) {
                SweepTable.Row row = rows.get(i);
                x[i] = peakOf(row);
                mean[i] = 100 * row.finalMean();
                low[i] = 100 * min(row.finalAccuracy());
                high[i] = 100 * max(row.finalAccuracy());
                spread |= row.finished() > 1;
            }
            series.add(new Series(line.getKey(), x, mean, Charts.color(colour)));
            if (spread) {
                bands.add(new Band(x, low, high, Charts.color(colour)));
            }
            colour++;
        }
        List<Marker> markers = new ArrayList<>();
        for (SweepTable.Row row : chosen) {
            // The marker, and a point at the policy's accuracy, which also keeps the marker inside the x axis.
            String name = lineName(row) + " (peak=auto): " + Numbers.number(row.chosenPeakMean()) + ", "
                    + Numbers.percent(row.finalMean());
            markers.add(new Marker(row.chosenPeakMean(), name, Charts.color(colour)));
            series.add(new Series(lineName(row) + " accuracy", new double[] {row.chosenPeakMean()},
                    new double[] {100 * row.finalMean()}, Charts.color(colour++)));
        }
        String seeds = table.rows().stream().mapToInt(SweepTable.Row::finished).max().orElse(0) > 1
                ? " (mean over seeds; band: lowest to highest)" : "";
        return Optional.of(LineChart.builder().title(title).xTitle("peak learning rate" + seeds)
                .xScale(Scale.LOG).size(1000, 520)
                .panel(new Panel("final test accuracy (%)", Scale.LINEAR, series, 1, bands, markers)).build());
    }

    private static String lineName(SweepTable.Row row) {
        StringBuilder name = new StringBuilder(row.label());
        row.axes().forEach((axis, value) -> {
            if (!axis.equals(PEAK_AXIS)) {
                name.append(' ').append(axis).append('=').append(value);
            }
        });
        return name.toString();
    }

    private static double peakOf(SweepTable.Row row) {
        try {
            double peak = Double.parseDouble(row.axes().get(PEAK_AXIS));
            return peak > 0 && Double.isFinite(peak) ? peak : Double.NaN;
        } catch (NumberFormatException | NullPointerException e) {
            return Double.NaN;
        }
    }

    private static double min(double[] values) {
        double min = Double.NaN;
        for (double v : values) {
            min = Double.isNaN(min) || v < min ? v : min;
        }
        return min;
    }

    private static double max(double[] values) {
        double max = Double.NaN;
        for (double v : values) {
            max = Double.isNaN(max) || v > max ? v : max;
        }
        return max;
    }
}

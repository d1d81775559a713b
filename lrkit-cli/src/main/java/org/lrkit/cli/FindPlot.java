package org.lrkit.cli;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.lrkit.experiment.plot.Band;
import org.lrkit.experiment.plot.LineChart;
import org.lrkit.experiment.plot.Marker;
import org.lrkit.experiment.plot.Panel;
import org.lrkit.experiment.plot.Scale;
import org.lrkit.experiment.plot.Series;
import org.lrkit.experiment.report.Numbers;
import org.lrkit.djl.rangetest.RangeTestResult;
import org.lrkit.rangetest.CurveBand;
import org.lrkit.rangetest.RangeTestAdvice;
import org.lrkit.rangetest.RangeTestCurve;
import org.lrkit.rangetest.Suggestion;

/**
 * The chart of a range test: the smoothed training loss against the learning rate on a log axis, with every
 * suggestion and the consensus as dashed lines (a quartile band when several seeds were run, one curve per
 * value with a grid), and in validation mode the validation accuracy below with Smith's bounds.
 */
final class FindPlot {

    private static final Color CONSENSUS = new Color(0x222222);
    private static final Color BOUND = new Color(0x7f7f7f);
    private static final Color RAW = new Color(0xb8c7d9);
    private static final Color PEAK = new Color(0xff7f0e);
    /** Away from the palette's first colours, which the curves of a grid use. */
    private static final List<Color> SUGGESTION_COLORS = List.of(new Color(0xd62728), new Color(0x9467bd),
            new Color(0x8c564b), new Color(0xe377c2));

    private FindPlot() {
    }

    /**
     * The loss against the learning rate with every suggestion, the consensus, the peak rule's reading and the
     * one-cycle peak {@code auto} gives a run of {@code totalSteps} steps marked.
     */
    static LineChart chart(RangeTestResult result, String title, long totalSteps) {
        RangeTestAdvice advice = result.advice();
        RangeTestCurve curve = result.curve();
        List<Series> series = new ArrayList<>();
        List<Band> bands = new ArrayList<>();
        if (result.grid().isPresent()) {
            String parameter = result.grid().get().parameter().equals("momentum") ? "momentum" : "weight decay";
            double[] values = result.grid().get().values();
            List<RangeTestCurve> curves = result.grid().get().curves();
            for (int i = 0; i < values.length; i++) {
                boolean best = values[i] == result.grid().get().bestValue();
                series.add(new Series(parameter + " " + Numbers.number(values[i]) + (best ? " (best)" : ""),
                        curves.get(i).learningRates(), curves.get(i).smoothedLosses(),
                        LineChart.PALETTE.get(i % LineChart.PALETTE.size())));
            }
        } else if (result.band().isPresent()) {
            CurveBand band = result.band().get();
            Color blue = LineChart.PALETTE.get(0);
            bands.add(new Band(band.learningRates(), band.lowerQuartile(), band.upperQuartile(), blue));
            series.add(new Series("median of " + result.runs().size() + " seeds (band: quartiles)",
                    band.learningRates(), band.median(), blue));
        } else {
            series.add(new Series("training loss", curve.learningRates(), curve.losses(), RAW));
            series.add(new Series("training loss (smoothed)", curve.learningRates(), curve.smoothedLosses(),
                    LineChart.PALETTE.get(0)));
        }
        List<Marker> markers = new ArrayList<>();
        for (int i = 0; i < advice.suggestions().size(); i++) {
            Suggestion s = advice.suggestions().get(i);
            markers.add(new Marker(s.learningRate(), s.method() + " " + Numbers.number(s.learningRate()),
                    SUGGESTION_COLORS.get(i % SUGGESTION_COLORS.size())));
        }
        markers.add(new Marker(advice.consensus(), "consensus " + Numbers.number(advice.consensus()), BOUND));
        Suggestion reading = advice.peakRule().reading();
        markers.add(new Marker(reading.learningRate(), reading.method() + " " + Numbers.number(
                reading.learningRate()), CONSENSUS));
        double peak = advice.peak(totalSteps);
        if (peak != reading.learningRate()) {
            markers.add(new Marker(peak, "peak (auto, " + totalSteps + " steps) " + Numbers.number(peak), PEAK));
        }
        LineChart.Builder chart = LineChart.builder().title(title).xTitle("learning rate (log scale)")
                .xScale(Scale.LOG);
        boolean validation = curve.hasValidation();
        chart.size(1000, validation ? 760 : 600);
        double[] range = lossRange(series, bands);
        chart.panel(new Panel("training loss", Scale.LINEAR, series, validation ? 3 : 1, bands, markers, range[0],
                range[1]));
        if (validation) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            double[] accuracy = curve.accuracies();
            for (int i = 0; i < curve.size(); i++) {
                if (!Double.isNaN(accuracy[i])) {
                    xs.add(curve.learningRate(i));
                    ys.add(accuracy[i]);
                }
            }
            Series accuracySeries = new Series("validation accuracy",
                    xs.stream().mapToDouble(Double::doubleValue).toArray(),
                    ys.stream().mapToDouble(Double::doubleValue).toArray(), LineChart.PALETTE.get(2));
            List<Marker> bounds = List.of(
                    new Marker(advice.clrLower(), "CLR lower bound " + Numbers.number(advice.clrLower()), BOUND),
                    new Marker(advice.clrUpper(), "CLR upper bound " + Numbers.number(advice.clrUpper()), CONSENSUS));
            chart.panel(new Panel("validation accuracy", Scale.LINEAR, List.of(accuracySeries), 2, List.of(),
                    bounds));
        }
        return chart.build();
    }

    /**
     * The y range of the loss panel: everything but the blow-up at the end of the sweep (the last 5% of the
     * steps, as the suggestions ignore them), so that a loss that shoots up leaves the chart at the top
     * instead of flattening the rest.
     */
    static double[] lossRange(List<Series> series, List<Band> bands) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        List<double[]> ys = new ArrayList<>();
        for (Series s : series) {
            ys.add(s.y());
        }
        for (Band band : bands) {
            ys.add(band.lower());
            ys.add(band.upper());
        }
        for (double[] y : ys) {
            int kept = Math.max(2, y.length - Math.max(1, y.length / 20));
            for (int i = 0; i < Math.min(kept, y.length); i++) {
                if (Double.isFinite(y[i])) {
                    min = Math.min(min, y[i]);
                    max = Math.max(max, y[i]);
                }
            }
        }
        if (!(max > min)) {
            double center = Double.isFinite(min) ? min : 0;
            return new double[] {center - 1, center + 1};
        }
        double pad = 0.06 * (max - min);
        return new double[] {min - pad, max + pad};
    }
}

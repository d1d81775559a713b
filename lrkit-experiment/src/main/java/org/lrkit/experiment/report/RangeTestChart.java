package org.lrkit.experiment.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lrkit.djl.rangetest.RangeTestResult;
import org.lrkit.experiment.plot.Band;
import org.lrkit.experiment.plot.LineChart;
import org.lrkit.experiment.plot.Marker;
import org.lrkit.experiment.plot.Panel;
import org.lrkit.experiment.plot.Scale;
import org.lrkit.experiment.plot.Series;
import org.lrkit.rangetest.CurveBand;
import org.lrkit.rangetest.RangeTestAdvice;
import org.lrkit.rangetest.RangeTestCurve;
import org.lrkit.rangetest.Suggestion;

/**
 * The chart of a learning-rate range test: the training loss against the learning rate on a log axis, with
 * each suggestion, the consensus, Smith's upper bound, the peak rule's reading and the one-cycle peak
 * {@code auto} gives a run of a given length marked as vertical lines. Several seeds show as their median
 * with a quartile band, a momentum or weight-decay grid as one curve per value, and a sweep with validation
 * gets a second panel with the validation accuracy. The one builder of {@code lrkit find}'s
 * {@code curve.png} and of the run report's range-test chart.
 *
 * <pre>{@code
 * RangeTestResult result = RangeTest.builder(model, optimizer).data(source).sweep(sweep).build().run();
 * RangeTestChart.of(result, "LR range test: fashion_cnn", 4680).writePng(Path.of("curve.png"));
 * }</pre>
 */
public final class RangeTestChart {

    private static final Color RAW = new Color(0xb8c7d9);
    private static final Color CONSENSUS = new Color(0x7f7f7f);
    private static final Color READING = new Color(0x222222);
    private static final Color UPPER = new Color(0x2ca02c);
    private static final Color PEAK = new Color(0xff7f0e);
    /** Away from the palette's first colours, which the curves of a grid use. */
    private static final List<Color> SUGGESTION_COLORS = List.of(new Color(0xd62728), new Color(0x9467bd),
            new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf));
    /** The share of the sweep's last steps left out of the loss axis's range, where the loss blows up. */
    private static final int TAIL_DIVISOR = 20;

    private RangeTestChart() {
    }

    /**
     * What the chart marks on the learning-rate axis (a value that is not a positive number is left out).
     *
     * @param suggestions the classic suggestions (steepest, valley, ...)
     * @param consensus their consensus
     * @param clrUpper Smith's upper bound for a cyclical policy
     * @param reading the peak rule's reading of the curve, or {@code null}
     * @param peakSteps the run length the peak is for, in optimizer steps
     * @param peak the one-cycle peak {@code auto} gives a run of {@code peakSteps} steps
     */
    public record Marks(List<Suggestion> suggestions, double consensus, double clrUpper, Suggestion reading,
            long peakSteps, double peak) {

        /**
         * Copies the list.
         *
         * @param suggestions the classic suggestions; copied
         * @param consensus their consensus
         * @param clrUpper Smith's upper bound for a cyclical policy
         * @param reading the peak rule's reading of the curve, or {@code null}
         * @param peakSteps the run length the peak is for, in optimizer steps
         * @param peak the one-cycle peak {@code auto} gives a run of {@code peakSteps} steps
         */
        public Marks {
            suggestions = List.copyOf(suggestions);
        }

        /**
         * The marks of {@code advice}, with the peak for a run of {@code totalSteps} steps.
         *
         * @param advice the range test's advice
         * @param totalSteps the run length in optimizer steps
         * @return the marks
         */
        public static Marks of(RangeTestAdvice advice, long totalSteps) {
            return new Marks(advice.suggestions(), advice.consensus(), advice.clrUpper(),
                    advice.peakRule().reading(), totalSteps, advice.peak(totalSteps));
        }

        /**
         * The marks recorded in the {@code rangeTest} object of a run directory's {@code summary.json}.
         *
         * @param rangeTest the {@code rangeTest} object, not null
         * @return the marks; what the object lacks is NaN or {@code null}
         */
        public static Marks fromJson(Map<String, Object> rangeTest) {
            List<Suggestion> suggestions = new ArrayList<>();
            for (Object entry : Json.array(rangeTest, "suggestions")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> s = (Map<String, Object>) entry;
                suggestions.add(new Suggestion(Json.text(s, "method", "suggestion"), Json.number(s, "lr"), 0));
            }
            Map<String, Object> rule = Json.object(rangeTest, "peakRule");
            Suggestion reading = rule.isEmpty() ? null : new Suggestion(Json.text(rule, "reading", "reading"),
                    Json.number(rule, "readingLr"), (int) Json.whole(rule, "readingStep", 0));
            List<Object> peaks = Json.array(rangeTest, "peaks");
            long steps = 0;
            double peak = Double.NaN;
            if (!peaks.isEmpty()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> first = (Map<String, Object>) peaks.get(0);
                steps = Json.whole(first, "steps", 0);
                peak = Json.number(first, "peak");
            }
            return new Marks(suggestions, Json.number(rangeTest, "consensus"), Json.number(rangeTest, "clrUpper"),
                    reading, steps, peak);
        }

        List<Marker> markers() {
            List<Marker> markers = new ArrayList<>();
            for (int i = 0; i < suggestions.size(); i++) {
                Suggestion s = suggestions.get(i);
                add(markers, s.learningRate(), s.method(), SUGGESTION_COLORS.get(i % SUGGESTION_COLORS.size()));
            }
            add(markers, consensus, "consensus", CONSENSUS);
            add(markers, clrUpper, "upper bound (Smith)", UPPER);
            if (reading != null) {
                add(markers, reading.learningRate(), reading.method(), READING);
            }
            if (reading == null || peak != reading.learningRate()) {
                add(markers, peak, "peak (auto, " + peakSteps + " steps)", PEAK);
            }
            return markers;
        }

        private static void add(List<Marker> markers, double learningRate, String label, Color color) {
            if (Double.isFinite(learningRate) && learningRate > 0) {
                markers.add(new Marker(learningRate, label + " " + Numbers.number(learningRate), color));
            }
        }
    }

    /**
     * The chart of a range test just run, with the peak {@code auto} gives a run of {@code totalSteps} steps.
     *
     * @param result the range test's result
     * @param title the chart title
     * @param totalSteps the run length the peak is for, in optimizer steps
     * @return the chart
     */
    public static LineChart of(RangeTestResult result, String title, long totalSteps) {
        RangeTestCurve curve = result.curve();
        List<Series> series = new ArrayList<>();
        List<Band> bands = new ArrayList<>();
        List<double[]> smoothed = new ArrayList<>();
        double[] raw = new double[0];
        if (result.grid().isPresent()) {
            String parameter = result.grid().get().parameter().equals("momentum") ? "momentum" : "weight decay";
            double[] values = result.grid().get().values();
            List<RangeTestCurve> curves = result.grid().get().curves();
            for (int i = 0; i < values.length; i++) {
                boolean best = values[i] == result.grid().get().bestValue();
                series.add(new Series(parameter + " " + Numbers.number(values[i]) + (best ? " (best)" : ""),
                        curves.get(i).learningRates(), curves.get(i).smoothedLosses(),
                        LineChart.PALETTE.get(i % LineChart.PALETTE.size())));
                smoothed.add(curves.get(i).smoothedLosses());
            }
        } else if (result.band().isPresent()) {
            CurveBand band = result.band().get();
            Color blue = LineChart.PALETTE.get(0);
            bands.add(new Band(band.learningRates(), band.lowerQuartile(), band.upperQuartile(), blue));
            series.add(new Series("median of " + result.runs().size() + " seeds (band: quartiles)",
                    band.learningRates(), band.median(), blue));
            smoothed.add(band.lowerQuartile());
            smoothed.add(band.upperQuartile());
        } else {
            raw = curve.losses();
            series.add(new Series("training loss", curve.learningRates(), raw, RAW));
            series.add(new Series("training loss (smoothed)", curve.learningRates(), curve.smoothedLosses(),
                    LineChart.PALETTE.get(0)));
            smoothed.add(curve.smoothedLosses());
        }
        List<Marker> markers = Marks.of(result.advice(), totalSteps).markers();
        Panel validation = curve.hasValidation() ? validationPanel(result) : null;
        return assemble(title, series, bands, markers, lossRange(smoothed, raw), validation);
    }

    /**
     * The chart of a range test as a run directory recorded it ({@code range-test/curve.csv} and its advice).
     *
     * @param curve the recorded curve and advice
     * @param title the chart title
     * @return the chart
     */
    public static LineChart of(RunData.RangeCurve curve, String title) {
        List<Series> series = List.of(new Series("training loss", curve.learningRates(), curve.losses(), RAW),
                new Series("training loss (smoothed)", curve.learningRates(), curve.smoothed(),
                        LineChart.PALETTE.get(0)));
        List<Marker> markers = Marks.fromJson(curve.advice()).markers();
        return assemble(title, series, List.of(), markers, lossRange(List.of(curve.smoothed()), curve.losses()),
                null);
    }

    private static Panel validationPanel(RangeTestResult result) {
        RangeTestCurve curve = result.curve();
        RangeTestAdvice advice = result.advice();
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        double[] accuracy = curve.accuracies();
        for (int i = 0; i < curve.size(); i++) {
            if (!Double.isNaN(accuracy[i])) {
                xs.add(curve.learningRate(i));
                ys.add(accuracy[i]);
            }
        }
        Series accuracySeries = new Series("validation accuracy", xs.stream().mapToDouble(Double::doubleValue)
                .toArray(), ys.stream().mapToDouble(Double::doubleValue).toArray(), LineChart.PALETTE.get(2));
        List<Marker> bounds = List.of(
                new Marker(advice.clrLower(), "CLR lower bound " + Numbers.number(advice.clrLower()), CONSENSUS),
                new Marker(advice.clrUpper(), "CLR upper bound " + Numbers.number(advice.clrUpper()), READING));
        return new Panel("validation accuracy", Scale.LINEAR, List.of(accuracySeries), 2, List.of(), bounds);
    }

    private static LineChart assemble(String title, List<Series> series, List<Band> bands, List<Marker> markers,
            double[] range, Panel validation) {
        LineChart.Builder chart = LineChart.builder().title(title).xTitle("learning rate (log scale)")
                .xScale(Scale.LOG).size(1000, validation != null ? 760 : 600);
        chart.panel(new Panel("training loss", Scale.LINEAR, series, validation != null ? 3 : 1, bands, markers,
                range[0], range[1]));
        if (validation != null) {
            chart.panel(validation);
        }
        return chart.build();
    }

    /**
     * The y range of the loss panel: from the lowest loss to the highest smoothed loss, leaving out the last
     * 5% of the steps, so that a loss that shoots up at the end (and the raw loss's spikes) leaves the chart
     * at the top instead of flattening the rest.
     *
     * @param smoothed the smoothed curves (medians, quartiles, a grid's curves)
     * @param raw the raw losses, or an empty array
     */
    static double[] lossRange(List<double[]> smoothed, double[] raw) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] y : smoothed) {
            for (int i = 0; i < kept(y.length); i++) {
                if (Double.isFinite(y[i])) {
                    min = Math.min(min, y[i]);
                    max = Math.max(max, y[i]);
                }
            }
        }
        for (int i = 0; i < kept(raw.length); i++) {
            if (Double.isFinite(raw[i])) {
                min = Math.min(min, raw[i]);
            }
        }
        if (!(max > min)) {
            double center = Double.isFinite(min) ? min : 0;
            return new double[] {center - 1, center + 1};
        }
        double pad = 0.06 * (max - min);
        return new double[] {min - pad, max + pad};
    }

    private static int kept(int length) {
        return Math.min(length, Math.max(2, length - Math.max(1, length / TAIL_DIVISOR)));
    }
}

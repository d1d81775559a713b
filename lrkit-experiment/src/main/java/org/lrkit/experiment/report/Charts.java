package org.lrkit.experiment.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lrkit.experiment.plot.Band;
import org.lrkit.experiment.plot.LineChart;
import org.lrkit.experiment.plot.Panel;
import org.lrkit.experiment.plot.Scale;
import org.lrkit.experiment.plot.Series;
import org.lrkit.experiment.run.PolicyPlan;
import org.lrkit.schedule.Policy;

/**
 * The charts of a run's report, drawn with {@link LineChart}: the policies (learning rate and momentum
 * against the step), and test accuracy and loss against the epoch, one colour per policy in every chart.
 * The range test's chart is {@link RangeTestChart}.
 */
public final class Charts {

    private static final Color TARGET = new Color(0x999999);
    private static final int MAX_POLICY_POINTS = 1500;
    /** Peaks further apart than this ratio get a log learning-rate axis. */
    static final double LOG_RATIO = 10;

    private Charts() {
    }

    /**
     * The colour of the policy at {@code index}.
     *
     * @param index the policy's index, {@code >= 0}; the palette repeats
     * @return the palette colour
     */
    public static Color color(int index) {
        return LineChart.PALETTE.get(index % LineChart.PALETTE.size());
    }

    /**
     * The policies: learning rate (top) and momentum (bottom, when any policy or the optimizer has one)
     * against the optimizer step.
     *
     * @param policies the policies to draw, in order
     * @param constantMomentum the optimizer's momentum for policies that schedule none, NaN for none
     * @param title the chart title
     * @return the chart
     */
    public static LineChart policies(List<PolicyPlan> policies, double constantMomentum, String title) {
        List<Series> rates = new ArrayList<>();
        List<Series> momenta = new ArrayList<>();
        boolean anyMomentum = false;
        for (int p = 0; p < policies.size(); p++) {
            PolicyPlan plan = policies.get(p);
            Policy policy;
            try {
                policy = plan.policy();
            } catch (IllegalArgumentException e) {
                continue; // a spec this lrkit cannot read: left out of the chart
            }
            long steps = Math.max(1, plan.steps());
            int points = (int) Math.min(steps, MAX_POLICY_POINTS);
            double[] x = new double[points];
            double[] lr = new double[points];
            double[] momentum = new double[points];
            for (int i = 0; i < points; i++) {
                long step = points == 1 ? 0 : Math.round((double) i * (steps - 1) / (points - 1));
                x[i] = step;
                lr[i] = policy.learningRate().valueAt(step);
                momentum[i] = policy.momentum().map(schedule -> schedule.valueAt(step)).orElse(constantMomentum);
            }
            anyMomentum |= policy.momentum().isPresent() || !Double.isNaN(constantMomentum);
            rates.add(new Series(plan.label(), x, lr, color(p)));
            momenta.add(new Series(plan.label(), x, momentum, color(p)));
        }
        if (rates.isEmpty()) {
            rates.add(Series.of("no readable policy", new double[0], new double[0]));
        }
        LineChart.Builder chart = LineChart.builder().title(title).xTitle("optimizer step").size(1000, anyMomentum
                ? 620 : 440);
        if (peaksApart(rates)) {
            chart.panel(Panel.of("learning rate (log scale)", Scale.LOG, positiveOnly(rates)).withWeight(3));
        } else {
            chart.panel(Panel.of("learning rate", Scale.LINEAR, rates).withWeight(3));
        }
        if (anyMomentum) {
            chart.panel(Panel.of("momentum", Scale.LINEAR, momenta).withWeight(2));
        }
        return chart.build();
    }

    /**
     * Whether the policies' peak learning rates differ by more than {@link #LOG_RATIO} times, so that on a
     * linear axis the lowest would be a flat line.
     */
    static boolean peaksApart(List<Series> rates) {
        double low = Double.POSITIVE_INFINITY;
        double high = 0;
        for (Series series : rates) {
            double peak = Arrays.stream(series.y()).filter(Double::isFinite).max().orElse(Double.NaN);
            if (peak > 0) {
                low = Math.min(low, peak);
                high = Math.max(high, peak);
            }
        }
        return high > LOG_RATIO * low;
    }

    /** The series with every value that a log axis cannot show (zero, negative) left out as a gap. */
    private static List<Series> positiveOnly(List<Series> series) {
        List<Series> positive = new ArrayList<>();
        for (Series s : series) {
            double[] y = Arrays.stream(s.y()).map(v -> v > 0 ? v : Double.NaN).toArray();
            positive.add(new Series(s.label(), s.x(), y, s.color()));
        }
        return positive;
    }

    /**
     * Test accuracy (%) against the epoch, per policy (mean over seeds, the band spans them), with the target.
     *
     * @param data the run directory's data
     * @param target the target accuracy in {@code [0, 1]}, or NaN for none
     * @param title the chart title
     * @return the chart
     */
    public static LineChart accuracy(RunData data, double target, String title) {
        List<Series> series = new ArrayList<>();
        List<Band> bands = new ArrayList<>();
        double maxEpoch = 1;
        for (int p = 0; p < data.policies().size(); p++) {
            Curve curve = Curve.of(data.runsOf(data.policies().get(p).label()), RunData.Run::accuracy, 100);
            if (curve.x.length == 0) {
                continue;
            }
            maxEpoch = Math.max(maxEpoch, curve.x[curve.x.length - 1]);
            series.add(new Series(data.policies().get(p).label() + (curve.runs > 1 ? " (mean of " + curve.runs
                    + " seeds)" : ""), curve.x, curve.mean, color(p)));
            if (curve.runs > 1) {
                bands.add(new Band(curve.x, curve.min, curve.max, color(p)));
            }
        }
        if (!Double.isNaN(target)) {
            series.add(new Series("target " + Numbers.percent(target), new double[] {1, maxEpoch},
                    new double[] {100 * target, 100 * target}, TARGET));
        }
        return LineChart.builder().title(title).xTitle("epoch").size(1000, 520)
                .panel(new Panel("test accuracy (%)", Scale.LINEAR, series, 1, bands, List.of())).build();
    }

    /**
     * Test loss (top) and training loss (bottom) against the epoch, per policy; a run of one epoch or less
     * shows its training loss step by step (from {@code steps.csv}) instead of a single point.
     *
     * @param data the run directory's data
     * @param title the chart title
     * @return the chart
     */
    public static LineChart loss(RunData data, String title) {
        List<Series> test = new ArrayList<>();
        List<Series> train = new ArrayList<>();
        for (int p = 0; p < data.policies().size(); p++) {
            String label = data.policies().get(p).label();
            Curve testCurve = Curve.of(data.runsOf(label), RunData.Run::testLoss, 1);
            Curve trainCurve = Curve.of(data.runsOf(label), RunData.Run::trainLoss, 1);
            if (trainCurve.x.length <= 1) {
                Curve steps = Curve.ofSteps(data, data.runsOf(label));
                trainCurve = steps.x.length > 1 ? steps : trainCurve;
            }
            if (testCurve.x.length > 0) {
                test.add(new Series(label, testCurve.x, testCurve.mean, color(p)));
            }
            if (trainCurve.x.length > 0) {
                train.add(new Series(label, trainCurve.x, trainCurve.mean, color(p)));
            }
        }
        return LineChart.builder().title(title).xTitle("epoch").size(1000, 620)
                .panel(Panel.of("test loss", Scale.LINEAR, test))
                .panel(Panel.of("training loss", Scale.LINEAR, train))
                .build();
    }

    /** One metric of a policy over its seeds, point by point: mean, min and max where the seeds have a value. */
    private record Curve(double[] x, double[] mean, double[] min, double[] max, int runs) {

        static Curve of(List<RunData.Run> runs, java.util.function.Function<RunData.Run, double[]> metric,
                double scale) {
            List<RunData.Run> withData = runs.stream().filter(run -> run.epoch().length > 0).toList();
            return of(withData.stream().map(RunData.Run::epoch).toList(), withData.stream().map(metric).toList(),
                    scale);
        }

        /** The curve of runs whose {@code i}-th point is at {@code xs.get(r)[i]} with value {@code ys.get(r)[i]}. */
        static Curve of(List<double[]> xs, List<double[]> ys, double scale) {
            int length = xs.stream().mapToInt(x -> x.length).max().orElse(0);
            double[] x = new double[length];
            double[] mean = new double[length];
            double[] min = new double[length];
            double[] max = new double[length];
            for (int i = 0; i < length; i++) {
                double sum = 0;
                int n = 0;
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                x[i] = i + 1;
                for (int r = 0; r < xs.size(); r++) {
                    if (i < xs.get(r).length) {
                        x[i] = xs.get(r)[i];
                        double v = ys.get(r)[i] * scale;
                        if (Double.isFinite(v)) {
                            sum += v;
                            n++;
                            lo = Math.min(lo, v);
                            hi = Math.max(hi, v);
                        }
                    }
                }
                mean[i] = n == 0 ? Double.NaN : sum / n;
                min[i] = n == 0 ? Double.NaN : lo;
                max[i] = n == 0 ? Double.NaN : hi;
            }
            return new Curve(x, mean, min, max, xs.size());
        }

        /**
         * The training loss of every step ({@code steps.csv}) against the fractional epoch, for runs too short
         * for an epoch curve; empty when the files are missing.
         */
        static Curve ofSteps(RunData data, List<RunData.Run> runs) {
            double perEpoch = Math.max(1, data.stepsPerEpoch());
            List<double[]> xs = new ArrayList<>();
            List<double[]> ys = new ArrayList<>();
            for (RunData.Run run : runs) {
                Path file = data.directory().resolve(run.stepsCsv());
                try {
                    if (Files.isRegularFile(file)) {
                        Csv csv = Csv.read(file);
                        xs.add(Arrays.stream(csv.column("step")).map(step -> (step + 1) / perEpoch).toArray());
                        ys.add(csv.column("loss"));
                    }
                } catch (IOException | IllegalArgumentException e) {
                    // a damaged steps.csv leaves the run out of this chart; the table still has it
                }
            }
            return of(xs, ys, 1);
        }
    }
}

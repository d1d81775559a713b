package org.lrkit.experiment.find;

import ai.djl.Model;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lrkit.djl.rangetest.RangeTest;
import org.lrkit.djl.rangetest.RangeTestResult;
import org.lrkit.djl.rangetest.RangeTestTiming;
import org.lrkit.experiment.report.Numbers;
import org.lrkit.experiment.report.RangeTestChart;
import org.lrkit.experiment.report.RangeTestReport;
import org.lrkit.experiment.run.Progress;
import org.lrkit.experiment.run.RunFailure;
import org.lrkit.experiment.run.Settings;
import org.lrkit.experiment.run.Workbench;
import org.lrkit.rangetest.OptimizerFamily;
import org.lrkit.rangetest.PeakRule;
import org.lrkit.rangetest.RangeTestAdvice;
import org.lrkit.rangetest.RangeTestCurve;
import org.lrkit.rangetest.RangeTestGrid;
import org.lrkit.rangetest.StopReason;
import org.lrkit.rangetest.Suggestion;
import org.lrkit.rangetest.Sweep;
import org.lrkit.schedule.Cyclical;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Schedule;
import org.lrkit.spec.Specs;

/**
 * A learning-rate range test as a run of its own ({@code lrkit find}): the data and model of
 * {@link Settings}, one sweep per seed (or per value of a momentum or weight-decay grid), the advice, the
 * policies it gives for a run of a chosen length, and the files: {@code curve.csv}, {@code runs.csv},
 * {@code curve.json} and the chart.
 *
 * <pre>{@code
 * FindRun.Request request = new FindRun.Request(settings, Sweep.exponential(1e-7, 10, 100), 0.98,
 *         new long[] {0}, 0, 0, null, null, 10);
 * FindRun.Found found = FindRun.run(request, Progress.silent(), null);
 * found.write(Path.of("runs/find"), Path.of("runs/find/curve.png"));
 * System.out.print(found.table());
 * }</pre>
 */
public final class FindRun {

    /** Validation images are evaluated in batches of this size. */
    private static final int VALIDATION_BATCH = 250;

    private FindRun() {
    }

    /**
     * What to sweep.
     *
     * @param settings the data, model, batch, optimizer and engine
     * @param sweep the learning rates
     * @param smoothing the weight of the past in the loss's moving average, in {@code [0, 1)}
     * @param seeds one sweep per seed, combined into a median curve with a quartile band
     * @param validateEvery evaluate the validation images every so many steps, 0 for never
     * @param validationSize training images set apart for validation when {@code validateEvery > 0}
     * @param momentumGrid one sweep per momentum, or {@code null}
     * @param weightDecayGrid one sweep per weight decay, or {@code null}
     * @param epochs the length of the training the printed policies are sized for, in epochs
     */
    public record Request(Settings settings, Sweep sweep, double smoothing, long[] seeds, int validateEvery,
            int validationSize, double[] momentumGrid, double[] weightDecayGrid, int epochs) {

        /**
         * Checks the values, naming the options.
         *
         * @param settings the data, model, batch, optimizer and engine
         * @param sweep the learning rates
         * @param smoothing the weight of the past in the loss's moving average, in {@code [0, 1)}
         * @param seeds one sweep per seed, the first also choosing the model's initialization and the validation
         *     images; copied
         * @param validateEvery evaluate the validation images every so many steps, {@code >= 0}, 0 for never
         * @param validationSize training images set apart for validation, {@code > 0} when
         *     {@code validateEvery > 0}
         * @param momentumGrid one sweep per momentum, or {@code null}
         * @param weightDecayGrid one sweep per weight decay, or {@code null} (not both grids)
         * @param epochs the length of the training the printed policies are sized for, in epochs, {@code > 0}
         * @throws IllegalArgumentException naming the option, if {@code smoothing} is outside {@code [0, 1)},
         *     {@code validateEvery < 0}, {@code validationSize <= 0} while {@code validateEvery > 0}, both grids
         *     are given, or {@code epochs <= 0}
         */
        public Request {
            if (!(smoothing >= 0 && smoothing < 1)) {
                throw new IllegalArgumentException("--smoothing must be in [0, 1), got " + smoothing);
            }
            if (validateEvery < 0) {
                throw new IllegalArgumentException("--validate-every must be > 0, got " + validateEvery);
            }
            if (validateEvery > 0 && validationSize <= 0) {
                throw new IllegalArgumentException("--validation-size must be > 0, got " + validationSize);
            }
            if (momentumGrid != null && weightDecayGrid != null) {
                throw new IllegalArgumentException("give --momentum-grid or --wd-grid, not both: tune momentum"
                        + " first, then weight decay");
            }
            if (epochs <= 0) {
                throw new IllegalArgumentException("--epochs must be > 0, got " + epochs);
            }
            seeds = seeds.clone();
        }
    }

    /**
     * A finished range test.
     *
     * @param request what was asked
     * @param result the curve, the advice and the timing
     * @param title the chart's and the table's title
     * @param stepsPerEpoch optimizer steps per epoch of the training images
     * @param policies the policies the advice gives, as specs, sized for the request's epochs
     * @param context what was trained, for {@code curve.json}
     */
    public record Found(Request request, RangeTestResult result, String title, int stepsPerEpoch,
            List<String> policies, Map<String, Object> context) {

        /**
         * The run's length in optimizer steps the peak and the policies are for.
         *
         * @return the request's epochs times {@link #stepsPerEpoch()}
         */
        public long totalSteps() {
            return (long) request.epochs() * stepsPerEpoch;
        }

        /**
         * {@code curve.json}'s extra fields: the context and the policies.
         *
         * @return a new map with {@code context} and {@code policies}, in that order
         */
        public Map<String, Object> extra() {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("context", context);
            extra.put("policies", policies);
            return extra;
        }

        /**
         * Writes {@code curve.csv}, {@code runs.csv} and {@code curve.json} into {@code directory} and the chart
         * to {@code chartFile}.
         *
         * @param directory the folder for the three files, created if missing
         * @param chartFile the PNG file for the chart
         * @return the files written, the chart last
         * @throws IOException if the folder cannot be created or one of the three files cannot be written
         * @throws RunFailure if the chart cannot be written
         */
        public List<Path> write(Path directory, Path chartFile) throws IOException {
            List<Path> written = new ArrayList<>(RangeTestReport.write(result, directory, extra()));
            try {
                RangeTestChart.of(result, title, totalSteps()).writePng(chartFile);
            } catch (IOException e) {
                throw new RunFailure("could not write the chart " + chartFile + ": " + e.getMessage(), e);
            }
            written.add(chartFile);
            return written;
        }

        /**
         * {@code curve.json}'s text.
         *
         * @return the JSON text, with {@link #extra()}'s fields
         */
        public String json() {
            return RangeTestReport.json(result, extra());
        }

        /**
         * The table for people: the suggestions, the peak and how it follows, the bounds and the policies.
         *
         * @return the table's lines, each ending with the line separator
         */
        public String table() {
            return FindTable.of(this);
        }
    }

    /**
     * Reads the data, builds the model and runs the sweeps.
     *
     * @param request what to sweep
     * @param progress told of every step, and finished when the sweeps end
     * @param messages where to say what was read, or {@code null}
     * @return the finished range test, its policies sized for the request's epochs
     * @throws IOException if the data cannot be read
     * @throws IllegalArgumentException naming the option, if the settings name an unknown dataset, model or
     *     device, or do not fit the data ({@link Workbench#openTraining})
     * @throws RunFailure if the data is missing or the test cannot read a curve
     */
    public static Found run(Request request, Progress progress, PrintWriter messages) throws IOException {
        Settings settings = request.settings();
        long firstSeed = request.seeds()[0];
        Workbench bench = Workbench.openTraining(settings, request.validateEvery() > 0 ? request.validationSize() : 0,
                firstSeed, messages);
        RangeTestResult result;
        try (Model model = bench.newInitializedModel(firstSeed)) {
            Policy constant = Policy.of(Schedule.constant(request.sweep().start()));
            RangeTest.Builder test = RangeTest.builder(model, bench.optimizer(constant)).data(bench.batchSource())
                    .sweep(request.sweep()).smoothing(request.smoothing()).device(bench.device())
                    .seeds(request.seeds());
            if (request.validateEvery() > 0) {
                test.validation(bench.validationLoader(), request.validateEvery(), VALIDATION_BATCH);
            }
            if (settings.clipNorm() > 0) {
                test.clipGradientNorm(settings.clipNorm());
            }
            if (request.momentumGrid() != null) {
                test.momentumGrid(request.momentumGrid());
            }
            if (request.weightDecayGrid() != null) {
                test.weightDecayGrid(request.weightDecayGrid(), wd -> bench.optimizer(constant, wd));
            }
            test.progress(p -> progress.at(p.done(), p.total(), String.format(Locale.ROOT,
                    "run %d/%d step %d/%d lr %s loss %s", p.run() + 1, p.runs(), p.step() + 1, p.steps(),
                    Numbers.number(p.learningRate()), Numbers.number(p.smoothedLoss()))));
            try {
                result = test.build().run();
            } catch (IllegalStateException e) {
                throw new RunFailure(e.getMessage(), e);
            } catch (TranslateException e) {
                throw new RunFailure("range test: cannot read the training data: " + e.getMessage(), e);
            } finally {
                progress.finish();
            }
        }
        String title = String.format(Locale.ROOT, "LR range test: %s on %s, batch %d, %s, %d steps %s %s to %s",
                settings.model(), bench.datasetName(), settings.batchSize(), settings.describeOptimizer(
                        request.momentumGrid() != null ? grid(request.momentumGrid())
                                : Numbers.number(settings.momentum()),
                        request.weightDecayGrid() != null ? grid(request.weightDecayGrid())
                                : Numbers.number(settings.weightDecay())),
                request.sweep().steps(), request.sweep().shape().name().toLowerCase(Locale.ROOT),
                Numbers.number(request.sweep().start()), Numbers.number(request.sweep().end()));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("dataset", bench.datasetName());
        context.put("trainingImages", bench.train().size());
        context.put("model", settings.model());
        context.put("batchSize", settings.batchSize());
        context.put("optimizer", settings.describeOptimizer());
        context.put("seed", firstSeed);
        context.put("device", bench.device().toString());
        int stepsPerEpoch = bench.stepsPerEpoch();
        return new Found(request, result, title, stepsPerEpoch,
                policies(result.advice(), request.epochs(), stepsPerEpoch), context);
    }

    /** The policies the advice gives, as specs, sized for {@code epochs} epochs. */
    static List<String> policies(RangeTestAdvice advice, int epochs, int stepsPerEpoch) {
        long total = (long) epochs * stepsPerEpoch;
        long stepsUp = Math.max(1, Math.min(2L * stepsPerEpoch, total / 2));
        String peak = Numbers.number(advice.peak(total));
        Cyclical cyclical = advice.cyclical(stepsUp, total);
        List<String> specs = List.of(
                "oneCyclePolicy(peak=" + peak + ", totalSteps=" + total + ")",
                "cyclical(base=" + Numbers.number(cyclical.base()) + ", peak=" + Numbers.number(cyclical.peak())
                        + ", stepsUp=" + stepsUp + ")",
                "sgdr(peak=" + Numbers.number(advice.heldRate(total)) + ", firstPeriod=" + stepsPerEpoch
                        + ", periodMultiplier=2)",
                "torch.OneCycleLR(max_lr=" + peak + ", total_steps=" + total + ")");
        for (String text : specs) {
            Specs.parsePolicy(text); // every printed spec must read back
        }
        return specs;
    }

    /**
     * How the peak follows from the curve, in words.
     *
     * @param rule the advice's peak rule
     * @param totalSteps the run's length in optimizer steps, which the peak of SGD depends on
     * @return the reading and how the peak follows from it, e.g. the warm-up speed ratio and any cap
     */
    public static String peakRule(PeakRule rule, long totalSteps) {
        String reading = rule.reading().method() + " " + Numbers.number(rule.reading().learningRate());
        if (rule.family() == OptimizerFamily.ADAPTIVE) {
            return reading + ": Adam trains at the sweep's lowest loss";
        }
        return reading + " x sqrt(sweep speed / warm-up speed over " + totalSteps + " steps)"
                + (rule.capped(totalSteps) ? ", capped at half the sweep's last rate" : "");
    }

    private static String grid(double[] values) {
        return Arrays.stream(values).mapToObj(Numbers::number).reduce((a, b) -> a + "/" + b).orElse("");
    }

    /** The table {@link Found#table()} prints. */
    private static final class FindTable {

        private FindTable() {
        }

        static String of(Found found) {
            RangeTestResult result = found.result();
            RangeTestAdvice advice = result.advice();
            RangeTestCurve curve = result.curve();
            StringBuilder out = new StringBuilder();
            line(out, found.title());
            String stop = curve.stopReason() == StopReason.COMPLETED ? "completed all " + curve.size() + " steps"
                    : "stopped after " + curve.size() + " steps (" + curve.stopReason().name()
                            .toLowerCase(Locale.ROOT).replace('_', ' ') + " at lr "
                            + Numbers.number(curve.learningRate(curve.size() - 1)) + ")";
            line(out, "runs: " + result.runs().size() + (result.band().isPresent() ? " (median of "
                    + result.runs().size() + " seeds)" : "") + "; the advised curve " + stop);
            if (result.grid().isPresent()) {
                RangeTestGrid grid = result.grid().get();
                line(out, "");
                line(out, grid.parameter() + " grid (lowest smoothed loss):");
                double[] lowest = grid.lowestLosses();
                for (int i = 0; i < grid.values().length; i++) {
                    line(out, "  " + Numbers.pad(Numbers.number(grid.values()[i]), 10) + Numbers.number(lowest[i])
                            + (grid.values()[i] == grid.bestValue() ? "  <- best; the suggestions below are for it"
                                    : ""));
                }
            }
            line(out, "");
            line(out, "  " + Numbers.pad("method", 13) + "lr");
            for (Suggestion s : advice.suggestions()) {
                line(out, "  " + Numbers.pad(s.method(), 13) + Numbers.number(s.learningRate()));
            }
            line(out, "");
            long total = found.totalSteps();
            line(out, Numbers.pad("peak (auto)", 15) + Numbers.number(advice.peak(total)) + "   ("
                    + peakRule(advice.peakRule(), total) + ")");
            line(out, Numbers.pad("consensus", 15) + Numbers.number(advice.consensus()) + "   (interval "
                    + Numbers.number(advice.intervalLow()) + " .. " + Numbers.number(advice.intervalHigh()) + ")");
            line(out, Numbers.pad("CLR bounds", 15) + Numbers.number(advice.clrLower()) + " .. "
                    + Numbers.number(advice.clrUpper()) + (curve.hasValidation() ? "   (from validation accuracy)"
                            : ""));
            if (advice.warnings().isEmpty()) {
                line(out, Numbers.pad("warnings", 15) + "none");
            } else {
                for (int i = 0; i < advice.warnings().size(); i++) {
                    line(out, Numbers.pad(i == 0 ? "warnings" : "", 15) + advice.warnings().get(i));
                }
            }
            line(out, "");
            line(out, "policies (" + found.request().epochs() + " epochs of " + found.stepsPerEpoch() + " steps):");
            for (String policy : found.policies()) {
                line(out, "  " + policy);
            }
            line(out, "");
            line(out, "model restored: " + (result.restoredExactly() ? "bit-identical (checked)"
                    : "DIFFERS: " + String.join("; ", result.differences())));
            RangeTestTiming timing = result.timing();
            line(out, String.format(Locale.ROOT, "time: %d steps in %s (%.3f s/step); snapshot and restore %s, "
                    + "overhead over plain steps %+.1f%%", timing.steps(), duration(timing.totalSeconds()),
                    timing.secondsPerStep(), duration(timing.snapshotSeconds()), 100 * timing.overheadFraction()));
            return out.toString();
        }

        private static void line(StringBuilder out, String text) {
            out.append(text).append(System.lineSeparator());
        }

        /**
         * Seconds as {@code 12.3 s} or {@code 4 min 05 s}, also beyond an hour ({@link Numbers#seconds} switches
         * to hours there; the range test's time line keeps its own form).
         */
        private static String duration(double seconds) {
            if (seconds < 120) {
                return String.format(Locale.ROOT, "%.1f s", seconds);
            }
            long whole = Math.round(seconds);
            return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
        }
    }
}

package org.lrkit.experiment.run;

import ai.djl.Model;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lrkit.djl.optim.ScheduledOptimizer;
import org.lrkit.djl.rangetest.RangeTest;
import org.lrkit.djl.rangetest.RangeTestResult;
import org.lrkit.experiment.report.Numbers;
import org.lrkit.experiment.report.RangeTestReport;
import org.lrkit.rangetest.RangeTestAdvice;
import org.lrkit.rangetest.Suggestion;
import org.lrkit.rangetest.Sweep;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Schedule;

/**
 * The range test a command runs before training when a policy says {@code peak=auto}: an exponential sweep on
 * a fresh model initialized from the seed, with the settings' optimizer, written to {@code range-test/} of
 * the run directory ({@code curve.csv}, {@code curve.json}, {@code runs.csv}).
 */
public final class RangeFinder {

    /** The sub-folder of a run directory that holds the range test. */
    public static final String DIRECTORY = "range-test";

    private RangeFinder() {
    }

    /**
     * How the range test sweeps.
     *
     * @param start the first learning rate
     * @param end the last learning rate
     * @param steps steps of the sweep
     */
    public record SweepSettings(double start, double end, int steps) {

        /**
         * Checks the values, naming the options.
         *
         * @param start the first learning rate, {@code > 0}
         * @param end the last learning rate, finite and {@code > start}
         * @param steps steps of the sweep, in {@code [4, 100000]}
         * @throws IllegalArgumentException if a value is out of range, naming its option
         */
        public SweepSettings {
            if (steps < 4 || steps > 100_000) {
                throw new IllegalArgumentException("--find-steps must be in [4, 100000], got " + steps);
            }
            if (!(start > 0) || !(end > start) || Double.isInfinite(end)) {
                throw new IllegalArgumentException("--find-start and --find-end must satisfy 0 < start < end, got "
                        + start + " and " + end);
            }
        }

        /**
         * The sweep.
         *
         * @return an exponential sweep from {@code start} to {@code end} in {@code steps} steps
         */
        public Sweep sweep() {
            return Sweep.exponential(start, end, steps);
        }

        /**
         * As the {@code rangeTest} object of {@code config.json}.
         *
         * @return the settings as a JSON object
         */
        public Map<String, Object> toJson() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("start", start);
            map.put("end", end);
            map.put("steps", steps);
            map.put("shape", "exponential");
            return map;
        }
    }

    /**
     * Runs the test and writes its files.
     *
     * @param bench the data, model and engine to train with
     * @param settings how the test sweeps
     * @param seed the seed of the test's model and data order
     * @param directory the run directory (the files go to its {@code range-test/})
     * @param progress where the test reports its progress
     * @return the test's result and advice
     * @throws RunFailure if the test cannot read a curve (the loss diverged at once, say)
     * @throws IOException if the files cannot be written or the data cannot be read
     */
    public static RangeTestResult run(Workbench bench, SweepSettings settings, long seed, Path directory,
            Progress progress) throws IOException {
        Path folder = directory.resolve(DIRECTORY);
        Files.createDirectories(folder);
        RangeTestResult result;
        try (Model model = bench.newInitializedModel(seed)) {
            ScheduledOptimizer optimizer = bench.optimizer(Policy.of(Schedule.constant(settings.start())));
            RangeTest.Builder builder = RangeTest.builder(model, optimizer)
                    .data(bench.batchSource())
                    .sweep(settings.sweep()).device(bench.device()).seeds(seed)
                    .progress(p -> progress.step(String.format(Locale.ROOT, "range test: lr %s, loss %s",
                            Numbers.number(p.learningRate()), Numbers.number(p.smoothedLoss()))));
            if (bench.settings().clipNorm() > 0) {
                builder.clipGradientNorm(bench.settings().clipNorm()); // the sweep's steps as the training's
            }
            RangeTest test = builder.build();
            try {
                result = test.run();
            } catch (IllegalStateException e) {
                throw new RunFailure("range test: " + e.getMessage(), e);
            } catch (TranslateException e) {
                throw new RunFailure("range test: cannot read the training data: " + e.getMessage(), e);
            }
        }
        // Steps the sweep skipped when the loss diverged early still count as done.
        progress.skip(Math.max(0, settings.steps() - result.curve().size()));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("context", Map.of("model", bench.settings().model(), "dataset", bench.datasetName(),
                "batchSize", bench.settings().batchSize(), "optimizer", bench.settings().describeOptimizer(),
                "seed", seed));
        RangeTestReport.write(result, folder, extra);
        return result;
    }

    /**
     * The advice as the {@code rangeTest} object of {@code summary.json}.
     *
     * @param result the range test's result
     * @return the advice as a JSON object
     */
    public static Map<String, Object> adviceJson(RangeTestResult result) {
        RangeTestAdvice advice = result.advice();
        Map<String, Object> map = new LinkedHashMap<>();
        List<Map<String, Object>> suggestions = new ArrayList<>();
        for (Suggestion suggestion : advice.suggestions()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("method", suggestion.method());
            entry.put("lr", suggestion.learningRate());
            suggestions.add(entry);
        }
        map.put("suggestions", suggestions);
        map.put("rule", advice.peakRule().name());
        map.put("peakRule", RangeTestReport.peakRule(advice.peakRule()));
        map.put("consensus", advice.consensus());
        map.put("intervalLow", advice.intervalLow());
        map.put("intervalHigh", advice.intervalHigh());
        map.put("clrLower", advice.clrLower());
        map.put("clrUpper", advice.clrUpper());
        map.put("warnings", advice.warnings());
        map.put("stepsRun", result.curve().size());
        map.put("stopReason", result.curve().stopReason().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        map.put("seconds", result.timing().totalSeconds());
        map.put("modelRestored", result.restoredExactly());
        map.put("curve", DIRECTORY + "/curve.csv");
        return map;
    }
}

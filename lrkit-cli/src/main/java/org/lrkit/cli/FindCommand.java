package org.lrkit.cli;

import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import org.lrkit.experiment.report.Numbers;
import org.lrkit.djl.optim.ScheduledOptimizer;
import org.lrkit.djl.rangetest.RangeTest;
import org.lrkit.djl.rangetest.RangeTestReport;
import org.lrkit.djl.rangetest.RangeTestResult;
import org.lrkit.djl.rangetest.RangeTestTiming;
import org.lrkit.rangetest.OptimizerFamily;
import org.lrkit.rangetest.PeakRule;
import org.lrkit.rangetest.RangeTestAdvice;
import org.lrkit.rangetest.RangeTestCurve;
import org.lrkit.rangetest.RangeTestGrid;
import org.lrkit.rangetest.StopReason;
import org.lrkit.rangetest.Suggestion;
import org.lrkit.rangetest.Sweep;
import org.lrkit.rangetest.SweepShape;
import org.lrkit.schedule.Cyclical;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Schedule;
import org.lrkit.spec.Specs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code lrkit find}: the learning-rate range test on a model and dataset, printing the suggestions, their
 * consensus and interval, Smith's bounds, warnings and the policies they give, and writing the curve (CSV,
 * JSON) and its chart. The model is restored exactly afterwards, which the command checks and reports.
 */
@Command(
        name = "find",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Run a learning-rate range test: train for a few steps while the learning rate sweeps upwards, then"
                    + " read suggestions off the loss curve (and Smith's bounds off the accuracy, with"
                    + " --validate-every).",
            "",
            "Prints the suggestions, their consensus and interval, Smith's cyclical bounds, warnings and the"
                    + " policies they give as specs; writes curve.csv, runs.csv, curve.json and curve.png into"
                    + " --out. The model is put back exactly afterwards (checked).",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  lrkit find --dataset fashion-mnist-embedded --model fashion_cnn --steps 100",
            "  lrkit find --dataset cifar10 --model resnet20 --start 1e-5 --end 10 \\",
            "      --steps 390 --seeds 3",
            "  lrkit find --mode linear --start 0.001 --end 1 --steps 200 \\",
            "      --validate-every 10",
            "  lrkit find --momentum-grid 0.85,0.9,0.95 --steps 100 --out runs/momentum",
            "  lrkit find --steps 100 --json > range-test.json"
        })
public final class FindCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private TrainingOptions training;

    @Option(names = "--start", paramLabel = "LR", defaultValue = "1e-7", description = "First learning rate (1e-7).")
    private double start;

    @Option(names = "--end", paramLabel = "LR", defaultValue = "10", description = "Last learning rate (10).")
    private double end;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "100", converter = StepCountConverter.class,
            description = "Steps of the sweep, both ends included (100).")
    private long steps;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "exponential",
            description = "exponential (evenly spaced on a log scale, the default) or linear (Smith's original).")
    private String mode;

    @Option(names = "--smoothing", paramLabel = "BETA", defaultValue = "0.98",
            description = "Weight of the past in the loss's moving average, in [0, 1) (0.98).")
    private double smoothing;

    @Option(names = "--validate-every", paramLabel = "K",
            description = "Evaluate a validation subset every K steps (Smith's accuracy test).")
    private Integer validateEvery;

    @Option(names = "--validation-size", paramLabel = "N", defaultValue = "1000",
            description = "Images held out of the training set for --validate-every (1000).")
    private int validationSize;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "1",
            description = "Runs with seeds S, S+1, ..., combined into a median curve with a quartile band (1).")
    private int seeds;

    @Option(names = "--momentum-grid", paramLabel = "M", split = ",",
            description = "One curve per momentum, e.g. 0.85,0.9,0.95 (Smith 2018), overlaid; the lowest is"
                    + " advised.")
    private double[] momentumGrid;

    @Option(names = "--wd-grid", paramLabel = "WD", split = ",",
            description = "One curve per weight decay, e.g. 1e-5,1e-4,1e-3, overlaid; the lowest is advised.")
    private double[] weightDecayGrid;

    @Option(names = "--epochs", paramLabel = "E", defaultValue = "10",
            description = "Length of the training the printed policies are sized for, in epochs (10).")
    private int epochs;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write curve.csv, runs.csv, curve.json and curve.png (runs/find-<time>).")
    private Path out;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "The chart's file (<out>/curve.png).")
    private Path plot;

    @Option(names = "--json", description = "Print curve.json to standard output instead of the table.")
    private boolean json;

    @Mixin
    private QuietOption quiet;

    @Mixin
    private CommonOptions common;

    @Override
    public Integer call() throws IOException, TranslateException {
        Sweep sweep = sweep();
        checkOptions();
        Path directory = out != null ? out : defaultDirectory();
        Path chartFile = plot != null ? plot : directory.resolve("curve.png");
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter messages = quiet.enabled ? null : err;
        int validation = validateEvery != null ? validationSize : 0;
        RangeTestResult result;
        String title;
        int batchesPerEpoch;
        Map<String, Object> context = new LinkedHashMap<>();
        try (TrainingSetup setup = TrainingSetup.create(training, 0.9, validation, messages)) {
            batchesPerEpoch = setup.batchesPerEpoch();
            ScheduledOptimizer optimizer = setup.optimizer(sweep.start());
            RangeTest.Builder test = RangeTest.builder(setup.model, optimizer).data(setup.batchSource()).sweep(sweep)
                    .smoothing(smoothing).device(setup.device)
                    .seeds(LongStream.range(0, seeds).map(i -> training.seed.value + i).toArray());
            if (validateEvery != null) {
                test.validation(setup.validationLoader(), validateEvery, 250);
            }
            if (momentumGrid != null) {
                test.momentumGrid(momentumGrid);
            }
            if (weightDecayGrid != null) {
                test.weightDecayGrid(weightDecayGrid,
                        wd -> setup.optimizer(Policy.of(Schedule.constant(sweep.start())), wd));
            }
            ConsoleProgress progress = new ConsoleProgress(quiet.enabled);
            test.progress(p -> progress.update(p.done(), p.total(), String.format(Locale.ROOT,
                    "run %d/%d step %d/%d lr %s loss %s", p.run() + 1, p.runs(), p.step() + 1, p.steps(),
                    Numbers.number(p.learningRate()), Numbers.number(p.smoothedLoss()))));
            try {
                result = test.build().run();
            } catch (IllegalStateException e) {
                throw new CommandFailure(e.getMessage(), e);
            } finally {
                progress.finish();
            }
            title = String.format(Locale.ROOT, "LR range test: %s on %s, batch %d, %s, %d steps %s %s to %s",
                    training.model, setup.datasetName, training.batch.size, setup.describeOptimizer(
                            momentumGrid != null ? grid(momentumGrid) : Numbers.number(setup.momentum),
                            weightDecayGrid != null ? grid(weightDecayGrid)
                                    : Numbers.number(training.optimizer.weightDecay)),
                    sweep.steps(),
                    sweep.shape().name().toLowerCase(Locale.ROOT), Numbers.number(sweep.start()),
                    Numbers.number(sweep.end()));
            context.put("dataset", setup.datasetName);
            context.put("trainingImages", setup.train.size());
            context.put("model", training.model);
            context.put("batchSize", training.batch.size);
            context.put("optimizer", setup.describeOptimizer());
            context.put("seed", training.seed.value);
            context.put("device", setup.device.toString());
        }
        List<String> policies = policies(result.advice(), batchesPerEpoch);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("context", context);
        extra.put("policies", policies);
        List<Path> written = new ArrayList<>(RangeTestReport.write(result, directory, extra));
        try {
            FindPlot.chart(result, title, (long) epochs * batchesPerEpoch).writePng(chartFile);
            written.add(chartFile);
        } catch (IOException e) {
            throw new CommandFailure("could not write the chart " + chartFile + ": " + e.getMessage(), e);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            stdout.print(RangeTestReport.json(result, extra));
        } else {
            printTable(stdout, result, title, policies, batchesPerEpoch);
        }
        stdout.flush();
        if (!quiet.enabled) {
            err.println("wrote " + written.stream().map(Path::toString).reduce((a, b) -> a + ", " + b).orElse(""));
            err.flush();
        }
        return ExitCode.OK;
    }

    private Sweep sweep() {
        SweepShape shape = switch (mode.strip().toLowerCase(Locale.ROOT)) {
            case "exponential", "exp", "log" -> SweepShape.EXPONENTIAL;
            case "linear", "lin" -> SweepShape.LINEAR;
            default -> throw usage("--mode must be exponential or linear, got '" + mode + "'");
        };
        if (steps < 4 || steps > 100_000) {
            throw usage("--steps must be in [4, 100000], got " + steps);
        }
        try {
            return new Sweep(shape, start, end, (int) steps);
        } catch (IllegalArgumentException e) {
            throw usage("invalid --start/--end: " + e.getMessage());
        }
    }

    private void checkOptions() {
        if (!(smoothing >= 0 && smoothing < 1)) {
            throw usage("--smoothing must be in [0, 1), got " + smoothing);
        }
        if (validateEvery != null && validateEvery <= 0) {
            throw usage("--validate-every must be > 0, got " + validateEvery);
        }
        if (validationSize <= 0) {
            throw usage("--validation-size must be > 0, got " + validationSize);
        }
        SeedRangeOptions.checkCount(seeds);
        if (momentumGrid != null && weightDecayGrid != null) {
            throw usage("give --momentum-grid or --wd-grid, not both: tune momentum first, then weight decay");
        }
        if (momentumGrid != null && training.momentum != null) {
            throw usage("give --momentum or --momentum-grid, not both");
        }
        if (epochs <= 0) {
            throw usage("--epochs must be > 0, got " + epochs);
        }
        if (plot != null) {
            Path parent = plot.toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw usage("--plot " + plot + ": the directory " + parent + " does not exist; create it first");
            }
        }
        if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
            throw usage("--out " + out + " is a file; give a directory");
        }
    }

    private static Path defaultDirectory() {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        Path base = Path.of("runs", "find-" + stamp);
        Path candidate = base;
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = Path.of(base + "-" + i);
        }
        return candidate;
    }

    /** The policies the advice gives, as specs, sized for {@code --epochs} epochs. */
    private List<String> policies(RangeTestAdvice advice, int batchesPerEpoch) {
        long total = (long) epochs * batchesPerEpoch;
        long stepsUp = Math.max(1, Math.min(2L * batchesPerEpoch, total / 2));
        String peak = Numbers.number(advice.peak(total));
        Cyclical cyclical = advice.cyclical(stepsUp, total);
        List<String> specs = List.of(
                "oneCyclePolicy(peak=" + peak + ", totalSteps=" + total + ")",
                "cyclical(base=" + Numbers.number(cyclical.base()) + ", peak=" + Numbers.number(cyclical.peak())
                        + ", stepsUp=" + stepsUp + ")",
                "sgdr(peak=" + Numbers.number(advice.heldRate(total)) + ", firstPeriod=" + batchesPerEpoch
                        + ", periodMultiplier=2)",
                "torch.OneCycleLR(max_lr=" + peak + ", total_steps=" + total + ")");
        for (String text : specs) {
            Specs.parsePolicy(text); // every printed spec must read back
        }
        return specs;
    }

    /** How the peak follows from the curve, in words. */
    static String peakRule(PeakRule rule, long totalSteps) {
        String reading = rule.reading().method() + " " + Numbers.number(rule.reading().learningRate());
        if (rule.family() == OptimizerFamily.ADAPTIVE) {
            return reading + ": Adam trains at the sweep's lowest loss";
        }
        return reading + " x sqrt(sweep speed / warm-up speed over " + totalSteps + " steps)"
                + (rule.capped(totalSteps) ? ", capped at half the sweep's last rate" : "");
    }

    private void printTable(PrintWriter out, RangeTestResult result, String title, List<String> policies,
            int batchesPerEpoch) {
        RangeTestAdvice advice = result.advice();
        RangeTestCurve curve = result.curve();
        out.println(title);
        String stop = curve.stopReason() == StopReason.COMPLETED ? "completed all " + curve.size() + " steps"
                : "stopped after " + curve.size() + " steps (" + curve.stopReason().name().toLowerCase(Locale.ROOT)
                        .replace('_', ' ') + " at lr " + Numbers.number(curve.learningRate(curve.size() - 1)) + ")";
        out.println("runs: " + result.runs().size() + (result.band().isPresent() ? " (median of "
                + result.runs().size() + " seeds)" : "") + "; the advised curve " + stop);
        if (result.grid().isPresent()) {
            RangeTestGrid grid = result.grid().get();
            out.println();
            out.println(grid.parameter() + " grid (lowest smoothed loss):");
            double[] lowest = grid.lowestLosses();
            for (int i = 0; i < grid.values().length; i++) {
                out.println("  " + Numbers.pad(Numbers.number(grid.values()[i]), 10) + Numbers.number(lowest[i])
                        + (grid.values()[i] == grid.bestValue() ? "  <- best; the suggestions below are for it" : ""));
            }
        }
        out.println();
        out.println("  " + Numbers.pad("method", 13) + "lr");
        for (Suggestion s : advice.suggestions()) {
            out.println("  " + Numbers.pad(s.method(), 13) + Numbers.number(s.learningRate()));
        }
        out.println();
        long total = (long) epochs * batchesPerEpoch;
        out.println(Numbers.pad("peak (auto)", 15) + Numbers.number(advice.peak(total)) + "   ("
                + peakRule(advice.peakRule(), total) + ")");
        out.println(Numbers.pad("consensus", 15) + Numbers.number(advice.consensus()) + "   (interval "
                + Numbers.number(advice.intervalLow()) + " .. " + Numbers.number(advice.intervalHigh()) + ")");
        out.println(Numbers.pad("CLR bounds", 15) + Numbers.number(advice.clrLower()) + " .. "
                + Numbers.number(advice.clrUpper()) + (curve.hasValidation() ? "   (from validation accuracy)" : ""));
        if (advice.warnings().isEmpty()) {
            out.println(Numbers.pad("warnings", 15) + "none");
        } else {
            for (int i = 0; i < advice.warnings().size(); i++) {
                out.println(Numbers.pad(i == 0 ? "warnings" : "", 15) + advice.warnings().get(i));
            }
        }
        out.println();
        out.println("policies (" + epochs + " epochs of " + batchesPerEpoch + " steps):");
        for (String policy : policies) {
            out.println("  " + policy);
        }
        out.println();
        out.println("model restored: " + (result.restoredExactly() ? "bit-identical (checked)"
                : "DIFFERS: " + String.join("; ", result.differences())));
        RangeTestTiming timing = result.timing();
        out.println(String.format(Locale.ROOT, "time: %d steps in %s (%.3f s/step); snapshot and restore %s, "
                + "overhead over plain steps %+.1f%%", timing.steps(), duration(timing.totalSeconds()),
                timing.secondsPerStep(), duration(timing.snapshotSeconds()), 100 * timing.overheadFraction()));
    }

    /**
     * Seconds as {@code 12.3 s} or {@code 4 min 05 s}, also beyond an hour ({@link Numbers#seconds} switches to
     * hours there; the range test's time line keeps its own form).
     */
    private static String duration(double seconds) {
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long whole = Math.round(seconds);
        return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
    }

    private static String grid(double[] values) {
        return java.util.Arrays.stream(values).mapToObj(Numbers::number).reduce((a, b) -> a + "/" + b).orElse("");
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}

package org.lrkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import org.lrkit.experiment.find.FindRun;
import org.lrkit.experiment.run.Progress;
import org.lrkit.experiment.run.Settings;
import org.lrkit.rangetest.Sweep;
import org.lrkit.rangetest.SweepShape;
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

    /** The gradient-norm limit of the sweep's steps, or {@code null} for none. */
    @Option(names = "--clip-norm", paramLabel = "X",
            description = "Clip the gradients of each step to a global L2 norm of at most X, as the training to"
                    + " follow will (default: no clipping).")
    private Double clipNorm;

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
    public Integer call() throws IOException {
        Sweep sweep = sweep();
        checkOptions();
        Path directory = out != null ? out : RunCommands.defaultDirectory("find");
        Path chartFile = plot != null ? plot : directory.resolve("curve.png");
        PrintWriter err = spec.commandLine().getErr();
        Settings settings = training.settings(0.9).withTraining(1, LoopOptions.clipNorm(clipNorm), Map.of());
        FindRun.Request request = new FindRun.Request(settings, sweep, smoothing,
                LongStream.range(0, seeds).map(i -> training.seed.value + i).toArray(),
                validateEvery != null ? validateEvery : 0, validationSize, momentumGrid, weightDecayGrid, epochs);
        FindRun.Found found = FindRun.run(request, Progress.of(err, quiet.enabled), quiet.enabled ? null : err);
        List<Path> written = found.write(directory, chartFile);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(json ? found.json() : found.table());
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
        if (validateEvery != null && validateEvery <= 0) {
            throw usage("--validate-every must be > 0, got " + validateEvery);
        }
        if (validationSize <= 0) {
            throw usage("--validation-size must be > 0, got " + validationSize);
        }
        SeedRangeOptions.checkCount(seeds);
        if (momentumGrid != null && training.momentum != null) {
            throw usage("give --momentum or --momentum-grid, not both");
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

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}

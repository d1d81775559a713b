package org.lrkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.lrkit.experiment.run.Experiment;
import org.lrkit.experiment.run.PolicyRequest;
import org.lrkit.experiment.run.Progress;
import org.lrkit.experiment.run.RangeFinder;
import org.lrkit.experiment.run.Workbench;
import org.lrkit.djl.train.TrainingLength;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lrkit train}: trains one model with one policy into a run directory (configuration, metrics,
 * checkpoints, charts, report), and continues it after an interruption with {@code --resume}.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Train a model with a learning-rate policy: a spec, a spec file (@file.txt) or 'auto' (a one-cycle"
                    + " policy peaking at the suggestion of a range test run first).",
            "",
            "Writes a run directory (--out): config.json (the resolved configuration, versions, machine),"
                    + " runs/<policy>/seed-<s>/ with epochs.csv, steps.csv and checkpoint.lrkit, the charts as PNG,"
                    + " report.html and summary.json. In a spec, 'auto' stands for the run's length in steps"
                    + " (totalSteps=auto) or for the range test's learning rate (peak=auto). Ctrl-C keeps the last"
                    + " checkpoint; --resume continues from it.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  lrkit train --epochs 5",
            "  lrkit train --policy \"oneCyclePolicy(peak=0.1, totalSteps=auto)\" --epochs 3 --out runs/one-cycle",
            "  lrkit train --dataset cifar10 --model resnet20 --policy @policy.txt --epochs 30 --seed 1",
            "  lrkit train --resume runs/one-cycle"
        })
public final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private RunOptions run;

    @Option(names = "--policy", paramLabel = "SPEC|@FILE|auto", defaultValue = "auto",
            description = "The learning-rate policy: a spec, @file.txt holding one, or auto (the default). Prefix a"
                    + " label with 'label=' to name it.")
    private String policy;

    @Option(names = "--epochs", paramLabel = "E", description = "Train for E epochs (default 5).")
    private Long epochs;

    @Option(names = "--steps", paramLabel = "N", description = "Train for N optimizer steps instead of epochs.")
    private Long steps;

    @Mixin
    private SeedOption seed;

    @Mixin
    private RunDirectoryOption out;

    @Mixin
    private CheckpointOptions checkpoints;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the run in DIR from its last checkpoint, with its recorded configuration.")
    private Path resume;

    @Option(names = "--target", paramLabel = "ACC", converter = RunCommands.TargetConverter.class,
            description = "Test accuracy to count epochs to, e.g. 0.9 or 90%% (default: the final accuracy, rounded"
                    + " down to a whole percent).")
    private Double target;

    @Mixin
    private RangeTestOptions rangeTest;

    @Mixin
    private SummaryJsonOption json;

    @Mixin
    private QuietOption quiet;

    @Mixin
    private CommonOptions common;

    @Override
    public Integer call() throws IOException {
        return RunCommands.resumeOrCreate(spec, resume, run.engine, target, json.enabled, quiet.enabled, true,
                this::create);
    }

    private Experiment create(Progress progress, PrintWriter err, double goal) throws IOException {
        if (epochs != null && steps != null) {
            throw new IllegalArgumentException("give --epochs or --steps, not both");
        }
        TrainingLength length = steps != null ? positive(steps, "--steps", TrainingLength::steps)
                : positive(epochs == null ? 5 : epochs, "--epochs", TrainingLength::epochs);
        PolicyRequest request = PolicyRequest.parse(policy);
        RangeFinder.SweepSettings sweep = rangeTest.sweep();
        var settings = run.settings("fashion_cnn");
        Workbench.check(settings);
        Path directory = out.directory();
        Experiment.Request plan = new Experiment.Request("train", RunCommands.commandLine(spec), List.of(request),
                List.of(length), List.of(""), new long[] {seed.value}, goal, null, sweep, seed.value,
                checkpoints.directory, checkpoints.every, VersionProvider.version());
        Experiment.check(plan, directory);
        Workbench bench = Workbench.open(settings, progress.enabled() ? err : null);
        return Experiment.create(plan, bench, directory, progress, err);
    }

    static TrainingLength positive(long value, String option, java.util.function.LongFunction<TrainingLength> make) {
        if (value <= 0) {
            throw new IllegalArgumentException(option + " must be > 0, got " + value);
        }
        return make.apply(value);
    }
}

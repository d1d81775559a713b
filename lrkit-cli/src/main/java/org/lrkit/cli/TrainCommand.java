package org.lrkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lrkit.experiment.run.Experiment;
import org.lrkit.experiment.run.ExperimentRequest;
import org.lrkit.experiment.run.PolicyRequest;
import org.lrkit.experiment.run.Progress;
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
            "  lrkit train --policy \"oneCyclePolicy(peak=0.1, totalSteps=auto)\" --epochs 3 \\",
            "      --out runs/one-cycle",
            "  lrkit train --dataset cifar10 --model resnet20 --policy @policy.txt \\",
            "      --epochs 30 --seed 1",
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

    @Mixin
    private TrainingLengthOptions length;

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
        ExperimentRequest request = RunCommands.request(spec, rangeTest, goal)
                .checkpoints(checkpoints.directory, checkpoints.every)
                .policy(PolicyRequest.parse(policy), length.length())
                .seeds(seed.value)
                .build();
        return RunCommands.create(request, run.settings("fashion_cnn"), out.directory(), progress, err);
    }
}

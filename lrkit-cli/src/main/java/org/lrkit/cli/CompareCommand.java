package org.lrkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.lrkit.djl.train.TrainingLength;
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
 * {@code lrkit compare}: several policies, each with several seeds, on the same data and model, into one run
 * directory; the table gives the final accuracy (mean and standard deviation), the epochs to reach a target
 * accuracy and the wall time, the report plots accuracy and loss against the epoch and the policies.
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Compare learning-rate policies: train the same model on the same data with each --policy and each"
                    + " seed, then print a table of final accuracy (mean +/- std over the seeds), epochs to reach"
                    + " the target accuracy and wall time, and write a report with the charts.",
            "",
            "Each policy trains for the same --epochs (or --steps); 'auto' in a spec stands for that length"
                    + " (totalSteps=auto) or for the range test's learning rate (peak=auto), run once for all."
                    + " The run directory is laid out as for 'lrkit train'; --resume continues it.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  lrkit compare --epochs 4 --seeds 3 \\",
            "      --policy \"one-cycle=oneCyclePolicy(peak=auto, totalSteps=auto)\" \\",
            "      --policy \\",
            "      \"step=multiStepDecay(initial=0.05, milestones=[94, 141], factor=0.1)\"",
            "  lrkit compare --dataset cifar10 --model resnet20 --epochs 30 \\",
            "      --policy auto --policy @sgdr.txt",
            "  lrkit compare --resume runs/compare-20250101-120000"
        })
public final class CompareCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private RunOptions run;

    @Option(names = "--policy", paramLabel = "[LABEL=]SPEC|@FILE|auto",
            description = "A policy to compare; repeat for each. A spec, @file.txt holding one, or auto (one-cycle"
                    + " from the range test). 'label=' in front names it in the table and the charts.")
    private List<String> policies = new ArrayList<>();

    @Mixin
    private TrainingLengthOptions length;

    @Mixin
    private SeedRangeOptions seeds;

    @Option(names = "--target", paramLabel = "ACC", converter = RunCommands.TargetConverter.class,
            description = "Test accuracy to count epochs to, e.g. 0.9 or 90%% (default: the best final accuracy,"
                    + " rounded down to a whole percent).")
    private Double target;

    @Mixin
    private RunDirectoryOption out;

    @Mixin
    private CheckpointOptions checkpoints;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the comparison in DIR: finished runs are kept, the others continue.")
    private Path resume;

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
        return RunCommands.resumeOrCreate(spec, resume, run.engine, target, json.enabled, quiet.enabled, false,
                this::create);
    }

    private Experiment create(Progress progress, PrintWriter err, double goal) throws IOException {
        ExperimentRequest.Builder request = RunCommands.request(spec, rangeTest, goal)
                .checkpoints(checkpoints.directory, checkpoints.every)
                .seeds(seeds.seeds());
        TrainingLength each = length.length();
        for (String text : policies) {
            request.policy(PolicyRequest.parse(text), each);
        }
        return RunCommands.create(request.build(), run.settings("fashion_cnn"), out.directory(), progress, err);
    }
}

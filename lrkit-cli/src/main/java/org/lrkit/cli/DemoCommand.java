package org.lrkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.lrkit.experiment.run.DemoPlan;
import org.lrkit.experiment.run.Experiment;
import org.lrkit.experiment.run.ExperimentRequest;
import org.lrkit.experiment.run.PolicyRequest;
import org.lrkit.experiment.run.Progress;
import org.lrkit.experiment.run.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lrkit demo}: what lrkit is for, in a minute on the data inside the jar: a range test, {@code auto}'s
 * one-cycle policy, and a step-decay baseline from {@code auto}'s held rate trained for the same budget and for
 * several times that budget; then the table and a self-contained HTML report.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Show what a one-cycle policy from a range test buys: run a learning-rate range test, train auto's"
                    + " one-cycle policy for --epochs, and a step-decay baseline (from auto's held rate, a quarter"
                    + " of the one-cycle peak; times 0.1 at 50%% and 75%% of the run) for --epochs and for --factor"
                    + " times as many; then print the table (final and best test accuracy, epochs to reach the"
                    + " one-cycle run's accuracy, wall time) and write report.html with the charts.",
            "",
            "On the Fashion-MNIST subset inside lrkit (the default) it takes under a minute on two cores."
                    + " --dataset and --data switch to the full datasets (much longer on a CPU).",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  lrkit demo",
            "  lrkit demo --dataset fashion-mnist --epochs 3",
            "  lrkit demo --dataset cifar10 --data ~/datasets --model resnet20 \\",
            "      --epochs 10 --factor 3",
            "  lrkit demo --quiet --json > demo.json"
        })
public final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private RunOptions run;

    @Option(names = "--epochs", paramLabel = "E", defaultValue = "" + DemoPlan.DEFAULT_EPOCHS,
            description = "Epochs of the one-cycle run and of the short baseline (" + DemoPlan.DEFAULT_EPOCHS + ").")
    private long epochs;

    @Option(names = "--factor", paramLabel = "K", defaultValue = "" + DemoPlan.DEFAULT_FACTOR,
            description = "The long baseline trains K times as many epochs (" + DemoPlan.DEFAULT_FACTOR + ").")
    private int factor;

    @Mixin
    private SeedRangeOptions seeds;

    @Option(names = "--target", paramLabel = "ACC", converter = RunCommands.TargetConverter.class,
            description = "Test accuracy to count epochs to, e.g. 0.9 or 90%% (default: the one-cycle run's final"
                    + " accuracy, rounded down to half a percent).")
    private Double target;

    @Mixin
    private RangeTestOptions rangeTest;

    @Mixin
    private RunDirectoryOption out;

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue an interrupted demo in DIR.")
    private Path resume;

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
        long[] seedList = seeds.seeds();
        DemoPlan demo = new DemoPlan(epochs, factor);
        var settings = run.settings(DemoPlan.DEFAULT_MODEL);
        Workbench.check(settings);
        Path directory = out.directory();
        Experiment.requireFresh(directory);
        Workbench bench = Workbench.open(settings, progress.enabled() ? err : null);
        ExperimentRequest.Builder request = RunCommands.request(spec, rangeTest, goal).seeds(seedList)
                .targetFrom("one-cycle");
        List<PolicyRequest> policies = demo.policies(bench.stepsPerEpoch());
        for (int i = 0; i < policies.size(); i++) {
            request.policy(policies.get(i), demo.lengths().get(i), demo.roles().get(i));
        }
        return Experiment.create(request.build(), bench, directory, progress, err);
    }
}

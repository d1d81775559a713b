package org.lrkit.cli;

import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.lrkit.experiment.estimate.EstimateChart;
import org.lrkit.experiment.estimate.EstimateJob;
import org.lrkit.experiment.estimate.EstimateSettings;
import org.lrkit.experiment.report.Numbers;
import org.lrkit.experiment.run.Progress;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Schedule;
import org.lrkit.spec.SpecFile;
import org.lrkit.spec.Specs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code lrkit estimate}: trains briefly and logs Smith &amp; Topin's Hessian-free estimate of the optimal
 * learning rate (global and per layer) and the best step along the gradient from a finite-difference
 * Hessian-vector product, over time; writes them as CSV and a chart.
 */
@Command(
        name = "estimate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Train briefly and log estimates of the optimal learning rate as training goes.",
            "",
            "Two estimates (Smith & Topin 2018):",
            "  hessian-free    lr * sum|w2 - w1| / sum|2 w2 - w1 - w3| from three",
            "                  successive weights, every K steps, for the model and",
            "                  per layer, with the authors' moving average;",
            "  along gradient  g.g / g.Hg on a fixed batch, Hg from a finite",
            "                  difference of gradients.",
            "",
            "Plain SGD (the default here, --momentum 0) makes the first exact on a quadratic; momentum blurs it,"
                    + " so estimate.csv's hf_corrected column also gives the momentum-corrected estimate (equal to"
                    + " hf_estimate without momentum). Writes estimate.csv, layers.csv and estimate.png into --out.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  lrkit estimate --model fashion_cnn --lr 0.01 --steps 300",
            "  lrkit estimate --spec \"oneCyclePolicy(peak=0.1, totalSteps=300)\" \\",
            "      --steps 300 --every 20",
            "  lrkit estimate --dataset cifar10 --model resnet20 --lr 0.05 \\",
            "      --steps 200 --curvature-every 0"
        })
public final class EstimateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private TrainingOptions training;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "300", converter = StepCountConverter.class,
            description = "Training steps (300).")
    private long steps;

    @Option(names = "--lr", paramLabel = "LR", description = "A constant learning rate (default 0.01).")
    private Double learningRate;

    @Option(names = "--spec", paramLabel = "SPEC",
            description = "A policy instead of --lr, e.g. \"oneCyclePolicy(peak=0.1, totalSteps=300)\".")
    private String policySpec;

    @Option(names = "--every", paramLabel = "K", defaultValue = "10",
            description = "Steps between Hessian-free estimates (10); each uses three successive weights.")
    private int every;

    @Option(names = "--curvature-every", paramLabel = "N", defaultValue = "50",
            description = "Steps between curvature probes along the gradient (50); 0 turns them off.")
    private int curvatureEvery;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write estimate.csv, layers.csv and estimate.png (runs/estimate-<time>).")
    private Path out;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "The chart's file (<out>/estimate.png).")
    private Path plot;

    @Mixin
    private QuietOption quiet;

    @Mixin
    private CommonOptions common;

    @Override
    public Integer call() throws IOException, TranslateException {
        Policy policy = policy();
        EstimateSettings estimate = new EstimateSettings(steps, every, curvatureEvery);
        if (plot != null && (plot.toAbsolutePath().getParent() == null
                || !Files.isDirectory(plot.toAbsolutePath().getParent()))) {
            throw usage("--plot " + plot + ": the directory does not exist; create it first");
        }
        Path directory = out != null ? out : RunCommands.defaultDirectory("estimate");
        Path chartFile = plot != null ? plot : directory.resolve(EstimateChart.FILE);
        PrintWriter err = spec.commandLine().getErr();
        EstimateJob.Estimated estimated = EstimateJob.run(training.settings(0.0), policy, policyText(policy), estimate,
                training.seed.value, Progress.of(err, quiet.enabled), quiet.enabled ? null : err);
        List<Path> written = estimated.write(directory, chartFile);
        estimated.print(spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
        if (!quiet.enabled) {
            err.println("wrote " + written.stream().map(Path::toString).reduce((a, b) -> a + ", " + b).orElse(""));
            err.flush();
        }
        return ExitCode.OK;
    }

    private Policy policy() {
        if (policySpec != null && learningRate != null) {
            throw usage("give --lr or --spec, not both");
        }
        if (policySpec != null) {
            String text = SpecFile.textOf("--spec", policySpec);
            Policy policy;
            try {
                policy = Specs.parsePolicy(text);
            } catch (IllegalArgumentException e) {
                throw usage("invalid --spec: " + e.getMessage());
            }
            try {
                if (steps > 0) {
                    policy.checkValues(steps);
                }
            } catch (IllegalArgumentException e) {
                throw usage("--spec: " + e.getMessage() + "; change the spec so that it stays in range");
            }
            return policy;
        }
        double lr = learningRate == null ? 0.01 : learningRate;
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw usage("--lr must be > 0, got " + lr);
        }
        return Policy.of(Schedule.constant(lr));
    }

    private String policyText(Policy policy) {
        return policySpec != null ? SpecFile.textOf("--spec", policySpec).strip()
                : Numbers.number(policy.learningRate().valueAt(0));
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}

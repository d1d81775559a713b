package org.lrkit.cli;

import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import org.lrkit.experiment.reproduce.CatalogExperiment;
import org.lrkit.experiment.reproduce.EstimateExperiment;
import org.lrkit.experiment.reproduce.EstimatePlan;
import org.lrkit.experiment.reproduce.EstimateReproduction;
import org.lrkit.experiment.reproduce.EstimateReproductionReport;
import org.lrkit.experiment.reproduce.EstimateReproductionRunner;
import org.lrkit.experiment.reproduce.ExperimentCatalog;
import org.lrkit.experiment.reproduce.ExperimentListing;
import org.lrkit.experiment.reproduce.PaperExperiment;
import org.lrkit.experiment.reproduce.PlanStamp;
import org.lrkit.experiment.reproduce.ReproductionAnalysis;
import org.lrkit.experiment.reproduce.ReproductionReport;
import org.lrkit.experiment.reproduce.ReproductionResult;
import org.lrkit.experiment.reproduce.Scale;
import org.lrkit.experiment.reproduce.ScaledPlan;
import org.lrkit.experiment.reproduce.Setup;
import org.lrkit.experiment.reproduce.WorkbenchOpener;
import org.lrkit.experiment.run.Experiment;
import org.lrkit.experiment.run.ExperimentRequest;
import org.lrkit.experiment.run.Progress;
import org.lrkit.experiment.run.RunFailure;
import org.lrkit.experiment.run.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lrkit reproduce}: runs one of the papers' experiments ({@link ExperimentCatalog}) at a scale and checks
 * the paper's claims, writing {@code reproduction.json} and {@code reproduction.md} with one row per claim (the
 * paper's figure, lrkit's, the budgets, the verdict and the command that regenerates it). A policy comparison
 * ({@link PaperExperiment}) trains its policies into the usual run directory and report first, and its rows give
 * the speed-up; an estimate experiment ({@link EstimateExperiment}) trains briefly per seed and writes what
 * {@code lrkit estimate} writes ({@code estimate.csv}, {@code layers.csv}, {@code estimate.png}).
 */
@Command(
        name = "reproduce",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Reproduce a result of the cyclical-learning-rate, SGDR or super-convergence papers: train the"
                    + " experiment's policies with its data, network and optimizer, print the results table and"
                    + " one row per claim (the paper's figure beside lrkit's, the budgets, the speed-up in epochs"
                    + " to the baseline's accuracy and a verdict: reproduced, partly, not reproduced, or inconclusive"
                    + " with fewer than 3 seeds),"
                    + " and write"
                    + " report.html, reproduction.json and reproduction.md.",
            "",
            "hessian-free is a measurement instead: it trains briefly and logs the Hessian-free estimate of the"
                    + " optimal learning rate as 'lrkit estimate' does (estimate.csv, layers.csv, estimate.png),"
                    + " then sets its range beside the paper's in reproduction.json and reproduction.md.",
            "",
            "--scale full is the paper's setting (a GPU's work), cpu fits a two-core machine in about an hour"
                    + " per experiment, ci is a smoke test of seconds whose numbers are no evidence. --list shows"
                    + " every experiment with its budgets at each scale.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  lrkit reproduce --list",
            "  lrkit reproduce clr --scale ci",
            "  lrkit reproduce superconvergence --scale cpu --seeds 2",
            "  lrkit reproduce hessian-free --scale cpu",
            "  lrkit reproduce --resume runs/reproduce-sgdr-cpu-20250101-120000"
        })
public final class ReproduceCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "The experiment (see --list).")
    private String id;

    @Option(names = "--list", description = "List the experiments, their papers and their budgets at each scale.")
    private boolean list;

    @Option(names = "--scale", paramLabel = "ci|cpu|full", defaultValue = "cpu",
            description = "ci (seconds, a smoke test), cpu (about an hour on two cores, the default) or full (the"
                    + " paper's setting).")
    private String scale;

    @Option(names = "--seeds", paramLabel = "N",
            description = "Seeds per policy (per run of an estimate), 0 to N-1 (default: the plan's, see --list).")
    private Integer seeds;

    @Option(names = "--out", paramLabel = "DIR",
            description = "The run directory (runs/reproduce-<id>-<scale>-<time>).")
    private Path out;

    @Mixin
    private DataFolderOption dataFolder;

    @Mixin
    private EngineOptions engine;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue an interrupted reproduction in DIR, then write its rows.")
    private Path resume;

    @Mixin
    private QuietOption quiet;

    @Mixin
    private CommonOptions common;

    @Override
    public Integer call() throws IOException, TranslateException {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            if (id != null || resume != null) {
                throw new ParameterException(spec.commandLine(), "--list takes no experiment id and no --resume");
            }
            out.print(ExperimentListing.text(ExperimentCatalog.experiments()));
            return ExitCode.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = Progress.of(err, quiet.enabled);
        engine.check();
        try {
            if (resume != null) {
                if (id != null) {
                    throw new ParameterException(spec.commandLine(), "give an experiment id or --resume, not both"
                            + " (the directory knows its experiment)");
                }
                RunCommands.checkResumeOptions(spec);
                PlanStamp stamp = PlanStamp.read(resume);
                CatalogExperiment found = ExperimentCatalog.experiment(stamp.experiment());
                if (found.version() != stamp.version()) {
                    throw new IllegalArgumentException("--resume " + resume + " holds " + stamp.experiment() + " v"
                            + stamp.version() + ", but this lrkit has v" + found.version() + "; start it again: "
                            + stamp.command());
                }
                if (!(found instanceof PaperExperiment paper)) {
                    throw new IllegalArgumentException("--resume " + resume + " holds " + found.id() + ", an estimate"
                            + " that keeps no checkpoints to continue from; start it again: " + stamp.command());
                }
                Experiment experiment = Experiment.resume(resume, "reproduce", engine.requestedDevice(),
                        engine.requestedThreads(), progress, err);
                return checkComparison(paper, stamp, experiment, progress, out);
            }
            if (id == null) {
                throw new ParameterException(spec.commandLine(), "give an experiment id (" + String.join(", ",
                        ExperimentCatalog.experiments().stream().map(CatalogExperiment::id).toList()) + ") or --list");
            }
            CatalogExperiment found = ExperimentCatalog.experiment(id);
            Scale chosen = Scale.parse(scale);
            PlanStamp stamp = new PlanStamp(found.id(), found.version(), chosen, regenerate(found, chosen));
            if (found instanceof EstimateExperiment estimate) {
                return reproduceEstimate(estimate, chosen, stamp, progress, err, out);
            }
            PaperExperiment paper = (PaperExperiment) found;
            Experiment experiment = create(paper, chosen, stamp, progress, err);
            return checkComparison(paper, stamp, experiment, progress, out);
        } catch (RunFailure e) {
            throw new CommandFailure(e.getMessage(), e);
        }
    }

    /** Trains a comparison's policies (what is left of them), reports them, then checks the claims. */
    private int checkComparison(PaperExperiment paper, PlanStamp stamp, Experiment experiment, Progress progress,
            PrintWriter out) throws IOException {
        RunCommands.runAndReport(spec, experiment, Double.NaN, false, quiet.enabled, false);
        progress.say("checking the claims" + (paper.plan(stamp.scale()).snapshots().isEmpty() ? ""
                : " and evaluating the snapshot ensembles"));
        ReproductionResult result = ReproductionAnalysis.analyze(experiment.directory(), paper, stamp.scale(),
                experiment.workbench(), stamp.command());
        ReproductionReport.write(result);
        out.println();
        out.print(ReproductionReport.console(result));
        out.println("reproduction: " + ReproductionReport.markdownFile(experiment.directory()));
        out.flush();
        return ExitCode.OK;
    }

    private Experiment create(PaperExperiment paper, Scale chosen, PlanStamp stamp, Progress progress,
            PrintWriter err) throws IOException {
        ScaledPlan plan = paper.plan(chosen);
        long[] seedList = seedList(plan.seeds());
        Path directory = runDirectory(paper, chosen);
        Workbench bench = openFresh(plan.setup(), directory, progress, err);
        ExperimentRequest request = plan.request(bench.stepsPerEpoch(), seedList, RunCommands.commandLine(spec),
                paper.claims().get(0).baseline(), VersionProvider.version());
        Experiment experiment = Experiment.create(request, bench, directory, progress, err);
        stamp.write(directory);
        return experiment;
    }

    /**
     * Checks the setup against the options, then that {@code directory} is free, before the (slow) opening of the
     * data and the network, so that a wrong option fails at once.
     */
    private Workbench openFresh(Setup setup, Path directory, Progress progress, PrintWriter err) throws IOException {
        WorkbenchOpener.check(setup, dataFolder.path, engine.device(), engine.threadCount());
        Experiment.requireFresh(directory);
        return WorkbenchOpener.open(setup, dataFolder.path, engine.device(), engine.threadCount(), progress, err);
    }

    /** Runs an estimate experiment's seeds, checks its claim and writes and prints its row. */
    private int reproduceEstimate(EstimateExperiment estimate, Scale chosen, PlanStamp stamp, Progress progress,
            PrintWriter err, PrintWriter out) throws IOException, TranslateException {
        EstimatePlan plan = estimate.plan(chosen);
        long[] seedList = seedList(plan.seeds());
        Path directory = runDirectory(estimate, chosen);
        Workbench bench = openFresh(plan.setup(), directory, progress, err);
        Files.createDirectories(directory);
        stamp.write(directory);
        EstimateReproduction reproduction = EstimateReproductionRunner.run(estimate, chosen, seedList, directory,
                bench, stamp.command(), progress);
        EstimateReproductionReport.write(reproduction);
        out.print(EstimateReproductionReport.console(reproduction));
        out.println("reproduction: " + ReproductionReport.markdownFile(directory));
        out.flush();
        return ExitCode.OK;
    }

    /** The seeds 0 to N-1, N from {@code --seeds} or the plan's default. */
    private long[] seedList(int planned) {
        int count = SeedRangeOptions.checkCount(seeds == null ? planned : seeds);
        return LongStream.range(0, count).toArray();
    }

    /** {@code --out}, or {@code runs/reproduce-<id>-<scale>-<time>}. */
    private Path runDirectory(CatalogExperiment experiment, Scale chosen) {
        return out != null ? out : RunCommands.defaultDirectory("reproduce-" + experiment.id() + "-" + chosen.word());
    }

    /** The command that makes the same reproduction again (in a new directory). */
    private String regenerate(CatalogExperiment experiment, Scale chosen) {
        List<String> words = new ArrayList<>(List.of("lrkit", "reproduce", experiment.id(), "--scale", chosen.word(),
                "--seeds", Integer.toString(seeds == null ? experiment.seeds(chosen) : seeds)));
        if (dataFolder.path != null) {
            words.add("--data");
            words.add(dataFolder.path.toString());
        }
        if (!engine.device().equals("cpu")) {
            words.add("--device");
            words.add(engine.device());
        }
        return String.join(" ", words.stream().map(word -> word.matches("[A-Za-z0-9._/+=:@,%-]+") ? word
                : "'" + word.replace("'", "'\\''") + "'").toList());
    }
}

package org.lrkit.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lrkit.cli.plot.LineChart;
import org.lrkit.cli.plot.Panel;
import org.lrkit.cli.plot.Scale;
import org.lrkit.cli.plot.Series;
import org.lrkit.djl.checkpoint.AtomicFiles;
import org.lrkit.djl.optim.ScheduledOptimizer;
import org.lrkit.djl.rangetest.CurvatureEstimate;
import org.lrkit.djl.rangetest.CurvatureProbe;
import org.lrkit.djl.rangetest.HessianFreeMonitor;
import org.lrkit.djl.rangetest.HessianFreeRecord;
import org.lrkit.djl.rangetest.LayerEstimate;
import org.lrkit.djl.train.DivergenceException;
import org.lrkit.djl.train.StepResult;
import org.lrkit.djl.train.TrainingLength;
import org.lrkit.djl.train.TrainingListener;
import org.lrkit.djl.train.TrainingRun;
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
            "Plain SGD (the default here, --momentum 0) makes the first exact on a quadratic; momentum blurs it."
                    + " Writes estimate.csv, layers.csv and estimate.png into --out.",
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

    @Option(names = {"-q", "--quiet"}, description = "Print no progress or messages on stderr, only errors.")
    private boolean quiet;

    @Mixin
    private CommonOptions common;

    /** One row of the table: a Hessian-free estimate and, at some rows, a curvature probe. */
    private record Row(HessianFreeRecord hessianFree, double loss, CurvatureEstimate curvature) {
    }

    @Override
    public Integer call() throws IOException, TranslateException {
        Policy policy = policy();
        if (steps < 3 || steps > 10_000_000) {
            throw usage("--steps must be in [3, 10000000], got " + steps);
        }
        if (every <= 0) {
            throw usage("--every must be > 0, got " + every);
        }
        if (curvatureEvery < 0) {
            throw usage("--curvature-every must be >= 0 (0 turns the probe off), got " + curvatureEvery);
        }
        if (plot != null && (plot.toAbsolutePath().getParent() == null
                || !Files.isDirectory(plot.toAbsolutePath().getParent()))) {
            throw usage("--plot " + plot + ": the directory does not exist; create it first");
        }
        Path directory = out != null ? out : defaultDirectory();
        Path chartFile = plot != null ? plot : directory.resolve("estimate.png");
        PrintWriter err = spec.commandLine().getErr();
        List<Row> rows = new ArrayList<>();
        String title;
        try (TrainingSetup setup = TrainingSetup.create(training, 0.0, 0, quiet ? null : err);
                NDManager probeManager = setup.model.getNDManager().newSubManager()) {
            ScheduledOptimizer optimizer = setup.optimizer(policy, training.weightDecay);
            HessianFreeMonitor monitor = HessianFreeMonitor.every(every, setup.model.getBlock(), optimizer);
            Loss loss = Loss.softmaxCrossEntropyLoss();
            Batch probe = null;
            if (curvatureEvery > 0) {
                Iterator<Batch> batches = setup.loader(training.seed + 7919).epoch(probeManager, 0).iterator();
                probe = batches.next();
                if (batches instanceof AutoCloseable closeable) {
                    closeQuietly(closeable);
                }
            }
            Batch probeBatch = probe;
            Deque<Double> recent = new ArrayDeque<>();
            long[] lastProbe = {Long.MIN_VALUE / 2};
            monitor.addListener(record -> {
                double meanLoss = recent.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                CurvatureEstimate curvature = null;
                if (probeBatch != null && record.step() - lastProbe[0] >= curvatureEvery) {
                    curvature = CurvatureProbe.measure(setup.model, loss, probeBatch.getData(), probeBatch.getLabels(),
                            CurvatureProbe.DEFAULT_RELATIVE_STEP, (int) (record.step() & Integer.MAX_VALUE));
                    lastProbe[0] = record.step();
                }
                rows.add(new Row(record, meanLoss, curvature));
            });
            ConsoleProgress progress = new ConsoleProgress(quiet);
            TrainingListener recorder = new TrainingListener() {
                @Override
                public void onStep(long epoch, StepResult step) {
                    recent.addLast(step.loss());
                    while (recent.size() > every) {
                        recent.removeFirst();
                    }
                    progress.update(step.step() + 1, steps, String.format(Locale.ROOT, "step %d/%d lr %s loss %s "
                            + "estimate %s", step.step() + 1, steps, Formats.number(step.learningRate()),
                            Formats.number(step.loss()), Formats.number(monitor.average())));
                }
            };
            try {
                TrainingRun.builder(setup.model, optimizer).loss(loss)
                        .trainingData(setup.loader(training.seed), training.batchSize)
                        .inputShapes(setup.inputShape).length(TrainingLength.steps(steps)).seed(training.seed)
                        .device(setup.device).listener(recorder).listener(monitor).build().run();
            } catch (DivergenceException e) {
                throw new CommandFailure(e.getMessage(), e);
            } finally {
                progress.finish();
                if (probe != null) {
                    probe.close();
                }
            }
            title = String.format(Locale.ROOT, "Hessian-free estimate: %s on %s, batch %d, %s, lr %s, %d steps",
                    training.model, setup.datasetName, training.batchSize, setup.describeOptimizer(),
                    policyText(policy), steps);
        }
        if (rows.isEmpty()) {
            throw new CommandFailure("no estimate was made: the run of " + steps + " steps is shorter than one "
                    + "window (an estimate needs steps " + every + ", " + (every + 1) + " and " + (every + 2)
                    + "); lower --every or train longer", null);
        }
        List<Path> written = write(directory, rows, policy);
        try {
            chart(rows, policy, title).writePng(chartFile);
            written.add(chartFile);
        } catch (IOException e) {
            throw new CommandFailure("could not write the chart " + chartFile + ": " + e.getMessage(), e);
        }
        printTable(spec.commandLine().getOut(), rows, title);
        spec.commandLine().getOut().flush();
        if (!quiet) {
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
            try {
                return Specs.parsePolicy(policySpec);
            } catch (IllegalArgumentException e) {
                throw usage("invalid --spec: " + e.getMessage());
            }
        }
        double lr = learningRate == null ? 0.01 : learningRate;
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw usage("--lr must be > 0, got " + lr);
        }
        return Policy.of(Schedule.constant(lr));
    }

    private String policyText(Policy policy) {
        return policySpec != null ? policySpec.strip() : Formats.number(policy.learningRate().valueAt(0));
    }

    private static Path defaultDirectory() {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        Path base = Path.of("runs", "estimate-" + stamp);
        Path candidate = base;
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = Path.of(base + "-" + i);
        }
        return candidate;
    }

    private static List<Path> write(Path directory, List<Row> rows, Policy policy) throws IOException {
        Files.createDirectories(directory);
        StringBuilder estimates = new StringBuilder(
                "step,lr,loss,hf_estimate,hf_average,first_l1,gradient_change_l1,along_gradient,g_dot_g,g_dot_hg\n");
        StringBuilder layers = new StringBuilder("step,layer,estimate,average,first_l1,gradient_change_l1\n");
        for (Row row : rows) {
            HessianFreeRecord r = row.hessianFree();
            CurvatureEstimate c = row.curvature();
            estimates.append(r.step()).append(',').append(r.learningRate()).append(',').append(csv(row.loss()))
                    .append(',').append(csv(r.estimate())).append(',').append(csv(r.average())).append(',')
                    .append(csv(r.firstDifferenceL1())).append(',').append(csv(r.gradientDifferenceL1())).append(',')
                    .append(c == null ? "" : csv(c.step())).append(',')
                    .append(c == null ? "" : csv(c.gradientDotGradient())).append(',')
                    .append(c == null ? "" : csv(c.gradientDotHessianGradient())).append('\n');
            for (Map.Entry<String, LayerEstimate> entry : r.layers().entrySet()) {
                LayerEstimate layer = entry.getValue();
                layers.append(r.step()).append(',').append(entry.getKey()).append(',').append(csv(layer.estimate()))
                        .append(',').append(csv(layer.average())).append(',').append(csv(layer.firstDifferenceL1()))
                        .append(',').append(csv(layer.gradientDifferenceL1())).append('\n');
            }
        }
        Path estimateFile = directory.resolve("estimate.csv");
        Path layerFile = directory.resolve("layers.csv");
        AtomicFiles.write(estimateFile, estimates.toString().getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(layerFile, layers.toString().getBytes(StandardCharsets.UTF_8));
        return new ArrayList<>(List.of(estimateFile, layerFile));
    }

    private static String csv(double value) {
        return Double.isFinite(value) ? Double.toString(value) : Double.isNaN(value) ? "" : value > 0 ? "inf" : "-inf";
    }

    private static LineChart chart(List<Row> rows, Policy policy, String title) {
        double[] steps = rows.stream().mapToDouble(r -> r.hessianFree().step()).toArray();
        double[] lr = rows.stream().mapToDouble(r -> r.hessianFree().learningRate()).toArray();
        double[] raw = rows.stream().mapToDouble(r -> positive(r.hessianFree().estimate())).toArray();
        double[] average = rows.stream().mapToDouble(r -> positive(r.hessianFree().average())).toArray();
        List<Series> series = new ArrayList<>();
        series.add(new Series("learning rate", steps, lr, LineChart.PALETTE.get(7)));
        series.add(new Series("hessian-free estimate", steps, raw, LineChart.PALETTE.get(1)));
        series.add(new Series("hessian-free moving average", steps, average, LineChart.PALETTE.get(0)));
        List<Row> probed = rows.stream().filter(r -> r.curvature() != null).toList();
        if (!probed.isEmpty()) {
            series.add(new Series("along the gradient (g.g / g.Hg)",
                    probed.stream().mapToDouble(r -> r.hessianFree().step()).toArray(),
                    probed.stream().mapToDouble(r -> positive(r.curvature().step())).toArray(),
                    LineChart.PALETTE.get(3)));
        }
        Series loss = new Series("training loss", steps, rows.stream().mapToDouble(Row::loss).toArray(),
                LineChart.PALETTE.get(2));
        return LineChart.builder().title(title).xTitle("step").size(1000, 700)
                .panel(new Panel("learning rate (log scale)", Scale.LOG, series, 3))
                .panel(new Panel("training loss", Scale.LINEAR, List.of(loss), 1))
                .build();
    }

    private static double positive(double value) {
        return value > 0 && Double.isFinite(value) ? value : Double.NaN;
    }

    private void printTable(PrintWriter out, List<Row> rows, String title) {
        out.println(title);
        out.println();
        out.println(String.format(Locale.ROOT, "%7s  %-10s %-9s %-14s %-10s %s", "step", "lr", "loss",
                "hessian-free", "(average)", "along gradient"));
        for (Row row : rows) {
            HessianFreeRecord r = row.hessianFree();
            out.println(String.format(Locale.ROOT, "%7d  %-10s %-9s %-14s %-10s %s", r.step(),
                    Formats.number(r.learningRate()), Formats.number(row.loss()), Formats.number(r.estimate()),
                    Formats.number(r.average()), row.curvature() == null ? "" : Formats.number(row.curvature().step())));
        }
        HessianFreeRecord last = rows.get(rows.size() - 1).hessianFree();
        out.println();
        out.println("per layer at step " + last.step() + " (estimate, moving average):");
        int width = last.layers().keySet().stream().mapToInt(String::length).max().orElse(5) + 2;
        for (Map.Entry<String, LayerEstimate> entry : last.layers().entrySet()) {
            out.println("  " + Formats.pad(entry.getKey(), width) + Formats.pad(Formats.number(entry.getValue()
                    .estimate()), 12) + Formats.number(entry.getValue().average()));
        }
        out.println();
        double[] probes = rows.stream().filter(r -> r.curvature() != null).mapToDouble(r -> r.curvature().step())
                .filter(Double::isFinite).sorted().toArray();
        out.println("hessian-free moving average at the end: " + Formats.number(last.average())
                + (probes.length == 0 ? "" : "; along the gradient, median of " + probes.length + " probes: "
                        + Formats.number(probes[probes.length / 2])));
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // the loader's workers stop on their own
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}

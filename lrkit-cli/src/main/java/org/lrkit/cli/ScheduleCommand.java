package org.lrkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lrkit.experiment.plot.Downsampler;
import org.lrkit.experiment.plot.LineChart;
import org.lrkit.experiment.plot.Panel;
import org.lrkit.experiment.plot.Scale;
import org.lrkit.experiment.plot.Series;
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
 * {@code lrkit schedule}: prints a policy's learning rate and momentum for steps {@code 0 .. N-1}, and
 * optionally plots them.
 *
 * <p>The CSV output is a stable contract that other tools script against: the header
 * {@code step,lr,momentum}, then one row per step such as {@code 0,0.004,0.95}, numbers printed with
 * {@link Double#toString(double)} (every digit needed to read the same double back), the momentum left
 * empty ({@code 0,0.1,}) when the policy does not schedule it. Lines end with {@code \n}.
 *
 * <p>Rows are computed as they are written: the output starts at once for any {@code --steps}, and stops as
 * soon as the reader goes away ({@code | head}) or a write fails.
 */
@Command(
        name = "schedule",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Print a learning-rate policy step by step as CSV or a table; optionally plot it.",
            "",
            "The CSV is the header 'step,lr,momentum' and one row per step 0 .. N-1, numbers written in full"
                    + " precision; the momentum is empty when the policy does not schedule it.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  lrkit schedule --steps 10 \\",
            "      --spec \"torch.OneCycleLR(max_lr=1.0, total_steps=10)\"",
            "  lrkit schedule --spec \"torch.StepLR(base_lr=0.1, step_size=30)\" \\",
            "      --steps 90 --format table",
            "  lrkit schedule --spec \"torch.OneCycleLR(max_lr=0.1, total_steps=1000000)\" \\",
            "      --steps 1e6 --plot onecycle.png --log-lr > onecycle.csv",
            "  lrkit schedule --list"
        })
public final class ScheduleCommand implements Callable<Integer> {

    /** The most points per series kept for a plot; far more than the pixel columns of a chart. */
    private static final int PLOT_BUCKETS = 4096;
    private static final int CHUNK = 1 << 16;
    /**
     * The steps a table's column widths are measured on: every step up to this many, else this many spread
     * evenly from the first to the last, so that the first rows appear at once for any length (a later value
     * wider than all the measured ones widens its own row only).
     */
    private static final long WIDTH_SAMPLES = 4096;

    @Spec
    private CommandSpec spec;

    @Option(names = "--spec", paramLabel = "SPEC|@FILE",
            description = "The policy, e.g. \"torch.OneCycleLR(max_lr=1.0, total_steps=10)\", or @file.txt holding"
                    + " one ('#' lines are comments); --list shows the names and their arguments.")
    private String specText;

    @Option(names = "--steps", paramLabel = "N", converter = StepCountConverter.class,
            description = "How many steps to print, from 0 to N-1 (e.g. 1000, 1_000_000 or 1e6).")
    private Long steps;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", converter = OutputFormat.Converter.class,
            description = "csv (the default) or table.")
    private OutputFormat format;

    @Option(names = "--plot", paramLabel = "FILE.png",
            description = "Also draw the learning rate (and the momentum, if scheduled) against the step into"
                    + " this PNG file; its directory must exist.")
    private Path plot;

    @Option(names = "--log-lr", description = "Draw the learning rate on a log scale (every value must be > 0).")
    private boolean logLr;

    @Option(names = "--list", description = "List the spec names with their arguments and defaults, and exit.")
    private boolean list;

    @Option(names = {"-q", "--quiet"}, description = "Print no messages on stderr other than errors.")
    private boolean quiet;

    @Mixin
    private CommonOptions common;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            if (specText != null || steps != null || plot != null) {
                throw usage("--list takes no --spec, --steps or --plot; run it on its own");
            }
            out.print(CatalogListing.format(Specs.catalog()));
            out.flush();
            return ExitCode.OK;
        }
        if (specText == null) {
            throw usage("missing required option '--spec' (or use --list to see the specs)");
        }
        if (steps == null) {
            throw usage("missing required option '--steps'");
        }
        if (steps <= 0) {
            throw usage("--steps must be > 0, got " + steps);
        }
        if (logLr && plot == null) {
            throw usage("--log-lr only changes the plot; add --plot FILE.png");
        }
        if (plot != null) {
            checkPlotPath(plot);
        }
        String text = SpecFile.textOf("--spec", specText);
        Policy policy;
        try {
            policy = Specs.parsePolicy(text);
        } catch (IllegalArgumentException e) {
            throw usage("invalid --spec: " + e.getMessage(), e);
        }
        Rows rows = new Rows(policy, steps);
        rows.checkLastStep();
        if (logLr) {
            rows.checkPositiveLearningRate();
        }

        PlotData plotData = plot == null ? null : new PlotData(policy, steps);
        if (format == OutputFormat.TABLE) {
            rows.writeTable(out, plotData);
        } else {
            rows.writeCsv(out, plotData);
        }
        if (plotData != null) {
            writePlot(plotData, text);
        }
        return ExitCode.OK;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private ParameterException usage(String message, Exception cause) {
        return new ParameterException(spec.commandLine(), message, cause);
    }

    private void checkPlotPath(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path directory = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw usage("--plot " + file + " is a directory; give a file name such as " + file.resolve("schedule.png"));
        }
        if (directory == null || !Files.isDirectory(directory)) {
            throw usage("--plot " + file + ": the directory " + directory + " does not exist; create it first");
        }
    }

    private void writePlot(PlotData data, String text) {
        LineChart chart = data.chart(text.strip().replaceAll("\\s+", " "), logLr);
        try {
            chart.writePng(plot);
        } catch (IOException e) {
            throw new CommandFailure("could not write plot " + plot + ": " + describe(e), e);
        }
        if (!quiet) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("wrote plot " + plot);
            err.flush();
        }
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The policy's values, step by step, written as CSV or a table. */
    private static final class Rows {
        private final Schedule learningRate;
        private final Schedule momentum;
        private final Optional<Schedule> beta1;
        private final long steps;

        Rows(Policy policy, long steps) {
            this.learningRate = policy.learningRate();
            this.momentum = policy.momentum().orElse(null);
            this.beta1 = policy.beta1();
            this.steps = steps;
        }

        /** Fails before anything is printed if the last step is past the end of a schedule that forbids it. */
        void checkLastStep() {
            learningRate.valueAt(steps - 1);
            if (momentum != null) {
                momentum.valueAt(steps - 1);
            }
            beta1.ifPresent(b -> b.valueAt(steps - 1));
        }

        void checkPositiveLearningRate() {
            for (long step = 0; step < steps; step++) {
                double lr = learningRate.valueAt(step);
                if (!(lr > 0)) {
                    throw new IllegalArgumentException("--log-lr needs every learning rate > 0, but step " + step
                            + " has lr=" + lr + "; drop --log-lr or use a schedule that stays above 0");
                }
            }
        }

        void writeCsv(PrintWriter out, PlotData plotData) {
            StringBuilder text = new StringBuilder(CHUNK + 256);
            text.append("step,lr,momentum\n");
            for (long step = 0; step < steps; step++) {
                double lr = learningRate.valueAt(step);
                text.append(step).append(',').append(lr).append(',');
                double m = Double.NaN;
                if (momentum != null) {
                    m = momentum.valueAt(step);
                    text.append(m);
                }
                text.append('\n');
                if (plotData != null) {
                    plotData.add(step, lr, m);
                }
                if (text.length() >= CHUNK && !flush(out, text)) {
                    break;
                }
            }
            flush(out, text);
            checkWritten(out);
        }

        void writeTable(PrintWriter out, PlotData plotData) {
            int stepWidth = Math.max("step".length(), Long.toString(steps - 1).length());
            int lrWidth = "lr".length();
            int momentumWidth = "momentum".length();
            long samples = Math.min(steps, WIDTH_SAMPLES);
            for (long i = 0; i < samples; i++) {
                long step = samples == steps ? i : sampledStep(i, samples);
                lrWidth = Math.max(lrWidth, Double.toString(learningRate.valueAt(step)).length());
                if (momentum != null) {
                    momentumWidth = Math.max(momentumWidth, Double.toString(momentum.valueAt(step)).length());
                }
            }
            StringBuilder text = new StringBuilder(CHUNK + 256);
            pad(text, "step", stepWidth).append("  ");
            pad(text, "lr", lrWidth).append("  ");
            pad(text, "momentum", momentumWidth).append('\n');
            for (long step = 0; step < steps; step++) {
                double lr = learningRate.valueAt(step);
                double m = momentum == null ? Double.NaN : momentum.valueAt(step);
                pad(text, Long.toString(step), stepWidth).append("  ");
                pad(text, Double.toString(lr), lrWidth).append("  ");
                pad(text, momentum == null ? "-" : Double.toString(m), momentumWidth).append('\n');
                if (plotData != null) {
                    plotData.add(step, lr, m);
                }
                if (text.length() >= CHUNK && !flush(out, text)) {
                    break;
                }
            }
            flush(out, text);
            checkWritten(out);
        }

        private static StringBuilder pad(StringBuilder text, String value, int width) {
            for (int i = value.length(); i < width; i++) {
                text.append(' ');
            }
            return text.append(value);
        }

        /** Step {@code i} of {@code samples} spread evenly over {@code 0 .. steps-1}, both ends included. */
        private long sampledStep(long i, long samples) {
            return i == samples - 1 ? steps - 1 : (long) ((double) i / (samples - 1) * (steps - 1));
        }

        /**
         * Writes and empties {@code text}; whether to go on: {@code false} once the reader has gone away (a
         * closed pipe) or a write failed, so that no more rows are computed for nobody.
         */
        private static boolean flush(PrintWriter out, StringBuilder text) {
            out.append(text);
            text.setLength(0);
            return !out.checkError() && !StandardOutput.readerGone(out);
        }

        private static void checkWritten(PrintWriter out) {
            if (out.checkError() && !StandardOutput.readerGone(out)) {
                throw new CommandFailure("could not write the values to standard output (is the disk full?)",
                        null);
            }
        }
    }

    /** The values to plot, reduced on the fly so that any number of steps fits in little memory. */
    private static final class PlotData {
        private final Downsampler learningRate;
        private final Downsampler momentum;
        private final Schedule beta1Schedule;
        private final Downsampler beta1;

        PlotData(Policy policy, long steps) {
            int buckets = (int) Math.min(steps, PLOT_BUCKETS);
            this.learningRate = new Downsampler(0, steps - 1, buckets);
            this.momentum = policy.momentum().isPresent() ? new Downsampler(0, steps - 1, buckets) : null;
            this.beta1Schedule = policy.beta1().orElse(null);
            this.beta1 = beta1Schedule != null ? new Downsampler(0, steps - 1, buckets) : null;
        }

        void add(long step, double lr, double m) {
            learningRate.add(step, lr);
            if (momentum != null) {
                momentum.add(step, m);
            }
            if (beta1 != null) {
                beta1.add(step, beta1Schedule.valueAt(step));
            }
        }

        LineChart chart(String title, boolean logLr) {
            boolean lower = momentum != null || beta1 != null;
            LineChart.Builder chart = LineChart.builder().title(title).xTitle("step").size(1000, 600);
            Series lr = learningRate.toSeries("lr").withColor(LineChart.PALETTE.get(0));
            chart.panel(new Panel("learning rate", logLr ? Scale.LOG : Scale.LINEAR,
                    java.util.List.of(lr), lower ? 3 : 1));
            if (lower) {
                java.util.List<Series> series = new java.util.ArrayList<>();
                if (momentum != null) {
                    series.add(momentum.toSeries("momentum").withColor(LineChart.PALETTE.get(1)));
                }
                if (beta1 != null) {
                    series.add(beta1.toSeries("beta1").withColor(LineChart.PALETTE.get(2)));
                }
                String title2 = momentum != null && beta1 != null ? "momentum / beta1"
                        : momentum != null ? "momentum" : "beta1";
                chart.panel(new Panel(title2, Scale.LINEAR, series, 2));
            }
            return chart.build();
        }
    }
}

package org.lrkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lrkit.experiment.report.Report;
import org.lrkit.experiment.run.Experiment;
import org.lrkit.experiment.run.ExperimentRequest;
import org.lrkit.experiment.run.Progress;
import org.lrkit.experiment.run.RunFailure;
import org.lrkit.experiment.run.RunRecord;
import org.lrkit.experiment.run.Settings;
import org.lrkit.experiment.run.Workbench;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * What {@code train}, {@code compare} and {@code demo} share: the run directory's default name, the body of the
 * command ({@link #resumeOrCreate}: resuming or creating, then running), and its end (the report, the table or
 * JSON on stdout, the exit code).
 */
final class RunCommands {

    /** The options that may come with {@code --resume} (the rest is in the run's {@code config.json}). */
    static final Set<String> RESUME_OPTIONS = Set.of("--resume", "--threads", "--device", "--quiet", "-q", "--json",
            "--verbose", "--target");

    private RunCommands() {
    }

    /** {@code runs/<command>-<yyyyMMdd-HHmmss>} under the working folder, made unique. */
    static Path defaultDirectory(String command) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        Path base = Path.of("runs", command + "-" + stamp);
        Path candidate = base;
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = Path.of(base + "-" + i);
        }
        return candidate;
    }

    /** The command line as typed, for {@code config.json}. */
    static String commandLine(CommandSpec spec) {
        List<String> words = new ArrayList<>();
        words.add("lrkit");
        words.add(spec.name());
        List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        if (!args.isEmpty() && args.get(0).equals(spec.name())) {
            args.remove(0);
        }
        for (String arg : args) {
            words.add(arg.matches("[A-Za-z0-9._/+=:@,%-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return String.join(" ", words);
    }

    /**
     * The part of a run's request that every training command fills the same way: the command, the command
     * line, the range test's sweep, the target and lrkit's version.
     */
    static ExperimentRequest.Builder request(CommandSpec spec, RangeTestOptions rangeTest, double goal) {
        return ExperimentRequest.builder(spec.name(), commandLine(spec), rangeTest.sweep()).target(goal)
                .lrkitVersion(VersionProvider.version());
    }

    /**
     * Checks the request and the settings before any data is read, then opens the data and the model and
     * creates the run directory (running the range test if a policy needs it).
     */
    static Experiment create(ExperimentRequest request, Settings settings, Path directory, Progress progress,
            PrintWriter err) throws IOException {
        Workbench.check(settings);
        Experiment.check(request, directory);
        Workbench bench = Workbench.open(settings, progress.enabled() ? err : null);
        return Experiment.create(request, bench, directory, progress, err);
    }

    /** Refuses options that {@code --resume} takes from {@code config.json}. */
    static void checkResumeOptions(CommandSpec spec) {
        for (OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            if (!RESUME_OPTIONS.contains(option.longestName()) && !RESUME_OPTIONS.contains(option.shortestName())) {
                throw new ParameterException(spec.commandLine(), option.longestName() + " cannot be given with"
                        + " --resume: a resumed run keeps the configuration in its config.json (only --threads,"
                        + " --device, --target, --quiet and --json may change)");
            }
        }
    }

    /** What {@code train}, {@code compare} and {@code demo} do differently: make a new experiment. */
    @FunctionalInterface
    interface ExperimentFactory {

        /**
         * Checks the command's options and creates the experiment (its run directory and configuration).
         *
         * @param goal the target accuracy, NaN when {@code --target} is not given
         */
        Experiment create(Progress progress, PrintWriter err, double goal) throws IOException;
    }

    /**
     * The body of {@code train}, {@code compare} and {@code demo}: continues the run in {@code resumeDirectory}
     * (refusing the options its {@code config.json} fixes) or creates a new one, then runs and reports it.
     *
     * @param resumeDirectory {@code --resume}, or {@code null} for a new run
     * @param engine the device and threads; a resumed run keeps its recorded device and threads unless they
     *     are given
     * @param target {@code --target}, or {@code null}
     * @param divergenceFails as for {@link #runAndReport}
     * @return the exit code
     */
    static int resumeOrCreate(CommandSpec spec, Path resumeDirectory, EngineOptions engine, Double target,
            boolean json, boolean quiet, boolean divergenceFails, ExperimentFactory factory) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = Progress.of(err, quiet);
        double goal = target == null ? Double.NaN : target;
        Experiment experiment;
        if (resumeDirectory != null) {
            checkResumeOptions(spec);
            experiment = Experiment.resume(resumeDirectory, spec.name(), engine.requestedDevice(),
                    engine.requestedThreads(),
                    progress, err);
        } else {
            experiment = factory.create(progress, err, goal);
        }
        return runAndReport(spec, experiment, goal, json, quiet, divergenceFails);
    }

    /**
     * Runs the experiment, builds the report and prints the table (or {@code summary.json} with
     * {@code --json}) and the report's path.
     *
     * @param divergenceFails whether a diverged run makes the command fail (one run: yes; a comparison: no, it
     *     is a result)
     * @return the exit code
     */
    static int runAndReport(CommandSpec spec, Experiment experiment, double target, boolean json, boolean quiet,
            boolean divergenceFails) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<RunRecord> records;
        try {
            records = experiment.run();
        } catch (RunFailure e) {
            tryReport(experiment.directory(), target);
            throw new CommandFailure(e.getMessage() + " (the runs so far are in " + experiment.directory()
                    + "; continue with: " + experiment.resumeCommand() + ")", e);
        } catch (IOException | UncheckedIOException e) {
            tryReport(experiment.directory(), target);
            throw new CommandFailure("I/O error: " + e.getMessage() + " (continue with: " + experiment.resumeCommand()
                    + ")", e);
        }
        Report.Built built = Report.build(experiment.directory(), target);
        if (json) {
            out.print(Files.readString(experiment.directory().resolve(Experiment.SUMMARY), StandardCharsets.UTF_8));
        } else {
            out.print(built.table().text());
            out.println();
            experiment.rangeTestShare().ifPresent(share -> out.println(String.format(Locale.ROOT,
                    "range test: %.1f%% of the training time", 100 * share)));
            out.println("report: " + built.html());
        }
        out.flush();
        List<RunRecord> diverged = records.stream().filter(r -> r.status() == RunRecord.Status.DIVERGED).toList();
        if (!diverged.isEmpty()) {
            String first = diverged.get(0).message();
            if (divergenceFails) {
                throw new CommandFailure(first + " (report: " + built.html() + ")", null);
            }
            if (!quiet) {
                err.println("lrkit: warning: " + diverged.size() + " run(s) diverged, e.g. " + diverged.get(0).label()
                        + " seed " + diverged.get(0).seed() + ": " + first);
                err.flush();
            }
        }
        return ExitCode.OK;
    }

    private static void tryReport(Path directory, double target) {
        try {
            Report.build(directory, target);
        } catch (IOException | RuntimeException e) {
            // the failure being reported matters more
        }
    }

    /** Reads a target accuracy: {@code 0.9}, {@code 90%} or {@code 90} (a number above 1 is a percentage). */
    static final class TargetConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            String value = text.strip();
            boolean percent = value.endsWith("%");
            try {
                double number = Double.parseDouble(percent ? value.substring(0, value.length() - 1) : value);
                double fraction = percent || number > 1 ? number / 100 : number;
                if (!(fraction > 0 && fraction <= 1)) {
                    throw new TypeConversionException("expected an accuracy such as 0.9 or 90%, got '" + text + "'");
                }
                return fraction;
            } catch (NumberFormatException e) {
                throw new TypeConversionException("expected an accuracy such as 0.9 or 90%, got '" + text + "'");
            }
        }
    }
}

package org.lrkit.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.lrkit.cli.CommonOptions;
import org.lrkit.cli.QuietOption;
import org.lrkit.cli.RunDirectoryOption;
import org.lrkit.cli.VersionProvider;
import org.lrkit.djl.checkpoint.AtomicFiles;
import org.lrkit.experiment.report.Json;
import org.lrkit.experiment.run.RunFailure;
import org.lrkit.experiment.sweep.Grid;
import org.lrkit.experiment.sweep.GridException;
import org.lrkit.experiment.sweep.ReproductionSweepReport;
import org.lrkit.experiment.sweep.SweepOutcome;
import org.lrkit.experiment.sweep.SweepReport;
import org.lrkit.experiment.sweep.SweepRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code lrkit sweep}: trains every combination of a grid file ({@link Grid}) as Spark tasks, each an {@code
 * lrkit train} run in its own folder under the sweep's directory, then writes the table, {@code sweep.csv},
 * {@code summary.json} and {@code report.html} (with the accuracy-against-peak chart) and prints the table.
 *
 * <p>With {@code --reproduce}, the runs are paper reproductions ({@code lrkit reproduce}, one task per
 * experiment) and the sweep writes {@code reproductions.md} with every claim's verdict ({@link
 * ReproductionSweepReport}). The sweep's directory also holds {@code sweep.json} (the grid's text or the
 * experiments, and the threads: what {@code --resume} reads) and {@code logs/} (each run's output and
 * attempts).
 */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Train every combination of a grid file's policies, peaks, seeds and settings, each as one Spark task"
                    + " running 'lrkit train' in its own folder, embedded (local mode) by default or on a cluster"
                    + " with --master; then print the table (final and best accuracy, mean +/- std over the seeds)"
                    + " and write sweep.csv, summary.json and report.html with the accuracy-against-peak chart.",
            "",
            "The grid file has one 'name = value' line per setting: policy lines (a spec, label=spec, @file or"
                    + " auto, one per line) may use placeholders such as {peak}; every other name is an option of"
                    + " 'lrkit train' without its dashes (dataset, model, epochs, batch-size, seed, weight-decay,"
                    + " ...) or a placeholder's axis; several values separated by commas make an axis.",
            "",
            "With --reproduce, the tasks are paper reproductions instead ('lrkit reproduce ID', one per"
                    + " experiment), and reproductions.md lists every claim's verdict.",
            "",
            "A failed task is retried by Spark (3 attempts in the default local master) and its run resumes from"
                    + " its own last checkpoint; --resume continues a stopped sweep, keeping the runs that finished.",
            ""
        },
        footer = {
            "",
            "Example grid (2 policies x 3 peaks x 2 seeds = 12 runs):",
            "  epochs = 3",
            "  seed = 0, 1",
            "  peak = 0.01, 0.05, 0.2",
            "  policy = one-cycle=oneCyclePolicy(peak={peak}, totalSteps=auto)",
            "  policy = step=multiStepDecay(initial={peak}, milestones=[70, 105], factor=0.1)",
            "",
            "Examples:",
            "  lrkit sweep --grid @grid.txt",
            "  lrkit sweep --grid @grid.txt --threads 2 --out runs/peaks",
            "  lrkit sweep --resume runs/peaks",
            "  lrkit sweep --reproduce clr,sgdr,lenet --scale cpu --seeds 3",
            "  spark-submit --master spark://host:7077 --class org.lrkit.spark.SweepMain \\",
            "      lrkit-spark/target/lrkit-sweep.jar sweep --grid @grid.txt --out /shared/sweeps/peaks"
        })
public final class SweepCommand implements Callable<Integer> {

    /** The file in a sweep's directory that {@code --resume} reads. */
    static final String SWEEP_FILE = "sweep.json";

    /** {@code local[N]} or {@code local[N,A]} (or {@code local[*]}), Spark's local masters with a core count. */
    private static final Pattern LOCAL_MASTER = Pattern.compile("local\\[(\\d+|\\*)(,\\d+)?]");

    /** The kind of a sweep of reproductions in its sweep.json (a grid's has none). */
    private static final String REPRODUCTIONS = "reproductions";

    @Spec
    private CommandSpec spec;

    @Option(names = "--grid", paramLabel = "@FILE",
            description = "The grid file (@grid.txt or grid.txt); see above.")
    private String grid;

    @Option(names = "--reproduce", paramLabel = "ID", split = ",",
            description = "Instead of a grid, run these paper reproductions (lrkit reproduce --list), one task"
                    + " each: 'lrkit reproduce ID --scale S [--seeds N]' in reproductions/ID; then write"
                    + " reproductions.md with every claim's verdict.")
    private List<String> reproduce;

    @Option(names = "--scale", paramLabel = "ci|cpu|full", defaultValue = "cpu",
            description = "With --reproduce: the reproductions' scale (default cpu).")
    private String scale;

    @Option(names = "--seeds", paramLabel = "N",
            description = "With --reproduce: seeds per policy (default: each plan's own).")
    private Integer seeds;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark's master: local[N,A] (embedded, N cores, A attempts per task), spark://host:port,"
                    + " yarn, k8s://... (default: spark-submit's, else local[<cores>,3]). On a cluster, --out must"
                    + " be on storage that every executor reaches.")
    private String master;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "libtorch threads of each run, also Spark's cores per task (spark.task.cpus), so that"
                    + " runs at once times threads never exceed the cores (default 1). A run is bit-identical to"
                    + " 'lrkit train' with the same options and --threads.")
    private int threads;

    @Mixin
    private RunDirectoryOption out;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the sweep in DIR: finished runs are kept, the others continue from their last"
                    + " checkpoint, with the recorded grid and threads (only --master and --quiet may change).")
    private Path resume;

    @Option(names = "--yes", description = "Start a grid of more than " + Grid.RUN_LIMIT + " runs.")
    private boolean yes;

    @Mixin
    private QuietOption quiet;

    @Mixin
    private CommonOptions common;

    /** A fault to inject into the runs (tests of recovery only), or null. */
    private FaultInjection fault;

    /**
     * Sets a fault to inject into the sweep's runs, for tests of its recovery.
     *
     * @param fault the fault, or null for none
     * @return this command
     */
    public SweepCommand withFault(FaultInjection fault) {
        this.fault = fault;
        return this;
    }

    @Override
    public Integer call() throws IOException {
        int given = (grid != null ? 1 : 0) + (reproduce != null ? 1 : 0) + (resume != null ? 1 : 0);
        if (given != 1) {
            throw new ParameterException(spec.commandLine(), given == 0
                    ? "give --grid @FILE or --reproduce ID,... for a new sweep, or --resume DIR to continue one"
                    : "give one of --grid, --reproduce and --resume");
        }
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be >= 1, got " + threads);
        }
        if (seeds != null && seeds < 1) {
            throw new ParameterException(spec.commandLine(), "--seeds must be >= 1, got " + seeds);
        }
        Map<String, Object> recorded = resume != null ? readSweepFile(resume) : null;
        Path directory = resume != null ? resume : out.directory();
        if (recorded != null) {
            checkResumeOptions((int) Json.whole(recorded, "threads", 1));
            threads = (int) Json.whole(recorded, "threads", threads);
        }
        // Under spark-submit, its --master arrives as the system property spark.master.
        String masterUrl = master != null ? master : System.getProperty("spark.master", SparkSweep.defaultMaster());
        checkLocalCores(masterUrl);
        boolean reproductions = recorded != null ? Json.text(recorded, "kind", "grid").equals(REPRODUCTIONS)
                : reproduce != null;
        return reproductions ? reproductions(directory, masterUrl, recorded) : grid(directory, masterUrl, recorded);
    }

    /** A sweep of a grid file's lrkit train runs. */
    private int grid(Path directory, String masterUrl, Map<String, Object> recorded) throws IOException {
        TrainArguments arguments = TrainArguments.of();
        String gridName;
        Grid parsed;
        if (recorded != null) {
            gridName = Json.text(recorded, "grid", "grid");
            parsed = Grid.parse(gridName + " (recorded in " + directory.resolve(SWEEP_FILE) + ")",
                    Json.text(recorded, "gridText", ""), arguments::isSetting);
        } else {
            Path file = Path.of(grid.startsWith("@") ? grid.substring(1) : grid);
            gridName = file.getFileName().toString();
            parsed = Grid.parse(grid, readGrid(file), arguments::isSetting);
            long count = parsed.runCount();
            if (count > Grid.RUN_LIMIT && !yes) {
                throw new ParameterException(spec.commandLine(), "the grid makes " + count + " runs, more than "
                        + Grid.RUN_LIMIT + "; run again with --yes to start them all, or make the grid smaller");
            }
        }
        List<SweepRun> runs = parsed.runs();
        checkArguments(gridName, runs, arguments);
        if (recorded == null) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("grid", gridName);
            record.put("gridText", parsed.text());
            createDirectory(directory, record);
        }
        RunProcess process = new RunProcess(directory, new GridTasks(gridName, parsed, arguments), threads, fault);
        SparkSweep.Result result = execute(process, masterUrl, directory);
        List<SweepOutcome> outcomes = new ArrayList<>();
        for (SweepRun run : runs) {
            Path runDirectory = process.directory(run.index());
            if (process.tasks().finished(runDirectory)) {
                RunProcess.Attempts attempts = process.attempts(run.index());
                outcomes.add(SweepOutcome.read(run, runDirectory, attempts.count(), attempts.seconds()));
            }
        }
        SweepReport report = new SweepReport(gridName, parsed, runs, outcomes, timing(result, masterUrl));
        report.write(directory);
        return finish(report.table().text(), directory.resolve("report.html"), report.complete(), runs.size(),
                outcomes.size(), result, directory);
    }

    /** A sweep of paper reproductions, one lrkit reproduce run each. */
    private int reproductions(Path directory, String masterUrl, Map<String, Object> recorded) throws IOException {
        ReproductionTasks tasks;
        if (recorded != null) {
            tasks = new ReproductionTasks(Json.array(recorded, "experiments").stream().map(String::valueOf).toList(),
                    Json.text(recorded, "scale", "cpu"), (int) Json.whole(recorded, "seeds", 0));
        } else {
            tasks = new ReproductionTasks(reproduce, scale, seeds == null ? 0 : seeds);
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("kind", REPRODUCTIONS);
            record.put("experiments", tasks.experiments());
            record.put("scale", tasks.scale());
            record.put("seeds", tasks.seeds());
            createDirectory(directory, record);
        }
        RunProcess process = new RunProcess(directory, tasks, threads, fault);
        SparkSweep.Result result = execute(process, masterUrl, directory);
        List<ReproductionSweepReport.Entry> entries = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            entries.add(new ReproductionSweepReport.Entry(tasks.experiments().get(i), tasks.folder(i),
                    process.attempts(i).count()));
        }
        ReproductionSweepReport report = ReproductionSweepReport.read(entries, directory, timing(result, masterUrl));
        report.write(directory);
        long done = entries.stream().filter(entry -> Files.isRegularFile(directory.resolve(entry.folder())
                .resolve("reproduction.json"))).count();
        return finish(report.text(), directory.resolve("reproductions.md"), report.complete(), entries.size(),
                (int) done, result, directory);
    }

    private SparkSweep.Result execute(RunProcess process, String masterUrl, Path directory) {
        PrintStream messages = quiet.enabled() ? null : System.err;
        if (messages != null) {
            messages.println("lrkit sweep: " + process.tasks().size() + " runs on " + masterUrl + ", " + threads
                    + (threads == 1 ? " thread" : " threads") + " each, in " + directory);
        }
        return new SparkSweep(masterUrl, threads, messages).run(process);
    }

    private Map<String, Object> timing(SparkSweep.Result result, String masterUrl) {
        Map<String, Object> timing = new LinkedHashMap<>(result.timing());
        timing.put("master", masterUrl);
        timing.put("threadsPerRun", threads);
        return timing;
    }

    /** Prints the table and the report's path; a sweep with unfinished runs fails, saying how to continue. */
    private int finish(String table, Path report, boolean complete, int planned, int finished,
                       SparkSweep.Result result, Path directory) {
        PrintWriter printed = spec.commandLine().getOut();
        printed.print(table);
        printed.println("report: " + report);
        printed.flush();
        if (!complete) {
            throw new RunFailure((planned - finished) + " of " + planned + " runs did not finish"
                    + (result.failure() != null ? " (" + result.failure() + ")" : "")
                    + "; continue with: lrkit sweep --resume " + directory);
        }
        return 0;
    }

    /**
     * A resumed sweep keeps what its sweep.json records: its runs' threads (so that they continue
     * bit-identically), its grid or experiments and its directory; only --master and --quiet may change.
     */
    private void checkResumeOptions(int recordedThreads) {
        var parsed = spec.commandLine().getParseResult();
        for (String option : List.of("--out", "--scale", "--seeds", "--yes")) {
            if (parsed.hasMatchedOption(option)) {
                throw new ParameterException(spec.commandLine(), option + " cannot be given with --resume: a"
                        + " resumed sweep keeps what its " + SWEEP_FILE + " records (only --master and --quiet may"
                        + " change)");
            }
        }
        if (parsed.hasMatchedOption("--threads") && threads != recordedThreads) {
            throw new ParameterException(spec.commandLine(), "--threads " + threads + " differs from the "
                    + recordedThreads + " the sweep ran with; a resumed sweep keeps its threads, so that its runs"
                    + " continue bit-identically (leave --threads out)");
        }
    }

    /** In local mode, more threads per run than cores would leave every task waiting forever. */
    private void checkLocalCores(String masterUrl) {
        if (!masterUrl.startsWith("local")) {
            return;
        }
        Matcher matcher = LOCAL_MASTER.matcher(masterUrl);
        int cores = masterUrl.equals("local") ? 1 : matcher.matches() && !matcher.group(1).equals("*")
                ? Integer.parseInt(matcher.group(1)) : Runtime.getRuntime().availableProcessors();
        if (threads > cores) {
            throw new ParameterException(spec.commandLine(), "--threads " + threads + " is more than the " + cores
                    + " cores of --master " + masterUrl + "; give at most " + cores + " threads or more cores");
        }
    }

    /** One line per distinct problem that lrkit train would find in the runs' options. */
    private static void checkArguments(String gridName, List<SweepRun> runs, TrainArguments arguments) {
        Set<String> errors = new LinkedHashSet<>();
        for (SweepRun run : runs) {
            String error = arguments.check(run);
            if (!error.isEmpty()) {
                errors.add(error + " (run " + run.folder() + ")");
            }
        }
        if (!errors.isEmpty()) {
            throw new GridException(gridName, new ArrayList<>(errors));
        }
    }

    private static String readGrid(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--grid " + file + ": no such file");
        }
    }

    /** Creates the sweep's directory (absent or empty) with its sweep.json: {@code fields}, the threads and more. */
    private void createDirectory(Path directory, Map<String, Object> fields) throws IOException {
        if (Files.isDirectory(directory)) {
            try (Stream<Path> entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    throw new ParameterException(spec.commandLine(), "--out " + directory + " is not empty; give"
                            + " another --out, or continue the sweep there with --resume " + directory);
                }
            }
        }
        Files.createDirectories(directory);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("lrkit", "sweep");
        record.putAll(fields);
        record.put("threads", threads);
        record.put("created", Instant.now().toString());
        record.put("commandLine", "lrkit sweep " + String.join(" ",
                spec.commandLine().getParseResult().originalArgs()));
        AtomicFiles.write(directory.resolve(SWEEP_FILE), Json.write(record).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> readSweepFile(Path directory) throws IOException {
        Path file = directory.resolve(SWEEP_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--resume " + directory + " holds no " + SWEEP_FILE + ": it is not"
                    + " a sweep's directory");
        }
        try {
            Map<String, Object> record = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
            if (!"sweep".equals(record.get("lrkit"))) {
                throw new IllegalArgumentException(file + " was not written by lrkit sweep");
            }
            return record;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--resume " + directory + ": " + e.getMessage(), e);
        }
    }
}

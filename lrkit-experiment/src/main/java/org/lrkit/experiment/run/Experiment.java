package org.lrkit.experiment.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import org.lrkit.djl.checkpoint.AtomicFiles;
import org.lrkit.djl.checkpoint.Checkpoint;
import org.lrkit.djl.checkpoint.CheckpointSchedule;
import org.lrkit.djl.rangetest.RangeTestResult;
import org.lrkit.djl.train.TrainingLength;
import org.lrkit.experiment.report.Json;
import org.lrkit.experiment.report.Numbers;
import org.lrkit.rangetest.OptimizerFamily;
import org.lrkit.rangetest.PeakRule;
import org.lrkit.rangetest.RangeTestAdvice;
import org.lrkit.rangetest.Suggestion;
import org.lrkit.spec.AutoValues;
import org.lrkit.spec.Spec;

/**
 * The runs of one command in one run directory: a range test if a policy needs one, then every policy with
 * every seed, one after the other, each into {@code runs/<label>/seed-<s>/}. {@code config.json} is written
 * before the first step and {@code summary.json} after every run, so the directory explains itself at any
 * moment; Ctrl-C leaves the last checkpoint of the run in progress and prints how to resume, and resuming
 * skips the runs already done.
 */
public final class Experiment {

    /** The summary file of a run directory. */
    public static final String SUMMARY = "summary.json";

    /** The status of a run directory whose runs all trained for their planned steps. */
    public static final String COMPLETED = "completed";

    /** The status of a run directory whose runs all ended, one or more of them diverged (nothing to resume). */
    public static final String DIVERGED = "diverged";

    /** Every status {@code summary.json} may hold: running, completed, diverged, failed, interrupted. */
    public static final Set<String> STATUSES = Set.of("running", COMPLETED, DIVERGED, "failed",
            "interrupted");

    private final ExperimentConfig config;
    private final Path directory;
    private final Workbench bench;
    private final Progress progress;
    private final PrintWriter err;
    private final String resumeCommand;
    private final Map<String, Object> rangeTest;
    private final List<RunRecord> records;
    private final Object lock = new Object();
    private final PolicyRun.Position position = new PolicyRun.Position();
    private volatile boolean finished;

    private Experiment(ExperimentConfig config, Path directory, Workbench bench, Progress progress, PrintWriter err,
            String resumeCommand, Map<String, Object> rangeTest, List<RunRecord> records) {
        this.config = config;
        this.directory = directory;
        this.bench = bench;
        this.progress = progress;
        this.err = err;
        this.resumeCommand = resumeCommand;
        this.rangeTest = rangeTest;
        this.records = records;
    }

    /**
     * Checks what can be checked before any data is read or any step is made: the run directory is new, and
     * every policy resolves (with stand-in values for the range test's learning rates and for lengths that
     * the data will fix), and a policy of a length given in steps and without a range test keeps its values in
     * range over the run ({@link PolicyRequest#policy(Spec, long)}).
     *
     * @param request what the command asks for
     * @param directory the run directory to be made
     * @throws IllegalArgumentException with one line naming the problem
     * @throws IOException if the directory cannot be listed
     */
    public static void check(ExperimentRequest request, Path directory) throws IOException {
        requireFresh(directory);
        AutoValues standIn = new RangeTestAdvice(List.of(), 1e-3, 1e-4, 1e-2, 1e-4, 1e-3, new PeakRule(
                OptimizerFamily.SGD, new Suggestion("stand-in", 1e-3, 0), 1.0, 0.1), List.of()).autoValues(1000);
        for (int i = 0; i < request.policies().size(); i++) {
            PolicyRequest policy = request.policies().get(i);
            long steps = request.lengths().get(i).steps();
            if (policy.needsRangeTest()) {
                policy.resolve(1000, standIn);
            } else if (steps > 0) {
                policy.policy(policy.resolve(steps, AutoValues.NONE), steps);
            } else {
                policy.policy(policy.resolve(1000, AutoValues.NONE));
            }
        }
    }

    /**
     * Makes a new run directory: runs the range test if a policy needs it, resolves every policy and writes
     * {@code config.json} and {@code summary.json}. A policy whose values leave their range within its run is
     * refused before the directory is made, or, when its learning rates come from the range test, right after
     * the range test.
     *
     * @param request what the command asks for
     * @param bench the data, model and engine to train with
     * @param directory the run directory; must not exist or be empty
     * @param progress where the range test reports its progress
     * @param err where notes for the user are printed
     * @return the experiment, its runs pending
     * @throws IllegalArgumentException with one line naming the problem
     * @throws IOException if the directory or a file cannot be written, or the range test cannot read its data
     */
    public static Experiment create(ExperimentRequest request, Workbench bench, Path directory, Progress progress,
            PrintWriter err) throws IOException {
        requireFresh(directory);
        int stepsPerEpoch = bench.stepsPerEpoch();
        List<Long> planned = new ArrayList<>();
        boolean needsRangeTest = false;
        for (int i = 0; i < request.policies().size(); i++) {
            TrainingLength length = request.lengths().get(i);
            planned.add(length.plannedSteps(stepsPerEpoch));
            PolicyRequest policy = request.policies().get(i);
            needsRangeTest |= policy.needsRangeTest();
            if (!policy.needsRangeTest()) {
                policy.policy(policy.resolve(planned.get(i), AutoValues.NONE), planned.get(i));
            }
        }
        progress.say("run directory: " + directory);
        boolean rangeTestAsked = request.alwaysRangeTest() && !needsRangeTest;
        needsRangeTest |= request.alwaysRangeTest();
        long trainingSteps = planned.stream().mapToLong(Long::longValue).sum() * request.seeds().length;
        progress.plan(trainingSteps + (needsRangeTest ? request.sweep().steps() : 0));
        Files.createDirectories(directory);

        Map<String, Object> advice = null;
        RangeTestAdvice found = null;
        if (needsRangeTest) {
            progress.say("range test: " + request.sweep().steps() + " steps from " + Numbers.number(request.sweep()
                    .start()) + " to " + Numbers.number(request.sweep().end())
                    + (rangeTestAsked ? " (its advice is part of the result)" : " (a policy says auto)"));
            Thread hook = new Thread(() -> {
                progress.finish();
                err.println("lrkit: interrupted during the range test, before any training; nothing to resume: run"
                        + " the same command again (it may reuse " + directory + ")");
                err.flush();
            }, "lrkit-interrupt");
            Runtime.getRuntime().addShutdownHook(hook);
            RangeTestResult result;
            try {
                result = RangeFinder.run(bench, request.sweep(), request.rangeSeed(), directory, progress);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // the JVM is shutting down: the hook is running
                }
            }
            advice = RangeFinder.adviceJson(result);
            found = result.advice();
            progress.say("range test: " + found.peakRule().reading().method() + " " + Numbers.number(
                    found.peakRule().reading().learningRate()) + ", consensus " + Numbers.number(found.consensus())
                    + " (suggestions "
                    + Numbers.number(found.intervalLow()) + " .. " + Numbers.number(found.intervalHigh())
                    + "), upper bound " + Numbers.number(found.clrUpper()) + (found.warnings().isEmpty() ? ""
                            : "; " + String.join("; ", found.warnings())));
        }
        List<PolicyPlan> plans = new ArrayList<>();
        List<Map<String, Object>> peaks = new ArrayList<>();
        for (int i = 0; i < request.policies().size(); i++) {
            PolicyRequest policy = request.policies().get(i);
            TrainingLength length = request.lengths().get(i);
            Spec spec = policy.resolve(planned.get(i), found == null ? AutoValues.NONE
                    : found.autoValues(planned.get(i)));
            if (policy.needsRangeTest()) {
                policy.policy(spec, planned.get(i)); // the others were checked before the directory was made
            }
            plans.add(new PolicyPlan(policy.label(), policy.given(), spec, length.epochs(), planned.get(i),
                    request.roles().get(i)));
            progress.say(policy.label() + ": " + spec.toCompactString());
            if (found != null) {
                Map<String, Object> peak = new LinkedHashMap<>();
                peak.put("policy", policy.label());
                peak.put("steps", planned.get(i));
                peak.put("peak", found.peak(planned.get(i)));
                peak.put("heldRate", found.heldRate(planned.get(i)));
                peaks.add(peak);
            }
        }
        if (advice != null) {
            advice.put("peaks", peaks);
        }
        String runId = UUID.randomUUID().toString();
        ExperimentConfig config = new ExperimentConfig(request.command(), request.commandLine(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), bench.settings(), bench.dataJson(),
                request.seeds(), request.target(), request.targetFrom(), needsRangeTest ? request.sweep() : null,
                request.rangeSeed(), plans,
                request.checkpointDirectory() == null ? null : request.checkpointDirectory().resolve(
                        ExperimentConfig.checkpointSubfolder(directory, runId)),
                request.checkpointEvery(), Environment.capture(request.lrkitVersion()),
                request.snapshotPolicies(), runId);
        config.write(directory);
        List<RunRecord> records = new ArrayList<>();
        for (PolicyPlan plan : plans) {
            for (long seed : config.seeds()) {
                records.add(RunRecord.pending(plan.label(), seed, plan.steps()));
            }
        }
        Experiment experiment = new Experiment(config, directory, bench, progress, err,
                resumeCommand(request.command(), directory), advice, records);
        experiment.writeSummary("running");
        return experiment;
    }

    /**
     * Opens the run directory of a {@code command} to continue it ({@code --resume}), on another device or
     * thread count if asked: reads its {@code config.json}, the data again, and checks that the data still
     * gives the same steps per epoch.
     *
     * @param directory the run directory
     * @param command the command that resumes it, which must be the one that made it
     * @param device the device asked for, or {@code null} to keep the recorded one
     * @param threads the threads asked for, or {@code null} to keep the recorded count
     * @param progress where the runs report their progress
     * @param err where notes for the user are printed
     * @return the experiment, ready to {@link #run()}
     * @throws IllegalArgumentException if the directory is missing or holds another command's run
     * @throws RunFailure if the data changed
     * @throws IOException if a file of the directory or the data cannot be read
     */
    public static Experiment resume(Path directory, String command, String device, Integer threads,
            Progress progress, PrintWriter err) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("--resume " + directory + ": no such directory");
        }
        ExperimentConfig config = ExperimentConfig.read(directory);
        if (!config.command().equals(command)) {
            throw new IllegalArgumentException("--resume " + directory + " holds a run of 'lrkit " + config.command()
                    + "'; resume it with: lrkit " + config.command() + " --resume " + directory);
        }
        config = config.withSettings(config.settings().withEngine(device != null ? device : config.settings().device(),
                threads != null ? threads : config.settings().threads()));
        Workbench bench = Workbench.open(config.settings(), progress.enabled() ? err : null);
        long recorded = Json.whole(config.data(), "stepsPerEpoch", bench.stepsPerEpoch());
        if (bench.stepsPerEpoch() != recorded) {
            throw new RunFailure("--resume " + directory + ": the data now gives " + bench.stepsPerEpoch()
                    + " steps per epoch, the run had " + recorded + "; resume with the same dataset");
        }
        progress.say("resuming " + directory);
        return resume(config, bench, directory, progress, err);
    }

    /**
     * Opens a run directory to continue it: the runs completed (or diverged) are kept, the others continue
     * from their checkpoints or start again.
     *
     * @param config the run directory's configuration
     * @param bench the data, model and engine to train with
     * @param directory the run directory
     * @param progress where the runs report their progress
     * @param err where notes for the user are printed
     * @return the experiment, ready to {@link #run()}
     * @throws IOException if {@code summary.json} cannot be read or written
     */
    public static Experiment resume(ExperimentConfig config, Workbench bench, Path directory, Progress progress,
            PrintWriter err) throws IOException {
        Map<String, Object> summary = readSummary(directory);
        Map<String, RunRecord> known = new LinkedHashMap<>();
        for (Object entry : Json.array(summary, "runs")) {
            @SuppressWarnings("unchecked")
            RunRecord record = RunRecord.fromJson((Map<String, Object>) entry);
            known.put(record.label() + "\u0000" + record.seed(), record);
        }
        List<RunRecord> records = new ArrayList<>();
        long total = 0;
        for (PolicyPlan plan : config.policies()) {
            for (long seed : config.seeds()) {
                RunRecord record = known.getOrDefault(plan.label() + "\u0000" + seed,
                        RunRecord.pending(plan.label(), seed, plan.steps()));
                records.add(record);
                total += plan.steps();
            }
        }
        progress.plan(total);
        Map<String, Object> rangeTest = Json.object(summary, "rangeTest");
        return new Experiment(config, directory, bench, progress, err, resumeCommand(config.command(), directory),
                rangeTest.isEmpty() ? null : rangeTest, records);
    }

    /**
     * The command that continues the run of {@code command} in {@code directory}, quoted for a shell.
     *
     * @param command the command, e.g. {@code compare}
     * @param directory the run directory
     * @return the command line, the path in single quotes if it has characters a shell would read
     */
    public static String resumeCommand(String command, Path directory) {
        String path = directory.toString();
        return "lrkit " + command + " --resume " + (path.matches("[A-Za-z0-9._/+=:@-]+") ? path : "'" + path + "'");
    }

    /**
     * Refuses a run directory that exists and is not empty.
     *
     * @param directory the run directory asked for
     * @throws IllegalArgumentException saying how to continue a run that is there
     * @throws IOException if the directory cannot be listed
     */
    public static void requireFresh(Path directory) throws IOException {
        if (Files.isRegularFile(directory)) {
            throw new IllegalArgumentException("--out " + directory + " is a file; give a directory");
        }
        if (Files.isDirectory(directory)) {
            try (var entries = Files.list(directory)) {
                // A directory left by a range test that was interrupted holds nothing else: start it again.
                if (entries.anyMatch(entry -> !entry.getFileName().toString().equals(RangeFinder.DIRECTORY))) {
                    boolean run = Files.exists(directory.resolve(ExperimentConfig.FILE));
                    throw new IllegalArgumentException("--out " + directory + " is not empty" + (run
                            ? "; it holds a run: continue it with --resume " + directory + ", or give another --out"
                            : "; give a new or empty directory"));
                }
            }
        }
    }

    /**
     * The configuration.
     *
     * @return the configuration, as in {@code config.json}
     */
    public ExperimentConfig config() {
        return config;
    }

    /**
     * The run directory.
     *
     * @return the run directory
     */
    public Path directory() {
        return directory;
    }

    /**
     * The data, model and engine the runs train with.
     *
     * @return the workbench
     */
    public Workbench workbench() {
        return bench;
    }

    /**
     * The command that resumes this directory.
     *
     * @return the command line, quoted for a shell
     */
    public String resumeCommand() {
        return resumeCommand;
    }

    /**
     * Trains every run that is not done yet, writing {@code summary.json} after each; Ctrl-C meanwhile keeps the
     * last checkpoint and prints how to resume.
     *
     * @return the records of every run
     * @throws RunFailure if a run fails (the summary says which; the runs before it are kept)
     * @throws IOException if a checkpoint, metrics file or {@code summary.json} cannot be written
     */
    public List<RunRecord> run() throws IOException {
        Thread hook = new Thread(this::interrupted, "lrkit-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            for (int i = 0; i < records.size(); i++) {
                RunRecord record = records.get(i);
                PolicyPlan plan = plan(record.label());
                if (record.status() == RunRecord.Status.COMPLETED || record.status() == RunRecord.Status.DIVERGED) {
                    progress.skip(plan.steps());
                    continue;
                }
                update(i, record.with(RunRecord.Status.RUNNING, record.steps(), record.seconds(), ""));
                RunRecord done;
                try {
                    done = PolicyRun.train(bench, config, directory, plan, record.seed(), record, progress, position);
                } catch (RuntimeException | IOException e) {
                    update(i, record.with(RunRecord.Status.FAILED, position.step, record.seconds(),
                            String.valueOf(e.getMessage())));
                    synchronized (lock) {
                        writeSummary("failed");
                    }
                    throw e;
                }
                update(i, done);
            }
            synchronized (lock) {
                finished = true;
                boolean diverged = records.stream().anyMatch(r -> r.status() == RunRecord.Status.DIVERGED);
                writeSummary(diverged ? DIVERGED : COMPLETED);
            }
        } finally {
            progress.finish();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is running
            }
        }
        return List.copyOf(records);
    }

    private PolicyPlan plan(String label) {
        return config.policies().stream().filter(p -> p.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no policy " + label));
    }

    private void update(int index, RunRecord record) throws IOException {
        synchronized (lock) {
            records.set(index, record);
            writeSummary("running");
        }
    }

    /** The shutdown hook: marks the run in progress interrupted and says how to resume. */
    private void interrupted() {
        synchronized (lock) {
            if (finished) {
                return;
            }
            progress.finish();
            String label = position.label;
            long seed = position.seed;
            Path file = config.checkpointFolder(directory, label, seed).resolve(CheckpointSchedule.FILE_NAME);
            String where;
            long steps = 0;
            if (Files.isRegularFile(file)) {
                try {
                    Checkpoint checkpoint = Checkpoint.read(file);
                    steps = checkpoint.progress().step();
                    where = "its last checkpoint (epoch " + checkpoint.progress().epoch() + ", step " + steps + ") is "
                            + file;
                } catch (IOException | RuntimeException e) {
                    where = "its checkpoint " + file + " could not be read (" + e.getMessage() + ")";
                }
            } else {
                where = "it has no checkpoint yet (the first comes after " + config.checkpointEvery()
                        + " epoch" + (config.checkpointEvery() == 1 ? "" : "s") + "), so it starts again";
            }
            for (int i = 0; i < records.size(); i++) {
                RunRecord record = records.get(i);
                if (record.status() == RunRecord.Status.RUNNING) {
                    records.set(i, record.with(RunRecord.Status.INTERRUPTED, steps, steps == 0 ? 0
                            : position.secondsAtCheckpoint, where));
                }
            }
            try {
                writeSummary("interrupted");
            } catch (IOException | RuntimeException e) {
                // nothing more can be done while the JVM exits
            }
            String run = label.isEmpty() ? "" : " during " + label + " seed " + seed + "; " + where;
            err.println("lrkit: interrupted" + run + ".");
            err.println("lrkit: resume with: " + resumeCommand);
            err.flush();
        }
    }

    private void writeSummary(String status) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("lrkit", "run summary");
        map.put("command", config.command());
        map.put("status", status);
        if (!status.equals(COMPLETED) && !status.equals(DIVERGED)) {
            map.put("resume", resumeCommand);
        }
        if (rangeTest != null) {
            Map<String, Object> withCost = new LinkedHashMap<>(rangeTest);
            rangeTestShare().ifPresent(share -> withCost.put("fractionOfTraining", share));
            map.put("rangeTest", withCost);
        }
        List<Map<String, Object>> runs = new ArrayList<>();
        for (RunRecord record : records) {
            runs.add(record.toJson());
        }
        map.put("runs", runs);
        AtomicFiles.write(directory.resolve(SUMMARY), Json.write(map).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The range test's wall time as a fraction of the training runs' (all policies and seeds together), or
     * empty when no range test ran or nothing has trained yet.
     *
     * @return the share, or empty
     */
    public OptionalDouble rangeTestShare() {
        double training = records.stream().mapToDouble(RunRecord::seconds).sum();
        double seconds = rangeTest == null ? Double.NaN : Json.number(rangeTest, "seconds");
        return Double.isFinite(seconds) && training > 0 ? OptionalDouble.of(seconds / training)
                : OptionalDouble.empty();
    }

    /**
     * The {@code summary.json} of a run directory, or an empty map if it has none.
     *
     * @param directory the run directory
     * @return the summary as a JSON object
     * @throws IOException if the file exists but cannot be read
     */
    public static Map<String, Object> readSummary(Path directory) throws IOException {
        try {
            return Json.parseObject(Files.readString(directory.resolve(SUMMARY), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return new LinkedHashMap<>();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(directory.resolve(SUMMARY) + ": " + e.getMessage(), e);
        }
    }
}

package org.lrkit.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.lrkit.cli.Main;
import org.lrkit.experiment.sweep.Grid;
import org.lrkit.experiment.sweep.SweepOutcome;
import org.lrkit.experiment.sweep.SweepRun;

/**
 * Trains one run of a sweep as an {@code lrkit train} process of its own, on the machine of the Spark task
 * that calls {@link #run}: the body of every task.
 *
 * <p>A process per run keeps runs apart: libtorch's random generator and thread pool belong to a process,
 * so a run trains exactly as {@code lrkit train} with the same options and {@code --threads} does, whatever
 * else the executor runs. The process is this JVM's {@code java} with the class path that holds lrkit (the
 * sweep jar on a cluster), {@code -XX:MaxDirectMemorySize=128m} as {@code ./lrkit} sets it, and {@code lrkit
 * train}'s options from {@link TrainArguments}.
 *
 * <p>Recovery: a run whose {@code summary.json} says it finished is read back, not trained again (a resumed
 * sweep); a run whose directory has a {@code config.json} continues with {@code --resume} from its own last
 * checkpoint (a retried task); a directory without one is an attempt that died before it began and is
 * started over. A process that fails makes the task fail, and Spark retries it. Each attempt appends its
 * output to {@code logs/run-<index>.log} and a line to {@code logs/run-<index>.attempts} (exit code and wall
 * seconds) in the sweep's directory.
 *
 * <p>Example: {@code new TrainProcess(sweepDirectory, "grid.txt", grid, TrainArguments.of(), 1, null).run(0)}.
 */
public final class TrainProcess implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The direct-memory cap of {@code ./lrkit}, for the same reason (see the launcher). */
    static final String DIRECT_MEMORY = "-XX:MaxDirectMemorySize=128m";

    /** Processes started in this JVM and not yet ended: destroyed if the JVM exits first. */
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
                "lrkit-sweep-children"));
    }

    private final String sweepDirectory;
    private final String gridSource;
    private final String gridText;
    private final TrainArguments arguments;
    private final int threads;
    private final FaultInjection fault;
    /** The grid's runs, read again from its text in each JVM that runs tasks. */
    private transient List<SweepRun> runs;

    /**
     * A task body for one sweep.
     *
     * @param sweepDirectory the sweep's directory, reachable from every executor
     * @param gridSource the grid file's name, for messages
     * @param grid the grid; its text travels with the tasks, which list its runs again
     * @param arguments how runs become {@code lrkit train} arguments
     * @param threads libtorch threads of each run, {@code >= 1}
     * @param fault a fault to inject, or null (always, outside tests)
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public TrainProcess(Path sweepDirectory, String gridSource, Grid grid, TrainArguments arguments, int threads,
                        FaultInjection fault) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.sweepDirectory = sweepDirectory.toAbsolutePath().toString();
        this.gridSource = gridSource;
        this.gridText = grid.text();
        this.arguments = arguments;
        this.threads = threads;
        this.fault = fault;
        this.runs = grid.runs();
    }

    /**
     * The grid's runs.
     *
     * @return the runs, in order
     */
    public List<SweepRun> runs() {
        if (runs == null) {
            runs = Grid.parse(gridSource, gridText, arguments::isSetting).runs();
        }
        return runs;
    }

    /**
     * The outcome of a run whose directory says it finished.
     *
     * @param run the run
     * @return its outcome, or empty if it has not finished
     * @throws UncheckedIOException if a file of the run cannot be read
     */
    public Optional<SweepOutcome> finished(SweepRun run) {
        Path directory = Path.of(sweepDirectory).resolve(run.folder());
        try {
            if (SweepOutcome.finishedStatus(directory).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(outcome(run, directory,
                    Path.of(sweepDirectory, "logs", "run-" + run.index() + ".attempts")));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /**
     * Trains run {@code index} (or continues it, or leaves it when it has finished): the body of its task.
     *
     * @param index the run's index in the grid
     * @return the run's status once its process ended: {@code completed} or {@code diverged}
     * @throws UncheckedIOException if the process cannot start or fails, or a file cannot be read; the
     *     message names the run, the exit code and the log
     */
    public String run(int index) {
        SweepRun run = runs().get(index);
        Path sweep = Path.of(sweepDirectory);
        Path directory = sweep.resolve(run.folder());
        Path logs = sweep.resolve("logs");
        Path log = logs.resolve("run-" + run.index() + ".log");
        Path attempts = logs.resolve("run-" + run.index() + ".attempts");
        try {
            Files.createDirectories(logs);
            Optional<String> status = SweepOutcome.finishedStatus(directory);
            if (status.isPresent()) {
                return status.get();
            }
            boolean resume = Files.isRegularFile(directory.resolve("config.json"));
            if (!resume && Files.exists(directory)) {
                deleteTree(directory); // an earlier attempt that died before writing its configuration
            }
            Files.createDirectories(directory.getParent());
            List<String> command = new ArrayList<>(List.of(javaCommand(), DIRECT_MEMORY, "-Djava.awt.headless=true",
                    "-cp", classPath(), Main.class.getName(), "train"));
            command.addAll(arguments.forRun(run, directory, threads, resume));
            Files.writeString(log, "== " + Instant.now() + " " + (resume ? "resuming" : "starting") + ": "
                            + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            LIVE.add(process);
            int exit;
            try {
                boolean killed = fault != null && fault.runIndex() == run.index() && injectFault(process, directory,
                        logs.resolve("run-" + run.index() + ".fault"));
                exit = process.waitFor();
                if (killed) {
                    exit = exit == 0 ? -9 : exit;
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new IOException("run " + run.index() + " was interrupted", e));
            } finally {
                LIVE.remove(process);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Files.writeString(attempts, String.format(Locale.ROOT, "%d %.3f%n", exit, seconds),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            status = SweepOutcome.finishedStatus(directory);
            if (status.isEmpty()) {
                throw new IOException("run " + run.index() + " (" + run.folder() + ") failed with exit code " + exit
                        + lastLine(log).map(line -> ": " + line).orElse("") + " (log: " + log + ")");
            }
            return status.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /**
     * Kills the process once its first checkpoint exists, unless the marker says that was done already.
     *
     * @return true if it killed the process
     */
    private static boolean injectFault(Process process, Path directory, Path marker) throws IOException,
            InterruptedException {
        if (Files.exists(marker)) {
            return false;
        }
        while (process.isAlive()) {
            if (hasCheckpoint(directory)) {
                process.destroyForcibly();
                Files.writeString(marker, "killed after the first checkpoint at " + Instant.now() + "\n");
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }

    private static boolean hasCheckpoint(Path directory) throws IOException {
        Path runs = directory.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(runs, 3)) {
            return files.anyMatch(file -> file.getFileName().toString().equals("checkpoint.lrkit"));
        } catch (UncheckedIOException e) {
            return false; // a file renamed while walking: look again
        }
    }

    private static SweepOutcome outcome(SweepRun run, Path directory, Path attempts) throws IOException {
        int count = 0;
        double seconds = 0;
        if (Files.isRegularFile(attempts)) {
            for (String line : Files.readAllLines(attempts, StandardCharsets.UTF_8)) {
                String[] fields = line.strip().split(" ");
                if (fields.length == 2) {
                    count++;
                    seconds += Double.parseDouble(fields[1]);
                }
            }
        }
        return SweepOutcome.read(run, directory, count, seconds);
    }

    private static Optional<String> lastLine(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank() && !lines.get(i).startsWith("== ")) {
                return Optional.of(lines.get(i).strip());
            }
        }
        return Optional.empty();
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The class path for {@code lrkit train}: the sweep jar alone when this class and lrkit's command line were
     * loaded from it (it holds everything a run needs, also on an executor that loaded it from elsewhere),
     * otherwise this JVM's class path (a build's folders and jars, an IDE).
     */
    static String classPath() {
        try {
            Path cli = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path sweep = Path.of(TrainProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (cli.equals(sweep) && Files.isRegularFile(cli)) {
                return cli.toString();
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // fall through to the JVM's class path
        }
        return System.getProperty("java.class.path");
    }
}

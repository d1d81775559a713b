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
import org.lrkit.cli.ExitCode;
import org.lrkit.cli.Main;

/**
 * Runs one run of a sweep as an {@code lrkit} process of its own, on the machine of the Spark task that
 * calls {@link #run}: the body of every task.
 *
 * <p>A process per run keeps runs apart: libtorch's random generator and thread pool belong to a process,
 * so a run trains exactly as the same {@code lrkit} command with the same {@code --threads} does, whatever
 * else the executor runs. The process is this JVM's {@code java} with the class path that holds lrkit (the
 * sweep jar on a cluster), {@code -XX:MaxDirectMemorySize=128m} as {@code ./lrkit} sets it, and the command
 * line of {@link SweepTasks#command}.
 *
 * <p>A run's process stops when the JVM that started it dies (an executor lost on a cluster), so that it
 * never trains beside the attempt Spark starts in its place.
 *
 * <p>Recovery: a run that {@link SweepTasks#finished} is left as it is (a resumed sweep); a run whose
 * directory has a {@code config.json} continues with {@code --resume} from its own last checkpoint (a
 * retried task); a directory without one is an attempt that died before it began and is started over. A
 * process that fails makes the task fail, and Spark retries it. Each attempt appends its output to {@code
 * logs/run-<index>.log} and a line to {@code logs/run-<index>.attempts} (exit code and wall seconds) in the
 * sweep's directory.
 *
 * <p>Example: {@code new RunProcess(sweepDirectory, new GridTasks("grid.txt", grid, TrainArguments.of()), 1,
 * null).run(0)}.
 */
public final class RunProcess implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The direct-memory cap of {@code ./lrkit}, for the same reason (see the launcher). */
    static final String DIRECT_MEMORY = "-XX:MaxDirectMemorySize=128m";

    /** What {@link #run} puts before the message of a run that lrkit refused. */
    private static final String REFUSED = "refused: ";

    /** Processes started in this JVM and not yet ended: destroyed if the JVM exits first. */
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
                "lrkit-sweep-children"));
    }

    /**
     * The processes a run took.
     *
     * @param count how many processes ran it (0 when it was found finished and never ran in this sweep)
     * @param seconds their wall time together, start-up included
     */
    public record Attempts(int count, double seconds) {
    }

    private final String sweepDirectory;
    private final SweepTasks tasks;
    private final int threads;
    private final FaultInjection fault;

    /**
     * A task body for one sweep.
     *
     * @param sweepDirectory the sweep's directory, reachable from every executor
     * @param tasks the sweep's runs
     * @param threads libtorch threads of each run, {@code >= 1}
     * @param fault a fault to inject, or null (always, outside tests)
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public RunProcess(Path sweepDirectory, SweepTasks tasks, int threads, FaultInjection fault) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.sweepDirectory = sweepDirectory.toAbsolutePath().toString();
        this.tasks = tasks;
        this.threads = threads;
        this.fault = fault;
    }

    /**
     * The sweep's runs.
     *
     * @return the runs
     */
    public SweepTasks tasks() {
        return tasks;
    }

    /**
     * The run directory of run {@code index}.
     *
     * @param index the run's index
     * @return its directory, absolute
     */
    public Path directory(int index) {
        return Path.of(sweepDirectory).resolve(tasks.folder(index));
    }

    /**
     * The processes run {@code index} took so far, from {@code logs/run-<index>.attempts}.
     *
     * @param index the run's index
     * @return the count and wall time of its processes
     * @throws UncheckedIOException if the file exists but cannot be read
     */
    public Attempts attempts(int index) {
        Path file = logs().resolve("run-" + index + ".attempts");
        int count = 0;
        double seconds = 0;
        try {
            if (Files.isRegularFile(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] fields = line.strip().split(" ");
                    if (fields.length == 2) {
                        count++;
                        seconds += Double.parseDouble(fields[1]);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        return new Attempts(count, seconds);
    }

    /**
     * Runs run {@code index} (or continues it, or leaves it when it has finished): the body of its task.
     *
     * <p>A process that ends with lrkit's usage exit code (2: options or a spec that lrkit refuses) fails the
     * same way every time, so it is not a task failure for Spark to retry: the task ends normally and returns
     * the message, which {@link #isRefusal} recognizes.
     *
     * @param index the run's index
     * @return the run's folder once its process ended with the run finished, or the refusal's message
     * @throws UncheckedIOException if the process cannot start or fails otherwise, or a file cannot be read;
     *     the message names the run, the exit code and the log
     */
    public String run(int index) {
        Path directory = directory(index);
        String folder = tasks.folder(index);
        Path log = logs().resolve("run-" + index + ".log");
        try {
            Files.createDirectories(logs());
            if (tasks.finished(directory)) {
                return folder;
            }
            boolean resume = Files.isRegularFile(directory.resolve("config.json"));
            if (!resume && Files.exists(directory)) {
                deleteTree(directory); // an earlier attempt that died before writing its configuration
            }
            Files.createDirectories(directory.getParent());
            // lrkit.parentPid: the run stops when this JVM (the executor) dies, instead of training on beside
            // the attempt that Spark starts in its place.
            List<String> command = new ArrayList<>(List.of(javaCommand(), DIRECT_MEMORY, "-Djava.awt.headless=true",
                    "-Dlrkit.parentPid=" + ProcessHandle.current().pid(), "-cp", classPath(), Main.class.getName()));
            command.addAll(tasks.command(index, directory, threads, resume));
            Files.writeString(log, "== " + Instant.now() + " " + (resume ? "resuming" : "starting") + ": "
                            + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            LIVE.add(process);
            int exit;
            try {
                if (fault != null && fault.runIndex() == index) {
                    injectFault(process, directory, logs().resolve("run-" + index + ".fault"));
                }
                exit = process.waitFor();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("run " + index + " (" + folder + ") was interrupted", e);
            } finally {
                LIVE.remove(process);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Files.writeString(logs().resolve("run-" + index + ".attempts"), String.format(Locale.ROOT,
                    "%d %.3f%n", exit, seconds), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            if (!tasks.finished(directory)) {
                String message = "run " + index + " (" + folder + ") failed with exit code " + exit
                        + lastLine(log).map(line -> ": " + line).orElse("") + " (log: " + log + ")";
                if (exit == ExitCode.USAGE) {
                    return REFUSED + message;
                }
                throw new IOException(message);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /**
     * Whether a result of {@link #run} is a refused run's message rather than a folder.
     *
     * @param result what {@link #run} returned
     * @return true for a refusal
     */
    public static boolean isRefusal(String result) {
        return result.startsWith(REFUSED);
    }

    private Path logs() {
        return Path.of(sweepDirectory, "logs");
    }

    /** Kills the process once its first checkpoint exists, unless the marker says that was done already. */
    private static void injectFault(Process process, Path directory, Path marker) throws IOException,
            InterruptedException {
        if (Files.exists(marker)) {
            return;
        }
        while (process.isAlive()) {
            if (hasCheckpoint(directory)) {
                process.destroyForcibly();
                Files.writeString(marker, "killed after the first checkpoint at " + Instant.now() + "\n");
                return;
            }
            Thread.sleep(5);
        }
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
     * The class path for the run's process: the sweep jar alone when this class and lrkit's command line were
     * loaded from it (it holds everything a run needs, also on an executor that loaded it from elsewhere),
     * otherwise this JVM's class path (a build's folders and jars, an IDE).
     */
    static String classPath() {
        try {
            Path cli = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path sweep = Path.of(RunProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (cli.equals(sweep) && Files.isRegularFile(cli)) {
                return cli.toString();
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // fall through to the JVM's class path
        }
        return System.getProperty("java.class.path");
    }
}

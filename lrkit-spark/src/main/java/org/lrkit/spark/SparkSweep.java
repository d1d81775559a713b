package org.lrkit.spark;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.lrkit.djl.train.ProgressLine;

/**
 * Runs a sweep's runs as Spark tasks, one task per run, and waits for them.
 *
 * <p>Spark's settings: the master as given ({@link #defaultMaster()}: {@code local[<cores>,3]}, embedded, each
 * task tried up to 3 times), {@code spark.task.cpus} = the threads of each run, so that tasks times threads
 * never exceed the cores Spark has; no web UI in local mode. A task that fails is retried by Spark and its run
 * resumes from its own checkpoint ({@link RunProcess}). When a task fails every attempt, the sweep ends
 * with the runs that finished and the message of that failure; {@code --resume} continues it.
 *
 * <p>Example: {@code new SparkSweep("local[2,3]", 1, System.err).run(new RunProcess(dir, new GridTasks("grid.txt",
 * grid, TrainArguments.of()), 1, null))}.
 */
public final class SparkSweep {

    /** Attempts per task in the default local master. */
    static final int LOCAL_ATTEMPTS = 3;

    /**
     * What a sweep's execution ended with.
     *
     * @param failure the message of the task that failed every attempt, or null when every run finished
     * @param timing seconds by phase: {@code sparkStartSeconds}, {@code jobSeconds}, {@code sparkStopSeconds},
     *     {@code runWallSeconds} (the runs' processes in this sweep, summed), and {@code slots} (tasks at once)
     */
    public record Result(String failure, Map<String, Object> timing) {
    }

    private final String master;
    private final int threads;
    private final PrintStream messages;

    /**
     * A sweep's executor.
     *
     * @param master Spark's master URL, e.g. {@code local[2,3]} or {@code spark://host:7077}
     * @param threads libtorch threads of each run, also {@code spark.task.cpus}
     * @param messages where progress and failures go, or null for none
     */
    public SparkSweep(String master, int threads, PrintStream messages) {
        this.master = master;
        this.threads = threads;
        this.messages = messages;
    }

    /**
     * The default master: embedded, with this machine's cores, each task tried up to 3 times.
     *
     * @return {@code local[<cores>,3]}
     */
    public static String defaultMaster() {
        return "local[" + Runtime.getRuntime().availableProcessors() + "," + LOCAL_ATTEMPTS + "]";
    }

    /**
     * Runs every run as a Spark task and waits for them.
     *
     * @param process the task body, which knows the runs
     * @return the failure, if any, and the timing
     */
    public Result run(RunProcess process) {
        int runs = process.tasks().size();
        long start = System.nanoTime();
        SparkConf conf = new SparkConf().setAppName("lrkit sweep").setMaster(master)
                .set("spark.task.cpus", Integer.toString(threads));
        if (master.startsWith("local")) {
            conf.set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1");
        }
        Map<String, Object> timing = new LinkedHashMap<>();
        String failure = null;
        JavaSparkContext spark = new JavaSparkContext(conf);
        long started = System.nanoTime();
        int slots = Math.max(1, spark.sc().defaultParallelism() / threads);
        Progress progress = new Progress(process.tasks(), messages);
        spark.sc().addSparkListener(progress);
        try {
            List<Integer> indexes = IntStream.range(0, runs).boxed().toList();
            List<String> results = spark.parallelize(indexes, Math.max(1, runs)).map(process::run).collect();
            failure = results.stream().filter(RunProcess::isRefusal).findFirst()
                    .map(refusal -> refusal.substring(refusal.indexOf(' ') + 1)).orElse(null);
        } catch (Exception e) { // Spark throws its checked SparkException without declaring it
            if (!(e instanceof SparkException) && !(e instanceof UncheckedIOException)
                    && !(e.getCause() instanceof SparkException)) {
                throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
            }
            failure = rootMessage(e);
        } finally {
            progress.end();
        }
        long jobEnd = System.nanoTime();
        spark.stop();
        long stopped = System.nanoTime();
        timing.put("sparkStartSeconds", (started - start) / 1e9);
        timing.put("jobSeconds", (jobEnd - started) / 1e9);
        timing.put("sparkStopSeconds", (stopped - jobEnd) / 1e9);
        timing.put("runWallSeconds", IntStream.range(0, runs).mapToDouble(i -> process.attempts(i).seconds()).sum());
        timing.put("slots", slots);
        return new Result(failure, timing);
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() != null ? cause.getMessage() : error.getMessage();
        return message == null ? error.toString() : message.lines().findFirst().orElse(message);
    }

    /** Progress on the console and one line per failed attempt, from Spark's task events on the driver. */
    private static final class Progress extends SparkListener {

        private final SweepTasks runs;
        private final PrintStream messages;
        private final ProgressLine line;
        private final AtomicInteger finished = new AtomicInteger();
        private final AtomicInteger running = new AtomicInteger();
        private final long start = System.nanoTime();

        Progress(SweepTasks runs, PrintStream messages) {
            this.runs = runs;
            this.messages = messages;
            this.line = messages == null ? new ProgressLine(System.err, false, System::nanoTime)
                    : ProgressLine.forConsole();
        }

        @Override
        public void onTaskStart(SparkListenerTaskStart taskStart) {
            running.incrementAndGet();
            draw(false);
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
            running.decrementAndGet();
            if (taskEnd.taskInfo().successful()) {
                finished.incrementAndGet();
            } else if (messages != null) {
                synchronized (this) {
                    line.clear();
                    int index = taskEnd.taskInfo().index();
                    String folder = index >= 0 && index < runs.size() ? runs.folder(index) : "task " + index;
                    messages.println("lrkit sweep: " + folder + ": attempt " + (taskEnd.taskInfo().attemptNumber() + 1)
                            + " failed (" + taskEnd.reason().toString().lines().findFirst().orElse("") + ")");
                }
            }
            draw(true);
        }

        private synchronized void draw(boolean force) {
            int done = finished.get();
            double elapsed = (System.nanoTime() - start) / 1e9;
            double left = ProgressLine.secondsLeft(elapsed, done, runs.size());
            line.draw(ProgressLine.bar(done, runs.size(), 30) + " runs " + done + "/" + runs.size() + ", "
                    + Math.max(0, running.get()) + " running" + (left < 0 ? ""
                    : " ETA " + ProgressLine.duration(left)), force);
        }

        synchronized void end() {
            line.endLine();
        }
    }
}

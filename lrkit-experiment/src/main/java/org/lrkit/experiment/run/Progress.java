package org.lrkit.experiment.run;

import java.io.PrintWriter;
import org.lrkit.djl.train.ProgressLine;

/**
 * What a command says while it works, on standard error: a one-line progress bar over all of its steps
 * (range test and every training run) with the time left, redrawn at most five times a second and drawn
 * only on a console (through {@link ProgressLine}, like a training run's bar); and message lines (what was
 * read, each finished run), which also go to pipes and logs. Quiet, it says nothing.
 *
 * <pre>
 * [#######-------------]  34% step-decay seed 0: epoch 2/4, loss 0.4125, ETA 0:01:52
 * </pre>
 */
public final class Progress {

    private static final int WIDTH = 20;
    /** The longest line drawn, so that the bar fits an 80-column terminal. */
    private static final int LINE = 79;

    private final PrintWriter messages;
    private final ProgressLine console;
    private final long startNanos;
    private long total;
    private long done;
    private long doneAtStart = -1;

    private Progress(PrintWriter messages, ProgressLine console) {
        this.messages = messages;
        this.console = console;
        this.startNanos = console.now();
    }

    /**
     * Progress for a command.
     *
     * @param err where messages go
     * @param quiet say nothing
     * @return the progress
     */
    public static Progress of(PrintWriter err, boolean quiet) {
        return new Progress(quiet ? null : err, quiet ? silentLine() : ProgressLine.forConsole());
    }

    /**
     * Progress that says nothing.
     *
     * @return the progress
     */
    public static Progress silent() {
        return new Progress(null, silentLine());
    }

    private static ProgressLine silentLine() {
        return new ProgressLine(System.err, false, System::nanoTime);
    }

    /**
     * Whether messages are shown.
     *
     * @return whether messages are printed
     */
    public boolean enabled() {
        return messages != null;
    }

    /**
     * Sets the number of steps of the whole command.
     *
     * @param totalSteps the steps of the whole command, {@code >= 0}
     */
    public synchronized void plan(long totalSteps) {
        this.total = totalSteps;
    }

    /**
     * Counts {@code steps} as done without timing them (the steps of runs finished before a resume).
     *
     * @param steps the steps done, {@code >= 0}
     */
    public synchronized void skip(long steps) {
        done += steps;
    }

    /**
     * One step done; redraws the bar with {@code status}.
     *
     * @param status the text after the bar
     */
    public synchronized void step(String status) {
        done++;
        if (doneAtStart < 0) {
            doneAtStart = done - 1;
        }
        draw(status, done >= total);
    }

    /**
     * Sets the count to {@code doneSteps} of {@code totalSteps} and redraws the bar with {@code status} (for
     * work that counts its own steps, such as a range test's progress events).
     *
     * @param doneSteps the steps done
     * @param totalSteps the steps of the whole work
     * @param status the text after the bar
     */
    public synchronized void at(long doneSteps, long totalSteps, String status) {
        if (doneAtStart < 0) {
            doneAtStart = Math.max(0, doneSteps - 1);
        }
        total = totalSteps;
        done = doneSteps;
        draw(status, done >= total);
    }

    /**
     * Redraws the bar with a new status without counting a step.
     *
     * @param status the text after the bar
     */
    public synchronized void status(String status) {
        draw(status, true);
    }

    private void draw(String status, boolean force) {
        if (!console.enabled()) {
            return;
        }
        long timed = doneAtStart < 0 ? 0 : done - doneAtStart;
        double left = ProgressLine.secondsLeft((console.now() - startNanos) / 1e9, timed, timed + Math.max(0,
                total - done));
        String bar = ProgressLine.bar(done, total, WIDTH) + " ";
        String end = ", ETA " + ProgressLine.duration(left);
        int room = LINE - bar.length() - end.length();
        String shown = status.length() <= room ? status : status.substring(0, Math.max(0, room - 3)) + "...";
        console.draw(bar + shown + end, force);
    }

    /**
     * Prints a message line (under the bar, which is redrawn on the next step).
     *
     * @param line the message, without a line break
     */
    public synchronized void say(String line) {
        if (messages == null) {
            return;
        }
        console.clear();
        messages.println(line);
        messages.flush();
    }

    /**
     * Prints a line only on a console (per-epoch detail that would clutter logs).
     *
     * @param line the message, without a line break
     */
    public synchronized void sayOnConsole(String line) {
        if (console.enabled()) {
            say(line);
        }
    }

    /** Removes the bar. */
    public synchronized void finish() {
        console.clear();
    }
}

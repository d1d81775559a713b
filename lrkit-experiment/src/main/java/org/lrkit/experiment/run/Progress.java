package org.lrkit.experiment.run;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import org.lrkit.experiment.report.Numbers;

/**
 * What a command says while it works, on standard error: a one-line progress bar over all of its steps
 * (range test and every training run) with the time left, redrawn at most five times a second and drawn
 * only on a console; and message lines (what was read, each finished run), which also go to pipes and logs.
 * Quiet, it says nothing.
 *
 * <pre>
 * [#######-------------]  34% step-decay seed 0: epoch 2/4, loss 0.4125, ETA 0:01:52
 * </pre>
 */
public final class Progress {

    private static final int WIDTH = 20;
    /** The longest line drawn, so that the bar fits an 80-column terminal. */
    private static final int LINE = 79;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter messages;
    private final PrintStream console;
    private final long startNanos = System.nanoTime();
    private long total;
    private long done;
    private long doneAtStart = -1;
    private long lastDraw = Long.MIN_VALUE;
    private boolean barOpen;

    private Progress(PrintWriter messages, PrintStream console) {
        this.messages = messages;
        this.console = console;
    }

    /**
     * Progress for a command.
     *
     * @param err where messages go
     * @param quiet say nothing
     */
    public static Progress of(PrintWriter err, boolean quiet) {
        return new Progress(quiet ? null : err, !quiet && System.console() != null ? System.err : null);
    }

    /** Progress that says nothing. */
    public static Progress silent() {
        return new Progress(null, null);
    }

    /** Whether messages are shown. */
    public boolean enabled() {
        return messages != null;
    }

    /** Sets the number of steps of the whole command. */
    public synchronized void plan(long totalSteps) {
        this.total = totalSteps;
    }

    /** Counts {@code steps} as done without timing them (the steps of runs finished before a resume). */
    public synchronized void skip(long steps) {
        done += steps;
    }

    /** One step done; redraws the bar with {@code status}. */
    public synchronized void step(String status) {
        done++;
        if (doneAtStart < 0) {
            doneAtStart = done - 1;
        }
        draw(status, false);
    }

    /**
     * Sets the count to {@code doneSteps} of {@code totalSteps} and redraws the bar with {@code status} (for
     * work that counts its own steps, such as a range test's progress events).
     */
    public synchronized void at(long doneSteps, long totalSteps, String status) {
        if (doneAtStart < 0) {
            doneAtStart = Math.max(0, doneSteps - 1);
        }
        total = totalSteps;
        done = doneSteps;
        draw(status, false);
    }

    /** Redraws the bar with a new status without counting a step. */
    public synchronized void status(String status) {
        draw(status, true);
    }

    private void draw(String status, boolean force) {
        if (console == null) {
            return;
        }
        long now = System.nanoTime();
        if (!force && lastDraw != Long.MIN_VALUE && now - lastDraw < REDRAW_NANOS && done < total) {
            return;
        }
        lastDraw = now;
        double fraction = total > 0 ? Math.min(1.0, (double) done / total) : 0;
        int filled = (int) Math.round(fraction * WIDTH);
        long timed = doneAtStart < 0 ? 0 : done - doneAtStart;
        double eta = timed > 0 ? (now - startNanos) / 1e9 / timed * Math.max(0, total - done) : -1;
        String bar = String.format(Locale.ROOT, "[%s%s] %3d%% ", "#".repeat(filled), "-".repeat(WIDTH - filled),
                Math.round(fraction * 100));
        String end = ", ETA " + Numbers.clock(eta);
        int room = LINE - bar.length() - end.length();
        String shown = status.length() <= room ? status : status.substring(0, Math.max(0, room - 3)) + "...";
        console.print("\r" + bar + shown + end + "\u001b[K");
        console.flush();
        barOpen = true;
    }

    /** Prints a message line (under the bar, which is redrawn on the next step). */
    public synchronized void say(String line) {
        if (messages == null) {
            return;
        }
        clearBar();
        messages.println(line);
        messages.flush();
    }

    /** Prints a line only on a console (per-epoch detail that would clutter logs). */
    public synchronized void sayOnConsole(String line) {
        if (console != null) {
            say(line);
        }
    }

    /** Removes the bar. */
    public synchronized void finish() {
        clearBar();
    }

    private void clearBar() {
        if (barOpen && console != null) {
            console.print("\r\u001b[K");
            console.flush();
            barOpen = false;
        }
    }
}

package org.lrkit.djl.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.lrkit.Checks;

/**
 * One status line on a console, redrawn in place ({@code \r}) at most five times a second:
 *
 * <pre>
 * [###########-------------------]  37% step 3700/10000 epoch 9 loss 0.6124 lr 0.0841 ETA 0:04:12
 * </pre>
 *
 * <p>It draws only on a terminal ({@link #forConsole()} is silent when standard error is redirected, in
 * pipes and CI logs). The one progress line of lrkit: {@link ConsoleProgressBar} (a training run's
 * listener) and the command line's progress over a whole command draw through it.
 *
 * <pre>{@code
 * ProgressLine line = ProgressLine.forConsole();
 * line.draw(ProgressLine.bar(370, 1000, 30) + " step 370/1000 ETA " + ProgressLine.duration(252), false);
 * line.endLine();
 * }</pre>
 */
public final class ProgressLine {

    /** The least time between two redraws, in nanoseconds (200 ms). */
    public static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final boolean enabled;
    private final LongSupplier clock;
    private long lastDraw = Long.MIN_VALUE;
    private boolean open;

    /**
     * @param out where to draw
     * @param enabled whether to draw at all
     * @param clock nanosecond time source ({@code System::nanoTime})
     */
    public ProgressLine(PrintStream out, boolean enabled, LongSupplier clock) {
        this.out = Checks.notNull("out", out);
        this.enabled = enabled;
        this.clock = Checks.notNull("clock", clock);
    }

    /**
     * A line on standard error, drawn only when there is a console.
     *
     * @return a line on {@code System.err}, enabled when {@code System.console()} is not null
     */
    public static ProgressLine forConsole() {
        return new ProgressLine(System.err, System.console() != null, System::nanoTime);
    }

    /**
     * Whether the line is drawn at all.
     *
     * @return true if {@link #draw} writes to the stream, false if it does nothing
     */
    public boolean enabled() {
        return enabled;
    }

    /**
     * The clock's time now, in nanoseconds.
     *
     * @return the clock's reading, in nanoseconds from an arbitrary origin
     */
    public long now() {
        return clock.getAsLong();
    }

    /**
     * Redraws the line with {@code text}, unless it was drawn less than {@link #REDRAW_NANOS} ago and
     * {@code force} is false (force the last step and a new status).
     *
     * @param text the whole line, without line breaks
     * @param force true to draw even if the last draw is less than {@link #REDRAW_NANOS} old
     */
    public void draw(String text, boolean force) {
        if (!enabled) {
            return;
        }
        long now = clock.getAsLong();
        if (!force && lastDraw != Long.MIN_VALUE && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        out.print("\r" + text + "\u001b[K");
        out.flush();
        open = true;
    }

    /** Ends the line where it is (a line break), so that what follows starts on a line of its own. */
    public void endLine() {
        if (enabled && open) {
            out.println();
            out.flush();
            open = false;
        }
    }

    /** Wipes the line, so that a message can be printed where it was (the next draw brings it back). */
    public void clear() {
        if (enabled && open) {
            out.print("\r\u001b[K");
            out.flush();
            open = false;
        }
    }

    /**
     * The bar and percentage for {@code done} of {@code total}: {@code [#####---------------]  25%}.
     *
     * @param done how much is done, in any unit; clamped to {@code [0, total]}
     * @param total how much there is to do, in the same unit; the bar is empty when {@code total <= 0}
     * @param width the number of cells between the brackets
     * @return the bar followed by the percentage, right-aligned in 3 characters
     */
    public static String bar(long done, long total, int width) {
        double fraction = total > 0 ? Math.min(1.0, Math.max(0, (double) done / total)) : 0;
        int filled = (int) Math.round(fraction * width);
        return String.format(Locale.ROOT, "[%s%s] %3d%%", "#".repeat(filled), "-".repeat(width - filled),
                Math.round(fraction * 100));
    }

    /**
     * Seconds as {@code h:mm:ss}, or {@code --:--} when negative, NaN or infinite (not known yet).
     *
     * @param seconds a duration in seconds, rounded to whole seconds
     * @return the duration as {@code h:mm:ss}, or {@code --:--}
     */
    public static String duration(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            return "--:--";
        }
        long whole = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60);
    }

    /**
     * Seconds left at the pace so far: {@code elapsed / done * (total - done)}; negative when nothing is done
     * yet.
     *
     * @param elapsedSeconds the time spent so far, in seconds
     * @param done how much is done, in any unit
     * @param total how much there is to do, in the same unit
     * @return the estimated seconds left, {@code >= 0}, or {@code -1} when {@code done <= 0}
     */
    public static double secondsLeft(double elapsedSeconds, long done, long total) {
        return done > 0 ? elapsedSeconds / done * Math.max(0, total - done) : -1;
    }
}

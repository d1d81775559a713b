package org.lrkit.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on standard error, redrawn at most five times a second, drawn only when there is a
 * console (never in pipes, files or CI logs) and the command is not quiet.
 */
final class ConsoleProgress {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long lastDraw = Long.MIN_VALUE;
    private boolean open;

    ConsoleProgress(boolean quiet) {
        this.out = System.err;
        this.enabled = !quiet && System.console() != null;
    }

    /** Shows {@code done} of {@code total} with a short status text. */
    void update(long done, long total, String status) {
        long now = System.nanoTime();
        boolean last = done >= total;
        if (!enabled || (!last && lastDraw != Long.MIN_VALUE && now - lastDraw < REDRAW_NANOS)) {
            return;
        }
        lastDraw = now;
        double fraction = total > 0 ? Math.min(1.0, (double) done / total) : 0;
        int filled = (int) Math.round(fraction * WIDTH);
        double elapsed = (now - start) / 1e9;
        String eta = done > 0 ? eta(elapsed / done * (total - done)) : "--:--";
        out.print("\r" + String.format(Locale.ROOT, "[%s%s] %3d%% %s ETA %s", "#".repeat(filled),
                "-".repeat(WIDTH - filled), Math.round(fraction * 100), status, eta) + "\u001b[K");
        out.flush();
        open = true;
    }

    /** Ends the bar's line. */
    void finish() {
        if (enabled && open) {
            out.println();
            out.flush();
            open = false;
        }
    }

    private static String eta(double seconds) {
        long whole = Math.max(0, Math.round(seconds));
        return String.format(Locale.ROOT, "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60);
    }
}

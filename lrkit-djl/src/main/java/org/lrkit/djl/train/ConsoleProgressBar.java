package org.lrkit.djl.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.lrkit.Checks;

/**
 * A one-line console progress bar with loss, learning rate and estimated time left, redrawn at most five
 * times a second, plus a line per epoch. It stays quiet when the output is not a terminal
 * ({@code System.console() == null}: redirected output, CI logs).
 *
 * <pre>
 * [###########-------------------]  37% step 3700/10000 epoch 9 loss 0.6124 lr 0.0841 ETA 0:04:12
 * </pre>
 *
 * <pre>{@code
 * TrainingRun.builder(model, optimizer)...listener(ConsoleProgressBar.forConsole()).build().run();
 * }</pre>
 *
 * <p>Not DJL's {@code ai.djl.training.util.ProgressBar}. (Named {@code ProgressBar} before lrkit 0.1.)
 */
public final class ConsoleProgressBar implements TrainingRunListener {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final boolean enabled;
    private final LongSupplier clock;
    private long startNanos;
    private long startStep;
    private long plannedSteps;
    private long lastDraw = Long.MIN_VALUE;
    private boolean lineOpen;

    /**
     * @param out where to draw
     * @param enabled whether to draw at all
     * @param clock nanosecond time source (System::nanoTime)
     */
    public ConsoleProgressBar(PrintStream out, boolean enabled, LongSupplier clock) {
        this.out = Checks.notNull("out", out);
        this.enabled = enabled;
        this.clock = Checks.notNull("clock", clock);
    }

    /** A bar on standard error, enabled only when there is a console. */
    public static ConsoleProgressBar forConsole() {
        return new ConsoleProgressBar(System.err, System.console() != null, System::nanoTime);
    }

    @Override
    public void onStart(RunStart start) {
        startNanos = clock.getAsLong();
        startStep = start.startStep();
        plannedSteps = start.plannedSteps();
    }

    @Override
    public void onStep(long epoch, StepResult step) {
        long now = clock.getAsLong();
        boolean last = step.step() + 1 >= plannedSteps;
        if (!enabled || (!last && lastDraw != Long.MIN_VALUE && now - lastDraw < REDRAW_NANOS)) {
            return;
        }
        lastDraw = now;
        out.print("\r" + render(step.step() + 1, plannedSteps, epoch, step.loss(), step.learningRate(),
                eta(now, step.step() + 1)));
        out.flush();
        lineOpen = true;
    }

    @Override
    public void onEpoch(EpochResult epoch) {
        if (!enabled) {
            return;
        }
        endLine();
        out.printf(Locale.ROOT, "epoch %d: train loss %.4f, val loss %.4f, val accuracy %.4f (%.1f s)%n", epoch.epoch(),
                epoch.trainLoss(), epoch.validationLoss(), epoch.validationAccuracy(), epoch.seconds());
    }

    @Override
    public void onEnd(TrainingSummary summary) {
        if (enabled) {
            endLine();
        }
    }

    @Override
    public void onFailure(Throwable error) {
        if (enabled) {
            endLine();
        }
    }

    /**
     * The bar's text for {@code done} of {@code total} steps.
     *
     * @param etaSeconds estimated seconds left, negative if unknown
     */
    public static String render(long done, long total, long epoch, double loss, double learningRate, double etaSeconds) {
        double fraction = total > 0 ? Math.min(1.0, (double) done / total) : 0;
        int filled = (int) Math.round(fraction * WIDTH);
        return String.format(Locale.ROOT, "[%s%s] %3d%% step %d/%d epoch %d loss %.4f lr %.4g ETA %s",
                "#".repeat(filled), "-".repeat(WIDTH - filled), Math.round(fraction * 100), done, total, epoch, loss,
                learningRate, duration(etaSeconds));
    }

    /** {@code h:mm:ss}, or {@code --:--} when negative. */
    static String duration(double seconds) {
        if (!(seconds >= 0)) {
            return "--:--";
        }
        long whole = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60);
    }

    private double eta(long now, long done) {
        long session = done - startStep;
        if (session <= 0) {
            return -1;
        }
        double perStep = (now - startNanos) / 1e9 / session;
        return perStep * Math.max(0, plannedSteps - done);
    }

    private void endLine() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
    }
}

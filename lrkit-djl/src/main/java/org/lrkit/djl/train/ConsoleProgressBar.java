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

    private final PrintStream out;
    private final ProgressLine line;
    private long startNanos;
    private long startStep;
    private long plannedSteps;

    /**
     * @param out where to draw
     * @param enabled whether to draw at all
     * @param clock nanosecond time source (System::nanoTime)
     */
    public ConsoleProgressBar(PrintStream out, boolean enabled, LongSupplier clock) {
        this.out = Checks.notNull("out", out);
        this.line = new ProgressLine(out, enabled, clock);
    }

    /**
     * A bar on standard error, enabled only when there is a console.
     *
     * @return a bar on {@code System.err}, enabled when {@code System.console()} is not null
     */
    public static ConsoleProgressBar forConsole() {
        return new ConsoleProgressBar(System.err, System.console() != null, System::nanoTime);
    }

    @Override
    public void onStart(RunStart start) {
        startNanos = line.now();
        startStep = start.startStep();
        plannedSteps = start.plannedSteps();
    }

    @Override
    public void onStep(long epoch, StepResult step) {
        long done = step.step() + 1;
        double left = ProgressLine.secondsLeft((line.now() - startNanos) / 1e9, done - startStep, plannedSteps
                - startStep);
        line.draw(render(done, plannedSteps, epoch, step.loss(), step.learningRate(), left), done >= plannedSteps);
    }

    @Override
    public void onEpoch(EpochResult epoch) {
        if (!line.enabled()) {
            return;
        }
        line.endLine();
        out.printf(Locale.ROOT, "epoch %d: train loss %.4f, val loss %.4f, val accuracy %.4f (%.1f s)%n", epoch.epoch(),
                epoch.trainLoss(), epoch.validationLoss(), epoch.validationAccuracy(), epoch.seconds());
    }

    @Override
    public void onEnd(TrainingSummary summary) {
        line.endLine();
    }

    @Override
    public void onFailure(Throwable error) {
        line.endLine();
    }

    /**
     * The bar's text for {@code done} of {@code total} steps.
     *
     * @param done completed optimizer steps
     * @param total the run's planned optimizer steps
     * @param epoch the 0-based epoch in progress
     * @param loss the last step's training loss
     * @param learningRate the last step's learning rate
     * @param etaSeconds estimated seconds left, negative if unknown
     * @return the bar, percentage, step, epoch, loss, learning rate and time left, on one line
     */
    public static String render(long done, long total, long epoch, double loss, double learningRate, double etaSeconds) {
        return String.format(Locale.ROOT, "%s step %d/%d epoch %d loss %.4f lr %.4g ETA %s",
                ProgressLine.bar(done, total, WIDTH), done, total, epoch, loss, learningRate,
                ProgressLine.duration(etaSeconds));
    }

    /** {@code h:mm:ss}, or {@code --:--} when negative (see {@link ProgressLine#duration}). */
    static String duration(double seconds) {
        return ProgressLine.duration(seconds);
    }
}

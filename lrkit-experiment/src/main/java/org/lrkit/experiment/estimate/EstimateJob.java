package org.lrkit.experiment.estimate;

import ai.djl.Model;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.lrkit.experiment.report.Numbers;
import org.lrkit.experiment.run.Progress;
import org.lrkit.experiment.run.Settings;
import org.lrkit.experiment.run.Workbench;
import org.lrkit.schedule.Policy;

/**
 * A Hessian-free estimate as a run of its own ({@code lrkit estimate}): the data and model of
 * {@link Settings}, training under a policy while {@link EstimateRun} estimates the optimal learning rate,
 * then the rows, the chart and the table.
 *
 * <pre>{@code
 * EstimateJob.Estimated estimated = EstimateJob.run(settings, Policy.of(Schedule.constant(0.01)), "0.01",
 *         new EstimateSettings(300, 1, 50), 0, Progress.silent(), null);
 * estimated.write(Path.of("runs/estimate"), Path.of("runs/estimate/estimate.png"));
 * }</pre>
 */
public final class EstimateJob {

    private EstimateJob() {
    }

    /**
     * A finished estimate.
     *
     * @param rows one row per estimate
     * @param title the chart's and the table's title
     */
    public record Estimated(List<EstimateRow> rows, String title) {

        /**
         * Copies the rows.
         *
         * @param rows one row per estimate; copied
         * @param title the chart's and the table's title
         */
        public Estimated {
            rows = List.copyOf(rows);
        }

        /**
         * Writes {@code estimate.csv} and {@code layers.csv} into {@code directory} and the chart to
         * {@code chartFile}.
         *
         * @param directory the folder of the CSV files, made if missing
         * @param chartFile the PNG file of the chart
         * @return the files written
         * @throws IOException if a CSV file cannot be written
         */
        public List<Path> write(Path directory, Path chartFile) throws IOException {
            List<Path> written = EstimateFiles.write(directory, rows);
            written.add(EstimateChart.write(chartFile, rows, title));
            return written;
        }

        /**
         * The same rows under another title.
         *
         * @param newTitle the title
         * @return a new result with the same rows
         */
        public Estimated titled(String newTitle) {
            return new Estimated(rows, newTitle);
        }

        /**
         * Prints the table for people.
         *
         * @param out where the table goes
         */
        public void print(PrintWriter out) {
            EstimateTable.print(out, rows, title);
        }
    }

    /**
     * Reads the training images, builds the model from {@code seed} and trains under {@code policy} while
     * estimating, with a progress bar.
     *
     * @param settings the data, model, batch and optimizer settings
     * @param policy the learning-rate policy to train under
     * @param policyText the policy as people read it, for the title
     * @param estimate how long to train and how often to estimate
     * @param seed the seed of the model and the data order
     * @param progress where the progress bar goes
     * @param messages where to say what was read, or {@code null}
     * @return the rows and their title
     * @throws IOException if the data cannot be read
     * @throws TranslateException if a batch cannot be made from the images
     */
    public static Estimated run(Settings settings, Policy policy, String policyText, EstimateSettings estimate,
            long seed, Progress progress, PrintWriter messages) throws IOException, TranslateException {
        Workbench bench = Workbench.openTraining(settings, 0, seed, messages);
        long steps = estimate.steps();
        try {
            return run(bench, policy, policyText, estimate, seed, (step, average) -> progress.at(step.step() + 1,
                    steps, String.format(Locale.ROOT, "step %d/%d lr %s loss %s estimate %s", step.step() + 1,
                            steps, Numbers.number(step.learningRate()), Numbers.number(step.loss()),
                            Numbers.number(average))));
        } finally {
            progress.finish();
        }
    }

    /**
     * Builds a model from {@code seed} on an open workbench and trains under {@code policy} while estimating.
     *
     * @param bench the open workbench: data, model and engine
     * @param policy the learning-rate policy to train under
     * @param policyText the policy as people read it, for the title
     * @param estimate how long to train and how often to estimate
     * @param seed the seed of the model and the data order
     * @param listener told after every step
     * @return the rows and their title
     * @throws IOException if the data cannot be read
     * @throws TranslateException if a batch cannot be made from the images
     */
    public static Estimated run(Workbench bench, Policy policy, String policyText, EstimateSettings estimate,
            long seed, EstimateRun.StepListener listener) throws IOException, TranslateException {
        List<EstimateRow> rows;
        try (Model model = bench.newInitializedModel(seed)) {
            rows = new EstimateRun(model, bench.optimizer(policy), bench::trainLoader, bench.inputShape(),
                    bench.device(), seed, estimate).run(listener);
        }
        Settings settings = bench.settings();
        String title = EstimateChart.title(settings.model(), bench.datasetName(), settings.batchSize(),
                settings.describeOptimizer(), policyText, estimate.steps());
        return new Estimated(rows, title);
    }
}

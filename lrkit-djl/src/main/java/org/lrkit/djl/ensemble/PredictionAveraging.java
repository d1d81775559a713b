package org.lrkit.djl.ensemble;

import java.util.List;
import org.lrkit.Checks;

/**
 * The arithmetic of a snapshot ensemble on plain arrays: softmax, the mean of several models' class
 * probabilities (prediction averaging) and top-1 accuracy. Probabilities are {@code examples x classes}.
 *
 * <pre>{@code
 * double[][] ensemble = PredictionAveraging.mean(List.of(probabilitiesA, probabilitiesB));
 * double accuracy = PredictionAveraging.accuracy(ensemble, labels);
 * }</pre>
 */
public final class PredictionAveraging {

    private PredictionAveraging() {
    }

    /**
     * The softmax of one row of scores, computed stably (the maximum is subtracted first).
     *
     * @param scores one example's class scores (logits), at least one, all finite
     * @return the class probabilities, each in {@code [0, 1]}, summing to 1
     * @throws IllegalArgumentException if {@code scores} is null or empty, or a score is not finite
     */
    public static double[] softmax(double[] scores) {
        Checks.notNull("scores", scores);
        if (scores.length == 0) {
            throw new IllegalArgumentException("scores must not be empty");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double score : scores) {
            max = Math.max(max, Checks.finite("score", score));
        }
        double[] result = new double[scores.length];
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            result[i] = Math.exp(scores[i] - max);
            sum += result[i];
        }
        for (int i = 0; i < scores.length; i++) {
            result[i] /= sum;
        }
        return result;
    }

    /**
     * The element-wise mean of the models' probabilities.
     *
     * @param models one {@code examples x classes} array per model, all the same shape
     * @return a new {@code examples x classes} array of the mean probabilities
     * @throws IllegalArgumentException if {@code models} is null or empty, or the arrays differ in shape
     */
    public static double[][] mean(List<double[][]> models) {
        Checks.notNull("models", models);
        if (models.isEmpty()) {
            throw new IllegalArgumentException("models must hold at least one model's predictions");
        }
        int examples = models.get(0).length;
        int classes = examples == 0 ? 0 : models.get(0)[0].length;
        double[][] sum = new double[examples][classes];
        for (int m = 0; m < models.size(); m++) {
            double[][] probabilities = models.get(m);
            if (probabilities.length != examples) {
                throw new IllegalArgumentException("model " + m + " has " + probabilities.length + " examples, model 0 has "
                        + examples);
            }
            for (int e = 0; e < examples; e++) {
                if (probabilities[e].length != classes) {
                    throw new IllegalArgumentException("model " + m + " has " + probabilities[e].length
                            + " classes at example " + e + ", model 0 has " + classes);
                }
                for (int c = 0; c < classes; c++) {
                    sum[e][c] += probabilities[e][c];
                }
            }
        }
        for (double[] row : sum) {
            for (int c = 0; c < classes; c++) {
                row[c] /= models.size();
            }
        }
        return sum;
    }

    /**
     * The fraction of rows whose highest probability is at the label (ties: the lowest class index).
     *
     * @param probabilities {@code examples x classes} class probabilities (or any scores)
     * @param labels the true class of each example, one per row
     * @return the top-1 accuracy, in {@code [0, 1]}
     * @throws IllegalArgumentException if an argument is null, there are no examples or the counts of rows and
     *     labels differ
     */
    public static double accuracy(double[][] probabilities, int[] labels) {
        Checks.notNull("probabilities", probabilities);
        Checks.notNull("labels", labels);
        if (probabilities.length != labels.length) {
            throw new IllegalArgumentException("probabilities has " + probabilities.length + " rows but labels has "
                    + labels.length);
        }
        if (labels.length == 0) {
            throw new IllegalArgumentException("there must be at least one example");
        }
        long correct = 0;
        for (int e = 0; e < labels.length; e++) {
            if (argMax(probabilities[e]) == labels[e]) {
                correct++;
            }
        }
        return (double) correct / labels.length;
    }

    /**
     * The index of the largest value (the first on ties).
     *
     * @param values the values to search
     * @return the index of the largest value; 0 for an empty array
     */
    public static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}

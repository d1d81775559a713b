package org.lrkit.djl.ensemble;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lrkit.Checks;
import org.lrkit.djl.tensor.ModelWeights;
import org.lrkit.djl.train.DataOrder;

/**
 * Evaluates a snapshot ensemble: each of the last {@code M} snapshots predicts class probabilities (softmax
 * of its outputs) on the evaluation set, the ensemble predicts their mean, and the report shows each
 * snapshot's accuracy beside the ensembles of the last 1..M.
 *
 * <pre>{@code
 * EnsembleReport report = SnapshotEnsemble.evaluate(model, testSet, 256, snapshotFiles, 3);
 * System.out.print(report.toTable());
 * }</pre>
 *
 * <p>The model's block must have the snapshots' architecture and be initialized; its weights are restored
 * to what they were before when evaluation ends.
 */
public final class SnapshotEnsemble {

    private SnapshotEnsemble() {
    }

    /**
     * The snapshot files in {@code directory} (as {@link SnapshotSaver} names them), oldest cycle first;
     * empty if there are none.
     *
     * @param directory the directory {@link SnapshotSaver} wrote to, not null
     * @return the files named {@code snapshot-cycle-<n>.lrkit}, by increasing cycle; empty if the directory
     *     does not exist
     * @throws IllegalArgumentException if {@code directory} is null
     * @throws IOException if the directory cannot be listed
     */
    public static List<Path> snapshotsIn(Path directory) throws IOException {
        Checks.notNull("directory", directory);
        if (!java.nio.file.Files.isDirectory(directory)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(directory)) {
            return files.filter(path -> path.getFileName().toString().matches("snapshot-cycle-\\d+\\.lrkit"))
                    .sorted(java.util.Comparator.comparingLong(path -> Long.parseLong(
                            path.getFileName().toString().replaceAll("\\D", ""))))
                    .toList();
        }
    }

    /**
     * Evaluates the ensemble of the last {@code lastM} of {@code snapshots} (oldest first).
     *
     * @param model the model whose block receives each snapshot in turn
     * @param data the evaluation set (a {@link RandomAccessDataset} is read in index order; another dataset
     *     must yield its batches in the same order every time)
     * @param batchSize examples per batch for a random-access set, {@code > 0}
     * @param snapshots snapshot files, oldest first
     * @param lastM how many of the newest snapshots to use, in {@code [1, snapshots.size()]}
     * @return each snapshot's accuracy and the accuracy of the ensembles of the last 1..{@code lastM}
     * @throws IllegalArgumentException if an argument is null, {@code batchSize <= 0} or {@code lastM} is
     *     not in {@code [1, snapshots.size()]}
     * @throws IllegalStateException if the dataset yields its examples in another order for another snapshot
     * @throws IOException if a snapshot file cannot be read or is malformed, or the dataset fails to load
     * @throws TranslateException if the dataset fails to build a batch
     */
    public static EnsembleReport evaluate(Model model, Dataset data, int batchSize, List<Path> snapshots, int lastM)
            throws IOException, TranslateException {
        Checks.notNull("model", model);
        Checks.notNull("data", data);
        Checks.positive("batchSize", batchSize);
        Checks.notNull("snapshots", snapshots);
        if (lastM < 1 || lastM > snapshots.size()) {
            throw new IllegalArgumentException("lastM must be in [1, " + snapshots.size() + "] (the number of snapshots), "
                    + "got " + lastM);
        }
        Block block = model.getBlock();
        ModelWeights original = ModelWeights.capture(block);
        List<double[][]> probabilities = new ArrayList<>();
        List<EnsembleReport.SingleResult> singles = new ArrayList<>();
        int[] labels = null;
        try {
            for (Path file : snapshots.subList(snapshots.size() - lastM, snapshots.size())) {
                Snapshot snapshot = Snapshot.read(file);
                snapshot.weights().restoreInto(block);
                Predictions predictions = predict(model, data, batchSize);
                if (labels == null) {
                    labels = predictions.labels();
                } else if (!java.util.Arrays.equals(labels, predictions.labels())) {
                    throw new IllegalStateException("the evaluation set yielded its examples in another order for "
                            + file + "; use a RandomAccessDataset or a dataset with a fixed order");
                }
                probabilities.add(predictions.probabilities());
                singles.add(new EnsembleReport.SingleResult(file.getFileName().toString(), snapshot.cycle(),
                        snapshot.step(), PredictionAveraging.accuracy(predictions.probabilities(), labels)));
            }
        } finally {
            original.restoreInto(block);
        }
        List<Double> bySize = new ArrayList<>();
        for (int k = 1; k <= lastM; k++) {
            double[][] mean = PredictionAveraging.mean(probabilities.subList(lastM - k, lastM));
            bySize.add(PredictionAveraging.accuracy(mean, labels));
        }
        return new EnsembleReport(singles, bySize, labels.length);
    }

    /**
     * The model's class probabilities (softmax of its outputs) and the labels, in the dataset's order.
     *
     * @param model the model to run, with its block initialized
     * @param data the evaluation set (a {@link RandomAccessDataset} is read in index order)
     * @param batchSize examples per batch for a random-access set, {@code > 0}
     * @return one probability row and one label per example
     * @throws IllegalArgumentException if an argument is null or {@code batchSize <= 0}
     * @throws IOException if the dataset fails to load
     * @throws TranslateException if the dataset fails to build a batch
     */
    public static Predictions predict(Model model, Dataset data, int batchSize) throws IOException, TranslateException {
        Checks.notNull("model", model);
        Checks.notNull("data", data);
        Checks.positive("batchSize", batchSize);
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        try (NDManager scope = model.getNDManager().newSubManager()) {
            ParameterStore parameters = new ParameterStore(scope, false);
            Iterable<Batch> batches = data instanceof RandomAccessDataset randomAccess
                    ? randomAccess.getData(scope, new DataOrder(0, randomAccess.size(), batchSize, false).sampler(0, 0))
                    : data.getData(scope);
            for (Batch batch : batches) {
                try (batch) {
                    NDList outputs = model.getBlock().forward(parameters, batch.getData(), false);
                    NDArray scores = outputs.head();
                    long examples = scores.getShape().get(0);
                    double[] flat;
                    try (NDArray probabilities = scores.softmax(1).toType(DataType.FLOAT64, false)) {
                        flat = probabilities.toDoubleArray();
                    }
                    int classes = (int) (flat.length / examples);
                    for (int e = 0; e < examples; e++) {
                        double[] row = new double[classes];
                        System.arraycopy(flat, e * classes, row, 0, classes);
                        rows.add(row);
                    }
                    try (NDArray truth = batch.getLabels().head().toType(DataType.INT32, false)) {
                        for (int label : truth.toIntArray()) {
                            labels.add(label);
                        }
                    }
                }
            }
        }
        return new Predictions(rows.toArray(new double[0][]), labels.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * A model's predictions on a dataset.
     *
     * @param probabilities {@code examples x classes}
     * @param labels the true class of each example
     */
    public record Predictions(double[][] probabilities, int[] labels) {
    }
}

package org.lrkit.djl.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import org.lrkit.Checks;

/**
 * Evaluates a model on a dataset: mean loss per example and top-1 accuracy, in inference mode (BatchNorm
 * uses its running statistics, nothing is updated).
 *
 * <pre>{@code
 * EvaluationResult result = Evaluation.evaluate(trainer, testSet, 256);
 * }</pre>
 */
public final class Evaluation {

    private Evaluation() {
    }

    /**
     * Evaluates the trainer's model on {@code dataset}. A {@link RandomAccessDataset} is read in index order
     * in batches of {@code batchSize}; other datasets in their own batches.
     *
     * @param trainer the trainer whose model, loss and device to use, not null
     * @param dataset the evaluation set, not null
     * @param batchSize examples per batch for a random-access dataset, {@code > 0}
     * @return the mean loss per example, the top-1 accuracy and the number of examples
     * @throws IllegalArgumentException if an argument is null, {@code batchSize <= 0} or the dataset yields
     *     no examples
     * @throws IOException if the dataset fails to load
     * @throws TranslateException if the dataset fails to build a batch
     */
    public static EvaluationResult evaluate(Trainer trainer, Dataset dataset, int batchSize)
            throws IOException, TranslateException {
        Checks.notNull("trainer", trainer);
        Checks.notNull("dataset", dataset);
        Checks.positive("batchSize", batchSize);
        double lossSum = 0;
        long correct = 0;
        long examples = 0;
        try (NDManager scope = trainer.getManager().newSubManager()) {
            for (Batch batch : batches(scope, dataset, batchSize)) {
                try (batch) {
                    Batch onDevice = batch.split(trainer.getDevices(), false)[0];
                    NDList data = onDevice.getData();
                    NDList labels = onDevice.getLabels();
                    NDList predictions = trainer.evaluate(data);
                    long size = predictions.head().getShape().get(0);
                    lossSum += trainer.getLoss().evaluate(labels, predictions).getFloat() * size;
                    correct += countCorrect(predictions.head(), labels.head());
                    examples += size;
                }
            }
        }
        if (examples == 0) {
            throw new IllegalArgumentException("the evaluation dataset yielded no examples");
        }
        return new EvaluationResult(lossSum / examples, (double) correct / examples, examples);
    }

    /**
     * How many rows of {@code scores} (examples x classes) have their highest score at the label.
     *
     * @param scores the class scores, shaped {@code (examples, classes)}
     * @param labels the true class of each example, {@code examples} of them in any shape
     * @return the number of examples whose highest score is at their label, in {@code [0, examples]}
     */
    public static long countCorrect(NDArray scores, NDArray labels) {
        long size = scores.getShape().get(0);
        try (NDArray predicted = scores.argMax(1);
                NDArray truth = labels.toType(DataType.INT64, false).reshape(size);
                NDArray hits = predicted.toType(DataType.INT64, false).eq(truth);
                NDArray count = hits.toType(DataType.INT64, false).sum()) {
            return count.getLong();
        }
    }

    static Iterable<Batch> batches(NDManager manager, Dataset dataset, int batchSize)
            throws IOException, TranslateException {
        if (dataset instanceof RandomAccessDataset randomAccess) {
            DataOrder order = new DataOrder(0, randomAccess.size(), batchSize, false);
            return randomAccess.getData(manager, order.sampler(0, 0));
        }
        return dataset.getData(manager);
    }
}

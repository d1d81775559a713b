package org.lrkit.djl.train;

/**
 * A model's loss and top-1 accuracy on a dataset.
 *
 * @param loss the mean loss per example
 * @param accuracy the fraction of examples whose highest-scoring class is the label, in {@code [0, 1]}
 * @param examples how many examples were evaluated
 */
public record EvaluationResult(double loss, double accuracy, long examples) {
}

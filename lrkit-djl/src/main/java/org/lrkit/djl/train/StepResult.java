package org.lrkit.djl.train;

/**
 * One optimizer step: its 0-based index, the training loss of its batch (before the update) and the
 * learning rate and momentum (or Adam's beta1) the optimizer applied.
 *
 * @param step the 0-based optimizer step
 * @param loss the batch's training loss
 * @param learningRate the base learning rate applied
 * @param momentum the momentum (SGD) or beta1 (Adam) applied
 */
public record StepResult(long step, double loss, double learningRate, double momentum) {
}

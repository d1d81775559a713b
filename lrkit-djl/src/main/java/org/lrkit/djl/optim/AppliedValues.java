package org.lrkit.djl.optim;

/**
 * The hyperparameters a {@link ScheduledOptimizer} used for one optimizer step, recorded when it applied
 * them (not what was asked of it). Parameters in a group with a learning-rate multiplier used
 * {@code learningRate * multiplier}; parameters exempt from weight decay used none.
 *
 * @param step the 0-based optimizer step
 * @param learningRate the base learning rate
 * @param momentum SGD's momentum, or Adam's beta1
 * @param weightDecay the weight-decay coefficient (0 when there is none)
 */
public record AppliedValues(long step, double learningRate, double momentum, double weightDecay) {
}

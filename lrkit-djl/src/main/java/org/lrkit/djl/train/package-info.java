/**
 * The training loop: a {@link org.lrkit.djl.train.TrainingRun} trains a DJL model with a
 * {@link org.lrkit.djl.optim.ScheduledOptimizer} for a number of epochs or steps, evaluates each epoch,
 * writes metrics, shows progress, guards against divergence, checkpoints and resumes exactly.
 * {@link org.lrkit.djl.train.TrainingSteps} runs plain optimizer steps on given batches, for tools (such as an
 * LR range test) that drive training themselves.
 */
package org.lrkit.djl.train;

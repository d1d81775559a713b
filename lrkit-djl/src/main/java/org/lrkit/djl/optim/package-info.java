/**
 * DJL optimizers driven by an lrkit {@link org.lrkit.schedule.Policy} at every step: SGD with momentum in
 * PyTorch's convention (with Nesterov, L2 or decoupled weight decay) and Adam/AdamW with a scheduled beta1,
 * per-parameter learning-rate multipliers, and a state (buffers and step counters) that lrkit owns and can
 * save and restore exactly.
 *
 * <p>This package is the only place that knows DJL's optimizer conventions: DJL calls
 * {@code update(parameterId, weight, gradient)} once per parameter per step and counts updates from 1;
 * lrkit evaluates the policy once per step, at the 0-based step.
 */
package org.lrkit.djl.optim;

/**
 * lrkit and DJL's own training loop, both ways: lrkit schedules as DJL trackers for DJL's optimizers
 * ({@link org.lrkit.djl.integration.ScheduleTracker}), and DJL training listeners that bind lrkit's scheduled
 * optimizers and feed lrkit's {@link org.lrkit.djl.train.TrainingRunListener}s from {@code EasyTrain.fit}
 * ({@link org.lrkit.djl.integration.LrkitListeners}, {@link org.lrkit.djl.integration.RunListenerBridge}).
 *
 * <pre>{@code
 * Optimizer sgd = Optimizer.sgd().setLearningRateTracker(ScheduleTracker.of(oneCycle)).build();
 * }</pre>
 */
package org.lrkit.djl.integration;

package org.lrkit.djl.train;

import org.lrkit.schedule.Policy;

/**
 * A training run (or its resumption) is starting.
 *
 * @param startStep the first step this session trains (0 unless resumed)
 * @param plannedSteps the run's planned length in optimizer steps
 * @param stepsPerEpoch optimizer steps per epoch, or {@code -1} when the dataset cannot tell
 * @param policy the policy the optimizer follows (after any elastic reconciliation)
 */
public record RunStart(long startStep, long plannedSteps, long stepsPerEpoch, Policy policy) {
}

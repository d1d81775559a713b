package org.lrkit.djl.train;

/**
 * The last step of a cycle of the learning-rate schedule has completed (a warm-restart trough of SGDR, the
 * last planned step of a one-cycle policy): the moment to take a snapshot for a snapshot ensemble.
 *
 * @param step the 0-based step that ended the cycle
 * @param cycle the 0-based index of the cycle
 */
public record CycleEnd(long step, long cycle) {
}

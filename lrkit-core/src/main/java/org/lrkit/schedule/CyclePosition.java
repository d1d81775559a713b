package org.lrkit.schedule;

/**
 * Where a step falls in a cyclic schedule.
 *
 * @param cycle 0-based index of the cycle (restart) the step belongs to
 * @param phase name of the phase inside the cycle: {@code "warmup"}, {@code "up"}, {@code "down"},
 *     {@code "final"} (one-cycle annihilation), {@code "anneal"} (SGDR) or {@code "hold"} (after the last
 *     cycle)
 * @param fraction how far the step is into that phase, in {@code [0, 1]}
 */
public record CyclePosition(long cycle, String phase, double fraction) {
}

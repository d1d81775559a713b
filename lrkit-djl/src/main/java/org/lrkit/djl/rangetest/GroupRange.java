package org.lrkit.djl.rangetest;

/**
 * The learning rates a parameter group actually saw in a range test, and its suggestions: the group's
 * {@code ParameterGroups} multiplier applies on top of the sweep, so every value is the base value times it.
 *
 * @param prefix the parameter-name prefix of the group
 * @param multiplier the group's learning-rate multiplier
 * @param sweepStart the group's first learning rate
 * @param sweepEnd the group's last learning rate
 * @param consensus the group's share of the heuristics' consensus
 * @param clrLower the group's lower bound of a cyclical learning rate
 * @param clrUpper the group's upper bound of a cyclical learning rate
 */
public record GroupRange(String prefix, double multiplier, double sweepStart, double sweepEnd, double consensus,
        double clrLower, double clrUpper) {
}

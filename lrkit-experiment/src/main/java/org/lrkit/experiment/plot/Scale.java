package org.lrkit.experiment.plot;

/** How an axis maps values to positions: evenly ({@link #LINEAR}) or by order of magnitude ({@link #LOG}). */
public enum Scale {
    /** Equal distances for equal differences. */
    LINEAR,
    /** Equal distances for equal ratios (base 10); every value on the axis must be {@code > 0}. */
    LOG
}

package org.lrkit.rangetest;

/** Why a range test ended. */
public enum StopReason {
    /** Every learning rate of the sweep was tried. */
    COMPLETED,
    /** The smoothed loss exceeded the {@link DivergenceRule}. */
    DIVERGED,
    /** A loss was NaN or infinite. */
    NON_FINITE_LOSS
}

package org.lrkit.rangetest;

/** How a range test spaces its learning rates between the start and the end. */
public enum SweepShape {
    /**
     * Evenly spaced on a log scale: {@code start * (end/start)^(i/(n-1))}. The usual choice (fastai,
     * torch-lr-finder), covering several orders of magnitude.
     */
    EXPONENTIAL,
    /**
     * Evenly spaced: {@code start + (end - start) i/(n-1)}. Smith's original test (2017), judged on
     * validation accuracy over a narrower range.
     */
    LINEAR
}

package org.lrkit.schedule;

/**
 * What a schedule planned over a finite number of steps returns for later steps.
 *
 * <ul>
 *   <li>{@link #HOLD} (the default everywhere): the final planned value, for ever. Training that runs a
 *       little longer than planned keeps a small learning rate instead of crashing.
 *   <li>{@link #ERROR}: an {@link IllegalArgumentException} naming the step and the planned length, for
 *       callers who want an overrun to be loud (PyTorch's {@code OneCycleLR} raises).
 *   <li>{@link #EXTRAPOLATE}: the formula keeps going, as PyTorch's closed forms do: a cosine rises again
 *       (PyTorch's {@code CosineAnnealingLR} is periodic), a line keeps its slope and may turn negative.
 * </ul>
 */
public enum PastEnd {
    /** Later steps return the final planned value. */
    HOLD,
    /** Later steps raise an {@link IllegalArgumentException}. */
    ERROR,
    /** Later steps evaluate the formula past its planned range. */
    EXTRAPOLATE;

    /**
     * The spec word for this rule.
     *
     * @return {@code hold}, {@code error} or {@code extrapolate}
     */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

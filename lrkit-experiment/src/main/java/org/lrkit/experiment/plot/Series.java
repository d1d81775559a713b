package org.lrkit.experiment.plot;

import java.awt.Color;
import java.util.Objects;

/**
 * One line of a chart: points {@code (x[i], y[i])} joined in order, with a label for the legend.
 *
 * <p>Points whose coordinates are NaN or infinite are not drawn and break the line. A chart downsamples a
 * series with more points than it has pixel columns (when {@code x} never decreases), keeping each column's
 * first, last, smallest and largest value so that spikes stay visible.
 *
 * @param label the legend text
 * @param x the x coordinates; not copied, so do not change the array afterwards
 * @param y the y coordinates, as many as {@code x}; not copied
 * @param color the line colour, or {@code null} for the chart's next palette colour
 */
public record Series(String label, double[] x, double[] y, Color color) {

    /**
     * Checks that both arrays are present and equally long.
     *
     * @param label the legend text, not null
     * @param x the x coordinates, not null and not copied
     * @param y the y coordinates, as many as {@code x}; not copied
     * @param color the line colour, or {@code null} for the chart's next palette colour
     * @throws NullPointerException if {@code label}, {@code x} or {@code y} is null
     * @throws IllegalArgumentException if {@code x} and {@code y} are not equally long
     */
    public Series {
        Objects.requireNonNull(label, "label must not be null");
        Objects.requireNonNull(x, "x must not be null");
        Objects.requireNonNull(y, "y must not be null");
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must be equally long, got " + x.length + " x values and "
                    + y.length + " y values");
        }
    }

    /**
     * A series drawn in the chart's next palette colour.
     *
     * @param label the legend text, not null
     * @param x the x coordinates, not copied
     * @param y the y coordinates, as many as {@code x}; not copied
     * @return the series, without a colour of its own
     */
    public static Series of(String label, double[] x, double[] y) {
        return new Series(label, x, y, null);
    }

    /**
     * The number of points.
     *
     * @return the length of {@code x}
     */
    public int size() {
        return x.length;
    }

    /**
     * This series drawn in {@code newColor}.
     *
     * @param newColor the line colour, or {@code null} for the chart's next palette colour
     * @return a copy of this series with the colour replaced; the arrays are shared
     */
    public Series withColor(Color newColor) {
        return new Series(label, x, y, newColor);
    }

    /** Whether the x coordinates never decrease (NaN counts as out of order). */
    boolean xNonDecreasing() {
        for (int i = 1; i < x.length; i++) {
            if (!(x[i] >= x[i - 1])) {
                return false;
            }
        }
        return x.length == 0 || !Double.isNaN(x[0]);
    }
}

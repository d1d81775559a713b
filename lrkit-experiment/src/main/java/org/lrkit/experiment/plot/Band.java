package org.lrkit.experiment.plot;

import java.awt.Color;
import java.util.Objects;

/**
 * A shaded area between two lines of a {@link Panel}, drawn under its series: the spread between the lower
 * and upper quartile of several runs, say. Points where a bound is not finite are left out.
 *
 * @param x the x coordinates, not copied
 * @param lower the lower bound at each x, not copied
 * @param upper the upper bound at each x, not copied
 * @param color the fill colour (drawn translucent)
 */
public record Band(double[] x, double[] lower, double[] upper, Color color) {

    /**
     * Checks that the arrays are present and equally long.
     *
     * @param x the x coordinates, not copied
     * @param lower the lower bound at each x, as many as {@code x}
     * @param upper the upper bound at each x, as many as {@code x}
     * @param color the fill colour
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the three arrays are not equally long
     */
    public Band {
        Objects.requireNonNull(x, "x must not be null");
        Objects.requireNonNull(lower, "lower must not be null");
        Objects.requireNonNull(upper, "upper must not be null");
        Objects.requireNonNull(color, "color must not be null");
        if (x.length != lower.length || x.length != upper.length) {
            throw new IllegalArgumentException("x, lower and upper must be equally long, got " + x.length + ", "
                    + lower.length + " and " + upper.length);
        }
    }
}

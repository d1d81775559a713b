package org.lrkit.experiment.plot;

import java.awt.Color;
import java.util.Objects;

/**
 * A dashed vertical line across a {@link Panel} at one x value, listed in the panel's legend: a suggested
 * learning rate on a range-test chart, say. A marker outside the x axis' range is listed but not drawn.
 *
 * @param x where the line is drawn
 * @param label the legend text, e.g. {@code "valley 3.2e-03"}
 * @param color the line colour
 */
public record Marker(double x, String label, Color color) {

    /**
     * Checks the fields.
     *
     * @param x where the line is drawn, finite
     * @param label the legend text, not null
     * @param color the line colour, not null
     * @throws IllegalArgumentException if {@code x} is NaN or infinite
     * @throws NullPointerException if {@code label} or {@code color} is null
     */
    public Marker {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("a marker's x must be finite, got " + x);
        }
        Objects.requireNonNull(label, "label must not be null");
        Objects.requireNonNull(color, "color must not be null");
    }
}

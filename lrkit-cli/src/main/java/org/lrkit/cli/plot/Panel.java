package org.lrkit.cli.plot;

import java.util.List;
import java.util.Objects;

/**
 * One plot area of a {@link LineChart}: a y axis with its title and scale, and the series drawn against it.
 * Panels of a chart are stacked top to bottom and share the chart's x axis. A panel with more than one
 * series gets a legend.
 *
 * @param yTitle the y-axis title, e.g. {@code "learning rate"}
 * @param yScale linear or log; a log panel rejects values {@code <= 0}
 * @param series the lines, drawn in order (later ones on top)
 * @param weight the share of the chart's height this panel gets, relative to the other panels' weights
 */
public record Panel(String yTitle, Scale yScale, List<Series> series, double weight) {

    /** Copies the series list and checks the weight. */
    public Panel {
        Objects.requireNonNull(yTitle, "yTitle must not be null");
        Objects.requireNonNull(yScale, "yScale must not be null");
        series = List.copyOf(series);
        if (!(weight > 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("weight must be a finite number > 0, got " + weight);
        }
    }

    /** A panel of weight 1. */
    public static Panel of(String yTitle, Scale yScale, List<Series> series) {
        return new Panel(yTitle, yScale, series, 1.0);
    }

    /** A linear panel of weight 1. */
    public static Panel of(String yTitle, Series... series) {
        return of(yTitle, Scale.LINEAR, List.of(series));
    }

    /** This panel with another share of the chart's height. */
    public Panel withWeight(double newWeight) {
        return new Panel(yTitle, yScale, series, newWeight);
    }
}

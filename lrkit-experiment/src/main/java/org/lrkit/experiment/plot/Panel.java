package org.lrkit.experiment.plot;

import java.util.List;
import java.util.Objects;

/**
 * One plot area of a {@link LineChart}: a y axis with its title and scale, and the series drawn against it.
 * Panels of a chart are stacked top to bottom and share the chart's x axis. A panel with more than one
 * series, or with markers, gets a legend.
 *
 * @param yTitle the y-axis title, e.g. {@code "learning rate"}
 * @param yScale linear or log; a log panel rejects values {@code <= 0}
 * @param series the lines, drawn in order (later ones on top)
 * @param weight the share of the chart's height this panel gets, relative to the other panels' weights
 * @param bands shaded areas, drawn under the series
 * @param markers dashed vertical lines, drawn over the series and listed in the legend
 * @param yMin the bottom of the y axis, or NaN to fit the data
 * @param yMax the top of the y axis, or NaN to fit the data; lines leaving the range are cut at the frame
 */
public record Panel(String yTitle, Scale yScale, List<Series> series, double weight, List<Band> bands,
        List<Marker> markers, double yMin, double yMax) {

    /**
     * Copies the lists and checks the weight.
     *
     * @param yTitle the y-axis title, not null
     * @param yScale linear or log, not null
     * @param series the lines, drawn in order; copied
     * @param weight the share of the chart's height, finite and {@code > 0}
     * @param bands shaded areas, drawn under the series; copied
     * @param markers dashed vertical lines, drawn over the series; copied
     * @param yMin the bottom of the y axis, or NaN to fit the data
     * @param yMax the top of the y axis, or NaN to fit the data; NaN exactly when {@code yMin} is
     * @throws NullPointerException if {@code yTitle}, {@code yScale}, a list or a list element is null
     * @throws IllegalArgumentException if {@code weight} is not a finite number {@code > 0}, only one y limit is NaN,
     *     or the y limits do not make a valid {@link Axis} on {@code yScale}
     */
    public Panel {
        Objects.requireNonNull(yTitle, "yTitle must not be null");
        Objects.requireNonNull(yScale, "yScale must not be null");
        series = List.copyOf(series);
        bands = List.copyOf(bands);
        markers = List.copyOf(markers);
        if (!(weight > 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("weight must be a finite number > 0, got " + weight);
        }
        if (Double.isNaN(yMin) != Double.isNaN(yMax)) {
            throw new IllegalArgumentException("give both y limits or neither, got yMin=" + yMin + ", yMax=" + yMax);
        }
        if (!Double.isNaN(yMin)) {
            new Axis(yMin, yMax, yScale); // checks the range
        }
    }

    /**
     * A panel without bands or markers, its y axis fitted to the data.
     *
     * @param yTitle the y-axis title, not null
     * @param yScale linear or log, not null
     * @param series the lines, drawn in order; copied
     * @param weight the share of the chart's height, finite and {@code > 0}
     */
    public Panel(String yTitle, Scale yScale, List<Series> series, double weight) {
        this(yTitle, yScale, series, weight, List.of(), List.of(), Double.NaN, Double.NaN);
    }

    /**
     * A panel with bands and markers, its y axis fitted to the data.
     *
     * @param yTitle the y-axis title, not null
     * @param yScale linear or log, not null
     * @param series the lines, drawn in order; copied
     * @param weight the share of the chart's height, finite and {@code > 0}
     * @param bands shaded areas, drawn under the series; copied
     * @param markers dashed vertical lines, drawn over the series; copied
     */
    public Panel(String yTitle, Scale yScale, List<Series> series, double weight, List<Band> bands,
            List<Marker> markers) {
        this(yTitle, yScale, series, weight, bands, markers, Double.NaN, Double.NaN);
    }

    /**
     * A panel of weight 1.
     *
     * @param yTitle the y-axis title, not null
     * @param yScale linear or log, not null
     * @param series the lines, drawn in order; copied
     * @return the panel, its y axis fitted to the data
     */
    public static Panel of(String yTitle, Scale yScale, List<Series> series) {
        return new Panel(yTitle, yScale, series, 1.0);
    }

    /**
     * A linear panel of weight 1.
     *
     * @param yTitle the y-axis title, not null
     * @param series the lines, drawn in order
     * @return the panel, its y axis fitted to the data
     */
    public static Panel of(String yTitle, Series... series) {
        return of(yTitle, Scale.LINEAR, List.of(series));
    }

    /**
     * This panel with another share of the chart's height.
     *
     * @param newWeight the share of the chart's height, finite and {@code > 0}
     * @return a copy of this panel with the weight replaced
     */
    public Panel withWeight(double newWeight) {
        return new Panel(yTitle, yScale, series, newWeight, bands, markers, yMin, yMax);
    }

    /**
     * This panel with these shaded areas.
     *
     * @param newBands the shaded areas, drawn under the series
     * @return a copy of this panel with the bands replaced
     */
    public Panel withBands(List<Band> newBands) {
        return new Panel(yTitle, yScale, series, weight, newBands, markers, yMin, yMax);
    }

    /**
     * This panel with these vertical markers.
     *
     * @param newMarkers the dashed vertical lines, drawn over the series
     * @return a copy of this panel with the markers replaced
     */
    public Panel withMarkers(List<Marker> newMarkers) {
        return new Panel(yTitle, yScale, series, weight, bands, newMarkers, yMin, yMax);
    }

    /**
     * This panel with its y axis from {@code min} to {@code max} whatever the data.
     *
     * @param min the bottom of the y axis, finite; {@code > 0} on a log panel
     * @param max the top of the y axis, finite and {@code > min}
     * @return a copy of this panel with a fixed y range
     */
    public Panel withYRange(double min, double max) {
        return new Panel(yTitle, yScale, series, weight, bands, markers, min, max);
    }
}

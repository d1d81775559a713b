/**
 * Line charts drawn with Java2D and written as PNG, with no plotting library: {@link
 * org.lrkit.experiment.plot.LineChart} stacks {@link org.lrkit.experiment.plot.Panel panels} that share an x axis
 * (linear or {@link org.lrkit.experiment.plot.Scale#LOG log}), each with {@link org.lrkit.experiment.plot.Series
 * series}, quartile {@link org.lrkit.experiment.plot.Band bands} and vertical {@link
 * org.lrkit.experiment.plot.Marker markers}; {@link org.lrkit.experiment.plot.Ticks} picks round tick values and
 * {@link org.lrkit.experiment.plot.Downsampler} thins long curves without losing their peaks.
 *
 * <pre>{@code
 * LineChart.builder().title("Policies").xTitle("optimizer step")
 *         .panel(Panel.of("learning rate", Scale.LINEAR, List.of(Series.of("one-cycle", steps, rates))))
 *         .build().writePng(Path.of("policies.png"));
 * }</pre>
 */
package org.lrkit.experiment.plot;

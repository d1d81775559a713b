/**
 * The estimate run behind {@code lrkit estimate} and {@code lrkit reproduce hessian-free}: training briefly while
 * logging Smith &amp; Topin's Hessian-free estimate of the optimal learning rate and curvature probes along the
 * gradient.
 *
 * <p>{@link org.lrkit.experiment.estimate.EstimateSettings} says how long to train and how often to estimate;
 * {@link org.lrkit.experiment.estimate.EstimateRun} trains a model with the monitor and the probes and returns
 * the {@link org.lrkit.experiment.estimate.EstimateRow rows}; {@link org.lrkit.experiment.estimate.EstimateFiles}
 * writes them as {@code estimate.csv} and {@code layers.csv}, {@link org.lrkit.experiment.estimate.EstimateChart}
 * draws {@code estimate.png}, {@link org.lrkit.experiment.estimate.EstimateTable} prints them, and {@link
 * org.lrkit.experiment.estimate.EstimateSummary} reduces them to the statistics a reproduction compares with a
 * paper.
 */
package org.lrkit.experiment.estimate;

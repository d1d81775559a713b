/**
 * The learning-rate range test as a run of its own ({@code lrkit find}): {@link
 * org.lrkit.experiment.find.FindRun} reads the data and builds the model of the run's settings, sweeps the
 * learning rate once per seed (or per value of a momentum or weight-decay grid), and gives the advice, the
 * policies it suggests for a run of a chosen length, the files ({@code curve.csv}, {@code runs.csv},
 * {@code curve.json}), the chart and a table for people.
 */
package org.lrkit.experiment.find;

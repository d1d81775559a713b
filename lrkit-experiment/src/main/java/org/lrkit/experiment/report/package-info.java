/**
 * The report of a run directory, built from its files alone: {@link org.lrkit.experiment.report.RunData} reads
 * them, {@link org.lrkit.experiment.report.ResultTable} makes the table (final and best accuracy, epochs to a
 * target, wall time), {@link org.lrkit.experiment.report.Charts} draws the charts and {@link
 * org.lrkit.experiment.report.Report} writes them with a self-contained {@code report.html}.
 */
package org.lrkit.experiment.report;

/**
 * Sweeps: grids of policies, peaks, seeds and training settings, each combination one training run.
 *
 * <p>{@link org.lrkit.experiment.sweep.Grid} reads a grid file and lists its runs ({@link
 * org.lrkit.experiment.sweep.SweepRun}); each run is an {@code lrkit train} run with its own run directory
 * under the sweep's; {@link org.lrkit.experiment.sweep.SweepOutcome} reads a finished one back, and {@link
 * org.lrkit.experiment.sweep.SweepReport} turns the outcomes into the sweep's table, {@code sweep.csv},
 * {@code summary.json} and {@code report.html} with the accuracy-against-peak chart; {@link
 * org.lrkit.experiment.sweep.ReproductionSweepReport} collects the verdicts of a sweep of paper reproductions.
 * Nothing here runs a training: lrkit-spark's {@code lrkit sweep} executes the runs, one Spark task each.
 */
package org.lrkit.experiment.sweep;

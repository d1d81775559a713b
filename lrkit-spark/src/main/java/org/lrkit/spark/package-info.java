/**
 * {@code lrkit sweep} on Apache Spark: every run of a grid ({@link org.lrkit.experiment.sweep.Grid}) is one
 * Spark task, which trains it as an {@code lrkit train} process in its own run directory under the sweep's
 * ({@link org.lrkit.spark.RunProcess}); {@link org.lrkit.spark.SparkSweep} schedules the tasks, embedded
 * ({@code local[*]}) by default or on a cluster, and {@link org.lrkit.spark.SweepCommand} is the command.
 */
package org.lrkit.spark;

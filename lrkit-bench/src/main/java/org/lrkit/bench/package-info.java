/**
 * lrkit's benchmarks, kept out of the test suite: JMH benchmarks of the schedules ({@code ScheduleBenchmark}),
 * and programs that time real training against the hardware and against PyTorch ({@code TrainingThroughput},
 * {@code MatmulRate}, {@code CheckpointCost}, {@code LoaderThroughput}), printing their results as JSON. The
 * commands that run them and the results are in {@code docs/benchmarks.md}.
 */
package org.lrkit.bench;

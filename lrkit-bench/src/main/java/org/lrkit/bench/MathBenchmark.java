package org.lrkit.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * The floor under {@link ScheduleBenchmark}: one call of each {@code java.lang.Math} function the schedules
 * use, with the same step counter, so a schedule's time can be read as "n transcendental calls plus a few
 * nanoseconds". Not part of the schedule table; run it next to it on the same machine.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MathBenchmark {

    private static final double RUN = ScheduleBenchmark.RUN;

    /** {@code Math.cos} of an argument in {@code [0, pi]}: the cosine shape. */
    @Benchmark
    public double cos(ScheduleBenchmark.Steps steps) {
        return Math.cos(Math.PI * (steps.nextStep() / RUN));
    }

    /**
     * {@code Math.IEEEremainder(x, 2)}: an exact argument reduction, tried for a faster {@code cos(pi x)}
     * (see docs/benchmarks.md). A JNI call in JDK 17, not an intrinsic.
     */
    @Benchmark
    public double ieeeRemainder(ScheduleBenchmark.Steps steps) {
        return Math.IEEEremainder(steps.nextStep() / 3900.0, 2.0);
    }

    /** {@code Math.pow} with a fractional exponent: the exponential shape, polynomial, inverse time. */
    @Benchmark
    public double powFraction(ScheduleBenchmark.Steps steps) {
        return Math.pow(1e-3, steps.nextStep() / RUN);
    }

    /** {@code Math.pow} with a small whole exponent: step decay, multi-step decay, SGDR's per-cycle decay. */
    @Benchmark
    public double powWhole(ScheduleBenchmark.Steps steps) {
        return Math.pow(0.2, (double) (steps.nextStep() >>> 21));
    }

    /** {@code Math.log1p}: SGDR's cycle estimate. */
    @Benchmark
    public double log1p(ScheduleBenchmark.Steps steps) {
        return Math.log1p(steps.nextStep() / 3900.0);
    }

    /** {@code Math.log}: SGDR's cycle estimate (the log of the multiplier). */
    @Benchmark
    public double log(ScheduleBenchmark.Steps steps) {
        return Math.log(1.0 + steps.nextStep() / 3900.0);
    }

    /** {@code Math.exp}: the alternative to {@code pow} once a logarithm is known. */
    @Benchmark
    public double exp(ScheduleBenchmark.Steps steps) {
        return Math.exp(-6.9 * (steps.nextStep() / RUN));
    }
}

package org.lrkit.spark;

import java.io.Serializable;

/**
 * A fault for tests of a sweep's recovery: the process training run {@code runIndex} is killed (as by {@code
 * kill -9}) as soon as its first checkpoint exists, once per sweep directory, so that Spark retries the task
 * and the run resumes from that checkpoint.
 *
 * <p>Example: {@code new FaultInjection(3)} kills run 3 once; a marker file in the sweep's {@code logs/}
 * folder records that it happened, so the retry runs undisturbed.
 *
 * @param runIndex the index of the run to kill ({@link org.lrkit.experiment.sweep.SweepRun#index()})
 */
public record FaultInjection(int runIndex) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Checks the index.
     *
     * @throws IllegalArgumentException if {@code runIndex < 0}
     */
    public FaultInjection {
        if (runIndex < 0) {
            throw new IllegalArgumentException("runIndex must be >= 0, got " + runIndex);
        }
    }
}

package org.lrkit.cli;

import org.lrkit.experiment.run.RangeFinder;
import picocli.CommandLine.Option;

/**
 * The range test that {@code train}, {@code compare} and {@code demo} run for {@code auto}:
 * {@code --find-steps}, {@code --find-start} and {@code --find-end}, mixed in with {@code @Mixin}.
 */
public final class RangeTestOptions {

    @Option(names = "--find-steps", paramLabel = "N", defaultValue = "100",
            description = "Steps of the range test for auto (100).")
    int steps;

    @Option(names = "--find-start", paramLabel = "LR", defaultValue = "1e-5",
            description = "First learning rate of the range test (1e-5).")
    double start;

    @Option(names = "--find-end", paramLabel = "LR", defaultValue = "10",
            description = "Last learning rate of the range test (10).")
    double end;

    /**
     * The sweep these options describe.
     *
     * @throws IllegalArgumentException naming the option whose value is out of range
     */
    RangeFinder.SweepSettings sweep() {
        return new RangeFinder.SweepSettings(start, end, steps);
    }
}

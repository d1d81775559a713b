package org.lrkit.cli;

import picocli.CommandLine.Option;

/**
 * {@code --seed} of the commands that train from one seed ({@code train}, and {@code find} and
 * {@code estimate} through {@link TrainingOptions}), mixed in with {@code @Mixin}.
 */
public final class SeedOption {

    /** The seed of the initial weights, the data order and the engine. */
    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed of the initial weights, the data order and the engine (0).")
    long value;
}

package org.lrkit.cli;

import picocli.CommandLine.Option;

/** {@code --batch-size} of {@link RunOptions} and {@link TrainingOptions}, mixed in with {@code @Mixin}. */
public final class BatchSizeOption {

    /** Examples per optimizer step. */
    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "128", description = "Examples per step (128).")
    int size;
}

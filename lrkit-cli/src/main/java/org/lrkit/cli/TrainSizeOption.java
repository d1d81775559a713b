package org.lrkit.cli;

import picocli.CommandLine.Option;

/**
 * {@code --train-size} of {@link RunOptions} and {@link TrainingOptions}, mixed in with {@code @Mixin}: a range
 * test or an estimate on the subset a training will use sees the same images.
 */
public final class TrainSizeOption {

    /** Training images: a class-balanced subset of this many, or 0 for all (checked by the workbench). */
    @Option(names = "--train-size", paramLabel = "N", defaultValue = "0",
            description = "Train on a class-balanced subset of N training images (default: all).")
    int size;
}

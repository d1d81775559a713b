package org.lrkit.cli;

import picocli.CommandLine.Option;

/** {@code --no-augment} of {@link RunOptions} and {@link TrainingOptions}, mixed in with {@code @Mixin}. */
public final class AugmentationOption {

    @Option(names = "--no-augment", description = "Train on the plain images; by default CIFAR images are padded, "
            + "cropped and flipped (He et al.), others are used as they are.")
    boolean noAugment;

    /** Whether CIFAR images are padded, cropped and flipped (no {@code --no-augment}). */
    boolean augment() {
        return !noAugment;
    }
}

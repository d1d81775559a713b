package org.lrkit.cli;

import picocli.CommandLine.Option;

/**
 * The optimizer and the settings of it that every training command defaults alike: {@code --optimizer},
 * {@code --nesterov} and {@code --weight-decay}, mixed in with {@code @Mixin} by {@link RunOptions} and
 * {@link TrainingOptions}. {@code --momentum} stays with each of them: its default differs.
 */
public final class OptimizerOptions {

    /** {@code sgd} or {@code adamw}, as typed. */
    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "sgd",
            description = "sgd (PyTorch's SGD, the default) or adamw.")
    String name;

    /** Nesterov momentum (SGD only). */
    @Option(names = "--nesterov", description = "Nesterov momentum (SGD).")
    boolean nesterov;

    /** L2 for SGD, decoupled for AdamW. */
    @Option(names = "--weight-decay", paramLabel = "WD", defaultValue = "5e-4",
            description = "Weight decay: L2 for SGD, decoupled for AdamW (5e-4).")
    double weightDecay;
}

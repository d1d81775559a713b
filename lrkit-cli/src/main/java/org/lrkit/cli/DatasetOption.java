package org.lrkit.cli;

import picocli.CommandLine.Option;

/** {@code --dataset} of {@link RunOptions} and {@link TrainingOptions}, mixed in with {@code @Mixin}. */
public final class DatasetOption {

    /** The dataset's name, e.g. {@code cifar10}. */
    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "fashion-mnist-embedded",
            description = "fashion-mnist-embedded (6,000 training and 1,000 test images inside lrkit, the default),"
                    + " fashion-mnist, mnist, cifar10, cifar10-jpeg or cifar100; cifar10 falls back to the JPEG copy"
                    + " when the binary one is missing.")
    String name;
}

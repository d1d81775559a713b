package org.lrkit.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options of the commands that train a model ({@code find}, {@code estimate}): data, model, batch,
 * optimizer, engine. Mixed in with {@code @Mixin}; {@link TrainingSetup} turns them into a model, data and
 * an optimizer.
 */
public final class TrainingOptions {

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "fashion-mnist-embedded",
            description = "fashion-mnist-embedded (6,000 images inside lrkit, the default), fashion-mnist, mnist, "
                    + "cifar10, cifar10-jpeg or cifar100; cifar10 falls back to the JPEG copy when the binary "
                    + "one is missing.")
    String dataset;

    @Option(names = "--data", paramLabel = "PATH",
            description = "Read the dataset from this folder or archive only (default: $LRKIT_DATA, "
                    + "~/.lrkit/datasets, /usr/share/datasets, then ../shared/datasets).")
    Path data;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "fashion_cnn",
            description = "fashion_cnn (the default), mlp, lenet5, cifar10_full, resnet20, resnet56, resnet110, "
                    + "resnet9, wrn16_4, wrn28_10, resnet<6n+2>, wrn<6n+4>_<k>.")
    String model;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "128", description = "Examples per step (128).")
    int batchSize;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed of the initial weights, the data order and the engine (0).")
    long seed;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "sgd",
            description = "sgd (PyTorch's SGD with momentum, the default) or adamw.")
    String optimizer;

    @Option(names = "--momentum", paramLabel = "M",
            description = "Momentum of SGD, or beta1 of AdamW (default 0.9 for find, 0 for estimate).")
    Double momentum;

    @Option(names = "--nesterov", description = "Nesterov momentum (SGD).")
    boolean nesterov;

    @Option(names = "--weight-decay", paramLabel = "WD", defaultValue = "5e-4",
            description = "Weight decay: L2 for SGD, decoupled for AdamW (5e-4).")
    double weightDecay;

    @Option(names = "--no-augment", description = "Train on the plain images; by default CIFAR images are "
            + "padded, cropped and flipped (He et al.), others are used as they are.")
    boolean noAugment;

    @Option(names = "--threads", paramLabel = "N",
            description = "libtorch threads (default: the engine's, one per core).")
    Integer threads;

    @Option(names = "--device", paramLabel = "cpu|gpu", defaultValue = "cpu", description = "cpu (the default) or gpu.")
    String device;
}

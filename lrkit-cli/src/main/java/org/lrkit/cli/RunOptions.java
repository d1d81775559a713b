package org.lrkit.cli;

import java.nio.file.Path;
import org.lrkit.cli.run.Settings;
import picocli.CommandLine.Option;

/**
 * The options of the commands that train full runs ({@code train}, {@code compare}, {@code demo}): data,
 * model, batch, optimizer and engine. Mixed in with {@code @Mixin}; {@link #settings(String)} turns them into
 * the {@link Settings} that {@code config.json} records.
 */
public final class RunOptions {

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "fashion-mnist-embedded",
            description = "fashion-mnist-embedded (6,000 training and 1,000 test images inside lrkit, the default),"
                    + " fashion-mnist, mnist, cifar10, cifar10-jpeg or cifar100; cifar10 falls back to the JPEG copy"
                    + " when the binary one is missing.")
    String dataset;

    @Option(names = "--data", paramLabel = "PATH",
            description = "Read the dataset from this folder or archive only (default: $LRKIT_DATA, "
                    + "~/.lrkit/datasets, /usr/share/datasets, then shared/datasets next to the working folder).")
    Path data;

    @Option(names = "--model", paramLabel = "NAME",
            description = "fashion_cnn (default for Fashion-MNIST and MNIST), mlp, lenet5, cifar10_full, resnet20"
                    + " (default for CIFAR), resnet56, resnet110, resnet9, wrn16_4, wrn28_10, resnet<6n+2>,"
                    + " wrn<6n+4>_<k>.")
    String model;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "128", description = "Examples per step (128).")
    int batchSize;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "sgd",
            description = "sgd (PyTorch's SGD, the default) or adamw.")
    String optimizer;

    @Option(names = "--momentum", paramLabel = "M", defaultValue = "0.9",
            description = "SGD momentum (AdamW beta1) where the policy schedules none (0.9).")
    double momentum;

    @Option(names = "--nesterov", description = "Nesterov momentum (SGD).")
    boolean nesterov;

    @Option(names = "--weight-decay", paramLabel = "WD", defaultValue = "5e-4",
            description = "Weight decay: L2 for SGD, decoupled for AdamW (5e-4).")
    double weightDecay;

    @Option(names = "--no-augment", description = "Train on the plain images; by default CIFAR images are padded, "
            + "cropped and flipped (He et al.), others are used as they are.")
    boolean noAugment;

    @Option(names = "--train-size", paramLabel = "N", defaultValue = "0",
            description = "Train on a class-balanced subset of N training images (default: all).")
    int trainSize;

    @Option(names = "--test-size", paramLabel = "N", defaultValue = "0",
            description = "Evaluate on a class-balanced subset of N test images (default: all).")
    int testSize;

    @Option(names = "--device", paramLabel = "cpu|gpu", defaultValue = "cpu", description = "cpu (the default) or gpu.")
    String device;

    @Option(names = "--threads", paramLabel = "N",
            description = "libtorch threads (default: the engine's, one per core). Runs are bit-identical at a"
                    + " fixed thread count.")
    Integer threads;

    /** The settings, with {@code defaultModel} when {@code --model} is not given. */
    Settings settings(String defaultModel) {
        if (threads != null && threads <= 0) {
            throw new IllegalArgumentException("--threads must be > 0, got " + threads);
        }
        String chosen = model != null ? model : defaultModel(dataset, defaultModel);
        return new Settings(dataset, data, chosen, batchSize, optimizer, momentum, nesterov, weightDecay, !noAugment,
                trainSize, testSize, device, threads == null ? 0 : threads);
    }

    /** {@code resnet20} for CIFAR, otherwise {@code fallback}. */
    static String defaultModel(String dataset, String fallback) {
        return dataset != null && dataset.startsWith("cifar") ? "resnet20" : fallback;
    }
}

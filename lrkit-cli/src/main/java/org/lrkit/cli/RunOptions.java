package org.lrkit.cli;

import org.lrkit.experiment.run.Settings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of the commands that train full runs ({@code train}, {@code compare}, {@code demo}): data,
 * model, batch, optimizer, training loop ({@link LoopOptions}) and engine. Mixed in with {@code @Mixin};
 * {@link #settings(String)} turns them into the {@link Settings} that {@code config.json} records. The options
 * {@link TrainingOptions} has too are shared mixins; {@code --model} and {@code --momentum} are declared here
 * because their defaults differ.
 */
public final class RunOptions {

    @Mixin
    DatasetOption dataset;

    @Mixin
    DataFolderOption dataFolder;

    @Option(names = "--model", paramLabel = "NAME",
            description = "fashion_cnn (default for Fashion-MNIST and MNIST), mlp, lenet5, cifar10_full, resnet20"
                    + " (default for CIFAR), resnet56, resnet110, resnet9, wrn16_4, wrn28_10, resnet<6n+2>,"
                    + " wrn<6n+4>_<k>.")
    String model;

    @Mixin
    BatchSizeOption batch;

    @Option(names = "--momentum", paramLabel = "M", defaultValue = "0.9",
            description = "SGD momentum (AdamW beta1) where the policy schedules none (0.9).")
    double momentum;

    @Mixin
    OptimizerOptions optimizer;

    @Mixin
    AugmentationOption augmentation;

    @Mixin
    TrainSizeOption trainSize;

    @Option(names = "--test-size", paramLabel = "N", defaultValue = "0",
            description = "Evaluate on a class-balanced subset of N test images (default: all).")
    int testSize;

    @Mixin
    LoopOptions loop;

    @Mixin
    EngineOptions engine;

    /** The settings, with {@code defaultModel} when {@code --model} is not given. */
    Settings settings(String defaultModel) {
        int threads = engine.threadCount();
        String chosen = model != null ? model : defaultModel(dataset.name, defaultModel);
        return new Settings(dataset.name, dataFolder.path, chosen, batch.size, optimizer.name, momentum,
                optimizer.nesterov, optimizer.weightDecay, augmentation.augment(), trainSize.size, testSize,
                engine.device(), threads, loop.accumulate, loop.clipNorm(), loop.layerRates());
    }

    /** {@code resnet20} for CIFAR, otherwise {@code fallback}. */
    static String defaultModel(String dataset, String fallback) {
        return dataset != null && dataset.startsWith("cifar") ? "resnet20" : fallback;
    }
}

package org.lrkit.cli;

import org.lrkit.experiment.run.Settings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of the commands that train a model ({@code find}, {@code estimate}): data (and its training
 * subset), model, batch, optimizer, engine. Mixed in with {@code @Mixin}; {@link #settings(double)} turns them
 * into the {@link Settings} from which a {@link org.lrkit.experiment.run.Workbench} makes the model, data and
 * optimizer. The options {@link RunOptions} has too are shared mixins; {@code --model} and {@code --momentum}
 * are declared here because their defaults differ.
 */
public final class TrainingOptions {

    @Mixin
    DatasetOption dataset;

    @Mixin
    DataFolderOption dataFolder;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "fashion_cnn",
            description = "fashion_cnn (the default), mlp, lenet5, cifar10_full, resnet20, resnet56, resnet110, "
                    + "resnet9, wrn16_4, wrn28_10, resnet<6n+2>, wrn<6n+4>_<k>.")
    String model;

    @Mixin
    BatchSizeOption batch;

    @Mixin
    SeedOption seed;

    /** The momentum given, or {@code null}: the command then picks its default. */
    @Option(names = "--momentum", paramLabel = "M",
            description = "Momentum of SGD, or beta1 of AdamW (default 0.9 for find, 0 for estimate).")
    Double momentum;

    @Mixin
    OptimizerOptions optimizer;

    @Mixin
    AugmentationOption augmentation;

    @Mixin
    TrainSizeOption trainSize;

    @Mixin
    EngineOptions engine;

    /**
     * The settings, with {@code defaultMomentum} when {@code --momentum} is not given.
     *
     * @throws IllegalArgumentException naming the option of a bad value
     */
    Settings settings(double defaultMomentum) {
        return new Settings(dataset.name, dataFolder.path, model, batch.size, optimizer.name,
                momentum == null ? defaultMomentum : momentum, optimizer.nesterov, optimizer.weightDecay,
                augmentation.augment(), trainSize.size, 0, engine.device(), engine.threadCount());
    }
}

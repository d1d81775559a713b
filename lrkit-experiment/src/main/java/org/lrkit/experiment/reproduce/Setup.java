package org.lrkit.experiment.reproduce;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.lrkit.experiment.report.Numbers;
import org.lrkit.experiment.run.Settings;

/**
 * The data, network and optimizer of a reproduction at one scale: what {@link Settings} holds, less the
 * engine, with the datasets to try in order (the first one found is used: the LeNet experiment prefers MNIST
 * and falls back to Fashion-MNIST) and the optimizer always plain SGD, as in the three papers.
 *
 * @param datasets the datasets to try, in order of preference
 * @param model the network ({@code cifar10_full}, {@code resnet20}, {@code lenet5}, ...)
 * @param batchSize examples per step
 * @param momentum SGD momentum where a policy schedules none
 * @param weightDecay L2 weight decay
 * @param augment pad-crop-flip augmentation of CIFAR images
 * @param trainSize a class-balanced subset of this many training images, 0 for all
 * @param testSize a class-balanced subset of this many test images, 0 for all
 */
public record Setup(List<String> datasets, String model, int batchSize, double momentum, double weightDecay,
        boolean augment, int trainSize, int testSize) {

    /**
     * Checks the values.
     *
     * @param datasets the datasets to try, in order of preference, at least one; copied
     * @param model the network
     * @param batchSize examples per step, {@code >= 1}
     * @param momentum SGD momentum where a policy schedules none
     * @param weightDecay L2 weight decay
     * @param augment pad-crop-flip augmentation of CIFAR images
     * @param trainSize a subset of this many training images, {@code >= batchSize}, or 0 for all
     * @param testSize a subset of this many test images, {@code >= 0}; 0 for all
     * @throws IllegalArgumentException if there is no dataset, {@code batchSize < 1}, a size is negative, or {@code
     *     trainSize} is above 0 and below {@code batchSize}
     */
    public Setup {
        datasets = List.copyOf(datasets);
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException("a setup needs at least one dataset");
        }
        if (batchSize < 1 || trainSize < 0 || testSize < 0) {
            throw new IllegalArgumentException("batchSize must be >= 1 and the sizes >= 0, got batchSize=" + batchSize
                    + ", trainSize=" + trainSize + ", testSize=" + testSize);
        }
        if (trainSize > 0 && trainSize < batchSize) {
            throw new IllegalArgumentException("trainSize must be at least batchSize, got " + trainSize + " < "
                    + batchSize);
        }
    }

    /**
     * A setup on one dataset.
     *
     * @param dataset the dataset
     * @param model the network
     * @param batchSize examples per step, {@code >= 1}
     * @param momentum SGD momentum where a policy schedules none
     * @param weightDecay L2 weight decay
     * @param augment pad-crop-flip augmentation of CIFAR images
     * @param trainSize a subset of this many training images, {@code >= batchSize}, or 0 for all
     * @param testSize a subset of this many test images, or 0 for all
     * @return the setup
     */
    public static Setup of(String dataset, String model, int batchSize, double momentum, double weightDecay,
            boolean augment, int trainSize, int testSize) {
        return new Setup(List.of(dataset), model, batchSize, momentum, weightDecay, augment, trainSize, testSize);
    }

    /**
     * The settings of a run on {@code dataset}, read from {@code data} (or the standard places when null).
     *
     * @param dataset the dataset to read, one of {@link #datasets()}
     * @param data the folder to read it from, or {@code null} for the standard places
     * @param device the device to train on
     * @param threads the threads to train with
     * @return the settings: SGD without Nesterov, this setup's values
     */
    public Settings settings(String dataset, Path data, String device, int threads) {
        return new Settings(dataset, data, model, batchSize, "sgd", momentum, false, weightDecay, augment, trainSize,
                testSize, device, threads);
    }

    /**
     * The training images of the preferred dataset, after the subset.
     *
     * @return the number of training images
     */
    public int trainImages() {
        return trainSize > 0 ? trainSize : fullTrainingSet(datasets.get(0));
    }

    /**
     * Optimizer steps per epoch on the preferred dataset (whole batches only, as the runs count them).
     *
     * @return the training images divided by the batch size, rounded down
     */
    public long stepsPerEpoch() {
        return trainImages() / batchSize;
    }

    /** The training images of a whole dataset lrkit knows. */
    static int fullTrainingSet(String dataset) {
        return switch (dataset) {
            case "cifar10", "cifar10-jpeg", "cifar100" -> 50_000;
            case "mnist", "fashion-mnist" -> 60_000;
            case "fashion-mnist-embedded" -> 6_000;
            default -> throw new IllegalArgumentException("no known training-set size for dataset '" + dataset + "'");
        };
    }

    /**
     * One line for people: {@code resnet20 on 10000 images of cifar10, batch 128, SGD momentum 0.9, ...}.
     *
     * @return the description, on one line
     */
    public String describe() {
        String data = (trainSize > 0 ? trainSize + " class-balanced training images of " : "")
                + String.join(" (else ", datasets) + ")".repeat(datasets.size() - 1)
                + (testSize > 0 ? ", " + testSize + " test images" : "");
        return String.format(Locale.ROOT, "%s on %s, batch %d, SGD momentum %s, weight decay %s, %s", model, data,
                batchSize, Numbers.number(momentum), Numbers.number(weightDecay),
                augment ? "pad-crop-flip augmentation" : "no augmentation");
    }
}

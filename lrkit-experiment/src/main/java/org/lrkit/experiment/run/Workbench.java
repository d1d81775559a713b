package org.lrkit.experiment.run;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lrkit.djl.engine.DeviceKind;
import org.lrkit.djl.engine.DeviceUnavailableException;
import org.lrkit.djl.engine.EngineSettings;
import org.lrkit.djl.engine.Engines;
import org.lrkit.djl.optim.ParameterGroups;
import org.lrkit.djl.optim.ScheduledAdamW;
import org.lrkit.djl.optim.ScheduledOptimizer;
import org.lrkit.djl.optim.ScheduledSgd;
import org.lrkit.djl.rangetest.BatchSource;
import org.lrkit.djl.train.Seeds;
import org.lrkit.experiment.report.Numbers;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.TrainingClock;
import org.lrkit.vision.data.ImageSet;
import org.lrkit.vision.loader.ImageLoader;
import org.lrkit.vision.loader.TrainingSubset;
import org.lrkit.vision.loader.ValidationSplit;
import org.lrkit.vision.model.Models;
import org.lrkit.vision.transform.Augmentation;
import org.lrkit.vision.transform.Normalization;

/**
 * What {@link Settings} describe, made ready to train: the engine started, the training and test images read
 * (and cut to a class-balanced subset if asked), their normalization and augmentation, and models,
 * optimizers and loaders made on demand. One workbench serves every run of a command: {@link #open} for
 * training runs (train, compare, demo, reproduce), {@link #openTraining} for a range test or an estimate,
 * which read only the training images and may set some of them apart for validation.
 *
 * <pre>{@code
 * Workbench bench = Workbench.open(settings, messages);
 * try (Model model = bench.newInitializedModel(seed)) {
 *     ScheduledOptimizer optimizer = bench.optimizer(policy);
 *     ... bench.trainLoader(seed) ... bench.testLoader() ...
 * }
 * }</pre>
 */
public final class Workbench {

    /** Images per evaluation batch. */
    static final int EVALUATION_BATCH = 250;

    private final Settings settings;
    private final Device device;
    private final String datasetName;
    private final String source;
    private final ImageSet train;
    private final ImageSet test;
    private final ImageSet validation;
    private final Augmentation augmentation;
    private final Augmentation evaluation;
    private final Shape inputShape;

    private Workbench(Settings settings, Device device, String datasetName, String source, ImageSet train,
            ImageSet test, ImageSet validation) {
        this.settings = settings;
        this.device = device;
        this.datasetName = datasetName;
        this.source = source;
        this.train = train;
        this.test = test;
        this.validation = validation;
        Normalization normalization = normalization(datasetName, train);
        boolean cifar = datasetName.startsWith("cifar");
        this.augmentation = cifar && settings.augment() ? Augmentation.padCropFlip(normalization)
                : Augmentation.normalizeOnly(normalization);
        this.evaluation = Augmentation.normalizeOnly(normalization);
        this.inputShape = new Shape(1, train.channels(), train.height(), train.width());
    }

    /**
     * Checks the names in {@code settings} without starting anything.
     *
     * @param settings the settings whose dataset, model, layer-rate prefixes and device are checked
     * @throws IllegalArgumentException naming the option of an unknown dataset or model, a layer-rate prefix
     *     that starts the name of no parameter of the model, or an unknown device
     */
    public static void check(Settings settings) {
        DataSource.checkName(settings.dataset());
        Block block;
        try {
            // an unknown name or depth fails here, before the data is read
            block = Models.build(settings.model(), 10, Models.info(settings.model()).typicalInput());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--model: " + e.getMessage(), e);
        }
        checkLayerRates(settings, block);
        try {
            DeviceKind.parse(settings.device());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + e.getMessage(), e);
        }
    }

    /**
     * Starts the engine and reads the training and test images.
     *
     * @param settings what to read and train, checked as {@link #check} does
     * @param messages where to say what was read, or {@code null}
     * @return the workbench, with test images and without validation images
     * @throws IOException if the image files cannot be read
     * @throws IllegalArgumentException naming the option, if {@link #check} fails, a subset size exceeds the
     *     images read, the batch exceeds the training images, or the thread count cannot be set
     * @throws RunFailure if the data cannot be found or the device is missing
     */
    public static Workbench open(Settings settings, PrintWriter messages) throws IOException {
        Device device = start(settings);
        DataSource.Loaded trainSplit = DataSource.load(settings.dataset(), "train", settings.data());
        DataSource.Loaded testSplit = DataSource.load(trainSplit.name(), "test", settings.data());
        ImageSet train = subset(trainSplit.images(), settings.trainSize(), "--train-size");
        ImageSet test = subset(testSplit.images(), settings.testSize(), "--test-size");
        checkFits(settings, train);
        if (messages != null) {
            messages.println("read " + train.size() + " training and " + test.size() + " test images of "
                    + trainSplit.name() + " from " + trainSplit.source());
            messages.flush();
        }
        return new Workbench(settings, device, trainSplit.name(), trainSplit.source(), train, test, null);
    }

    /**
     * Starts the engine and reads the training images only (a range test, an estimate), setting
     * {@code validationSize} of them apart for {@link #validationLoader()}.
     *
     * @param settings what to read and train, checked as {@link #check} does
     * @param validationSize images to carve out of the training set for validation, {@code >= 0} and less than
     *     the training images (after {@code --train-size}), 0 for none
     * @param seed chooses the validation images
     * @param messages where to say what was read, or {@code null}
     * @return the workbench, without test images
     * @throws IOException if the image files cannot be read
     * @throws IllegalArgumentException naming the option, if {@code validationSize} is out of range,
     *     {@link #check} fails, the training subset exceeds the images read, the batch exceeds the training
     *     images left, or the thread count cannot be set
     * @throws RunFailure if the data cannot be found or the device is missing
     */
    public static Workbench openTraining(Settings settings, int validationSize, long seed, PrintWriter messages)
            throws IOException {
        if (validationSize < 0) {
            throw new IllegalArgumentException("--validation-size must be >= 0, got " + validationSize);
        }
        Device device = start(settings);
        DataSource.Loaded trainSplit = DataSource.load(settings.dataset(), "train", settings.data());
        ImageSet all = subset(trainSplit.images(), settings.trainSize(), "--train-size");
        if (messages != null) {
            messages.println("read " + all.size() + " training images of " + trainSplit.name() + " from "
                    + trainSplit.source());
            messages.flush();
        }
        ImageSet train = all;
        ImageSet validation = null;
        if (validationSize > 0) {
            if (validationSize >= all.size()) {
                throw new IllegalArgumentException("--validation-size must be less than the " + all.size()
                        + " training images of " + trainSplit.name() + ", got " + validationSize);
            }
            ValidationSplit split = ValidationSplit.carve(all, validationSize, seed, true);
            train = split.train();
            validation = split.validation();
        }
        checkFits(settings, train);
        return new Workbench(settings, device, trainSplit.name(), trainSplit.source(), train, null, validation);
    }

    /** Every {@code --layer-rates} prefix must start the name of a parameter of the model. */
    private static void checkLayerRates(Settings settings, Block block) {
        if (settings.layerRates().isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>(block.getParameters().keys());
        for (String prefix : settings.layerRates().keySet()) {
            if (names.stream().noneMatch(name -> name.startsWith(prefix))) {
                int shown = Math.min(names.size(), 6);
                throw new IllegalArgumentException("--layer-rates prefix '" + prefix + "' matches no parameter of "
                        + settings.model() + "; its " + names.size() + " parameters are named like "
                        + String.join(", ", names.subList(0, shown)) + (shown < names.size() ? ", ..." : "")
                        + "; give a prefix of those names, e.g. " + commonPrefix(names.get(0)) + "=0.1");
            }
        }
    }

    /** The layer part of a parameter name: {@code 01Conv2d} of {@code 01Conv2d_weight}. */
    private static String commonPrefix(String name) {
        int underscore = name.indexOf('_');
        return underscore > 0 ? name.substring(0, underscore) : name;
    }

    private static Device start(Settings settings) {
        check(settings);
        DeviceKind kind = DeviceKind.parse(settings.device());
        try {
            return Engines.start(EngineSettings.defaults()
                    .withThreads(settings.threads(), settings.threads() == 0 ? 0 : 1).withDevice(kind));
        } catch (DeviceUnavailableException e) {
            throw new RunFailure(e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("--threads: " + e.getMessage(), e);
        }
    }

    private static void checkFits(Settings settings, ImageSet train) {
        if (settings.batchSize() > train.size()) {
            throw new IllegalArgumentException("--batch-size must be at most the " + train.size()
                    + " training images, got " + settings.batchSize());
        }
        Models.build(settings.model(), train.classCount(),
                new Shape(train.channels(), train.height(), train.width())); // an impossible shape fails here
    }

    private static ImageSet subset(ImageSet images, int size, String option) {
        if (size == 0 || size == images.size()) {
            return images;
        }
        if (size > images.size()) {
            throw new IllegalArgumentException(option + " must be at most the " + images.size() + " images of "
                    + images.name() + ", got " + size);
        }
        try {
            return TrainingSubset.classBalanced(images, size);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    private static Normalization normalization(String name, ImageSet train) {
        return switch (name) {
            case "fashion-mnist", "fashion-mnist-embedded" -> Normalization.FASHION_MNIST;
            case "mnist" -> Normalization.MNIST;
            case "cifar10", "cifar10-jpeg" -> Normalization.CIFAR10;
            case "cifar100" -> Normalization.CIFAR100;
            default -> Normalization.fromData(train);
        };
    }

    /**
     * The settings.
     *
     * @return the settings this workbench was opened with
     */
    public Settings settings() {
        return settings;
    }

    /**
     * The device the runs train on.
     *
     * @return the engine's device for the settings' {@code cpu} or {@code gpu}
     */
    public Device device() {
        return device;
    }

    /**
     * The dataset read ({@code cifar10-jpeg} when {@code cifar10} fell back to it).
     *
     * @return the dataset's name
     */
    public String datasetName() {
        return datasetName;
    }

    /**
     * Optimizer steps per epoch: whole batches only, {@code accumulate} batches a step (the last step of an epoch
     * on the batches left), as {@link TrainingClock#ofBatches} with {@link TrainingClock.Remainder#STEP} counts.
     *
     * @return optimizer steps per epoch of the training images
     */
    public int stepsPerEpoch() {
        int batches = train.size() / settings.batchSize();
        return Math.toIntExact(TrainingClock.ofBatches(batches, settings.accumulate(), TrainingClock.Remainder.STEP)
                .stepsPerEpoch());
    }

    /**
     * The shape of one input, batch dimension 1 included.
     *
     * @return {@code (1, channels, height, width)} of the training images
     */
    public Shape inputShape() {
        return inputShape;
    }

    /**
     * The training images.
     *
     * @return the training images, without any set apart for validation
     */
    public ImageSet train() {
        return train;
    }

    /**
     * The test images.
     *
     * @return the test images, cut to {@code --test-size} if asked
     * @throws IllegalStateException if this workbench was opened with {@link #openTraining}
     */
    public ImageSet test() {
        if (test == null) {
            throw new IllegalStateException("this workbench read no test images (opened for training only)");
        }
        return test;
    }

    /**
     * A new model with the network set but not initialized (a training run initializes it from its seed).
     *
     * @return a new model on {@link #device()} for the training images' classes and shape; the caller closes it
     */
    public Model newModel() {
        Block block = Models.build(settings.model(), train.classCount(),
                new Shape(train.channels(), train.height(), train.width()));
        Model model = Model.newInstance(settings.model(), device);
        model.setBlock(block);
        return model;
    }

    /**
     * A new model initialized from {@code seed} as a training run would (for a range test).
     *
     * @param seed the run's seed, which sets the engine's random seed for the initialization
     * @return a new initialized model on {@link #device()}; the caller closes it
     */
    public Model newInitializedModel(long seed) {
        Model model = newModel();
        try {
            Engine engine = model.getNDManager().getEngine();
            engine.setRandomSeed(Seeds.engineSeed(seed, Seeds.INITIALIZATION, 0));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, inputShape);
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * The training images in shuffled (and, for CIFAR, augmented) whole batches, the order set by {@code seed}.
     *
     * @param seed sets the order of the images and their augmentation
     * @return a new loader of batches of the settings' batch size, the last partial batch dropped
     */
    public ImageLoader trainLoader(long seed) {
        return ImageLoader.builder(train, settings.batchSize(), augmentation).seed(seed).dropLast(true)
                .workers(augmentation.isRandom() ? 2 : 1).prefetch(4).build();
    }

    /**
     * The training batches of a range test: each seed its own shuffled order, as {@link #trainLoader}.
     *
     * @return a batch source that gives each seed and epoch the batches of {@link #trainLoader} of that seed
     */
    public BatchSource batchSource() {
        return (manager, seed, epoch) -> trainLoader(seed).epoch(manager, Math.toIntExact(epoch));
    }

    /**
     * The test images, normalized, in a fixed order.
     *
     * @return a new loader of the test images in batches of 250
     * @throws IllegalStateException if this workbench was opened with {@link #openTraining}
     */
    public ImageLoader testLoader() {
        return ImageLoader.builder(test(), EVALUATION_BATCH, evaluation).shuffle(false).build();
    }

    /**
     * The images set apart for validation, normalized, in a fixed order.
     *
     * @return a new loader of the validation images in batches of 250
     * @throws IllegalStateException if none were ({@link #openTraining} with a validation size)
     */
    public ImageLoader validationLoader() {
        if (validation == null) {
            throw new IllegalStateException("no validation images were set apart (openTraining with a size > 0)");
        }
        return ImageLoader.builder(validation, EVALUATION_BATCH, evaluation).shuffle(false).build();
    }

    /**
     * A new optimizer following {@code policy} with the settings' momentum, Nesterov, weight decay and layer
     * rates ({@link ParameterGroups#withLearningRateMultiplier}).
     *
     * @param policy the learning-rate schedule, and the momentum schedule if it has one
     * @return a new {@link ScheduledSgd} or {@link ScheduledAdamW}, as the settings' optimizer says
     */
    public ScheduledOptimizer optimizer(Policy policy) {
        return optimizer(policy, settings.weightDecay());
    }

    /**
     * As {@link #optimizer(Policy)} with another weight decay (a range test's weight-decay grid). Nesterov
     * momentum is used when asked for and there is momentum: a constant one or one the policy schedules.
     *
     * @param policy the learning-rate schedule, and the momentum schedule if it has one
     * @param weightDecay L2 weight decay for SGD, decoupled for AdamW, in place of the settings'
     * @return a new {@link ScheduledSgd} or {@link ScheduledAdamW}, as the settings' optimizer says
     */
    public ScheduledOptimizer optimizer(Policy policy, double weightDecay) {
        ParameterGroups groups = ParameterGroups.uniform();
        for (Map.Entry<String, Double> rate : settings.layerRates().entrySet()) {
            groups = groups.withLearningRateMultiplier(rate.getKey(), rate.getValue());
        }
        if (settings.optimizer().equals("adamw")) {
            return ScheduledAdamW.adamW(policy).beta1(settings.momentum()).weightDecay(weightDecay).groups(groups)
                    .build();
        }
        return ScheduledSgd.builder(policy).momentum(settings.momentum())
                .nesterov(settings.nesterov() && (settings.momentum() > 0 || policy.momentum().isPresent()))
                .weightDecay(weightDecay).groups(groups).build();
    }

    private static String channels(Normalization normalization, boolean mean) {
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < normalization.channels(); c++) {
            text.append(c == 0 ? "" : "/").append(Numbers.number(mean ? normalization.mean(c)
                    : normalization.std(c)));
        }
        return text.toString();
    }

    /**
     * The {@code data} object of {@code config.json}: what was read, from where, and its geometry.
     *
     * @return a new map: name, source, image counts, classes, image shape, augmentation and steps per epoch
     * @throws IllegalStateException if this workbench was opened with {@link #openTraining}
     */
    public Map<String, Object> dataJson() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", datasetName);
        map.put("source", source);
        map.put("trainImages", train.size());
        map.put("testImages", test().size());
        map.put("classes", train.classCount());
        map.put("imageShape", train.channels() + "x" + train.height() + "x" + train.width());
        map.put("augmentation", (augmentation.isRandom() ? "padded random crop and horizontal flip, " : "none, ")
                + "normalized with mean " + channels(augmentation.normalization(), true) + " and std "
                + channels(augmentation.normalization(), false));
        map.put("stepsPerEpoch", stepsPerEpoch());
        return map;
    }
}

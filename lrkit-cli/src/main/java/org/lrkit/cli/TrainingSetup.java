package org.lrkit.cli;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lrkit.experiment.report.Numbers;
import org.lrkit.djl.engine.DeviceKind;
import org.lrkit.djl.engine.DeviceUnavailableException;
import org.lrkit.djl.engine.EngineSettings;
import org.lrkit.djl.engine.Engines;
import org.lrkit.djl.optim.ScheduledAdamW;
import org.lrkit.djl.optim.ScheduledOptimizer;
import org.lrkit.djl.optim.ScheduledSgd;
import org.lrkit.djl.rangetest.BatchSource;
import org.lrkit.djl.train.Seeds;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Schedule;
import org.lrkit.vision.data.DatasetNotFoundException;
import org.lrkit.vision.data.Datasets;
import org.lrkit.vision.data.ImageSet;
import org.lrkit.vision.loader.ImageLoader;
import org.lrkit.vision.loader.ValidationSplit;
import org.lrkit.vision.model.Models;
import org.lrkit.vision.transform.Augmentation;
import org.lrkit.vision.transform.Normalization;

/**
 * What {@link TrainingOptions} describe, built: the engine started, the training images loaded (and a
 * validation subset carved out of them if asked for), the model built and initialized from the seed, and
 * optimizers and loaders made on demand. Closing it closes the model.
 */
final class TrainingSetup implements AutoCloseable {

    final TrainingOptions options;
    final Device device;
    final String datasetName;
    final ImageSet train;
    final ImageSet validation;
    final Normalization normalization;
    final Augmentation augmentation;
    final Model model;
    final Shape inputShape;
    final double momentum;
    private final Map<Long, ImageLoader> loaders = new HashMap<>();

    private TrainingSetup(TrainingOptions options, Device device, String datasetName, ImageSet train,
            ImageSet validation, Model model, double momentum) {
        this.options = options;
        this.device = device;
        this.datasetName = datasetName;
        this.train = train;
        this.validation = validation;
        this.normalization = normalization(datasetName, train);
        boolean cifar = datasetName.startsWith("cifar");
        this.augmentation = cifar && options.augmentation.augment() ? Augmentation.padCropFlip(normalization)
                : Augmentation.normalizeOnly(normalization);
        this.model = model;
        this.inputShape = new Shape(1, train.channels(), train.height(), train.width());
        this.momentum = momentum;
    }

    /**
     * Starts the engine, loads the data and builds the model.
     *
     * @param defaultMomentum the momentum when {@code --momentum} is not given
     * @param validationSize images to carve out of the training set for validation, 0 for none
     * @param messages where to say what was loaded (null for nothing)
     */
    static TrainingSetup create(TrainingOptions options, double defaultMomentum, int validationSize,
            java.io.PrintWriter messages) throws IOException {
        check(options);
        DeviceKind kind = DeviceKind.parse(options.engine.device());
        int threads = options.engine.threadCount();
        Device device;
        try {
            device = Engines.start(EngineSettings.defaults().withThreads(threads, threads == 0 ? 0 : 1)
                    .withDevice(kind));
        } catch (DeviceUnavailableException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
        Loaded loaded = load(options.dataset.name, options.dataFolder.path);
        ImageSet all = loaded.images();
        if (messages != null) {
            messages.println("read " + all.size() + " training images of " + loaded.name() + " from "
                    + loaded.source());
            messages.flush();
        }
        ImageSet train = all;
        ImageSet validation = null;
        if (validationSize > 0) {
            if (validationSize >= all.size()) {
                throw new IllegalArgumentException("--validation-size must be less than the " + all.size()
                        + " training images of " + loaded.name() + ", got " + validationSize);
            }
            ValidationSplit split = ValidationSplit.carve(all, validationSize, options.seed.value, true);
            train = split.train();
            validation = split.validation();
        }
        if (options.batch.size > train.size()) {
            throw new IllegalArgumentException("--batch-size must be at most the " + train.size()
                    + " training images, got " + options.batch.size);
        }
        Shape imageShape = new Shape(all.channels(), all.height(), all.width());
        Block block = Models.build(options.model, all.classCount(), imageShape);
        Model model = Model.newInstance(options.model, device);
        try {
            model.setBlock(block);
            Engine engine = model.getNDManager().getEngine();
            engine.setRandomSeed(Seeds.engineSeed(options.seed.value, Seeds.INITIALIZATION, 0));
            block.initialize(model.getNDManager(), DataType.FLOAT32,
                    new Shape(1, all.channels(), all.height(), all.width()));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        double momentum = options.momentum == null ? defaultMomentum : options.momentum;
        return new TrainingSetup(options, device, loaded.name(), train, validation, model, momentum);
    }

    private static void check(TrainingOptions options) {
        if (options.batch.size <= 0) {
            throw new IllegalArgumentException("--batch-size must be > 0, got " + options.batch.size);
        }
        options.engine.check();
        if (options.momentum != null && !(options.momentum >= 0 && options.momentum < 1)) {
            throw new IllegalArgumentException("--momentum must be in [0, 1), got " + options.momentum);
        }
        double weightDecay = options.optimizer.weightDecay;
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("--weight-decay must be >= 0, got " + weightDecay);
        }
        String optimizer = options.optimizer.name.toLowerCase(Locale.ROOT);
        if (!optimizer.equals("sgd") && !optimizer.equals("adamw")) {
            throw new IllegalArgumentException("--optimizer must be sgd or adamw, got '" + options.optimizer.name
                    + "'");
        }
        // an unknown name or depth fails here, before the data is read
        Models.build(options.model, 10, Models.info(options.model).typicalInput());
        if (!Datasets.NAMES.contains(options.dataset.name)) {
            throw new IllegalArgumentException("--dataset must be one of " + String.join(", ", Datasets.NAMES)
                    + ", got '" + options.dataset.name + "'");
        }
    }

    /** Batches per epoch of the training loader. */
    int batchesPerEpoch() {
        return train.size() / options.batch.size;
    }

    /** A one-line description of the optimizer, e.g. {@code SGD momentum 0.9, weight decay 5e-4}. */
    String describeOptimizer() {
        return describeOptimizer(Numbers.number(momentum), Numbers.number(options.optimizer.weightDecay));
    }

    /** As {@link #describeOptimizer()}, with the momentum and weight decay given as text (a grid, say). */
    String describeOptimizer(String momentumText, String weightDecayText) {
        boolean adam = options.optimizer.name.equalsIgnoreCase("adamw");
        return String.format(Locale.ROOT, "%s %s %s%s, weight decay %s", adam ? "AdamW" : "SGD",
                adam ? "beta1" : "momentum", momentumText, options.optimizer.nesterov && !adam ? " (Nesterov)" : "",
                weightDecayText);
    }

    /** A new optimizer following {@code policy} with the given weight decay and the options' settings. */
    ScheduledOptimizer optimizer(Policy policy, double weightDecay) {
        if (options.optimizer.name.equalsIgnoreCase("adamw")) {
            return ScheduledAdamW.adamW(policy).beta1(momentum).weightDecay(weightDecay).build();
        }
        return ScheduledSgd.builder(policy).momentum(momentum).nesterov(options.optimizer.nesterov && momentum > 0)
                .weightDecay(weightDecay).build();
    }

    /** A new optimizer at a constant learning rate. */
    ScheduledOptimizer optimizer(double learningRate) {
        return optimizer(Policy.of(Schedule.constant(learningRate)), options.optimizer.weightDecay);
    }

    /** The training images in shuffled, augmented batches; a loader per seed, whole batches only. */
    ImageLoader loader(long seed) {
        return loaders.computeIfAbsent(seed, s -> ImageLoader.builder(train, options.batch.size, augmentation)
                .seed(s).dropLast(true).workers(augmentation.isRandom() ? 2 : 1).prefetch(4).build());
    }

    /** The training batches for a range test: each seed its own order. */
    BatchSource batchSource() {
        return (manager, seed, epoch) -> loader(seed).epoch(manager, Math.toIntExact(epoch));
    }

    /** The validation images, normalized, in a fixed order. */
    ImageLoader validationLoader() {
        return ImageLoader.builder(validation, 250, Augmentation.normalizeOnly(normalization)).shuffle(false)
                .build();
    }

    @Override
    public void close() {
        model.close();
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

    /** The images, the dataset they came as, and where from. */
    record Loaded(ImageSet images, String name, String source) {
    }

    /**
     * Loads the training split of {@code name}: from {@code explicit} only if given, otherwise from the
     * standard locations and then from {@code shared/datasets} beside the working folder or the repository.
     * {@code cifar10} falls back to the JPEG copy ({@code cifar10-jpeg}) where the binary one is missing.
     */
    static Loaded load(String name, Path explicit) throws IOException {
        List<String> names = name.equals("cifar10") ? List.of("cifar10", "cifar10-jpeg") : List.of(name);
        if (name.equals("fashion-mnist-embedded")) {
            return new Loaded(Datasets.load(name, "train"), name, "inside the lrkit jar");
        }
        DatasetNotFoundException first = null;
        if (explicit != null) {
            for (String candidate : names) {
                try {
                    return new Loaded(Datasets.load(candidate, "train", explicit), candidate, explicit.toString());
                } catch (DatasetNotFoundException e) {
                    first = first == null ? e : first;
                }
            }
            throw notFound(first, List.of());
        }
        for (String candidate : names) {
            try {
                return new Loaded(Datasets.load(candidate, "train"), candidate, "the standard dataset folders");
            } catch (DatasetNotFoundException e) {
                first = first == null ? e : first;
            }
        }
        List<Path> roots = sharedRoots();
        for (Path root : roots) {
            for (String candidate : names) {
                try {
                    return new Loaded(Datasets.load(candidate, "train", root), candidate, root.toString());
                } catch (DatasetNotFoundException e) {
                    // try the next place
                }
            }
        }
        throw notFound(first, roots);
    }

    private static CommandFailure notFound(DatasetNotFoundException e, List<Path> roots) {
        String message = e.getMessage();
        String firstLine = message.lines().findFirst().orElse(message);
        String rest = message.lines().skip(1).map(String::strip).filter(line -> !line.isEmpty())
                .reduce((a, b) -> a + " " + b).orElse("");
        StringBuilder text = new StringBuilder(firstLine.strip());
        if (!roots.isEmpty()) {
            text.append(" (nor in ").append(roots.stream().map(Path::toString).reduce((a, b) -> a + ", " + b)
                    .orElse("")).append(")");
        }
        text.append(" ").append(rest);
        return new CommandFailure(text.toString(), e);
    }

    /** {@code shared/datasets} next to the working folder and next to the repository the jar was built in. */
    static List<Path> sharedRoots() {
        List<Path> roots = new ArrayList<>();
        Path cwd = Path.of("").toAbsolutePath();
        addIfDirectory(roots, cwd.resolve("shared").resolve("datasets"));
        addIfDirectory(roots, cwd.resolveSibling("shared").resolve("datasets"));
        try {
            Path code = Path.of(TrainingSetup.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // <repository>/lrkit-cli/target/lrkit.jar or <repository>/lrkit-cli/target/classes
            Path repository = code.getParent() == null ? null : code.getParent().getParent();
            repository = repository == null ? null : repository.getParent();
            if (repository != null) {
                addIfDirectory(roots, repository.resolveSibling("shared").resolve("datasets"));
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // no code location: the working folder's neighbours are all there is
        }
        return roots;
    }

    private static void addIfDirectory(List<Path> roots, Path path) {
        Path normal = path.normalize();
        if (Files.isDirectory(normal) && !roots.contains(normal)) {
            roots.add(normal);
        }
    }
}

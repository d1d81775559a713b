package org.lrkit.experiment.run;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.lrkit.experiment.report.Json;
import org.lrkit.experiment.report.Numbers;

/**
 * What every training run of a command shares: the data, the model, the batch, the optimizer and the engine.
 * Recorded in {@code config.json} so that a run directory can be resumed and explained. {@link #of} gives the
 * command line's defaults, which the {@code with...} methods change by name:
 *
 * <pre>{@code
 * Settings settings = Settings.of("fashion-mnist", "fashion_cnn")     // batch 128, SGD momentum 0.9, wd 5e-4
 *         .withBatchSize(512)
 *         .withOptimizer("sgd", 0.9, true, 5e-4)                      // Nesterov
 *         .withSubsets(20_000, 0)                                     // 20,000 training images, every test image
 *         .withTraining(2, 1.0, Map.of("01", 0.1));                   // 2 batches per step, clip at 1, layer rates
 * }</pre>
 *
 * @param dataset the dataset name ({@code fashion-mnist-embedded}, {@code fashion-mnist}, {@code cifar10}, ...)
 * @param data the folder or archive to read it from only, or {@code null} for the standard places
 * @param model the model name ({@code fashion_cnn}, {@code resnet20}, ...)
 * @param batchSize examples per step
 * @param optimizer {@code sgd} or {@code adamw}
 * @param momentum SGD momentum (AdamW beta1) when the policy schedules none
 * @param nesterov Nesterov momentum (SGD)
 * @param weightDecay L2 weight decay for SGD, decoupled for AdamW
 * @param augment pad-crop-flip augmentation of CIFAR images
 * @param trainSize use a class-balanced subset of this many training images, 0 for all
 * @param testSize use a class-balanced subset of this many test images, 0 for all
 * @param device {@code cpu} or {@code gpu}
 * @param threads libtorch threads, 0 for the engine's default
 * @param accumulate batches per optimizer step (gradient accumulation, {@code --accumulate}), {@code >= 1}
 * @param clipNorm the largest global L2 norm of the gradients ({@code --clip-norm}), 0 for no clipping
 * @param layerRates learning-rate multipliers by parameter-name prefix ({@code --layer-rates}), in the order
 *     given; empty for the policy's rate everywhere
 */
public record Settings(String dataset, Path data, String model, int batchSize, String optimizer, double momentum,
        boolean nesterov, double weightDecay, boolean augment, int trainSize, int testSize, String device,
        int threads, int accumulate, double clipNorm, Map<String, Double> layerRates) {

    /**
     * Checks every value, with messages that name the option.
     *
     * @param dataset the dataset name, checked when the data is read ({@code Workbench.check})
     * @param data the folder or archive to read it from only, or {@code null} for the standard places
     * @param model the model name, checked when the model is built ({@code Workbench.check})
     * @param batchSize examples per step, {@code > 0}
     * @param optimizer {@code sgd} or {@code adamw}, in any case and with spaces around it; kept stripped and
     *     lower-case
     * @param momentum SGD momentum (AdamW beta1) when the policy schedules none, in {@code [0, 1)}
     * @param nesterov Nesterov momentum (SGD)
     * @param weightDecay L2 weight decay for SGD, decoupled for AdamW, finite and {@code >= 0}
     * @param augment pad-crop-flip augmentation of CIFAR images
     * @param trainSize use a class-balanced subset of this many training images, {@code >= 0}, 0 for all
     * @param testSize use a class-balanced subset of this many test images, {@code >= 0}, 0 for all
     * @param device {@code cpu} or {@code gpu}, checked when the engine starts ({@code Workbench.check})
     * @param threads libtorch threads, {@code >= 0}, 0 for the engine's default
     * @param accumulate batches per optimizer step (gradient accumulation), {@code >= 1}
     * @param clipNorm the largest global L2 norm of the gradients, finite and {@code >= 0}, 0 for no clipping
     * @param layerRates learning-rate multipliers by parameter-name prefix, not null: every prefix not blank and
     *     every multiplier finite and {@code >= 0} (0 freezes those weights); kept as an unmodifiable copy in the
     *     map's order
     * @throws IllegalArgumentException naming the option, if {@code batchSize <= 0}, the optimizer is neither
     *     {@code sgd} nor {@code adamw}, the momentum is outside {@code [0, 1)}, the weight decay or the clip norm
     *     is negative, NaN or infinite, a subset size or the thread count is negative, {@code accumulate < 1},
     *     or the layer rates are null or hold a blank prefix or a multiplier that is null, negative, NaN or
     *     infinite
     */
    public Settings {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("--batch-size must be > 0, got " + batchSize);
        }
        String name = optimizer.strip().toLowerCase(Locale.ROOT);
        if (!name.equals("sgd") && !name.equals("adamw")) {
            throw new IllegalArgumentException("--optimizer must be sgd or adamw, got '" + optimizer + "'");
        }
        optimizer = name;
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("--momentum must be in [0, 1), got " + momentum);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("--weight-decay must be >= 0, got " + weightDecay);
        }
        if (trainSize < 0) {
            throw new IllegalArgumentException("--train-size must be >= 0 (0 for all), got " + trainSize);
        }
        if (testSize < 0) {
            throw new IllegalArgumentException("--test-size must be >= 0 (0 for all), got " + testSize);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be > 0, got " + threads);
        }
        if (accumulate < 1) {
            throw new IllegalArgumentException("--accumulate must be >= 1, got " + accumulate
                    + "; give the number of batches per optimizer step (1, the default, for one step per batch)");
        }
        if (!(clipNorm >= 0) || Double.isInfinite(clipNorm)) {
            throw new IllegalArgumentException("--clip-norm must be a finite number > 0, got " + clipNorm
                    + "; give the largest global gradient norm, e.g. 1.0, or leave the option out");
        }
        layerRates = checkLayerRates(layerRates);
    }

    /**
     * Settings without gradient accumulation, clipping or layer rates (the form before they existed):
     * {@code accumulate} 1, {@code clipNorm} 0 and no layer rates.
     *
     * @param dataset the dataset name ({@code fashion-mnist-embedded}, {@code fashion-mnist}, {@code cifar10}, ...)
     * @param data the folder or archive to read it from only, or {@code null} for the standard places
     * @param model the model name ({@code fashion_cnn}, {@code resnet20}, ...)
     * @param batchSize examples per step, {@code > 0}
     * @param optimizer {@code sgd} or {@code adamw}, in any case
     * @param momentum SGD momentum (AdamW beta1) when the policy schedules none, in {@code [0, 1)}
     * @param nesterov Nesterov momentum (SGD)
     * @param weightDecay L2 weight decay for SGD, decoupled for AdamW, finite and {@code >= 0}
     * @param augment pad-crop-flip augmentation of CIFAR images
     * @param trainSize use a class-balanced subset of this many training images, {@code >= 0}, 0 for all
     * @param testSize use a class-balanced subset of this many test images, {@code >= 0}, 0 for all
     * @param device {@code cpu} or {@code gpu}
     * @param threads libtorch threads, {@code >= 0}, 0 for the engine's default
     * @throws IllegalArgumentException naming the option, if a value is out of range (as the canonical
     *     constructor checks)
     */
    public Settings(String dataset, Path data, String model, int batchSize, String optimizer, double momentum,
            boolean nesterov, double weightDecay, boolean augment, int trainSize, int testSize, String device,
            int threads) {
        this(dataset, data, model, batchSize, optimizer, momentum, nesterov, weightDecay, augment, trainSize, testSize,
                device, threads, 1, 0.0, Map.of());
    }

    private static Map<String, Double> checkLayerRates(Map<String, Double> rates) {
        if (rates == null) {
            throw new IllegalArgumentException("--layer-rates must be a map of prefixes to multipliers, got null; "
                    + "give an empty map for none");
        }
        Map<String, Double> copy = new LinkedHashMap<>();
        rates.forEach((prefix, multiplier) -> {
            if (prefix == null || prefix.isBlank()) {
                throw new IllegalArgumentException("--layer-rates has an empty prefix; give PREFIX=MULT pairs such "
                        + "as 01=0.1, the prefix the start of parameter names");
            }
            if (multiplier == null || !(multiplier >= 0) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("--layer-rates multiplier of '" + prefix + "' must be a finite "
                        + "number >= 0, got " + multiplier + "; give e.g. " + prefix
                        + "=0.1 (0 freezes those weights)");
            }
            copy.put(prefix, multiplier);
        });
        return Collections.unmodifiableMap(copy);
    }

    /**
     * The command line's defaults for {@code dataset} and {@code model}: the standard places for the data,
     * batch 128, SGD with momentum 0.9 (no Nesterov) and weight decay 5e-4, CIFAR augmentation, every image,
     * the CPU with the engine's threads.
     *
     * @param dataset the dataset name ({@code fashion-mnist-embedded}, {@code fashion-mnist}, {@code cifar10}, ...)
     * @param model the model name ({@code fashion_cnn}, {@code resnet20}, ...)
     * @return the default settings for them
     */
    public static Settings of(String dataset, String model) {
        return new Settings(dataset, null, model, 128, "sgd", 0.9, false, 5e-4, true, 0, 0, "cpu", 0);
    }

    /**
     * These settings with other training-loop features.
     *
     * @param batchesPerStep batches per optimizer step (gradient accumulation), {@code >= 1}
     * @param maxGradientNorm the largest global L2 norm of the gradients, 0 for no clipping
     * @param multipliers learning-rate multipliers by parameter-name prefix, e.g. {@code Map.of("01", 0.1)}
     * @return new settings with these three values, the others the same
     * @throws IllegalArgumentException if {@code batchesPerStep < 1}, {@code maxGradientNorm} is negative, NaN
     *     or infinite, or {@code multipliers} is null or holds a blank prefix or a multiplier that is null,
     *     negative, NaN or infinite
     */
    public Settings withTraining(int batchesPerStep, double maxGradientNorm, Map<String, Double> multipliers) {
        return new Settings(dataset, data, model, batchSize, optimizer, momentum, nesterov, weightDecay, augment,
                trainSize, testSize, device, threads, batchesPerStep, maxGradientNorm, multipliers);
    }

    /**
     * These settings with {@code size} examples per step.
     *
     * @param size examples per step, {@code > 0}
     * @return new settings with this batch size, the others the same
     * @throws IllegalArgumentException if {@code size <= 0}
     */
    public Settings withBatchSize(int size) {
        return new Settings(dataset, data, model, size, optimizer, momentum, nesterov, weightDecay, augment,
                trainSize, testSize, device, threads, accumulate, clipNorm, layerRates);
    }

    /**
     * These settings with another optimizer.
     *
     * @param name {@code sgd} or {@code adamw}
     * @param momentumOrBeta1 SGD's momentum or AdamW's beta1, where the policy schedules none
     * @param useNesterov Nesterov momentum (SGD)
     * @param decay L2 weight decay for SGD, decoupled for AdamW
     * @return new settings with these four values, the others the same
     * @throws IllegalArgumentException if {@code name} is neither {@code sgd} nor {@code adamw} (in any case),
     *     {@code momentumOrBeta1} is outside {@code [0, 1)}, or {@code decay} is negative, NaN or infinite
     */
    public Settings withOptimizer(String name, double momentumOrBeta1, boolean useNesterov, double decay) {
        return new Settings(dataset, data, model, batchSize, name, momentumOrBeta1, useNesterov, decay, augment,
                trainSize, testSize, device, threads, accumulate, clipNorm, layerRates);
    }

    /**
     * These settings on class-balanced subsets of {@code train} and {@code test} images (0 for all).
     *
     * @param train training images to use, {@code >= 0}, 0 for all
     * @param test test images to use, {@code >= 0}, 0 for all
     * @return new settings with these subset sizes, the others the same
     * @throws IllegalArgumentException if a size is negative
     */
    public Settings withSubsets(int train, int test) {
        return new Settings(dataset, data, model, batchSize, optimizer, momentum, nesterov, weightDecay, augment,
                train, test, device, threads, accumulate, clipNorm, layerRates);
    }

    /**
     * This configuration as the {@code settings} object of {@code config.json}.
     *
     * @return a new map from each component's name to its value, in declaration order: {@code data} as an
     *     absolute path or {@code null}, {@code layerRates} as a map in its order
     */
    public Map<String, Object> toJson() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("dataset", dataset);
        map.put("data", data == null ? null : data.toAbsolutePath().toString());
        map.put("model", model);
        map.put("batchSize", batchSize);
        map.put("optimizer", optimizer);
        map.put("momentum", momentum);
        map.put("nesterov", nesterov);
        map.put("weightDecay", weightDecay);
        map.put("augment", augment);
        map.put("trainSize", trainSize);
        map.put("testSize", testSize);
        map.put("device", device);
        map.put("threads", threads);
        map.put("accumulate", accumulate);
        map.put("clipNorm", clipNorm);
        map.put("layerRates", new LinkedHashMap<>(layerRates));
        return map;
    }

    /**
     * Reads the {@code settings} object of {@code config.json}.
     *
     * @param map the {@code settings} object as {@link Json} parses it; a missing value takes the command line's
     *     default (dataset {@code fashion-mnist-embedded}, model {@code fashion_cnn}, the rest as {@link #of}, no
     *     accumulation, clipping or layer rates), but {@code momentum} and {@code weightDecay} must be numbers
     * @return the settings it holds
     * @throws IllegalArgumentException if it is missing (empty), {@code momentum} or {@code weightDecay} is not a
     *     number, or a value is out of range (as the canonical constructor checks)
     */
    public static Settings fromJson(Map<String, Object> map) {
        if (map.isEmpty()) {
            throw new IllegalArgumentException("it has no settings object (model, batch, optimizer); it was not written"
                    + " by lrkit train, compare, demo or reproduce");
        }
        for (String key : new String[] {"momentum", "weightDecay"}) {
            if (!(map.get(key) instanceof Number)) {
                throw new IllegalArgumentException("settings." + key + " must be a number, got " + map.get(key));
            }
        }
        String data = Json.text(map, "data", null);
        return new Settings(Json.text(map, "dataset", "fashion-mnist-embedded"), data == null ? null : Path.of(data),
                Json.text(map, "model", "fashion_cnn"), (int) Json.whole(map, "batchSize", 128),
                Json.text(map, "optimizer", "sgd"), Json.number(map, "momentum"), Json.flag(map, "nesterov", false),
                Json.number(map, "weightDecay"), Json.flag(map, "augment", true),
                (int) Json.whole(map, "trainSize", 0), (int) Json.whole(map, "testSize", 0),
                Json.text(map, "device", "cpu"), (int) Json.whole(map, "threads", 0),
                (int) Json.whole(map, "accumulate", 1),
                map.get("clipNorm") == null ? 0.0 : Json.number(map, "clipNorm"),
                layerRates(Json.object(map, "layerRates")));
    }

    private static Map<String, Double> layerRates(Map<String, Object> json) {
        Map<String, Double> rates = new LinkedHashMap<>();
        json.forEach((prefix, value) -> rates.put(prefix, value instanceof Number n ? n.doubleValue() : null));
        return rates;
    }

    /**
     * The training-loop features that differ from the defaults, e.g. {@code ", 2 batches per step, gradient
     * norm clipped at 1, layer rates 01=0.1"}, or {@code ""} when none does.
     *
     * @return the text, starting with {@code ", "}, or {@code ""}
     */
    public String describeTraining() {
        return describeTraining(accumulate, clipNorm, layerRates);
    }

    /**
     * {@link #describeTraining()} of the given values (a report reads them from {@code config.json}).
     *
     * @param batchesPerStep batches per optimizer step, named when {@code > 1}
     * @param maxGradientNorm the largest global gradient norm, named when {@code > 0}
     * @param multipliers learning-rate multipliers by parameter-name prefix, named in the map's order when there
     *     are any; a number as {@link Numbers#number}, anything else as its text
     * @return the text, starting with {@code ", "}, or {@code ""} when none differs from the defaults
     */
    public static String describeTraining(long batchesPerStep, double maxGradientNorm, Map<String, ?> multipliers) {
        StringBuilder text = new StringBuilder();
        if (batchesPerStep > 1) {
            text.append(", ").append(batchesPerStep).append(" batches per step");
        }
        if (maxGradientNorm > 0) {
            text.append(", gradient norm clipped at ").append(Numbers.number(maxGradientNorm));
        }
        if (!multipliers.isEmpty()) {
            text.append(", layer rates");
            String separator = " ";
            for (Map.Entry<String, ?> entry : multipliers.entrySet()) {
                Object value = entry.getValue();
                text.append(separator).append(entry.getKey()).append('=')
                        .append(value instanceof Number n ? Numbers.number(n.doubleValue()) : String.valueOf(value));
                separator = ",";
            }
        }
        return text.toString();
    }

    /**
     * This configuration on another device and thread count (a resumed run may move).
     *
     * @param newDevice {@code cpu} or {@code gpu}, checked when the engine starts
     * @param newThreads libtorch threads, {@code >= 0}, 0 for the engine's default
     * @return new settings on this engine, the others the same
     * @throws IllegalArgumentException if {@code newThreads < 0}
     */
    public Settings withEngine(String newDevice, int newThreads) {
        return new Settings(dataset, data, model, batchSize, optimizer, momentum, nesterov, weightDecay, augment,
                trainSize, testSize, newDevice, newThreads, accumulate, clipNorm,
                layerRates);
    }

    /**
     * A one-line description of the optimizer, e.g. {@code SGD momentum 0.9, weight decay 5e-4}, with
     * {@link #describeTraining()} after it.
     *
     * @return the description
     */
    public String describeOptimizer() {
        return describeOptimizer(Numbers.number(momentum), Numbers.number(weightDecay));
    }

    /**
     * As {@link #describeOptimizer()}, with the momentum and weight decay given as text (a grid, say).
     *
     * @param momentumText the momentum (AdamW's beta1) as shown, e.g. {@code 0.85/0.9/0.95}
     * @param weightDecayText the weight decay as shown, e.g. {@code 5e-4}
     * @return the description, e.g. {@code SGD momentum 0.85/0.9/0.95 (Nesterov), weight decay 5e-4}
     */
    public String describeOptimizer(String momentumText, String weightDecayText) {
        boolean adam = optimizer.equals("adamw");
        return String.format(Locale.ROOT, "%s %s %s%s, weight decay %s%s", adam ? "AdamW" : "SGD",
                adam ? "beta1" : "momentum", momentumText, nesterov && !adam ? " (Nesterov)" : "", weightDecayText,
                describeTraining());
    }
}

package org.lrkit.vision.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The networks of the learning-rate papers, by name: {@code Models.build("resnet20", 10, new Shape(3, 32, 32))}.
 * {@link #names()} lists the registered names, {@link #info(String)} their architecture and reference. Besides
 * the listed names, {@code resnet<6n+2>} (e.g. {@code resnet32}, option-A shortcuts) and
 * {@code wrn<6n+4>_<k>} (e.g. {@code wrn28_20}, no dropout) build any CIFAR ResNet or wide ResNet.
 *
 * <p>The blocks are DJL blocks, not yet initialized; weights get DJL's default initializer for
 * {@code WEIGHT} parameters (He et al.'s normal, {@code XavierInitializer(GAUSSIAN, IN, 2)}) unless the
 * training configuration sets another.
 */
public final class Models {

    private record Entry(ModelInfo info, BiFunction<Integer, Shape, Block> factory) {
    }

    private static final Shape CIFAR = new Shape(3, 32, 32);
    private static final Shape MNIST = new Shape(1, 28, 28);
    private static final Pattern RESNET = Pattern.compile("resnet(\\d{1,4})");
    private static final Pattern WRN = Pattern.compile("wrn(\\d{1,4})_(\\d{1,3})");
    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        add(new ModelInfo("mlp", "flatten -> fc 800 -> relu -> fc", "Simard, Steinkraus, Platt, ICDAR 2003", MNIST,
                "636,010 (MNIST, computed)"), (n, s) -> Mlp.build(n, s, Mlp.SIMARD_HIDDEN));
        add(new ModelInfo("lenet5", "Caffe LeNet: conv20 5x5, maxpool, conv50 5x5, maxpool, fc500, relu, fc",
                "Caffe examples/mnist; LeCun et al. 1998; Smith & Topin 2018 (MNIST)", MNIST, "431,080"),
                LeNet5::build);
        add(new ModelInfo("cifar10_full", "Caffe cifar10_full: 3 x (conv 5x5, pool 3/2, relu, LRN), fc",
                "Caffe examples/cifar10; Smith, WACV 2017 (CLR)", CIFAR, "89,578"), CaffeCifar10Full::build);
        for (int depth : new int[] {20, 56, 110}) {
            String published = depth == 20 ? "0.27M" : depth == 56 ? "0.85M" : "1.7M";
            add(resnetInfo(depth, published), (n, s) -> CifarResNet.build(depth, CifarResNet.Shortcut.ZERO_PAD, n, s));
        }
        add(new ModelInfo("resnet9", "DAWNBench ResNet-9: prep 64, layer1 128 + res, layer2 256, layer3 512 + res,"
                + " max pool, fc, x0.125", "Page, How to Train Your ResNet, 2018", CIFAR, "6.5M"), ResNet9::build);
        add(wrnInfo(16, 4, "2.7M"), (n, s) -> WideResNet.build(16, 4, 0, n, s));
        add(wrnInfo(28, 10, "36.5M"), (n, s) -> WideResNet.build(28, 10, 0, n, s));
        add(new ModelInfo("fashion_cnn", "conv32-BN-relu-pool, conv64-BN-relu-pool, fc128-relu, fc",
                "lrkit baseline for Fashion-MNIST (Xiao et al. 2017)", MNIST, "421,738 (computed)"), FashionCnn::build);
    }

    private Models() {
    }

    private static void add(ModelInfo info, BiFunction<Integer, Shape, Block> factory) {
        ENTRIES.put(info.name(), new Entry(info, factory));
    }

    private static ModelInfo resnetInfo(int depth, String published) {
        return new ModelInfo("resnet" + depth, "CIFAR ResNet-" + depth + ": 3 stages of " + (depth - 2) / 6
                + " basic blocks, 16/32/64 channels, option-A (zero-pad) shortcuts",
                "He et al., CVPR 2016, Section 4.2", CIFAR, published);
    }

    private static ModelInfo wrnInfo(int depth, int widen, String published) {
        return new ModelInfo("wrn" + depth + "_" + widen, "WRN-" + depth + "-" + widen + ": 3 groups of "
                + (depth - 4) / 6 + " pre-activation blocks, widths " + 16 * widen + "/" + 32 * widen + "/"
                + 64 * widen, "Zagoruyko & Komodakis, BMVC 2016; Loshchilov & Hutter, ICLR 2017 (SGDR)", CIFAR,
                published);
    }

    /**
     * The registered names; {@code resnet<depth>} and {@code wrn<depth>_<k>} patterns are accepted besides.
     *
     * @return the names, in registration order (a new list)
     */
    public static List<String> names() {
        return new ArrayList<>(ENTRIES.keySet());
    }

    /**
     * What the registry knows about {@code name}, which may also be a {@code resnet<depth>} or
     * {@code wrn<depth>_<k>} pattern.
     *
     * @param name a registered name, {@code resnet<6n+2>} or {@code wrn<6n+4>_<k>}
     * @return the network's description; for a pattern its published parameter count is {@code "-"}
     * @throws IllegalArgumentException for an unknown name
     */
    public static ModelInfo info(String name) {
        Objects.requireNonNull(name, "name");
        Entry entry = ENTRIES.get(name);
        if (entry != null) {
            return entry.info();
        }
        Matcher m = RESNET.matcher(name);
        if (m.matches()) {
            return resnetInfo(Integer.parseInt(m.group(1)), "-");
        }
        m = WRN.matcher(name);
        if (m.matches()) {
            return wrnInfo(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), "-");
        }
        throw unknown(name);
    }

    /**
     * The network {@code name} for {@code numClasses} classes and inputs of shape {@code inputShape}
     * {@code (C, H, W)}, not initialized.
     *
     * @param name a registered name, {@code resnet<6n+2>} (option-A shortcuts) or {@code wrn<6n+4>_<k>} (no
     *     dropout)
     * @param numClasses the number of outputs (class scores), {@code >= 1}
     * @param inputShape the shape of one image, {@code (channels, height, width)}, without the batch axis
     * @return an uninitialised block mapping {@code (N, C, H, W)} images to {@code (N, numClasses)} scores
     * @throws IllegalArgumentException for an unknown name, {@code numClasses < 1} or an input shape the
     *     network cannot take (the message names the layer and the smallest input that works)
     */
    public static Block build(String name, int numClasses, Shape inputShape) {
        Objects.requireNonNull(name, "name");
        Entry entry = ENTRIES.get(name);
        if (entry != null) {
            return entry.factory().apply(numClasses, inputShape);
        }
        Matcher m = RESNET.matcher(name);
        if (m.matches()) {
            return CifarResNet.build(Integer.parseInt(m.group(1)), CifarResNet.Shortcut.ZERO_PAD, numClasses,
                    inputShape);
        }
        m = WRN.matcher(name);
        if (m.matches()) {
            return WideResNet.build(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 0, numClasses,
                    inputShape);
        }
        throw unknown(name);
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("name must be a registered model, got '" + name + "'; known: " + names()
                + ", or resnet<6n+2> / wrn<6n+4>_<k>");
    }
}

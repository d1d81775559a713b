package org.lrkit.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.lrkit.vision.data.Datasets;
import org.lrkit.vision.data.ImageSet;
import org.lrkit.vision.loader.TrainingSubset;
import org.lrkit.vision.transform.Normalization;

/**
 * Writes the first images of a dataset split, or with {@code --subset balanced} the class-balanced subset
 * that {@code lrkit train --train-size} trains on, normalized, to a {@link BatchFile} that both halves of the
 * side-by-side benchmarks read.
 *
 * <pre>
 * java -cp lrkit-bench/target/benchmarks.jar org.lrkit.bench.ExportBatches \
 *     --dataset cifar10 --split test --count 2048 --out target/bench/cifar10.lrkb
 * </pre>
 *
 * Datasets are found where lrkit always looks ({@code $LRKIT_DATA}, {@code ~/.lrkit/datasets},
 * {@code /usr/share/datasets}, {@code shared/datasets} beside the working folder); {@code cifar10} falls back
 * to the JPEG copy.
 */
public final class ExportBatches {

    private ExportBatches() {
    }

    /** Writes the file; see the class comment. */
    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args, "--dataset", "--split", "--count", "--out", "--subset", "--seed");
        String dataset = options.required("--dataset");
        ImageSet images = Datasets.load(dataset, options.text("--split", "test"));
        int count = options.positive("--count", 1024);
        images = subset(images, count, options.text("--subset", "shuffled"), options.positive("--seed", 1));
        BatchFile file = BatchFile.of(images, normalization(dataset), count);
        Path out = options.path("--out");
        file.write(out);
        System.err.printf("wrote %d images of %s (%dx%dx%d) to %s%n", file.count(), images.name(), file.channels(),
                file.height(), file.width(), out);
    }

    /**
     * The images a batch file holds.
     *
     * @param images the split
     * @param count how many, at most the split's size
     * @param subset {@code shuffled}, {@code balanced} or {@code first}
     * @param seed the shuffle's seed
     * @return the chosen images, in the order the batch file will hold them
     * @throws IllegalArgumentException for another subset word
     */
    static ImageSet subset(ImageSet images, int count, String subset, long seed) {
        return switch (subset) {
            case "first" -> images;
            case "balanced" -> TrainingSubset.classBalanced(images, count);
            case "shuffled" -> {
                ImageSet balanced = TrainingSubset.classBalanced(images, count);
                List<Integer> order = new ArrayList<>(IntStream.range(0, balanced.size()).boxed().toList());
                Collections.shuffle(order, new Random(seed));
                yield balanced.select(order.stream().mapToInt(Integer::intValue).toArray(),
                        balanced.name() + " shuffled (seed " + seed + ")");
            }
            default -> throw new IllegalArgumentException("--subset must be shuffled, balanced or first, got '"
                    + subset + "'");
        };
    }

    private static Normalization normalization(String dataset) {
        return switch (dataset) {
            case "fashion-mnist", "fashion-mnist-embedded" -> Normalization.FASHION_MNIST;
            case "mnist" -> Normalization.MNIST;
            case "cifar100" -> Normalization.CIFAR100;
            default -> Normalization.CIFAR10;
        };
    }
}

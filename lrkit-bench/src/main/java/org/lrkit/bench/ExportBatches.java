package org.lrkit.bench;

import java.io.IOException;
import java.nio.file.Path;
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
        Options options = Options.parse(args, "--dataset", "--split", "--count", "--out", "--subset");
        String dataset = options.required("--dataset");
        ImageSet images = Datasets.load(dataset, options.text("--split", "test"));
        int count = options.positive("--count", 1024);
        String subset = options.text("--subset", "first");
        if (subset.equals("balanced")) {
            images = TrainingSubset.classBalanced(images, count);
        } else if (!subset.equals("first")) {
            throw new IllegalArgumentException("--subset must be first or balanced, got '" + subset + "'");
        }
        BatchFile file = BatchFile.of(images, normalization(dataset), count);
        Path out = options.path("--out");
        file.write(out);
        System.err.printf("wrote %d images of %s (%dx%dx%d) to %s%n", file.count(), images.name(), file.channels(),
                file.height(), file.width(), out);
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

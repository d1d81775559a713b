package org.lrkit.vision.loader;

import java.util.Arrays;
import java.util.Objects;
import org.lrkit.vision.data.ImageSet;

/**
 * A limit on the training set size, for the limited-data experiments of Smith and Topin, <i>Super-Convergence:
 * Very Fast Training of Neural Networks Using Large Learning Rates</i>, 2018, arXiv:1708.07120 (Section 4.2:
 * CIFAR-10 with fewer training images). Either the first {@code n} images in dataset order, or a
 * class-balanced subset: the first {@code n / K} images of each of the {@code K} classes in dataset order
 * (the {@code n mod K} extra images go one each to the lowest class indices). Both are deterministic and
 * keep the dataset order.
 */
public final class TrainingSubset {

    private TrainingSubset() {
    }

    /**
     * The first {@code n} images.
     *
     * @param images the training set
     * @param n how many images to keep, in {@code [1, images.size()]}
     * @return a new set of the first {@code n} images, named {@code <name>[first n]}
     * @throws IllegalArgumentException if {@code n} is not in {@code [1, images.size()]}
     */
    public static ImageSet first(ImageSet images, int n) {
        Objects.requireNonNull(images, "images");
        checkCount(images, n);
        return images.select(EpochOrder.sequential(n), images.name() + "[first " + n + "]");
    }

    /**
     * A class-balanced subset of {@code n} images: the first {@code n / K} of each class, one more for the
     * first {@code n mod K} classes.
     *
     * @param images the training set
     * @param n how many images to keep, in {@code [1, images.size()]}
     * @return a new set of the chosen images in dataset order, named {@code <name>[class-balanced n]}
     * @throws IllegalArgumentException if {@code n} is not in {@code [1, images.size()]} or a class has too
     *     few images
     */
    public static ImageSet classBalanced(ImageSet images, int n) {
        Objects.requireNonNull(images, "images");
        checkCount(images, n);
        int classes = images.classCount();
        int[][] byClass = ImageIndex.byClass(images);
        int[] chosen = new int[n];
        int k = 0;
        for (int c = 0; c < classes; c++) {
            int want = n / classes + (c < n % classes ? 1 : 0);
            if (byClass[c].length < want) {
                int smallest = Arrays.stream(byClass).mapToInt(a -> a.length).min().orElse(0);
                throw new IllegalArgumentException("n=" + n + " needs " + want + " images of class " + c + " ('"
                        + images.classNames().get(c) + "') for a class-balanced subset of " + images.name()
                        + ", which has " + byClass[c].length + "; use n <= " + (long) smallest * classes
                        + " or TrainingSubset.first");
            }
            System.arraycopy(byClass[c], 0, chosen, k, want);
            k += want;
        }
        Arrays.sort(chosen);
        return images.select(chosen, images.name() + "[class-balanced " + n + "]");
    }

    private static void checkCount(ImageSet images, int n) {
        if (n < 1 || n > images.size()) {
            throw new IllegalArgumentException("n must be in [1, " + images.size() + "] (the size of "
                    + images.name() + "), got " + n);
        }
    }
}

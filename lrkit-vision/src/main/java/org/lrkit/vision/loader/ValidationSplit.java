package org.lrkit.vision.loader;

import java.util.Arrays;
import java.util.Objects;
import org.lrkit.vision.data.ImageSet;
import org.lrkit.vision.transform.Rng;

/**
 * A validation set carved out of a training set, and the training images that remain. The split is
 * deterministic: it depends only on the images, the validation size, the seed and whether it is stratified.
 * Both parts keep the original order of their images.
 *
 * <p>Stratified, each class gives the validation set a share proportional to its size (largest-remainder
 * rounding, ties to the lower class index), chosen at random within the class; otherwise the validation
 * images are a uniform random subset of the whole set.
 *
 * @param train the images left for training
 * @param validation the carved-out validation images
 */
public record ValidationSplit(ImageSet train, ImageSet validation) {

    /** Stream tag of the split draws. */
    private static final long STREAM = 3;

    /**
     * Checks the components; see the record description.
     *
     * @param train the images left for training, not null
     * @param validation the carved-out validation images, not null
     * @throws NullPointerException if either part is null
     */
    public ValidationSplit {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
    }

    /**
     * Splits {@code images} into {@code validationSize} validation images and the rest.
     *
     * @param images the training set to split
     * @param validationSize how many images go to validation, in {@code [1, images.size() - 1]}
     * @param seed the seed of the random choice; the same seed gives the same split
     * @param stratified true to give each class a share proportional to its size, false for a uniform subset
     * @return both parts, each in the original order, named after {@code images} with the split's seed
     * @throws IllegalArgumentException if {@code validationSize} is not in {@code [1, images.size() - 1]}
     */
    public static ValidationSplit carve(ImageSet images, int validationSize, long seed, boolean stratified) {
        int[] validation = validationIndices(images, validationSize, seed, stratified);
        boolean[] taken = new boolean[images.size()];
        for (int index : validation) {
            taken[index] = true;
        }
        int[] train = new int[images.size() - validation.length];
        for (int i = 0, k = 0; i < taken.length; i++) {
            if (!taken[i]) {
                train[k++] = i;
            }
        }
        String suffix = "[" + (stratified ? "stratified " : "") + "split seed=" + seed + "]";
        return new ValidationSplit(images.select(train, images.name() + "/train" + suffix),
                images.select(validation, images.name() + "/validation" + suffix));
    }

    /**
     * The indices of the validation images {@link #carve} would choose, in increasing order.
     *
     * @param images the training set to split
     * @param validationSize how many images go to validation, in {@code [1, images.size() - 1]}
     * @param seed the seed of the random choice; the same seed gives the same indices
     * @param stratified true to give each class a share proportional to its size, false for a uniform subset
     * @return {@code validationSize} distinct indices into {@code images}, sorted
     * @throws IllegalArgumentException if {@code validationSize} is not in {@code [1, images.size() - 1]}
     */
    public static int[] validationIndices(ImageSet images, int validationSize, long seed, boolean stratified) {
        Objects.requireNonNull(images, "images");
        if (validationSize < 1 || validationSize >= images.size()) {
            throw new IllegalArgumentException("validationSize must be in [1, " + (images.size() - 1)
                    + "] so both parts are non-empty, got " + validationSize + " for the " + images.size()
                    + " images of " + images.name());
        }
        int[] chosen = stratified ? stratified(images, validationSize, seed) : uniform(images, validationSize, seed);
        Arrays.sort(chosen);
        return chosen;
    }

    private static int[] uniform(ImageSet images, int validationSize, long seed) {
        int[] order = EpochOrder.sequential(images.size());
        partialShuffle(order, validationSize, new Rng(Rng.seedFor(seed, 0, -1, STREAM)));
        return Arrays.copyOf(order, validationSize);
    }

    private static int[] stratified(ImageSet images, int validationSize, long seed) {
        int classes = images.classCount();
        int[][] byClass = ImageIndex.byClass(images);
        int total = images.size();
        int[] quota = new int[classes];
        long[] remainder = new long[classes];
        int assigned = 0;
        for (int c = 0; c < classes; c++) {
            long scaled = (long) validationSize * byClass[c].length;
            quota[c] = (int) (scaled / total);
            remainder[c] = scaled % total;
            assigned += quota[c];
        }
        while (assigned < validationSize) {
            int best = -1;
            for (int c = 0; c < classes; c++) {
                if (quota[c] < byClass[c].length && (best < 0 || remainder[c] > remainder[best])) {
                    best = c;
                }
            }
            quota[best]++;
            remainder[best] = -1;
            assigned++;
        }
        int[] chosen = new int[validationSize];
        int k = 0;
        for (int c = 0; c < classes; c++) {
            int[] members = byClass[c];
            partialShuffle(members, quota[c], new Rng(Rng.seedFor(seed, c, -1, STREAM)));
            System.arraycopy(members, 0, chosen, k, quota[c]);
            k += quota[c];
        }
        return chosen;
    }

    /** Moves a uniform random {@code count}-subset of {@code values} to its front (partial Fisher-Yates). */
    private static void partialShuffle(int[] values, int count, Rng rng) {
        for (int i = 0; i < count; i++) {
            int j = i + rng.nextInt(values.length - i);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}

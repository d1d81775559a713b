package org.lrkit.vision.transform;

import java.util.Objects;

/**
 * Random crop with padding: pad the image by {@code padding} pixels on every side, then cut a window of the
 * original size at a uniformly random offset in {@code [0, 2*padding]} along each axis. With
 * {@code padding = 4} on 32x32 images this is the standard CIFAR augmentation of He et al., <i>Deep Residual
 * Learning for Image Recognition</i>, CVPR 2016 (zero padding) and of Page's DAWNBench ResNet-9, 2018
 * (reflect padding).
 *
 * <p>The pipeline never builds the padded image: {@link Augmentation} maps each output pixel back to its
 * source pixel (see {@link #source(int, int)}).
 *
 * @param padding pixels added on each side, {@code >= 1}
 * @param mode how the border is filled
 */
public record RandomCrop(int padding, PadMode mode) {

    /**
     * Checks the components; see the record description.
     *
     * @param padding pixels added on each side, {@code >= 1}
     * @param mode how the border is filled, not null
     * @throws IllegalArgumentException if {@code padding < 1}
     */
    public RandomCrop {
        Objects.requireNonNull(mode, "mode");
        if (padding < 1) {
            throw new IllegalArgumentException("padding must be >= 1, got " + padding
                    + " (leave the crop out of the Augmentation to disable it)");
        }
    }

    /**
     * Zero (black) padding.
     *
     * @param padding pixels added on each side, {@code >= 1}
     * @return a crop with {@link PadMode#ZERO}
     */
    public static RandomCrop zeroPadded(int padding) {
        return new RandomCrop(padding, PadMode.ZERO);
    }

    /**
     * Reflect padding.
     *
     * @param padding pixels added on each side, {@code >= 1} and smaller than the image side
     * @return a crop with {@link PadMode#REFLECT}
     */
    public static RandomCrop reflectPadded(int padding) {
        return new RandomCrop(padding, PadMode.REFLECT);
    }

    /**
     * Checks that this crop can apply to images of the given size.
     *
     * @param height the image height in pixels
     * @param width the image width in pixels
     * @param images what to call the images in the message (their set's name)
     * @throws IllegalArgumentException for reflect padding not smaller than the image side
     */
    public void checkFits(int height, int width, String images) {
        if (mode == PadMode.REFLECT && (padding >= height || padding >= width)) {
            throw new IllegalArgumentException("reflect padding must be < the image side, got padding="
                    + padding + " for " + height + "x" + width + " images of " + images
                    + "; use a padding <= " + (Math.min(height, width) - 1) + " or PadMode.ZERO");
        }
    }

    /**
     * A random window offset along one axis. Consumes one draw.
     *
     * @param rng the image's generator
     * @return an offset in {@code [0, 2*padding]} (padded coordinates)
     */
    public int drawOffset(Rng rng) {
        return rng.nextInt(2 * padding + 1);
    }

    /**
     * The source index along an axis of {@code size} pixels for unpadded coordinate {@code index} (which may
     * lie in {@code [-padding, size + padding)}), or {@code -1} if it falls on zero padding.
     *
     * @param index the coordinate in the unpadded image, in {@code [-padding, size + padding)}
     * @param size the image side along the axis, in pixels
     * @return {@code index} itself inside the image, its mirror image (without repeating the edge) in reflect
     *     padding, or {@code -1} in zero padding
     */
    public int source(int index, int size) {
        if (index >= 0 && index < size) {
            return index;
        }
        if (mode == PadMode.ZERO) {
            return -1;
        }
        return index < 0 ? -index : 2 * (size - 1) - index;
    }
}

package org.lrkit.vision.transform;

/**
 * Cutout: set a {@code size x size} square of the normalized image to 0 (the dataset mean) in every channel.
 * DeVries and Taylor, <i>Improved Regularization of Convolutional Neural Networks with Cutout</i>, 2017,
 * arXiv:1708.04552.
 *
 * <p>Two placements are in use. With {@code clipAtBorder} (the paper's reference code) the square's centre
 * is uniform over all pixels and the square is clipped at the image border, so it may cover less than
 * {@code size^2} pixels; the square spans rows {@code [cy - size/2, cy - size/2 + size)} (for an odd
 * {@code size} the reference code masks one row and column fewer). Without it the square lies entirely
 * inside the image at a uniform position, as in Page's DAWNBench ResNet-9 training (8x8 on CIFAR-10, 2018).
 *
 * @param size side of the square in pixels, {@code >= 1}
 * @param clipAtBorder whether the square may extend past the border (and be clipped)
 */
public record Cutout(int size, boolean clipAtBorder) {

    /**
     * Checks the components; see the record description.
     *
     * @param size side of the square in pixels, {@code >= 1}
     * @param clipAtBorder whether the square may extend past the border (and be clipped)
     * @throws IllegalArgumentException if {@code size < 1}
     */
    public Cutout {
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, got " + size
                    + " (leave cutout out of the Augmentation to disable it)");
        }
    }

    /**
     * DeVries and Taylor's placement: centre anywhere, clipped at the border.
     *
     * @param size side of the square in pixels, {@code >= 1}
     * @return a cutout with {@code clipAtBorder = true}
     */
    public static Cutout centeredAnywhere(int size) {
        return new Cutout(size, true);
    }

    /**
     * Page's placement: the whole square inside the image.
     *
     * @param size side of the square in pixels, {@code >= 1} and at most the image side
     * @return a cutout with {@code clipAtBorder = false}
     */
    public static Cutout inside(int size) {
        return new Cutout(size, false);
    }

    /**
     * Checks that this cutout can apply to images of the given size.
     *
     * @param height the image height in pixels
     * @param width the image width in pixels
     * @param images what to call the images in the message (their set's name)
     * @throws IllegalArgumentException if the square must lie inside but is larger than the image
     */
    public void checkFits(int height, int width, String images) {
        if (!clipAtBorder && (size > height || size > width)) {
            throw new IllegalArgumentException("cutout size must be <= the image side when the square lies"
                    + " inside the image, got size=" + size + " for " + height + "x" + width + " images of "
                    + images + "; use a smaller size or Cutout.centeredAnywhere");
        }
    }

    /**
     * The first row (or column) covered by the square along an axis of {@code extent} pixels. Consumes one draw.
     *
     * @param rng the image's generator
     * @param extent the image side along the axis, {@code >= 1}, and {@code >= size} unless clipped at the border
     * @return the first covered index: in {@code [-size/2, extent - size/2)} when clipped at the border (may be
     *     negative), else in {@code [0, extent - size]}
     */
    public int drawStart(Rng rng, int extent) {
        if (clipAtBorder) {
            return rng.nextInt(extent) - size / 2;
        }
        return rng.nextInt(extent - size + 1);
    }
}

package org.lrkit.vision.transform;

/**
 * Mirror the image left-right with a given probability (0.5 in the standard CIFAR augmentation of He et al.,
 * CVPR 2016, and in Krizhevsky et al., NIPS 2012).
 *
 * @param probability chance of flipping an image, in {@code [0, 1]}
 */
public record HorizontalFlip(double probability) {

    /**
     * Checks the components; see the record description.
     *
     * @param probability chance of flipping an image, in {@code [0, 1]}
     * @throws IllegalArgumentException if {@code probability} is outside {@code [0, 1]} or NaN
     */
    public HorizontalFlip {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + probability);
        }
    }

    /**
     * Flip half of the images.
     *
     * @return a flip with probability 0.5
     */
    public static HorizontalFlip half() {
        return new HorizontalFlip(0.5);
    }

    /**
     * Whether to flip one image. Always consumes exactly one draw, so later draws do not shift.
     *
     * @param rng the image's generator
     * @return true with probability {@link #probability()}
     */
    public boolean draw(Rng rng) {
        return rng.nextDouble() < probability;
    }
}

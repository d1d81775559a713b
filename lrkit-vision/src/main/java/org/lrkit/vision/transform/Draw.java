package org.lrkit.vision.transform;

/**
 * The random choices made for one image by an {@link Augmentation}: where the crop window starts, whether the
 * image is flipped, and where the cutout square lies. Drawing them apart from applying them lets a test (or
 * a debugger) apply an exact, chosen augmentation.
 *
 * @param cropY first row of the crop window in padded coordinates, {@code [0, 2*padding]} (0 without crop)
 * @param cropX first column of the crop window in padded coordinates, {@code [0, 2*padding]}
 * @param flip whether the (cropped) image is mirrored left-right
 * @param cutout whether a cutout square is applied
 * @param cutoutTop first row of the cutout square in output coordinates (may be negative when clipped)
 * @param cutoutLeft first column of the cutout square in output coordinates (may be negative when clipped)
 */
public record Draw(int cropY, int cropX, boolean flip, boolean cutout, int cutoutTop, int cutoutLeft) {

    /** No crop offset, no flip, no cutout: the image as it is. */
    public static final Draw NONE = new Draw(0, 0, false, false, 0, 0);
}

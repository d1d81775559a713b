package org.lrkit.vision.transform;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.lrkit.vision.data.ImageSet;

/**
 * The per-image training transform: optional {@link RandomCrop} with padding, optional
 * {@link HorizontalFlip}, {@link Normalization}, optional {@link Cutout}, in that order, fused into a single
 * pass from the uint8 CHW image into a float CHW slot of a batch buffer. No intermediate image is built and
 * nothing is allocated per pixel: each output pixel is mapped back to its source pixel (or to the padding)
 * and read through the channel's lookup table.
 *
 * <p>The output has the input's size. Randomness is split from application: {@link #draw} makes the random
 * choices of one image from a generator, {@link #apply} applies given choices deterministically. This is
 * the standard augmentation of He et al., CVPR 2016 ({@code crop(4, zero) + flip}) and, with reflect padding
 * and 8x8 cutout, of Page's DAWNBench ResNet-9 (2018). Immutable and thread-safe.
 */
public final class Augmentation {

    private final Normalization normalization;
    private final RandomCrop crop;
    private final HorizontalFlip flip;
    private final Cutout cutout;

    private Augmentation(Normalization normalization, RandomCrop crop, HorizontalFlip flip, Cutout cutout) {
        this.normalization = Objects.requireNonNull(normalization, "normalization");
        this.crop = crop;
        this.flip = flip;
        this.cutout = cutout;
    }

    /**
     * Only normalization: for validation and test images.
     *
     * @param normalization the per-channel normalization, not null
     * @return an augmentation with no random step
     */
    public static Augmentation normalizeOnly(Normalization normalization) {
        return new Augmentation(normalization, null, null, null);
    }

    /**
     * He et al.'s CIFAR augmentation: 4-pixel zero padding, random crop, horizontal flip with chance 1/2.
     *
     * @param normalization the per-channel normalization, not null
     * @return the augmentation {@code crop(4, zero) + flip(0.5) + normalization}
     */
    public static Augmentation padCropFlip(Normalization normalization) {
        return new Augmentation(normalization, RandomCrop.zeroPadded(4), HorizontalFlip.half(), null);
    }

    /**
     * A builder starting from normalization alone.
     *
     * @param normalization the per-channel normalization, not null
     * @return a builder with no random step yet
     */
    public static Builder builder(Normalization normalization) {
        return new Builder(normalization);
    }

    /**
     * The normalization.
     *
     * @return the per-channel normalization applied to every pixel
     */
    public Normalization normalization() {
        return normalization;
    }

    /**
     * The random crop, if any.
     *
     * @return the crop, or empty when images are not cropped
     */
    public Optional<RandomCrop> crop() {
        return Optional.ofNullable(crop);
    }

    /**
     * The horizontal flip, if any.
     *
     * @return the flip, or empty when images are not flipped
     */
    public Optional<HorizontalFlip> flip() {
        return Optional.ofNullable(flip);
    }

    /**
     * The cutout, if any.
     *
     * @return the cutout, or empty when no square is masked
     */
    public Optional<Cutout> cutout() {
        return Optional.ofNullable(cutout);
    }

    /**
     * Whether any step is random (otherwise every image always gets {@link Draw#NONE}).
     *
     * @return true if there is a crop, a flip or a cutout
     */
    public boolean isRandom() {
        return crop != null || flip != null || cutout != null;
    }

    /**
     * Checks that this augmentation applies to the images of {@code images}.
     *
     * @param images the images it will transform
     * @throws IllegalArgumentException on a channel count mismatch, or a crop or cutout that does not fit
     */
    public void checkFits(ImageSet images) {
        checkFits(images.channels(), images.height(), images.width(), images.name());
    }

    /**
     * Checks that this augmentation applies to images of the given geometry.
     *
     * @param channels channels per image; must equal the normalization's
     * @param height the image height in pixels
     * @param width the image width in pixels
     * @param images what to call the images in the message (their set's name)
     * @throws IllegalArgumentException on a channel count mismatch, or a crop or cutout that does not fit
     */
    public void checkFits(int channels, int height, int width, String images) {
        if (normalization.channels() != channels) {
            throw new IllegalArgumentException("normalization must have one mean and std per image channel: "
                    + images + " has " + channels + " channels, the normalization " + normalization.channels()
                    + "; use Normalization.fromData on these images or the constants for their dataset");
        }
        if (crop != null) {
            crop.checkFits(height, width, images);
        }
        if (cutout != null) {
            cutout.checkFits(height, width, images);
        }
    }

    /**
     * The random choices for one image of {@code height x width}, drawn from {@code rng} in a fixed order
     * (crop row, crop column, flip, cutout row, cutout column; absent steps draw nothing).
     *
     * @param rng the image's generator, seeded for this image
     * @param height the image height in pixels
     * @param width the image width in pixels
     * @return the choices, {@link Draw#NONE} when no step is random
     */
    public Draw draw(Rng rng, int height, int width) {
        if (!isRandom()) {
            return Draw.NONE;
        }
        int cropY = 0;
        int cropX = 0;
        if (crop != null) {
            cropY = crop.drawOffset(rng);
            cropX = crop.drawOffset(rng);
        }
        boolean flipped = flip != null && flip.draw(rng);
        int top = 0;
        int left = 0;
        if (cutout != null) {
            top = cutout.drawStart(rng, height);
            left = cutout.drawStart(rng, width);
        }
        return new Draw(cropY, cropX, flipped, cutout != null, top, left);
    }

    /**
     * Applies {@code draw} to image {@code index} of {@code images}, writing CHW floats at {@code dst[dstOffset]}.
     *
     * @param images the images
     * @param index the image, in {@code [0, images.size())}
     * @param draw the random choices for this image, from {@link #draw}
     * @param dst the float buffer to write into
     * @param dstOffset where the image's {@code images.imageBytes()} floats start in {@code dst}
     * @throws IllegalArgumentException if the draw asks for a step this augmentation lacks, or a crop offset
     *     outside {@code [0, 2*padding]}
     */
    public void apply(ImageSet images, int index, Draw draw, float[] dst, int dstOffset) {
        apply(images.pixels(), index * images.imageBytes(), images.channels(), images.height(), images.width(),
                draw, dst, dstOffset);
    }

    /**
     * Applies {@code draw} to the uint8 CHW image at {@code src[srcOffset]} of the given geometry, writing
     * {@code channels * height * width} floats (CHW) at {@code dst[dstOffset]}.
     *
     * @param src the uint8 pixels
     * @param srcOffset where the image's {@code channels * height * width} bytes start in {@code src}
     * @param channels channels per image, at most the normalization's
     * @param height the image height in pixels
     * @param width the image width in pixels
     * @param draw the random choices for this image, from {@link #draw}
     * @param dst the float buffer to write into
     * @param dstOffset where the image's floats start in {@code dst}
     * @throws IllegalArgumentException if the draw asks for a crop offset, flip or cutout this augmentation
     *     does not have, or a crop offset outside {@code [0, 2*padding]}
     */
    public void apply(byte[] src, int srcOffset, int channels, int height, int width, Draw draw, float[] dst,
            int dstOffset) {
        int padding = crop == null ? 0 : crop.padding();
        if (draw.cropY() < 0 || draw.cropY() > 2 * padding || draw.cropX() < 0 || draw.cropX() > 2 * padding) {
            throw new IllegalArgumentException("draw crop offsets must be in [0, " + 2 * padding + "] for padding "
                    + padding + ", got cropY=" + draw.cropY() + ", cropX=" + draw.cropX());
        }
        if ((draw.flip() && flip == null) || (draw.cutout() && cutout == null)) {
            throw new IllegalArgumentException("draw " + draw + " asks for a step this augmentation lacks: " + this);
        }
        int shiftY = draw.cropY() - padding;
        int shiftX = draw.cropX() - padding;
        // Source column of output column x is base + dir * x; valid where it lies in [0, width).
        int dir = draw.flip() ? -1 : 1;
        int base = draw.flip() ? width - 1 + shiftX : shiftX;
        int x0 = draw.flip() ? Math.max(0, base - width + 1) : Math.max(0, -base);
        int x1 = draw.flip() ? Math.min(width, base + 1) : Math.min(width, width - base);
        x0 = Math.min(x0, width);
        x1 = Math.max(x1, x0);
        int plane = height * width;
        for (int c = 0; c < channels; c++) {
            float[] lut = normalization.table(c);
            float fill = lut[0];
            int srcPlane = srcOffset + c * plane;
            int out = dstOffset + c * plane;
            for (int y = 0; y < height; y++, out += width) {
                int sy = y + shiftY;
                if (sy < 0 || sy >= height) {
                    sy = crop.source(sy, height);
                    if (sy < 0) {
                        Arrays.fill(dst, out, out + width, fill);
                        continue;
                    }
                }
                int row = srcPlane + sy * width;
                for (int x = 0; x < x0; x++) {
                    dst[out + x] = border(src, row, base + dir * x, width, lut, fill);
                }
                for (int x = x0; x < x1; x++) {
                    dst[out + x] = lut[src[row + base + dir * x] & 0xFF];
                }
                for (int x = x1; x < width; x++) {
                    dst[out + x] = border(src, row, base + dir * x, width, lut, fill);
                }
            }
        }
        if (draw.cutout()) {
            int top = Math.max(0, draw.cutoutTop());
            int bottom = Math.min(height, draw.cutoutTop() + cutout.size());
            int left = Math.max(0, draw.cutoutLeft());
            int right = Math.min(width, draw.cutoutLeft() + cutout.size());
            if (left < right) {
                for (int c = 0; c < channels; c++) {
                    for (int y = top; y < bottom; y++) {
                        int rowStart = dstOffset + (c * height + y) * width;
                        Arrays.fill(dst, rowStart + left, rowStart + right, 0f);
                    }
                }
            }
        }
    }

    private float border(byte[] src, int row, int sx, int width, float[] lut, float fill) {
        int s = crop.source(sx, width);
        return s < 0 ? fill : lut[src[row + s] & 0xFF];
    }

    @Override
    public String toString() {
        return "Augmentation[" + (crop == null ? "" : crop + ", ") + (flip == null ? "" : flip + ", ")
                + normalization + (cutout == null ? "" : ", " + cutout) + "]";
    }

    /** Builds an {@link Augmentation}; each step is optional except the normalization. */
    public static final class Builder {
        private final Normalization normalization;
        private RandomCrop crop;
        private HorizontalFlip flip;
        private Cutout cutout;

        private Builder(Normalization normalization) {
            this.normalization = Objects.requireNonNull(normalization, "normalization");
        }

        /**
         * Adds a random crop with padding.
         *
         * @param crop the crop, not null; replaces any earlier one
         * @return this builder
         */
        public Builder crop(RandomCrop crop) {
            this.crop = Objects.requireNonNull(crop, "crop");
            return this;
        }

        /**
         * Adds a horizontal flip.
         *
         * @param flip the flip, not null; replaces any earlier one
         * @return this builder
         */
        public Builder flip(HorizontalFlip flip) {
            this.flip = Objects.requireNonNull(flip, "flip");
            return this;
        }

        /**
         * Adds cutout (applied after normalization).
         *
         * @param cutout the cutout, not null; replaces any earlier one
         * @return this builder
         */
        public Builder cutout(Cutout cutout) {
            this.cutout = Objects.requireNonNull(cutout, "cutout");
            return this;
        }

        /**
         * The augmentation.
         *
         * @return a new augmentation with the steps added so far
         */
        public Augmentation build() {
            return new Augmentation(normalization, crop, flip, cutout);
        }
    }
}

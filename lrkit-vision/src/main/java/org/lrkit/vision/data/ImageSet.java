package org.lrkit.vision.data;

import java.util.List;
import java.util.Objects;

/**
 * A labelled set of images held in memory as unsigned bytes, channel-major per image ({@code CHW}): image
 * {@code i} occupies {@code pixels[i*C*H*W .. (i+1)*C*H*W)}, and pixel {@code (c, y, x)} of it is at offset
 * {@code (c*H + y)*W + x}. This is the form every reader produces (IDX, CIFAR binary, image folders) and
 * every pipeline stage consumes; it is compact (CIFAR-10's 50,000 training images take 150 MB) and
 * converts to float tensors only per batch.
 *
 * <p>The arrays are shared, not copied: treat them as read-only.
 *
 * @param name where the images came from, for messages and run records (e.g. {@code fashion-mnist/train})
 * @param channels channels per image (1 for grey, 3 for RGB)
 * @param height rows per image
 * @param width columns per image
 * @param pixels all images, {@code size * channels * height * width} bytes
 * @param labels class index of each image, in {@code [0, classNames.size())}
 * @param classNames the name of each class
 */
public record ImageSet(String name, int channels, int height, int width, byte[] pixels, int[] labels,
        List<String> classNames) {

    /**
     * Checks the sizes and every label; see the record description.
     *
     * @param name where the images came from, not null
     * @param channels channels per image, {@code > 0}
     * @param height rows per image, {@code > 0}
     * @param width columns per image, {@code > 0}
     * @param pixels all images, exactly {@code labels.length * channels * height * width} bytes; not copied
     * @param labels class index of each image, each in {@code [0, classNames.size())}; not copied
     * @param classNames the name of each class; copied
     * @throws IllegalArgumentException if a dimension is not positive, {@code pixels} has the wrong length, or a
     *     label is out of range
     */
    public ImageSet {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        classNames = List.copyOf(classNames);
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image dimensions must be > 0, got channels=" + channels
                    + ", height=" + height + ", width=" + width + " in " + name);
        }
        long expected = (long) labels.length * channels * height * width;
        if (pixels.length != expected) {
            throw new IllegalArgumentException(name + ": " + labels.length + " images of " + channels + "x"
                    + height + "x" + width + " need " + expected + " pixel bytes, got " + pixels.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException(name + ": label of image " + i + " must be in [0, "
                        + classNames.size() + "), got " + labels[i]);
            }
        }
    }

    /**
     * The number of images.
     *
     * @return the number of images, {@code labels.length}
     */
    public int size() {
        return labels.length;
    }

    /**
     * The size of one image.
     *
     * @return bytes per image: {@code channels * height * width}
     */
    public int imageBytes() {
        return channels * height * width;
    }

    /**
     * The number of classes.
     *
     * @return {@code classNames.size()}
     */
    public int classCount() {
        return classNames.size();
    }

    /**
     * How many images each class has.
     *
     * @return a new array of {@link #classCount()} counts: element {@code k} counts the images labelled {@code k}
     */
    public int[] classCounts() {
        int[] counts = new int[classCount()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /**
     * The images at the given indices, in that order, as a new set (pixels and labels copied).
     *
     * @param indices the images to take, each in {@code [0, size())}; repeats are allowed
     * @param newName the new set's name
     * @return a set of {@code indices.length} images with the same shape and class names
     * @throws IndexOutOfBoundsException if an index is outside {@code [0, size())}
     */
    public ImageSet select(int[] indices, String newName) {
        int bytes = imageBytes();
        byte[] selectedPixels = new byte[indices.length * bytes];
        int[] selectedLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int index = indices[i];
            if (index < 0 || index >= size()) {
                throw new IndexOutOfBoundsException("image index " + index + " outside [0, " + size() + ") of " + name);
            }
            System.arraycopy(pixels, index * bytes, selectedPixels, i * bytes, bytes);
            selectedLabels[i] = labels[index];
        }
        return new ImageSet(newName, channels, height, width, selectedPixels, selectedLabels, classNames);
    }

    @Override
    public String toString() {
        return "ImageSet[" + name + ": " + size() + " images " + channels + "x" + height + "x" + width + ", "
                + classCount() + " classes]";
    }
}

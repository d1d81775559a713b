package org.lrkit.vision.transform;

import java.util.Arrays;
import java.util.Objects;
import org.lrkit.vision.data.ImageSet;

/**
 * Per-channel normalization of uint8 pixels: {@code out = (pixel / 255 - mean[c]) / std[c]}, with mean and
 * standard deviation in units of the {@code [0, 1]} pixel scale.
 *
 * <p>Because the input is a byte, the whole map is a 256-entry lookup table per channel, computed once in
 * double precision and rounded to float; applying it costs one array read per pixel.
 *
 * <p>Statistics per dataset: compute them from the training images with {@link #fromData(ImageSet)}, or use
 * the commonly published values {@link #CIFAR10}, {@link #CIFAR100}, {@link #MNIST}, {@link #FASHION_MNIST}
 * (training set, population standard deviation over all pixels of a channel). Instances are immutable.
 */
public final class Normalization {

    /** CIFAR-10 training set: mean (0.4914, 0.4822, 0.4465), std (0.2470, 0.2435, 0.2616). */
    public static final Normalization CIFAR10 =
            of(new double[] {0.4914, 0.4822, 0.4465}, new double[] {0.2470, 0.2435, 0.2616});
    /** CIFAR-100 training set: mean (0.5071, 0.4865, 0.4409), std (0.2673, 0.2564, 0.2762). */
    public static final Normalization CIFAR100 =
            of(new double[] {0.5071, 0.4865, 0.4409}, new double[] {0.2673, 0.2564, 0.2762});
    /** MNIST training set: mean 0.1307, std 0.3081. */
    public static final Normalization MNIST = of(new double[] {0.1307}, new double[] {0.3081});
    /** Fashion-MNIST training set: mean 0.2860, std 0.3530. */
    public static final Normalization FASHION_MNIST = of(new double[] {0.2860}, new double[] {0.3530});

    private final double[] mean;
    private final double[] std;
    private final float[][] tables;

    private Normalization(double[] mean, double[] std) {
        this.mean = mean;
        this.std = std;
        this.tables = new float[mean.length][256];
        for (int c = 0; c < mean.length; c++) {
            for (int p = 0; p < 256; p++) {
                tables[c][p] = (float) ((p / 255.0 - mean[c]) / std[c]);
            }
        }
    }

    /**
     * Normalization with the given per-channel mean and standard deviation, in {@code [0, 1]} pixel units.
     *
     * @param mean the mean of each channel, finite; copied
     * @param std the standard deviation of each channel, finite and {@code > 0}; as many as means; copied
     * @return the normalization
     * @throws IllegalArgumentException if the arrays are empty or of different lengths, a mean is not
     *     finite, or a standard deviation is not finite and {@code > 0}
     */
    public static Normalization of(double[] mean, double[] std) {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(std, "std");
        if (mean.length == 0) {
            throw new IllegalArgumentException("mean must have one value per channel (>= 1), got none");
        }
        if (mean.length != std.length) {
            throw new IllegalArgumentException("mean and std must have one value per channel each, got "
                    + mean.length + " means and " + std.length + " standard deviations");
        }
        for (int c = 0; c < mean.length; c++) {
            if (!Double.isFinite(mean[c])) {
                throw new IllegalArgumentException("mean[" + c + "] must be finite, got " + mean[c]);
            }
            if (!(std[c] > 0) || !Double.isFinite(std[c])) {
                throw new IllegalArgumentException("std[" + c + "] must be finite and > 0, got " + std[c]
                        + (std[c] == 0 ? " (a constant channel: use std 1 to only subtract the mean)" : ""));
            }
        }
        return new Normalization(mean.clone(), std.clone());
    }

    /**
     * Only scales to {@code [0, 1]}: mean 0, std 1 for each of {@code channels} channels.
     *
     * @param channels the number of channels, {@code > 0}
     * @return the normalization {@code out = pixel / 255}
     * @throws IllegalArgumentException if {@code channels <= 0}
     */
    public static Normalization unitScale(int channels) {
        if (channels <= 0) {
            throw new IllegalArgumentException("channels must be > 0, got " + channels);
        }
        double[] mean = new double[channels];
        double[] std = new double[channels];
        Arrays.fill(std, 1.0);
        return new Normalization(mean, std);
    }

    /**
     * The mean and population standard deviation of each channel over all pixels of {@code images} (compute
     * it on the training images only, then use it for validation and test too). Exact: counts the 256 byte
     * values per channel. A constant channel (std 0) gets std 1.
     *
     * @param images the training images, not empty
     * @return the normalization with their statistics, one channel per image channel
     * @throws IllegalArgumentException if {@code images} is empty
     */
    public static Normalization fromData(ImageSet images) {
        Objects.requireNonNull(images, "images");
        if (images.size() == 0) {
            throw new IllegalArgumentException("images must not be empty to compute statistics, got "
                    + images.name() + " with 0 images");
        }
        int channels = images.channels();
        int plane = images.height() * images.width();
        long[][] counts = new long[channels][256];
        byte[] pixels = images.pixels();
        int imageBytes = images.imageBytes();
        for (int i = 0; i < images.size(); i++) {
            int base = i * imageBytes;
            for (int c = 0; c < channels; c++) {
                long[] count = counts[c];
                int start = base + c * plane;
                for (int k = start, end = start + plane; k < end; k++) {
                    count[pixels[k] & 0xFF]++;
                }
            }
        }
        double[] mean = new double[channels];
        double[] std = new double[channels];
        for (int c = 0; c < channels; c++) {
            double n = 0;
            double sum = 0;
            for (int p = 0; p < 256; p++) {
                n += counts[c][p];
                sum += counts[c][p] * (p / 255.0);
            }
            mean[c] = sum / n;
            double squares = 0;
            for (int p = 0; p < 256; p++) {
                double d = p / 255.0 - mean[c];
                squares += counts[c][p] * d * d;
            }
            double sd = Math.sqrt(squares / n);
            std[c] = sd > 0 ? sd : 1.0;
        }
        return new Normalization(mean, std);
    }

    /**
     * The number of channels.
     *
     * @return the number of channels, {@code >= 1}
     */
    public int channels() {
        return mean.length;
    }

    /**
     * Mean of channel {@code c}.
     *
     * @param c the channel, in {@code [0, channels())}
     * @return the mean, in {@code [0, 1]} pixel units
     * @throws ArrayIndexOutOfBoundsException if {@code c} is not a channel
     */
    public double mean(int c) {
        return mean[c];
    }

    /**
     * Standard deviation of channel {@code c}.
     *
     * @param c the channel, in {@code [0, channels())}
     * @return the standard deviation, {@code > 0}, in {@code [0, 1]} pixel units
     * @throws ArrayIndexOutOfBoundsException if {@code c} is not a channel
     */
    public double std(int c) {
        return std[c];
    }

    /**
     * The normalized value of byte value {@code pixel} in channel {@code c}.
     *
     * @param c the channel, in {@code [0, channels())}
     * @param pixel the unsigned byte value, in {@code [0, 255]}
     * @return {@code (pixel / 255 - mean(c)) / std(c)}, rounded to float
     * @throws ArrayIndexOutOfBoundsException if {@code c} or {@code pixel} is out of range
     */
    public float apply(int c, int pixel) {
        return tables[c][pixel];
    }

    /** The lookup table of channel {@code c}: entry {@code p} is the normalized value of byte {@code p}. */
    float[] table(int c) {
        return tables[c];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalization other && Arrays.equals(mean, other.mean) && Arrays.equals(std, other.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Normalization[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}

package org.lrkit.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lrkit.djl.checkpoint.AtomicFiles;
import org.lrkit.vision.data.ImageSet;
import org.lrkit.vision.transform.Normalization;

/**
 * Normalized images and their labels in one flat file, so that lrkit and PyTorch train on exactly the same
 * batches in the side-by-side benchmark ({@code lrkit-bench/python/torch_bench.py} reads the same format).
 *
 * <p>Layout, little-endian: the 4 bytes {@code LRKB}, then int32 version (1), count {@code N}, channels
 * {@code C}, height {@code H} and width {@code W}; then {@code N*C*H*W} float32 values (images in NCHW order,
 * already normalized), then {@code N} int32 labels. The length is therefore exactly
 * {@code 24 + 4*N*C*H*W + 4*N} bytes; anything else is rejected.
 *
 * @param channels channels per image
 * @param height rows per image
 * @param width columns per image
 * @param images {@code count * channels * height * width} normalized values
 * @param labels the class of each image, {@code >= 0}
 */
public record BatchFile(int channels, int height, int width, float[] images, int[] labels) {

    private static final int MAGIC = 0x424B524C; // "LRKB" read as a little-endian int
    private static final int VERSION = 1;
    private static final int HEADER_BYTES = 24;

    /** Checks the sizes and labels. */
    public BatchFile {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("channels, height and width must be > 0, got " + channels + "x"
                    + height + "x" + width);
        }
        if ((long) labels.length * channels * height * width != images.length) {
            throw new IllegalArgumentException(labels.length + " labels need " + (long) labels.length * channels
                    * height * width + " image values, got " + images.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("label " + i + " must be >= 0, got " + labels[i]);
            }
        }
    }

    /** The first {@code count} images of {@code set}, normalized with {@code normalization}. */
    public static BatchFile of(ImageSet set, Normalization normalization, int count) {
        if (count <= 0 || count > set.size()) {
            throw new IllegalArgumentException("count must be in [1, " + set.size() + "] for " + set.name()
                    + ", got " + count);
        }
        int plane = set.height() * set.width();
        int imageValues = set.channels() * plane;
        float[] images = new float[count * imageValues];
        byte[] pixels = set.pixels();
        for (int i = 0; i < images.length; i++) {
            int channel = (i % imageValues) / plane;
            images[i] = normalization.apply(channel, pixels[i] & 0xFF);
        }
        int[] labels = java.util.Arrays.copyOf(set.labels(), count);
        return new BatchFile(set.channels(), set.height(), set.width(), images, labels);
    }

    /** Number of images. */
    public int count() {
        return labels.length;
    }

    /** Values per image ({@code C*H*W}). */
    public int imageValues() {
        return channels * height * width;
    }

    /** Writes the file atomically. */
    public void write(Path path) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + 4 * images.length + 4 * labels.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(MAGIC).putInt(VERSION).putInt(count()).putInt(channels).putInt(height).putInt(width);
        buffer.asFloatBuffer().put(images);
        buffer.position(HEADER_BYTES + 4 * images.length);
        buffer.asIntBuffer().put(labels);
        AtomicFiles.write(path, buffer.array());
    }

    /**
     * Reads and checks a file.
     *
     * @throws IOException if the file is not a version-1 batch file or its length does not match its header
     */
    public static BatchFile read(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        if (bytes.length < HEADER_BYTES) {
            throw new IOException(path + " is " + bytes.length + " bytes, shorter than the " + HEADER_BYTES
                    + "-byte header of a batch file");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (buffer.getInt() != MAGIC) {
            throw new IOException(path + " is not a batch file (it does not start with LRKB)");
        }
        int version = buffer.getInt();
        if (version != VERSION) {
            throw new IOException(path + " is batch file version " + version + "; this reader knows " + VERSION);
        }
        int count = buffer.getInt();
        int channels = buffer.getInt();
        int height = buffer.getInt();
        int width = buffer.getInt();
        long values = (long) count * channels * height * width;
        long expected = HEADER_BYTES + 4 * values + 4L * count;
        if (count <= 0 || channels <= 0 || height <= 0 || width <= 0 || bytes.length != expected) {
            throw new IOException(path + ": header says " + count + " images of " + channels + "x" + height + "x"
                    + width + " (" + expected + " bytes), but the file is " + bytes.length + " bytes");
        }
        float[] images = new float[(int) values];
        buffer.asFloatBuffer().get(images);
        buffer.position((int) (HEADER_BYTES + 4 * values));
        int[] labels = new int[count];
        buffer.asIntBuffer().get(labels);
        return new BatchFile(channels, height, width, images, labels);
    }
}

package org.lrkit.vision.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads the IDX files of MNIST and Fashion-MNIST (one file of images, one of labels), gzipped or raw: gzip
 * is recognised by its magic bytes {@code 1f 8b}, whatever the file is called.
 *
 * <p>The format (big-endian): a magic number {@code 00 00 08 D} (unsigned bytes, {@code D} dimensions), then
 * {@code D} 32-bit sizes, then the data. Labels are {@code D = 1} ({@code 0x00000801}, one byte per image);
 * images are {@code D = 3} ({@code 0x00000803}, {@code count x rows x columns} bytes). Anything else (wrong
 * magic, sizes that disagree, too few or too many bytes, a label outside the class list) is a
 * {@link DatasetFormatException} naming the file and what was expected.
 */
public final class IdxReader {

    /** Magic number of an IDX file of unsigned bytes with one dimension: labels. */
    public static final int LABELS_MAGIC = 0x00000801;
    /** Magic number of an IDX file of unsigned bytes with three dimensions: grey images. */
    public static final int IMAGES_MAGIC = 0x00000803;

    private IdxReader() {
    }

    /**
     * Reads an image file and its label file into one grey ({@code channels = 1}) set.
     *
     * @param images the {@code *-images-idx3-ubyte[.gz]} file
     * @param labels the {@code *-labels-idx1-ubyte[.gz]} file
     * @param classNames the name of each label value; every label must be below its size
     * @param name the set's name, e.g. {@code fashion-mnist/train}
     * @return the images ({@code 1 x rows x columns} each) with their labels
     * @throws DatasetFormatException if either file is not the IDX file expected (wrong magic, sizes that
     *     disagree, too few or too many bytes) or a label is not below {@code classNames.size()}
     * @throws IOException if a file cannot be read
     */
    public static ImageSet read(Path images, Path labels, List<String> classNames, String name) throws IOException {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(labels, "labels");
        try (InputStream imageStream = Files.newInputStream(images);
                InputStream labelStream = Files.newInputStream(labels)) {
            return read(imageStream, images.toString(), labelStream, labels.toString(), classNames, name);
        }
    }

    /**
     * Reads an image stream and its label stream (gzipped or raw) into one grey set; the streams are read to
     * their end but not closed.
     *
     * @param images the images in IDX format
     * @param imagesSource what to call the image stream in messages (its file or resource name)
     * @param labels the labels in IDX format
     * @param labelsSource what to call the label stream in messages
     * @param classNames the name of each label value; every label must be below its size
     * @param name the set's name
     * @return the images ({@code 1 x rows x columns} each) with their labels
     * @throws IllegalArgumentException if {@code classNames} is empty or holds more than 256 names
     * @throws DatasetFormatException if either stream is not the IDX data expected (wrong magic, sizes that
     *     disagree, too few or too many bytes) or a label is not below {@code classNames.size()}
     * @throws IOException if a stream cannot be read
     */
    public static ImageSet read(InputStream images, String imagesSource, InputStream labels, String labelsSource,
            List<String> classNames, String name) throws IOException {
        Objects.requireNonNull(classNames, "classNames");
        Objects.requireNonNull(name, "name");
        if (classNames.isEmpty() || classNames.size() > 256) {
            throw new IllegalArgumentException("classNames must hold 1 to 256 names (labels are bytes), got "
                    + classNames.size());
        }
        InputStream imageData = Streams.maybeGunzip(images, imagesSource);
        InputStream labelData = Streams.maybeGunzip(labels, labelsSource);

        int[] imageShape = readHeader(imageData, imagesSource, IMAGES_MAGIC, 3, "unsigned bytes, 3 dimensions: images");
        int[] labelShape = readHeader(labelData, labelsSource, LABELS_MAGIC, 1, "unsigned bytes, 1 dimension: labels");
        int count = imageShape[0];
        int height = imageShape[1];
        int width = imageShape[2];
        if (labelShape[0] != count) {
            throw new DatasetFormatException(labelsSource, "holds " + labelShape[0] + " labels but " + imagesSource
                    + " holds " + count + " images; expected the label file that belongs to those images");
        }
        if (height == 0 || width == 0) {
            throw new DatasetFormatException(imagesSource, "declares images of " + height + "x" + width
                    + " pixels; expected both sizes > 0");
        }
        long pixelBytes = (long) count * height * width;
        if (pixelBytes > Integer.MAX_VALUE - 16) {
            throw new DatasetFormatException(imagesSource, "declares " + count + " images of " + height + "x" + width
                    + " = " + pixelBytes + " bytes, more than one Java array holds (2^31 - 1); expected an IDX image"
                    + " file of at most that size (split it, or check the header)");
        }
        String shape = count + " images of " + height + "x" + width;
        byte[] pixels = Streams.readExactly(imageData, (int) pixelBytes, imagesSource, shape);
        requireEnd(imageData, imagesSource, shape + " (" + (16 + pixelBytes) + " bytes after decompression)");

        byte[] labelBytes = Streams.readExactly(labelData, count, labelsSource, count + " labels");
        requireEnd(labelData, labelsSource, count + " labels (" + (8 + count) + " bytes after decompression)");
        int[] labelValues = new int[count];
        for (int i = 0; i < count; i++) {
            int label = labelBytes[i] & 0xff;
            if (label >= classNames.size()) {
                throw new DatasetFormatException(labelsSource, "label " + i + " is " + label
                        + "; expected a class index in [0, " + classNames.size() + ")");
            }
            labelValues[i] = label;
        }
        return new ImageSet(name, 1, height, width, pixels, labelValues, classNames);
    }

    /** Reads and checks the magic number and sizes; returns the sizes. */
    private static int[] readHeader(InputStream in, String source, int magic, int dimensions, String meaning)
            throws IOException {
        byte[] head = new byte[4 + 4 * dimensions];
        int read = Streams.readUpTo(in, head, 0, head.length, source);
        if (read >= 4) {
            int found = readInt(head, 0);
            if (found != magic) {
                throw new DatasetFormatException(source, "expected IDX magic " + hex(magic) + " (" + meaning
                        + "), got " + hex(found) + describeMagic(found, head));
            }
        }
        if (read < head.length) {
            throw new DatasetFormatException(source, "truncated: the IDX header (" + meaning + ") needs "
                    + head.length + " bytes, the file ends after " + read);
        }
        int[] sizes = new int[dimensions];
        for (int d = 0; d < dimensions; d++) {
            sizes[d] = readInt(head, 4 + 4 * d);
            if (sizes[d] < 0) {
                throw new DatasetFormatException(source, "dimension " + d + " of the IDX header is "
                        + Integer.toUnsignedString(sizes[d]) + "; expected at most 2^31 - 1");
            }
        }
        return sizes;
    }

    private static String describeMagic(int found, byte[] head) {
        if (found == LABELS_MAGIC) {
            return " (a label file: were the image and label files swapped?)";
        }
        if (found == IMAGES_MAGIC) {
            return " (an image file: were the image and label files swapped?)";
        }
        if ((found >>> 16) == 0 && ((found >>> 8) & 0xff) != 0x08) {
            return " (an IDX file of element type " + hex1((found >>> 8) & 0xff) + ", not unsigned bytes 0x08)";
        }
        if (Streams.isGzip(head)) {
            return " (gzip inside gzip: decompress the file once)";
        }
        return " (not an IDX file)";
    }

    private static void requireEnd(InputStream in, String source, String expected) throws IOException {
        long extra = Streams.remaining(in, source);
        if (extra > 0) {
            throw new DatasetFormatException(source, extra + " unexpected bytes after the end; the header declares "
                    + expected);
        }
    }

    private static int readInt(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xff) << 24) | ((bytes[offset + 1] & 0xff) << 16) | ((bytes[offset + 2] & 0xff) << 8)
                | (bytes[offset + 3] & 0xff);
    }

    private static String hex(int value) {
        return String.format("0x%08x", value);
    }

    private static String hex1(int value) {
        return String.format("0x%02x", value);
    }
}

package org.lrkit.vision.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;

/** Writes small dataset files (IDX, CIFAR records, tar archives, PNG/JPEG) for the tests. */
final class TestFiles {

    private TestFiles() {
    }

    /** An IDX image file: magic 0x00000803, count, rows, columns, then the pixels. */
    static byte[] idxImages(int count, int rows, int columns, byte[] pixels) {
        ByteBuffer buffer = ByteBuffer.allocate(16 + pixels.length);
        buffer.putInt(0x00000803).putInt(count).putInt(rows).putInt(columns).put(pixels);
        return buffer.array();
    }

    /** An IDX label file: magic 0x00000801, count, then the labels. */
    static byte[] idxLabels(byte[] labels) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + labels.length);
        buffer.putInt(0x00000801).putInt(labels.length).put(labels);
        return buffer.array();
    }

    /** Pixel bytes where image {@code i}, pixel {@code p} is {@code (i * 31 + p * 7) mod 256}. */
    static byte[] pattern(int count, int imageBytes) {
        byte[] pixels = new byte[count * imageBytes];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < imageBytes; p++) {
                pixels[i * imageBytes + p] = (byte) (i * 31 + p * 7);
            }
        }
        return pixels;
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** CIFAR records: for each image the label bytes, then its 3072 pixels from {@code pixels}. */
    static byte[] cifarRecords(byte[][] labelBytes, byte[] pixels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < labelBytes.length; i++) {
            out.write(labelBytes[i], 0, labelBytes[i].length);
            out.write(pixels, i * 3072, 3072);
        }
        return out.toByteArray();
    }

    static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    static byte[] jpeg(BufferedImage image) {
        return encode(image, "jpeg");
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no " + format + " writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An RGB image whose pixel (x, y) is (r0 + x, g0 + y, b0 + x + y). */
    static BufferedImage rgbImage(int width, int height, int r0, int g0, int b0) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, ((r0 + x) & 0xff) << 16 | ((g0 + y) & 0xff) << 8 | ((b0 + x + y) & 0xff));
            }
        }
        return image;
    }

    /** A grey image whose pixel (x, y) is {@code v0 + x + 2y}. */
    static BufferedImage greyImage(int width, int height, int v0) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, (v0 + x + 2 * y) & 0xff);
            }
        }
        return image;
    }

    /** Builds tar archives: ustar headers, GNU long names for names over 100 bytes, pax path records. */
    static final class Tar {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Tar dir(String name) {
            header(name.endsWith("/") ? name : name + "/", 0, '5', "ustar  \0");
            return this;
        }

        Tar file(String name, byte[] content) {
            byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
            if (nameBytes.length > 100) {
                byte[] longName = (name + "\0").getBytes(StandardCharsets.UTF_8);
                header("././@LongLink", longName.length, 'L', "ustar  \0");
                body(longName);
                header(name.substring(0, 100), content.length, '0', "ustar  \0");
            } else {
                header(name, content.length, '0', "ustar  \0");
            }
            body(content);
            return this;
        }

        /** A file whose name is given in a POSIX ustar prefix field. */
        Tar fileWithPrefix(String prefix, String name, byte[] content) {
            byte[] block = headerBlock(name, content.length, '0', "ustar\0" + "00");
            byte[] prefixBytes = prefix.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(prefixBytes, 0, block, 345, prefixBytes.length);
            writeChecksum(block);
            out.write(block, 0, 512);
            body(content);
            return this;
        }

        /** A file whose real name is in a pax extended header. */
        Tar fileWithPax(String name, byte[] content) {
            String record = " path=" + name + "\n";
            int length = record.length() + 1;
            while (String.valueOf(length).length() + record.length() != length) {
                length++;
            }
            byte[] pax = (length + record).getBytes(StandardCharsets.UTF_8);
            header("PaxHeaders/x", pax.length, 'x', "ustar\0" + "00");
            body(pax);
            header("truncated-name", content.length, '0', "ustar\0" + "00");
            body(content);
            return this;
        }

        Tar symlink(String name, String target) {
            byte[] block = headerBlock(name, 0, '2', "ustar  \0");
            byte[] targetBytes = target.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(targetBytes, 0, block, 157, targetBytes.length);
            writeChecksum(block);
            out.write(block, 0, 512);
            return this;
        }

        /** The archive with its end-of-archive marker (two zero blocks). */
        byte[] bytes() {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            copy.writeBytes(out.toByteArray());
            copy.writeBytes(new byte[1024]);
            return copy.toByteArray();
        }

        /** The archive without its end-of-archive marker. */
        byte[] bytesWithoutEnd() {
            return out.toByteArray();
        }

        private void header(String name, long size, char type, String magic) {
            byte[] block = headerBlock(name, size, type, magic);
            writeChecksum(block);
            out.write(block, 0, 512);
        }

        private static byte[] headerBlock(String name, long size, char type, String magic) {
            byte[] block = new byte[512];
            byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(nameBytes, 0, block, 0, Math.min(100, nameBytes.length));
            octal(block, 100, 8, 0644);
            octal(block, 108, 8, 0);
            octal(block, 116, 8, 0);
            octal(block, 124, 12, size);
            octal(block, 136, 12, 1_700_000_000L);
            block[156] = (byte) type;
            byte[] magicBytes = magic.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(magicBytes, 0, block, 257, magicBytes.length);
            return block;
        }

        private static void writeChecksum(byte[] block) {
            for (int i = 148; i < 156; i++) {
                block[i] = ' ';
            }
            long sum = 0;
            for (byte b : block) {
                sum += b & 0xff;
            }
            String digits = String.format("%06o", sum);
            byte[] field = (digits + "\0 ").getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(field, 0, block, 148, 8);
        }

        private static void octal(byte[] block, int offset, int length, long value) {
            String digits = String.format("%0" + (length - 1) + "o", value);
            byte[] bytes = digits.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(bytes, 0, block, offset, length - 1);
            block[offset + length - 1] = 0;
        }

        private void body(byte[] content) {
            out.write(content, 0, content.length);
            int pad = (512 - content.length % 512) % 512;
            out.write(new byte[pad], 0, pad);
        }
    }
}

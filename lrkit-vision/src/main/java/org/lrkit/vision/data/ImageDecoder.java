package org.lrkit.vision.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes PNG and JPEG bytes (recognised by their magic bytes, not the file name) with {@code javax.imageio} into channel-major bytes with a fixed channel count.
 * Eight-bit grey and RGB images are taken sample for sample (no colour management, as PIL and torchvision
 * do); other kinds (palette, 16-bit) go through {@link BufferedImage#getRGB}. Grey becomes RGB by repeating
 * the channel; RGB becomes grey by ITU-R BT.601 luma, {@code (299 R + 587 G + 114 B) / 1000} rounded (PIL's
 * {@code convert("L")}); alpha is dropped.
 *
 * <p>Keeps one {@link ImageReader} per format and reuses it, so an instance is not thread-safe: use one per
 * thread.
 */
final class ImageDecoder {

    private final int channels;
    private ImageReader jpegReader;
    private ImageReader pngReader;

    ImageDecoder(int channels) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 (grey) or 3 (RGB), got " + channels);
        }
        this.channels = channels;
    }

    /** Decodes one image; {@code source} names it in errors. */
    DecodedImage decode(byte[] encoded, String source) throws DatasetFormatException {
        BufferedImage image;
        try {
            image = read(encoded);
        } catch (IOException | RuntimeException e) {
            throw new DatasetFormatException(source, "cannot be decoded as PNG or JPEG (" + e.getMessage()
                    + "); expected a valid .png or .jpg image", e);
        }
        if (image == null) {
            throw new DatasetFormatException(source, "is not a PNG or JPEG image (first bytes " + firstBytes(encoded)
                    + "); expected PNG (89 50 4e 47) or JPEG (ff d8)");
        }
        return new DecodedImage(source, image.getHeight(), image.getWidth(), toChannels(image));
    }

    /** Releases the cached readers. */
    void dispose() {
        if (jpegReader != null) {
            jpegReader.dispose();
        }
        if (pngReader != null) {
            pngReader.dispose();
        }
    }

    private BufferedImage read(byte[] encoded) throws IOException {
        ImageReader reader = readerFor(encoded);
        if (reader == null) {
            return null;
        }
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(encoded))) {
            reader.setInput(input, true, true);
            return reader.read(0);
        } finally {
            reader.reset();
        }
    }

    private ImageReader readerFor(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8) {
            if (jpegReader == null) {
                jpegReader = firstReader("jpeg");
            }
            return jpegReader;
        }
        if (bytes.length >= 4 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            if (pngReader == null) {
                pngReader = firstReader("png");
            }
            return pngReader;
        }
        return null;
    }

    private static ImageReader firstReader(String format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("this Java runtime has no javax.imageio reader for " + format);
        }
        return readers.next();
    }

    private byte[] toChannels(BufferedImage image) {
        int height = image.getHeight();
        int width = image.getWidth();
        int plane = height * width;
        byte[] out = new byte[channels * plane];
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        boolean plain8Bit = image.getColorModel() instanceof ComponentColorModel
                && raster.getTransferType() == DataBuffer.TYPE_BYTE;
        int colorSpace = image.getColorModel().getColorSpace().getType();
        if (plain8Bit && colorSpace == ColorSpace.TYPE_GRAY && bands >= 1) {
            int[] samples = raster.getSamples(0, 0, width, height, 0, new int[plane]);
            for (int i = 0; i < plane; i++) {
                for (int c = 0; c < channels; c++) {
                    out[c * plane + i] = (byte) samples[i];
                }
            }
        } else if (plain8Bit && colorSpace == ColorSpace.TYPE_RGB && bands >= 3) {
            int[] samples = raster.getPixels(0, 0, width, height, new int[plane * bands]);
            for (int i = 0; i < plane; i++) {
                put(out, plane, i, samples[i * bands], samples[i * bands + 1], samples[i * bands + 2]);
            }
        } else {
            int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
            for (int i = 0; i < plane; i++) {
                put(out, plane, i, (argb[i] >> 16) & 0xff, (argb[i] >> 8) & 0xff, argb[i] & 0xff);
            }
        }
        return out;
    }

    private void put(byte[] out, int plane, int i, int r, int g, int b) {
        if (channels == 3) {
            out[i] = (byte) r;
            out[plane + i] = (byte) g;
            out[2 * plane + i] = (byte) b;
        } else {
            out[i] = (byte) ((299 * r + 587 * g + 114 * b + 500) / 1000);
        }
    }

    private static String firstBytes(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(4, bytes.length); i++) {
            text.append(i == 0 ? "" : " ").append(String.format("%02x", bytes[i] & 0xff));
        }
        return bytes.length == 0 ? "none: the file is empty" : text.toString();
    }
}

package org.lrkit.vision.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderReaderTest {

    private static final int W = 5;
    private static final int H = 4;

    @TempDir
    Path dir;

    /** test/dog/{b.png (rgb), a.png (grey)}, test/cat/c.png (rgb), plus files to ignore and a train split. */
    private Path writeTree(Path root) throws IOException {
        write(root, "test/dog/b.png", TestFiles.png(TestFiles.rgbImage(W, H, 10, 20, 30)));
        write(root, "test/dog/a.png", TestFiles.png(TestFiles.greyImage(W, H, 100)));
        write(root, "test/cat/c.PNG", TestFiles.png(TestFiles.rgbImage(W, H, 200, 0, 50)));
        write(root, "test/cat/notes.txt", new byte[] {1, 2, 3});
        write(root, "test/cat/.hidden.png", new byte[] {1, 2, 3});
        write(root, "train/cat/z.png", TestFiles.png(TestFiles.rgbImage(W, H, 0, 0, 0)));
        return root;
    }

    private static void write(Path root, String path, byte[] content) throws IOException {
        Files.createDirectories(root.resolve(path).getParent());
        Files.write(root.resolve(path), content);
    }

    private static byte[] chw(BufferedImage image, int channels) {
        int plane = image.getWidth() * image.getHeight();
        byte[] out = new byte[channels * plane];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int i = y * image.getWidth() + x;
                int rgb = image.getType() == BufferedImage.TYPE_BYTE_GRAY
                        ? image.getRaster().getSample(x, y, 0) * 0x010101 : image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (channels == 3) {
                    out[i] = (byte) r;
                    out[plane + i] = (byte) g;
                    out[2 * plane + i] = (byte) b;
                } else {
                    out[i] = (byte) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
                }
            }
        }
        return out;
    }

    private static byte[] expectedPixels(int channels) {
        byte[][] images = {
            chw(TestFiles.rgbImage(W, H, 200, 0, 50), channels),  // cat/c.PNG
            chw(TestFiles.greyImage(W, H, 100), channels),        // dog/a.png
            chw(TestFiles.rgbImage(W, H, 10, 20, 30), channels),  // dog/b.png
        };
        byte[] all = new byte[0];
        for (byte[] image : images) {
            int at = all.length;
            all = Arrays.copyOf(all, at + image.length);
            System.arraycopy(image, 0, all, at, image.length);
        }
        return all;
    }

    @Test
    void readsAFolderTreeAsRgb() throws IOException {
        Path root = writeTree(dir.resolve("tree"));

        ImageSet set = ImageFolderReader.withChannels(3).read(root, "test");

        assertThat(set.name()).isEqualTo("tree/test");
        assertThat(set.classNames()).containsExactly("cat", "dog");
        assertThat(set.labels()).containsExactly(0, 1, 1);
        assertThat(set.channels()).isEqualTo(3);
        assertThat(set.height()).isEqualTo(H);
        assertThat(set.width()).isEqualTo(W);
        assertThat(set.pixels()).isEqualTo(expectedPixels(3));
    }

    @Test
    void convertsToGrey() throws IOException {
        Path root = writeTree(dir.resolve("tree"));

        ImageSet set = ImageFolderReader.withChannels(1).withThreads(1).read(root, "test", "grey");

        assertThat(set.name()).isEqualTo("grey");
        assertThat(set.channels()).isEqualTo(1);
        assertThat(set.pixels()).isEqualTo(expectedPixels(1));
    }

    @Test
    void readsTheSameFromTarAndTarGzUnderAPrefix() throws IOException {
        TestFiles.Tar tar = new TestFiles.Tar().dir("data").dir("data/test").dir("data/test/dog");
        // archive order differs from sorted order on purpose
        tar.file("data/test/dog/b.png", TestFiles.png(TestFiles.rgbImage(W, H, 10, 20, 30)));
        tar.file("data/train/cat/z.png", TestFiles.png(TestFiles.rgbImage(W, H, 0, 0, 0)));
        tar.file("data/test/cat/c.PNG", TestFiles.png(TestFiles.rgbImage(W, H, 200, 0, 50)));
        tar.file("data/test/dog/a.png", TestFiles.png(TestFiles.greyImage(W, H, 100)));
        tar.file("data/test/cat/notes.txt", new byte[3]);
        tar.file("data/test/readme.png", new byte[3]); // not inside a class folder
        Path plain = Files.write(dir.resolve("tree.tar"), tar.bytes());
        Path gzipped = Files.write(dir.resolve("tree.tar.gz"), TestFiles.gzip(tar.bytes()));

        for (Path archive : new Path[] {plain, gzipped}) {
            ImageSet set = ImageFolderReader.withChannels(3).read(archive, "test");
            assertThat(set.name()).isEqualTo(archive.getFileName() + "/test");
            assertThat(set.classNames()).containsExactly("cat", "dog");
            assertThat(set.labels()).containsExactly(0, 1, 1);
            assertThat(set.pixels()).isEqualTo(expectedPixels(3));
        }
        assertThat(ImageFolderReader.withChannels(3).read(plain, "train").size()).isEqualTo(1);
    }

    @Test
    void decodesJpeg() throws IOException {
        BufferedImage flat = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                flat.setRGB(x, y, 0x4080c0);
            }
        }
        write(dir, "test/blue/0001.jpg", TestFiles.jpeg(flat));

        ImageSet set = ImageFolderReader.withChannels(3).read(dir, "test");

        byte[] pixels = set.pixels();
        assertThat(pixels[0] & 0xff).isCloseTo(0x40, org.assertj.core.data.Offset.offset(3));
        assertThat(pixels[64] & 0xff).isCloseTo(0x80, org.assertj.core.data.Offset.offset(3));
        assertThat(pixels[128] & 0xff).isCloseTo(0xc0, org.assertj.core.data.Offset.offset(3));
    }

    @Test
    void rejectsImagesOfAnotherSizeNamingBoth() throws IOException {
        Path root = writeTree(dir.resolve("tree"));
        write(root, "test/dog/d.png", TestFiles.png(TestFiles.rgbImage(7, 3, 0, 0, 0)));

        assertThatThrownBy(() -> ImageFolderReader.withChannels(3).read(root, "test"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage(root.resolve("test/dog/d.png") + ": is 3x7 pixels; expected 4x5 like "
                        + root.resolve("test/cat/c.PNG") + " (all images of a set must have one size; resize them first)");
        assertThatThrownBy(() -> ImageFolderReader.withChannels(3).withImageSize(32, 32).read(root, "test"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage(root.resolve("test/cat/c.PNG") + ": is 4x5 pixels; expected 32x32 (withImageSize)");
    }

    @Test
    void rejectsAFileThatIsNotAnImage() throws IOException {
        Path root = writeTree(dir.resolve("tree"));
        write(root, "test/dog/broken.jpg", "GIF89a not really".getBytes());

        assertThatThrownBy(() -> ImageFolderReader.withChannels(3).read(root, "test"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage(root.resolve("test/dog/broken.jpg") + ": is not a PNG or JPEG image (first bytes 47 49 46 38);"
                        + " expected PNG (89 50 4e 47) or JPEG (ff d8)");
    }

    @Test
    void rejectsATruncatedPng() throws IOException {
        Path root = writeTree(dir.resolve("tree"));
        byte[] png = TestFiles.png(TestFiles.rgbImage(W, H, 1, 2, 3));
        write(root, "test/dog/cut.png", Arrays.copyOf(png, png.length / 2));

        assertThatThrownBy(() -> ImageFolderReader.withChannels(3).read(root, "test"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining(root.resolve("test/dog/cut.png") + ": cannot be decoded as PNG or JPEG");
    }

    @Test
    void namesWhatIsMissing() throws IOException {
        Path root = writeTree(dir.resolve("tree"));
        Files.createDirectories(root.resolve("test/empty"));

        assertThatThrownBy(() -> ImageFolderReader.withChannels(3).read(root, "val"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage(root + ": has no val/ folder (found: test, train); expected val/<class>/*.png|jpg");
        assertThatThrownBy(() -> ImageFolderReader.withChannels(3).read(root, "test"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith(root.resolve("test/empty") + ": holds no .png or .jpg files");
        Path archive = Files.write(dir.resolve("x.tar"), new TestFiles.Tar().file("x/train/a/1.png", new byte[1]).bytes());
        assertThatThrownBy(() -> ImageFolderReader.withChannels(3).read(archive, "test"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage(archive + ": has no test/<class>/*.png|jpg entries; expected a tree <prefix>/test/<class>/"
                        + "<image> (train and test splits)");
    }

    @Test
    void rejectsAnArchiveWithTwoTrees() throws IOException {
        byte[] png = TestFiles.png(TestFiles.rgbImage(W, H, 0, 0, 0));
        Path archive = Files.write(dir.resolve("two.tar"),
                new TestFiles.Tar().file("a/test/x/1.png", png).file("b/test/x/1.png", png).bytes());

        assertThatThrownBy(() -> ImageFolderReader.withChannels(3).read(archive, "test"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage(archive + ": holds two test/ trees: a/test/x/1.png and b/test/x/1.png; expected one "
                        + "<prefix>/test/<class>/ tree");
    }

    @Test
    void validatesArguments() {
        assertThatThrownBy(() -> ImageFolderReader.withChannels(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("channels must be 1 (grey) or 3 (RGB), got 2");
        assertThatThrownBy(() -> ImageFolderReader.withChannels(3).withThreads(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be in [1, 256], got 0");
        assertThatThrownBy(() -> ImageFolderReader.withChannels(3).withImageSize(0, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("height and width must be >= 1, got 0x3");
        assertThatThrownBy(() -> ImageFolderReader.withChannels(3).read(dir, "../test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("split must be a folder name such as train or test, got '../test'");
        assertThatThrownBy(() -> ImageFolderReader.withChannels(3).read(dir.resolve("missing"), "test"))
                .isInstanceOf(DatasetNotFoundException.class)
                .hasMessageContaining("missing does not exist");
    }
}

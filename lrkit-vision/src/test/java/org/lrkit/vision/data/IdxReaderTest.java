package org.lrkit.vision.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    private static final List<String> THREE = List.of("a", "b", "c");

    @TempDir
    Path dir;

    private final byte[] pixels = TestFiles.pattern(5, 4 * 3);
    private final byte[] labels = {0, 2, 1, 1, 0};

    @Test
    void readsRawFiles() throws IOException {
        Path images = write("images-idx3-ubyte", TestFiles.idxImages(5, 4, 3, pixels));
        Path labelFile = write("labels-idx1-ubyte", TestFiles.idxLabels(labels));

        ImageSet set = IdxReader.read(images, labelFile, THREE, "tiny/train");

        assertThat(set.name()).isEqualTo("tiny/train");
        assertThat(set.size()).isEqualTo(5);
        assertThat(set.channels()).isEqualTo(1);
        assertThat(set.height()).isEqualTo(4);
        assertThat(set.width()).isEqualTo(3);
        assertThat(set.pixels()).isEqualTo(pixels);
        assertThat(set.labels()).containsExactly(0, 2, 1, 1, 0);
        assertThat(set.classNames()).isEqualTo(THREE);
    }

    @Test
    void detectsGzipByMagicNotByName() throws IOException {
        // gzip data without .gz, and raw data named .gz: both read, because the magic bytes decide
        Path images = write("images-idx3-ubyte", TestFiles.gzip(TestFiles.idxImages(5, 4, 3, pixels)));
        Path labelFile = write("labels-idx1-ubyte.gz", TestFiles.idxLabels(labels));

        ImageSet set = IdxReader.read(images, labelFile, THREE, "mixed");

        assertThat(set.pixels()).isEqualTo(pixels);
        assertThat(set.labels()).containsExactly(0, 2, 1, 1, 0);
    }

    @Test
    void rejectsSwappedFilesNamingTheMagicNumbers() throws IOException {
        Path images = write("images", TestFiles.idxImages(5, 4, 3, pixels));
        Path labelFile = write("labels", TestFiles.idxLabels(labels));

        assertThatThrownBy(() -> IdxReader.read(labelFile, images, THREE, "x"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining(labelFile.toString())
                .hasMessageContaining("expected IDX magic 0x00000803")
                .hasMessageContaining("got 0x00000801")
                .hasMessageContaining("swapped");
    }

    @Test
    void rejectsAFileThatIsNotIdx() throws IOException {
        Path images = write("images", "<html>not found</html>".getBytes());
        Path labelFile = write("labels", TestFiles.idxLabels(labels));

        assertThatThrownBy(() -> IdxReader.read(images, labelFile, THREE, "x"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining(images.toString())
                .hasMessageContaining("expected IDX magic 0x00000803 (unsigned bytes, 3 dimensions: images)")
                .hasMessageContaining("not an IDX file");
    }

    @Test
    void rejectsTruncatedImagesWithSizes() throws IOException {
        byte[] full = TestFiles.idxImages(5, 4, 3, pixels);
        Path images = write("images.gz", TestFiles.gzip(Arrays.copyOf(full, full.length - 7)));
        Path labelFile = write("labels", TestFiles.idxLabels(labels));

        assertThatThrownBy(() -> IdxReader.read(images, labelFile, THREE, "x"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage(images + ": truncated: 5 images of 4x3 needs 60 bytes, the file ends after 53");
    }

    @Test
    void rejectsATruncatedHeader() throws IOException {
        Path images = write("images", Arrays.copyOf(TestFiles.idxImages(5, 4, 3, pixels), 10));
        Path labelFile = write("labels", TestFiles.idxLabels(labels));

        assertThatThrownBy(() -> IdxReader.read(images, labelFile, THREE, "x"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining(images.toString())
                .hasMessageContaining("the IDX header (unsigned bytes, 3 dimensions: images) needs 16 bytes, the file ends"
                        + " after 10");
    }

    @Test
    void rejectsAnEmptyFile() throws IOException {
        Path images = write("images", new byte[0]);
        Path labelFile = write("labels", TestFiles.idxLabels(labels));

        assertThatThrownBy(() -> IdxReader.read(images, labelFile, THREE, "x"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("the file ends after 0");
    }

    @Test
    void rejectsACutOffGzipStream() throws IOException {
        byte[] gz = TestFiles.gzip(TestFiles.idxImages(5, 4, 3, pixels));
        Path images = write("images.gz", Arrays.copyOf(gz, gz.length - 12));
        Path labelFile = write("labels", TestFiles.idxLabels(labels));

        assertThatThrownBy(() -> IdxReader.read(images, labelFile, THREE, "x"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining(images.toString())
                .hasMessageContaining("gzip data is corrupt or truncated");
    }

    @Test
    void rejectsCorruptGzipData() throws IOException {
        byte[] gz = TestFiles.gzip(TestFiles.idxImages(5, 4, 3, pixels));
        for (int i = 12; i < gz.length - 8; i++) {
            gz[i] = (byte) ~gz[i];
        }
        Path images = write("images.gz", gz);
        Path labelFile = write("labels", TestFiles.idxLabels(labels));

        assertThatThrownBy(() -> IdxReader.read(images, labelFile, THREE, "x"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining(images.toString())
                .hasMessageContaining("gzip data is corrupt or truncated");
    }

    @Test
    void rejectsACorruptGzipHeader() throws IOException {
        Path images = write("images.gz", new byte[] {0x1f, (byte) 0x8b, 0x07, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3});
        Path labelFile = write("labels", TestFiles.idxLabels(labels));

        assertThatThrownBy(() -> IdxReader.read(images, labelFile, THREE, "x"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith(images + ": the gzip header is corrupt or truncated (");
    }

    @Test
    void rejectsExtraBytes() throws IOException {
        byte[] full = TestFiles.idxImages(5, 4, 3, pixels);
        Path images = write("images", Arrays.copyOf(full, full.length + 3));
        Path labelFile = write("labels", TestFiles.idxLabels(labels));

        assertThatThrownBy(() -> IdxReader.read(images, labelFile, THREE, "x"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage(images + ": 3 unexpected bytes after the end; the header declares 5 images of 4x3 (76 bytes"
                        + " after decompression)");
    }

    @Test
    void rejectsLabelsForAnotherImageFile() throws IOException {
        Path images = write("images", TestFiles.idxImages(5, 4, 3, pixels));
        Path labelFile = write("labels", TestFiles.idxLabels(new byte[] {0, 1, 2}));

        assertThatThrownBy(() -> IdxReader.read(images, labelFile, THREE, "x"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining(labelFile + ": holds 3 labels but " + images + " holds 5 images");
    }

    @Test
    void rejectsALabelOutsideTheClasses() throws IOException {
        Path images = write("images", TestFiles.idxImages(5, 4, 3, pixels));
        Path labelFile = write("labels", TestFiles.idxLabels(new byte[] {0, 1, 2, 7, 0}));

        assertThatThrownBy(() -> IdxReader.read(images, labelFile, THREE, "x"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage(labelFile + ": label 3 is 7; expected a class index in [0, 3)");
    }

    @Test
    void rejectsAHugeDeclaredSizeWithoutAllocatingIt() throws IOException {
        Path images = write("images", TestFiles.idxImages(2_000_000, 28, 28, new byte[100]));
        Path labelFile = write("labels", TestFiles.idxLabels(new byte[2_000_000]));

        assertThatThrownBy(() -> IdxReader.read(images, labelFile, THREE, "x"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("truncated: 2000000 images of 28x28 needs 1568000000 bytes, the file ends after 100");
    }

    @Test
    void validatesArguments() throws IOException {
        Path images = write("images", TestFiles.idxImages(5, 4, 3, pixels));
        Path labelFile = write("labels", TestFiles.idxLabels(labels));

        assertThatThrownBy(() -> IdxReader.read(images, labelFile, List.of(), "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("classNames must hold 1 to 256 names (labels are bytes), got 0");
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }
}

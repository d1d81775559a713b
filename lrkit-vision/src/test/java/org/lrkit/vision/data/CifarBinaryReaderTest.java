package org.lrkit.vision.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarBinaryReaderTest {

    @TempDir
    Path dir;

    /** Batch {@code b} of CIFAR-10: 3 images labelled b, b+1, b+2 (mod 10), pixels from a pattern. */
    private static byte[] cifar10Batch(int b) {
        byte[][] labels = new byte[3][];
        for (int i = 0; i < 3; i++) {
            labels[i] = new byte[] {(byte) ((b + i) % 10)};
        }
        return TestFiles.cifarRecords(labels, batchPixels(b));
    }

    private static byte[] batchPixels(int b) {
        byte[] pixels = TestFiles.pattern(3, 3072);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] += (byte) b;
        }
        return pixels;
    }

    private Path writeCifar10(Path folder, boolean withMeta) throws IOException {
        Files.createDirectories(folder);
        for (int b = 1; b <= 5; b++) {
            Files.write(folder.resolve("data_batch_" + b + ".bin"), cifar10Batch(b));
        }
        Files.write(folder.resolve("test_batch.bin"), cifar10Batch(0));
        if (withMeta) {
            Files.writeString(folder.resolve("batches.meta.txt"), "c0\nc1\nc2\nc3\nc4\nc5\nc6\nc7\nc8\nc9\n\n");
        }
        return folder;
    }

    @Test
    void readsCifar10TrainFromTheExtractedFolder() throws IOException {
        writeCifar10(dir.resolve("cifar-10-batches-bin"), true);

        ImageSet train = CifarBinaryReader.cifar10().read(dir, "train");

        assertThat(train.name()).isEqualTo("cifar10/train");
        assertThat(train.size()).isEqualTo(15);
        assertThat(train.channels()).isEqualTo(3);
        assertThat(train.height()).isEqualTo(32);
        assertThat(train.width()).isEqualTo(32);
        assertThat(train.labels()).containsExactly(1, 2, 3, 2, 3, 4, 3, 4, 5, 4, 5, 6, 5, 6, 7);
        assertThat(train.classNames()).containsExactly("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9");
        for (int b = 1; b <= 5; b++) {
            assertThat(Arrays.copyOfRange(train.pixels(), (b - 1) * 3 * 3072, b * 3 * 3072)).isEqualTo(batchPixels(b));
        }
    }

    @Test
    void readsCifar10TestWithBuiltInNamesWhenTheMetaFileIsMissing() throws IOException {
        Path folder = writeCifar10(dir.resolve("cifar-10-batches-bin"), false);

        ImageSet test = CifarBinaryReader.cifar10().read(folder, "test");

        assertThat(test.size()).isEqualTo(3);
        assertThat(test.labels()).containsExactly(0, 1, 2);
        assertThat(test.pixels()).isEqualTo(batchPixels(0));
        assertThat(test.classNames()).isEqualTo(ClassNames.CIFAR10);
    }

    @Test
    void readsCifar10StraightFromTheArchive() throws IOException {
        TestFiles.Tar tar = new TestFiles.Tar().dir("cifar-10-batches-bin");
        tar.file("cifar-10-batches-bin/batches.meta.txt", "c0\nc1\nc2\nc3\nc4\nc5\nc6\nc7\nc8\nc9\n".getBytes(
                StandardCharsets.UTF_8));
        for (int b = 1; b <= 5; b++) {
            tar.file("cifar-10-batches-bin/data_batch_" + b + ".bin", cifar10Batch(b));
        }
        tar.file("cifar-10-batches-bin/test_batch.bin", cifar10Batch(0));
        tar.file("cifar-10-batches-bin/readme.html", new byte[10]);
        Path archive = Files.write(dir.resolve("cifar-10-binary.tar.gz"), TestFiles.gzip(tar.bytes()));
        writeCifar10(dir.resolve("extracted"), true);

        ImageSet fromArchive = CifarBinaryReader.cifar10().read(archive, "train");
        ImageSet fromFolder = CifarBinaryReader.cifar10().read(dir.resolve("extracted"), "train");

        assertThat(fromArchive.pixels()).isEqualTo(fromFolder.pixels());
        assertThat(fromArchive.labels()).isEqualTo(fromFolder.labels());
        assertThat(fromArchive.classNames()).isEqualTo(fromFolder.classNames());
        assertThat(CifarBinaryReader.cifar10().read(archive, "test").labels()).containsExactly(0, 1, 2);
    }

    @Test
    void readsCifar100FineByDefaultAndCoarseOnRequest() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("cifar-100-binary"));
        byte[][] labels = {{3, 99}, {19, 0}};
        byte[] pixels = TestFiles.pattern(2, 3072);
        Files.write(folder.resolve("train.bin"), TestFiles.cifarRecords(labels, pixels));
        Files.write(folder.resolve("test.bin"), TestFiles.cifarRecords(new byte[][] {{0, 5}}, pixels));

        ImageSet fine = CifarBinaryReader.cifar100().read(dir, "train");
        ImageSet coarse = CifarBinaryReader.cifar100(CifarBinaryReader.Labels.COARSE).read(dir, "train");

        assertThat(fine.labels()).containsExactly(99, 0);
        assertThat(fine.classNames()).hasSize(100).isEqualTo(ClassNames.CIFAR100_FINE);
        assertThat(fine.pixels()).isEqualTo(pixels);
        assertThat(coarse.labels()).containsExactly(3, 19);
        assertThat(coarse.classNames()).hasSize(20).isEqualTo(ClassNames.CIFAR100_COARSE);
        assertThat(CifarBinaryReader.cifar100().read(folder, "test").labels()).containsExactly(5);
    }

    @Test
    void readsCifar100NamesFromItsFiles() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("cifar-100-binary"));
        Files.write(folder.resolve("test.bin"), TestFiles.cifarRecords(new byte[][] {{1, 2}}, new byte[3072]));
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            names.append("fine").append(i).append('\n');
        }
        Files.writeString(folder.resolve("fine_label_names.txt"), names);

        assertThat(CifarBinaryReader.cifar100().read(folder, "test").classNames().get(2)).isEqualTo("fine2");
    }

    @Test
    void readsRecordsFromAStream() throws IOException {
        byte[] records = cifar10Batch(4);

        ImageSet set = CifarBinaryReader.cifar10().read(new ByteArrayInputStream(TestFiles.gzip(records)), "stream",
                ClassNames.CIFAR10, "s");

        assertThat(set.labels()).containsExactly(4, 5, 6);
        assertThat(set.pixels()).isEqualTo(batchPixels(4));
    }

    @Test
    void rejectsATruncatedBatch() throws IOException {
        Path folder = writeCifar10(dir.resolve("c"), false);
        Path batch = folder.resolve("test_batch.bin");
        Files.write(batch, Arrays.copyOf(cifar10Batch(0), 3 * 3073 - 100));

        assertThatThrownBy(() -> CifarBinaryReader.cifar10().read(folder, "test"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage(batch + ": holds 9119 bytes, not a whole number of 3073-byte records (1 label byte + 3072"
                        + " pixel bytes); expected a cifar10 binary batch (truncated or not a cifar10 file)");
    }

    @Test
    void recognisesACifar100FileReadAsCifar10() throws IOException {
        Path folder = writeCifar10(dir.resolve("c"), false);
        Path batch = folder.resolve("test_batch.bin");
        Files.write(batch, TestFiles.cifarRecords(new byte[][] {{1, 50}, {2, 60}, {3, 70}}, new byte[3 * 3072]));

        assertThatThrownBy(() -> CifarBinaryReader.cifar10().read(folder, "test"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining(batch + ": holds 9222 bytes, not a whole number of 3073-byte records")
                .hasMessageContaining("its size fits 3074-byte CIFAR-100 records: is it a CIFAR-100 file?");
    }

    @Test
    void rejectsALabelOutOfRange() throws IOException {
        Path folder = writeCifar10(dir.resolve("c"), false);
        Path batch = folder.resolve("test_batch.bin");
        Files.write(batch, TestFiles.cifarRecords(new byte[][] {{1}, {57}}, new byte[2 * 3072]));

        assertThatThrownBy(() -> CifarBinaryReader.cifar10().read(folder, "test"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage(batch + ": record 1 (byte 3073) has label 57; expected a class index in [0, 10) (not a"
                        + " CIFAR-10 file? CIFAR-100 records are 3074 bytes)");
    }

    @Test
    void rejectsAnEmptyBatch() throws IOException {
        Path folder = writeCifar10(dir.resolve("c"), false);
        Files.write(folder.resolve("data_batch_3.bin"), new byte[0]);

        assertThatThrownBy(() -> CifarBinaryReader.cifar10().read(folder, "train"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("data_batch_3.bin: holds 0 bytes")
                .hasMessageContaining("(the file is empty)");
    }

    @Test
    void namesAMissingBatchAndRecognisesThePythonVersion() throws IOException {
        Path folder = writeCifar10(dir.resolve("c"), false);
        Files.delete(folder.resolve("data_batch_2.bin"));
        Files.write(folder.resolve("data_batch_2"), new byte[10]);

        assertThatThrownBy(() -> CifarBinaryReader.cifar10().read(folder, "train"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining(folder + ": has no data_batch_2.bin; expected data_batch_1.bin, data_batch_2.bin")
                .hasMessageContaining("Python pickle version");
    }

    @Test
    void rejectsAnArchiveWithoutTheBatches() throws IOException {
        Path archive = Files.write(dir.resolve("other.tar"), new TestFiles.Tar().file("x/readme.txt", new byte[3]).bytes());

        assertThatThrownBy(() -> CifarBinaryReader.cifar10().read(archive, "test"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage(archive + ": has no entry test_batch.bin; expected test_batch.bin (the official cifar10 binary"
                        + " archive)");
    }

    @Test
    void rejectsANamesFileWithTheWrongCount() throws IOException {
        Path folder = writeCifar10(dir.resolve("c"), false);
        Files.writeString(folder.resolve("batches.meta.txt"), "a\nb\n");

        assertThatThrownBy(() -> CifarBinaryReader.cifar10().read(folder, "test"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage(folder.resolve("batches.meta.txt") + ": lists 2 class names; expected 10 (one per line)");
    }

    @Test
    void validatesArguments() {
        assertThatThrownBy(() -> CifarBinaryReader.cifar10().read(dir, "valid"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("split must be \"train\" or \"test\", got \"valid\"");
        assertThatThrownBy(() -> CifarBinaryReader.cifar10().read(dir.resolve("nowhere"), "test"))
                .isInstanceOf(DatasetNotFoundException.class)
                .hasMessageContaining("nowhere does not exist");
        assertThatThrownBy(() -> CifarBinaryReader.cifar100().read(new ByteArrayInputStream(new byte[0]), "s",
                List.of("a"), "n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("classNames must hold 100 names for cifar100, got 1");
        assertThat(CifarBinaryReader.cifar10().recordBytes()).isEqualTo(3073);
        assertThat(CifarBinaryReader.cifar100().recordBytes()).isEqualTo(3074);
    }
}

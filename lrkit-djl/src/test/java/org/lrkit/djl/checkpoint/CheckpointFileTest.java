package org.lrkit.djl.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The container rejects every kind of damage with a message naming it, never returning partial data. */
class CheckpointFileTest {

    @TempDir
    Path directory;

    private Path writeSample() throws IOException {
        Map<String, byte[]> sections = new LinkedHashMap<>();
        sections.put("meta", "kind=test\n".getBytes(StandardCharsets.UTF_8));
        byte[] big = new byte[10_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        sections.put("weights", big);
        sections.put("empty", new byte[0]);
        Path file = directory.resolve("sample.lrkit");
        CheckpointFile.write(file, sections);
        return file;
    }

    @Test
    void roundTripsSectionsInOrder() throws IOException {
        Path file = writeSample();
        Map<String, byte[]> read = CheckpointFile.read(file);
        assertThat(read.keySet()).containsExactly("meta", "weights", "empty");
        assertThat(new String(read.get("meta"), StandardCharsets.UTF_8)).isEqualTo("kind=test\n");
        assertThat(read.get("weights")).hasSize(10_000);
        assertThat(read.get("empty")).isEmpty();
    }

    @Test
    void rejectsFileWithWrongMagicNumber() throws IOException {
        Path file = directory.resolve("other.zip");
        Files.write(file, new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0, 0, 0});
        assertThatThrownBy(() -> CheckpointFile.read(file)).isInstanceOf(CorruptCheckpointException.class)
                .hasMessageContaining("not an lrkit checkpoint").hasMessageContaining("50 4b 03 04")
                .hasMessageContaining("magic number");
    }

    @Test
    void rejectsUnknownFormatVersion() throws IOException {
        Path file = writeSample();
        byte[] bytes = Files.readAllBytes(file);
        bytes[11] = 9; // version int follows the 8-byte magic
        Files.write(file, bytes);
        assertThatThrownBy(() -> CheckpointFile.read(file)).isInstanceOf(CorruptCheckpointException.class)
                .hasMessageContaining("format version 9").hasMessageContaining("reads version 1");
    }

    @Test
    void rejectsEveryTruncation() throws IOException {
        Path file = writeSample();
        byte[] bytes = Files.readAllBytes(file);
        for (int length : new int[] {0, 5, 8, 12, 20, 40, 100, 5_000, bytes.length - 33, bytes.length - 1}) {
            Path truncated = directory.resolve("truncated-" + length + ".lrkit");
            Files.write(truncated, Arrays.copyOf(bytes, length));
            assertThatThrownBy(() -> CheckpointFile.read(truncated)).as("cut to %d of %d bytes", length, bytes.length)
                    .isInstanceOf(CorruptCheckpointException.class)
                    .hasMessageMatching("(?s).*(truncated|not an lrkit checkpoint|corrupt).*");
        }
        Path cut = directory.resolve("cut.lrkit");
        Files.write(cut, Arrays.copyOf(bytes, 5_000));
        assertThatThrownBy(() -> CheckpointFile.read(cut)).hasMessageContaining("truncated")
                .hasMessageContaining("section 'weights' declares 10000 bytes");
    }

    @Test
    void rejectsFlippedByteInPayloadByCrc() throws IOException {
        Path file = writeSample();
        byte[] bytes = Files.readAllBytes(file);
        bytes[200] ^= 0x01; // inside the weights payload
        Files.write(file, bytes);
        assertThatThrownBy(() -> CheckpointFile.read(file)).isInstanceOf(CorruptCheckpointException.class)
                .hasMessageContaining("section 'weights' fails its CRC32 check");
    }

    @Test
    void rejectsEveryFlippedByte() throws IOException {
        Path file = writeSample();
        byte[] original = Files.readAllBytes(file);
        for (int position = 0; position < original.length; position += 97) {
            byte[] bytes = original.clone();
            bytes[position] ^= 0x10;
            Path damaged = directory.resolve("damaged.lrkit");
            Files.write(damaged, bytes);
            int at = position;
            assertThatThrownBy(() -> CheckpointFile.read(damaged)).as("byte %d flipped", at)
                    .isInstanceOf(CorruptCheckpointException.class);
        }
    }

    @Test
    void rejectsDamagedChecksumTrailer() throws IOException {
        Path file = writeSample();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 0x01;
        Files.write(file, bytes);
        assertThatThrownBy(() -> CheckpointFile.read(file)).isInstanceOf(CorruptCheckpointException.class)
                .hasMessageContaining("SHA-256");
    }

    @Test
    void rejectsTrailingGarbage() throws IOException {
        Path file = writeSample();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length + 3));
        assertThatThrownBy(() -> CheckpointFile.read(file)).isInstanceOf(CorruptCheckpointException.class);
    }

    @Test
    void anEmptyFileIsCalledEmpty() throws IOException {
        Path file = Files.write(directory.resolve("checkpoint.lrkit"), new byte[0]);
        assertThatThrownBy(() -> CheckpointFile.read(file)).isInstanceOf(CorruptCheckpointException.class)
                .hasMessageStartingWith(file + " is empty (0 bytes)").hasMessageNotContaining("starts with ,")
                .hasMessageContaining("delete " + file);
    }

    @Test
    void damageAdviceCanBeFollowedWithOneCheckpoint() throws IOException {
        Path file = writeSample();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> CheckpointFile.read(file)).hasMessageContaining("truncated")
                .hasMessageNotContaining("earlier checkpoint").hasMessageContaining("delete " + file);
        bytes[bytes.length - 1] ^= 0x01;
        Files.write(file, bytes);
        assertThatThrownBy(() -> CheckpointFile.read(file)).hasMessageContaining("SHA-256")
                .hasMessageNotContaining("earlier checkpoint").hasMessageContaining("delete " + file);
    }
}

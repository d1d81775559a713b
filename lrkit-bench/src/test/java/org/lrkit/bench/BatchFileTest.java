package org.lrkit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrkit.vision.data.ImageSet;
import org.lrkit.vision.transform.Normalization;

class BatchFileTest {

    @TempDir
    Path dir;

    private static ImageSet twoImages() {
        byte[] pixels = {0, (byte) 255, 10, 20, 30, 40, 50, (byte) 128};
        return new ImageSet("tiny", 2, 1, 2, pixels, new int[] {1, 0}, List.of("a", "b"));
    }

    @Test
    void normalizesPerChannelAndRoundTrips() throws IOException {
        Normalization normalization = Normalization.of(new double[] {0.5, 0.0}, new double[] {0.5, 1.0});
        BatchFile file = BatchFile.of(twoImages(), normalization, 2);
        assertThat(file.images()[0]).isEqualTo(-1.0f);           // channel 0: (0/255 - 0.5) / 0.5
        assertThat(file.images()[1]).isEqualTo(1.0f);            // channel 0: (255/255 - 0.5) / 0.5
        assertThat(file.images()[2]).isEqualTo(10 / 255f);       // channel 1: unchanged scale
        Path path = dir.resolve("b.lrkb");
        file.write(path);
        assertThat(Files.size(path)).isEqualTo(24 + 4 * 8 + 4 * 2);
        BatchFile back = BatchFile.read(path);
        assertThat(back.images()).containsExactly(file.images());
        assertThat(back.labels()).containsExactly(1, 0);
        assertThat(Arrays.asList(back.channels(), back.height(), back.width())).containsExactly(2, 1, 2);
    }

    @Test
    void rejectsTruncatedAndForeignFiles() throws IOException {
        Path path = dir.resolve("b.lrkb");
        BatchFile.of(twoImages(), Normalization.unitScale(2), 2).write(path);
        byte[] bytes = Files.readAllBytes(path);
        Files.write(path, Arrays.copyOf(bytes, bytes.length - 1));
        assertThatThrownBy(() -> BatchFile.read(path)).isInstanceOf(IOException.class)
                .hasMessageContaining("(64 bytes)").hasMessageContaining("is 63 bytes");
        Files.writeString(path, "not a batch file at all, just text");
        assertThatThrownBy(() -> BatchFile.read(path)).hasMessageContaining("does not start with LRKB");
    }

    @Test
    void optionsNameTheBadOption() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--stepz", "3"}, "--steps"))
                .hasMessageContaining("unknown option '--stepz'").hasMessageContaining("--steps");
        assertThatThrownBy(() -> Options.parse(new String[] {"--steps", "0"}, "--steps").positive("--steps", 1))
                .hasMessage("--steps must be an integer >= 1, got '0'");
        assertThat(Options.parse(new String[] {"--sizes", "1,2"}, "--sizes").positiveList("--sizes", List.of()))
                .containsExactly(1, 2);
    }
}

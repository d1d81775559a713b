package org.lrkit.djl.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crash in the middle of a write leaves the previous file intact and no temporary file behind. */
class AtomicFilesTest {

    @TempDir
    Path directory;

    @Test
    void writesNewContent() throws IOException {
        Path file = directory.resolve("sub/checkpoint.lrkit");
        AtomicFiles.write(file, "first".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(file, "second".getBytes(StandardCharsets.UTF_8));
        assertThat(file).hasContent("second");
        assertThat(listing(file.getParent())).containsExactly("checkpoint.lrkit");
    }

    @Test
    void writerThatThrowsMidwayLeavesTheOldFileIntact() throws IOException {
        Path file = directory.resolve("checkpoint.lrkit");
        byte[] old = "the previous checkpoint".getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, old);

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full (simulated)");
        })).isInstanceOf(IOException.class).hasMessageContaining("simulated")
                .hasMessageContaining(file.toAbsolutePath().toString());

        assertThat(Files.readAllBytes(file)).isEqualTo(old);
        assertThat(listing(directory)).as("no temporary file is left behind").containsExactly("checkpoint.lrkit");
    }

    @Test
    void crashWithRuntimeErrorMidwayLeavesTheOldFileIntact() throws IOException {
        Path file = directory.resolve("checkpoint.lrkit");
        AtomicFiles.write(file, "old".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("new and half".getBytes(StandardCharsets.UTF_8));
            throw new IllegalStateException("killed (simulated)");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(file).hasContent("old");
        assertThat(listing(directory)).containsExactly("checkpoint.lrkit");
    }

    @Test
    void failedFirstWriteLeavesNoFile() {
        Path file = directory.resolve("checkpoint.lrkit");
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            throw new IOException("simulated");
        })).isInstanceOf(IOException.class);
        assertThat(file).doesNotExist();
    }

    private static java.util.List<String> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}

package org.lrkit.djl.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Numbers that tests measure (parity gaps, memory, sizes, times) for people to read, written to
 * {@code target/measurements/NAME.txt}; tests never assert timings.
 */
public final class Measurements {

    private Measurements() {
    }

    /** Appends {@code line} to the measurement file {@code name}. */
    public static void record(String name, String line) {
        Path file = Path.of("target", "measurements", name + ".txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

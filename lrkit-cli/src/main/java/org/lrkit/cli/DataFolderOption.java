package org.lrkit.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --data}, the one place to read datasets from instead of the standard ones; mixed in with
 * {@code @Mixin} by {@link RunOptions}, {@link TrainingOptions} and {@code reproduce}.
 */
public final class DataFolderOption {

    /** The folder or archive to read from, or {@code null} for the standard places. */
    @Option(names = "--data", paramLabel = "PATH",
            description = "Read the dataset from this folder or archive only (default: $LRKIT_DATA, "
                    + "~/.lrkit/datasets, /usr/share/datasets, then shared/datasets next to the working folder).")
    Path path;
}

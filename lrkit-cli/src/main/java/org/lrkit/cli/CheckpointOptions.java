package org.lrkit.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where and how often {@code train} and {@code compare} write checkpoints: {@code --checkpoint-dir} and
 * {@code --checkpoint-every}, mixed in with {@code @Mixin}. The values are checked where the experiment is
 * planned ({@link org.lrkit.experiment.run.ExperimentRequest}).
 */
public final class CheckpointOptions {

    /**
     * Where checkpoints go ({@code <dir>/<run>-<id>/<policy>/seed-<s>/}: a folder per run directory, so that
     * runs can share it), or {@code null} for the run directory.
     */
    @Option(names = "--checkpoint-dir", paramLabel = "DIR",
            description = "Write checkpoints here (DIR/<run>-<id>/<policy>/seed-<s>/, a folder per run) instead of "
                    + "the run directory.")
    Path directory;

    /** Epochs between checkpoints. */
    @Option(names = "--checkpoint-every", paramLabel = "E", defaultValue = "1",
            description = "Write a checkpoint every E epochs, and at the end (1).")
    int every;
}

package org.lrkit.cli;

import org.lrkit.djl.train.TrainingLength;
import picocli.CommandLine.Option;

/**
 * {@code --epochs} or {@code --steps}: how long {@code train} and {@code compare} train each run, mixed in
 * with {@code @Mixin}.
 */
public final class TrainingLengthOptions {

    /** Epochs when neither option is given. */
    static final long DEFAULT_EPOCHS = 5;

    @Option(names = "--epochs", paramLabel = "E", description = "Train each run for E epochs (default 5).")
    private Long epochs;

    @Option(names = "--steps", paramLabel = "N", converter = StepCountConverter.class,
            description = "Train each run for N optimizer steps instead (e.g. 1000, 1_000_000 or 1e6).")
    private Long steps;

    /**
     * The length asked for.
     *
     * @throws IllegalArgumentException if both are given or either is not positive
     */
    TrainingLength length() {
        if (epochs != null && steps != null) {
            throw new IllegalArgumentException("give --epochs or --steps, not both");
        }
        if (steps != null) {
            return TrainingLength.steps(positive(steps, "--steps"));
        }
        return TrainingLength.epochs(positive(epochs == null ? DEFAULT_EPOCHS : epochs, "--epochs"));
    }

    private static long positive(long value, String option) {
        if (value <= 0) {
            throw new IllegalArgumentException(option + " must be > 0, got " + value);
        }
        return value;
    }
}

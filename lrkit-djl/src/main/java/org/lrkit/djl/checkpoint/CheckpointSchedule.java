package org.lrkit.djl.checkpoint;

import java.nio.file.Path;
import org.lrkit.Checks;

/**
 * When a training run writes its checkpoint: every {@code everySteps} optimizer steps, every
 * {@code everyEpochs} epochs and/or at the end. Each write replaces {@link #file()} atomically.
 *
 * <pre>{@code
 * CheckpointSchedule.in(runDir).everySteps(500).everyEpochs(1)    // and at the end (default)
 * }</pre>
 *
 * @param directory where the checkpoint goes
 * @param everySteps write after every this many steps, 0 for never
 * @param everyEpochs write after every this many epochs, 0 for never
 * @param atEnd write when the run ends
 */
public record CheckpointSchedule(Path directory, long everySteps, long everyEpochs, boolean atEnd) {

    /** The checkpoint's file name in {@link #directory()}. */
    public static final String FILE_NAME = "checkpoint.lrkit";

    /**
     * Checks the components; see the record description.
     *
     * @param directory where the checkpoint goes, not null
     * @param everySteps write after every this many optimizer steps, {@code >= 0}; 0 for never
     * @param everyEpochs write after every this many epochs, {@code >= 0}; 0 for never
     * @param atEnd write when the run ends
     * @throws IllegalArgumentException if {@code directory} is null or a count is negative
     */
    public CheckpointSchedule {
        Checks.notNull("directory", directory);
        Checks.nonNegative("everySteps", everySteps);
        Checks.nonNegative("everyEpochs", everyEpochs);
    }

    /**
     * Checkpoints in {@code directory}, written at the end of the run only.
     *
     * @param directory where the checkpoint goes, not null
     * @return a schedule that writes at the end only
     * @throws IllegalArgumentException if {@code directory} is null
     */
    public static CheckpointSchedule in(Path directory) {
        return new CheckpointSchedule(directory, 0, 0, true);
    }

    /**
     * This schedule also writing after every {@code steps} optimizer steps.
     *
     * @param steps optimizer steps between two writes, {@code > 0}
     * @return a new schedule; this one is unchanged
     * @throws IllegalArgumentException if {@code steps <= 0}
     */
    public CheckpointSchedule everySteps(long steps) {
        return new CheckpointSchedule(directory, Checks.positive("steps", steps), everyEpochs, atEnd);
    }

    /**
     * This schedule also writing after every {@code epochs} epochs.
     *
     * @param epochs epochs between two writes, {@code > 0}
     * @return a new schedule; this one is unchanged
     * @throws IllegalArgumentException if {@code epochs <= 0}
     */
    public CheckpointSchedule everyEpochs(long epochs) {
        return new CheckpointSchedule(directory, everySteps, Checks.positive("epochs", epochs), atEnd);
    }

    /**
     * This schedule writing ({@code true}) or not at the end of the run.
     *
     * @param write true to write when the run ends
     * @return a new schedule; this one is unchanged
     */
    public CheckpointSchedule atEnd(boolean write) {
        return new CheckpointSchedule(directory, everySteps, everyEpochs, write);
    }

    /**
     * The checkpoint file.
     *
     * @return {@link #FILE_NAME} in {@link #directory()}
     */
    public Path file() {
        return directory.resolve(FILE_NAME);
    }

    /**
     * Whether to write after completing {@code completedSteps} steps.
     *
     * @param completedSteps the optimizer steps completed so far
     * @return true if steps are scheduled and {@code completedSteps} is a multiple of {@link #everySteps()}
     */
    public boolean afterStep(long completedSteps) {
        return everySteps > 0 && completedSteps % everySteps == 0;
    }

    /**
     * Whether to write after completing {@code completedEpochs} epochs.
     *
     * @param completedEpochs the epochs completed so far
     * @return true if epochs are scheduled and {@code completedEpochs} is a multiple of {@link #everyEpochs()}
     */
    public boolean afterEpoch(long completedEpochs) {
        return everyEpochs > 0 && completedEpochs % everyEpochs == 0;
    }
}

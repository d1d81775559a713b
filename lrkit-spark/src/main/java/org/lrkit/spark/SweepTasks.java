package org.lrkit.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

/**
 * The runs of a sweep as the processes its Spark tasks start: how many there are, where each one's run
 * directory is, the {@code lrkit} command line that starts or continues it, and whether it has finished.
 * Serializable: it travels to the executors with the tasks.
 *
 * <p>{@link GridTasks} are the {@code lrkit train} runs of a grid file; {@link ReproductionTasks} are {@code
 * lrkit reproduce} runs, one per experiment.
 */
public interface SweepTasks extends Serializable {

    /**
     * The number of runs.
     *
     * @return the number of runs, one task each
     */
    int size();

    /**
     * Where run {@code index} writes its run directory, relative to the sweep's.
     *
     * @param index the run's index, {@code 0 <= index < size()}
     * @return the folder, with {@code /} between names
     */
    String folder(int index);

    /**
     * The arguments after {@code lrkit} that start run {@code index} in {@code directory}, or continue it
     * there from its last checkpoint.
     *
     * @param index the run's index
     * @param directory its run directory
     * @param threads libtorch threads
     * @param resume true to continue the run that {@code directory} holds, false to start it
     * @return the arguments, e.g. {@code [train, --epochs, 3, ..., --out, DIR]}
     */
    List<String> command(int index, Path directory, int threads, boolean resume);

    /**
     * Whether the run in {@code directory} has finished, so that a resumed sweep leaves it as it is.
     *
     * @param directory the run directory, which may not exist
     * @return true once the run wrote its final results
     * @throws IOException if a file that says so exists but cannot be read
     */
    boolean finished(Path directory) throws IOException;
}

package org.lrkit.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lrkit.experiment.sweep.Grid;
import org.lrkit.experiment.sweep.SweepOutcome;
import org.lrkit.experiment.sweep.SweepRun;

/**
 * The {@code lrkit train} runs of a grid file: run {@code i} is the grid's {@link SweepRun} {@code i}, in
 * its folder, with its options ({@link TrainArguments}). Only the grid's text travels to the executors,
 * which list its runs again.
 *
 * <p>Example: {@code new GridTasks("grid.txt", grid, TrainArguments.of())}.
 */
public final class GridTasks implements SweepTasks {

    private static final long serialVersionUID = 1L;

    private final String gridSource;
    private final String gridText;
    private final TrainArguments arguments;
    /** The grid's runs, listed again from its text in each JVM. */
    private transient List<SweepRun> runs;

    /**
     * The runs of {@code grid}.
     *
     * @param gridSource the grid file's name, for messages
     * @param grid the grid
     * @param arguments how runs become {@code lrkit train} arguments
     */
    public GridTasks(String gridSource, Grid grid, TrainArguments arguments) {
        this.gridSource = gridSource;
        this.gridText = grid.text();
        this.arguments = arguments;
        this.runs = grid.runs();
    }

    /**
     * The grid's runs.
     *
     * @return the runs, in order
     */
    public List<SweepRun> runs() {
        if (runs == null) {
            runs = Grid.parse(gridSource, gridText, arguments::isSetting).runs();
        }
        return runs;
    }

    @Override
    public int size() {
        return runs().size();
    }

    @Override
    public String folder(int index) {
        return runs().get(index).folder();
    }

    @Override
    public List<String> command(int index, Path directory, int threads, boolean resume) {
        List<String> command = new ArrayList<>(List.of("train"));
        command.addAll(arguments.forRun(runs().get(index), directory, threads, resume));
        return command;
    }

    @Override
    public boolean finished(Path directory) throws IOException {
        return SweepOutcome.finishedStatus(directory).isPresent();
    }
}

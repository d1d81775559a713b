package org.lrkit.djl.ensemble;

import ai.djl.nn.Block;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.lrkit.Checks;
import org.lrkit.djl.tensor.ModelWeights;
import org.lrkit.djl.train.CycleEnd;
import org.lrkit.djl.train.TrainingRunListener;

/**
 * A {@link TrainingRunListener} that saves the model at the end of every cycle of the learning-rate schedule
 * (from the policy's cycle structure: the trough before each SGDR restart, the end of each cyclical-LR cycle,
 * the last step of a one-cycle policy), as {@code snapshot-cycle-NNN.lrkit} in a directory.
 *
 * <pre>{@code
 * SnapshotSaver snapshots = new SnapshotSaver(model.getBlock(), runDir.resolve("snapshots"));
 * TrainingRun.builder(model, sgd)...listener(snapshots).build().run();
 * SnapshotEnsemble.evaluate(model, testSet, 256, snapshots.saved(), 3);
 * }</pre>
 */
public final class SnapshotSaver implements TrainingRunListener {

    private final Block block;
    private final Path directory;
    private final List<Path> saved = new ArrayList<>();

    /**
     * @param block the model's block, whose weights are saved
     * @param directory where the snapshots go (created if needed)
     */
    public SnapshotSaver(Block block, Path directory) {
        this.block = Checks.notNull("block", block);
        this.directory = Checks.notNull("directory", directory);
    }

    @Override
    public void onCycleEnd(CycleEnd cycleEnd) {
        Path file = directory.resolve(Snapshot.fileName(cycleEnd.cycle()));
        try {
            new Snapshot(cycleEnd.cycle(), cycleEnd.step(), ModelWeights.capture(block)).write(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write snapshot " + file, e);
        }
        saved.remove(file);
        saved.add(file);
    }

    /**
     * The snapshots saved so far in this session, oldest first.
     *
     * @return an unmodifiable copy of the snapshot files' paths
     */
    public List<Path> saved() {
        return Collections.unmodifiableList(new ArrayList<>(saved));
    }

    /**
     * The directory the snapshots go to.
     *
     * @return the directory given to the constructor
     */
    public Path directory() {
        return directory;
    }
}

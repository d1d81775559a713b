package org.lrkit.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lrkit.experiment.reproduce.ExperimentCatalog;

/**
 * Paper reproductions as a sweep: run {@code i} is {@code lrkit reproduce <id> --scale <scale> [--seeds
 * <n>]} for the {@code i}-th experiment, in {@code reproductions/<id>}; it has finished once it wrote {@code
 * reproduction.json}. Each reproduction trains its policies and seeds inside its own task, so the sweep
 * spreads experiments, not seeds.
 *
 * <p>Example: {@code new ReproductionTasks(List.of("clr", "lenet"), "cpu", 3)}.
 *
 * @param experiments the experiments' ids, each known to {@link ExperimentCatalog}
 * @param scale {@code ci}, {@code cpu} or {@code full}
 * @param seeds seeds per policy, or 0 for each plan's own number
 */
public record ReproductionTasks(List<String> experiments, String scale, int seeds) implements SweepTasks {

    private static final long serialVersionUID = 1L;

    /**
     * Checks the experiments and the seeds.
     *
     * @param experiments the experiments' ids
     * @param scale the scale
     * @param seeds seeds per policy, or 0
     * @throws IllegalArgumentException for no experiment, an unknown or repeated one, or negative seeds
     */
    public ReproductionTasks {
        if (experiments.isEmpty()) {
            throw new IllegalArgumentException("--reproduce needs at least one experiment (lrkit reproduce --list)");
        }
        List<String> seen = new ArrayList<>();
        for (String id : experiments) {
            ExperimentCatalog.experiment(id);
            if (seen.contains(id)) {
                throw new IllegalArgumentException("--reproduce lists '" + id + "' twice");
            }
            seen.add(id);
        }
        if (seeds < 0) {
            throw new IllegalArgumentException("--seeds must be >= 1, got " + seeds);
        }
        experiments = List.copyOf(experiments);
    }

    @Override
    public int size() {
        return experiments.size();
    }

    @Override
    public String folder(int index) {
        return "reproductions/" + experiments.get(index);
    }

    @Override
    public List<String> command(int index, Path directory, int threads, boolean resume) {
        List<String> command = new ArrayList<>(List.of("reproduce"));
        if (resume) {
            command.addAll(List.of("--resume", directory.toString()));
        } else {
            command.addAll(List.of(experiments.get(index), "--scale", scale, "--out", directory.toString()));
            if (seeds > 0) {
                command.addAll(List.of("--seeds", Integer.toString(seeds)));
            }
        }
        command.addAll(List.of("--threads", Integer.toString(threads), "--quiet"));
        return command;
    }

    @Override
    public boolean finished(Path directory) {
        return Files.isRegularFile(directory.resolve("reproduction.json"));
    }
}

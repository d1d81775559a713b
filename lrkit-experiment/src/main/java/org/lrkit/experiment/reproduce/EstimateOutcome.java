package org.lrkit.experiment.reproduce;

import java.util.List;
import org.lrkit.experiment.estimate.EstimateChart;
import org.lrkit.experiment.estimate.EstimateFiles;
import org.lrkit.experiment.estimate.EstimateSummary;

/**
 * What the estimate run of one seed found, and where its files are.
 *
 * @param seed the seed
 * @param folder the folder of its {@code estimate.csv}, {@code layers.csv} and {@code estimate.png}, relative to
 *     the run directory: {@code .} (the run directory itself) when the reproduction has one seed,
 *     {@code seed-<s>} when it has several
 * @param summary the statistics of its estimates
 */
public record EstimateOutcome(long seed, String folder, EstimateSummary summary) {

    /**
     * Checks that nothing is missing.
     *
     * @param seed the seed
     * @param folder the folder of its files, relative to the run directory, not blank
     * @param summary the statistics of its estimates, not null
     * @throws IllegalArgumentException if {@code folder} is blank or a value is null
     */
    public EstimateOutcome {
        if (folder == null || folder.isBlank() || summary == null) {
            throw new IllegalArgumentException("an outcome needs a folder and a summary, got folder='" + folder
                    + "', summary=" + summary);
        }
    }

    /**
     * The folder of seed {@code seed} in a reproduction of {@code seedCount} seeds.
     *
     * @param seed the seed
     * @param seedCount how many seeds the reproduction runs
     * @return {@code .} for a single seed, else {@code seed-<seed>}
     */
    public static String folderOf(long seed, int seedCount) {
        return seedCount == 1 ? "." : "seed-" + seed;
    }

    /**
     * Its files, relative to the run directory: {@code estimate.csv}, ... or {@code seed-1/estimate.csv}, ....
     *
     * @return the three file paths, relative to the run directory
     */
    public List<String> files() {
        String prefix = folder.equals(".") ? "" : folder + "/";
        return List.of(prefix + EstimateFiles.ESTIMATES, prefix + EstimateFiles.LAYERS, prefix + EstimateChart.FILE);
    }
}

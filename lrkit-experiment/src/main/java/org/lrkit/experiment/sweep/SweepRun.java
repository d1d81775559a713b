package org.lrkit.experiment.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of a sweep: one combination of a grid's values, trained as one {@code lrkit train} run in its own
 * run directory under the sweep's.
 *
 * <p>Example: the grid line {@code policy = one-cycle=oneCyclePolicy(peak={peak}, totalSteps=auto)} with
 * {@code peak = 0.01, 0.1} and {@code seed = 0, 1} makes four runs; the one at peak 0.1 and seed 1 has
 * {@code policy = "one-cycle=oneCyclePolicy(peak=0.1, totalSteps=auto)"}, {@code axes = {peak=0.1}}, {@code
 * seed = "1"} and {@code folder = "runs/one-cycle/peak=0.1/seed-1"}.
 *
 * @param index the run's position in the grid, from 0
 * @param label the policy's label (a folder name, checked by {@link
 *     org.lrkit.experiment.run.PolicyRequest#checkLabel})
 * @param policy the {@code --policy} argument, placeholders filled in
 * @param rangeTestPeak whether the policy's peak is {@code auto}, chosen by a range test in the run
 * @param settings the run's {@code lrkit train} options other than {@code --policy}, name (without
 *     {@code --}) to value, in the grid file's order, the seed among them when the grid sets one
 * @param axes the values that vary between the grid's runs, the seed excepted: the placeholders this policy
 *     uses and the settings with more than one value, name to value
 * @param seed the run's seed ({@code "0"} when the grid sets none, as {@code lrkit train})
 * @param folder the run directory, relative to the sweep's, with {@code /} between names
 */
public record SweepRun(int index, String label, String policy, boolean rangeTestPeak, Map<String, String> settings,
                       Map<String, String> axes, String seed, String folder) {

    /**
     * Checks the run and keeps unmodifiable copies of its maps, in their order.
     *
     * @param index the run's position in the grid, from 0
     * @param label the policy's label
     * @param policy the {@code --policy} argument
     * @param rangeTestPeak whether the policy's peak is {@code auto}
     * @param settings the run's other {@code lrkit train} options
     * @param axes the values that vary between the grid's runs
     * @param seed the run's seed
     * @param folder the run directory, relative to the sweep's
     * @throws IllegalArgumentException if the index is negative or a text is null or empty
     */
    public SweepRun {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
        if (label == null || policy == null || policy.isBlank() || seed == null || folder == null
                || folder.isBlank()) {
            throw new IllegalArgumentException("a sweep run needs a label, a policy, a seed and a folder");
        }
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        axes = Collections.unmodifiableMap(new LinkedHashMap<>(axes));
    }

    /**
     * The run's configuration without its seed: the policy's label and the varying values, e.g. {@code
     * "one-cycle peak=0.1"}; the runs of one configuration differ only in their seed.
     *
     * @return the configuration's name
     */
    public String configuration() {
        StringBuilder name = new StringBuilder(label);
        axes.forEach((axis, value) -> name.append(' ').append(axis).append('=').append(value));
        return name.toString();
    }
}

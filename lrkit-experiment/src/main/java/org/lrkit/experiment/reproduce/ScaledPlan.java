package org.lrkit.experiment.reproduce;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lrkit.experiment.run.ExperimentRequest;
import org.lrkit.experiment.run.RangeFinder;

/**
 * A reproduction at one {@link Scale}: the setup, the policies with their budgets, the default number of seeds
 * and, where the experiment records them, a learning-rate range test and snapshot ensembles.
 *
 * @param scale the scale
 * @param setup data, network and optimizer
 * @param policies the policies, labels unique
 * @param seeds how many seeds run by default ({@code --seeds} changes it)
 * @param rangeTest a range test to run before training and record, or {@code null}
 * @param snapshots the snapshot ensembles to evaluate ({@link SnapshotPlan#NONE} for none)
 * @param description how this scale departs from the paper, and why
 * @param estimate how long it takes, for people (e.g. {@code about 45 min per seed on 2 cores (estimated)})
 */
public record ScaledPlan(Scale scale, Setup setup, List<PlannedPolicy> policies, int seeds,
        RangeFinder.SweepSettings rangeTest, SnapshotPlan snapshots, String description, String estimate) {

    /**
     * Checks that the labels are unique and the snapshot policies exist.
     *
     * @param scale the scale
     * @param setup data, network and optimizer
     * @param policies the policies, at least two, labels unique; copied
     * @param seeds how many seeds run by default, in {@code [1, 100]}
     * @param rangeTest a range test to run before training, or {@code null}
     * @param snapshots the snapshot ensembles, each of a policy of this plan; {@code null} reads as {@link
     *     SnapshotPlan#NONE}
     * @param description how this scale departs from the paper, not blank
     * @param estimate how long it takes, not blank
     * @throws IllegalArgumentException if there are fewer than two policies, a label repeats, a snapshot names no
     *     policy, {@code seeds} is out of range, or the description or estimate is missing
     */
    public ScaledPlan {
        policies = List.copyOf(policies);
        if (policies.size() < 2) {
            throw new IllegalArgumentException("a reproduction compares at least two policies, got "
                    + policies.size());
        }
        Set<String> labels = new HashSet<>();
        for (PlannedPolicy policy : policies) {
            if (!labels.add(policy.label())) {
                throw new IllegalArgumentException("policy label '" + policy.label() + "' appears twice");
            }
        }
        snapshots = snapshots == null ? SnapshotPlan.NONE : snapshots;
        for (String label : snapshots.policies()) {
            if (!labels.contains(label)) {
                throw new IllegalArgumentException("snapshots are planned for '" + label + "', which is not a policy"
                        + " of this plan");
            }
        }
        if (seeds < 1 || seeds > 100) {
            throw new IllegalArgumentException("seeds must be in [1, 100], got " + seeds);
        }
        if (description == null || description.isBlank() || estimate == null || estimate.isBlank()) {
            throw new IllegalArgumentException("a plan needs a description and a time estimate");
        }
    }

    /**
     * What {@link org.lrkit.experiment.run.Experiment} trains for this plan on data of {@code stepsPerEpoch} steps
     * per epoch: every policy with its length and role, the seeds, the range test (run whatever the policies say)
     * and the snapshots.
     *
     * @param stepsPerEpoch optimizer steps per epoch of the data
     * @param seeds the seeds of every policy
     * @param commandLine the command line as typed, for {@code config.json}
     * @param targetFrom the policy whose final accuracy the results table counts epochs to
     * @param lrkitVersion the running lrkit's version
     * @return the request
     */
    public ExperimentRequest request(long stepsPerEpoch, long[] seeds, String commandLine, String targetFrom,
            String lrkitVersion) {
        ExperimentRequest.Builder request = ExperimentRequest.builder("reproduce", commandLine, rangeTest)
                .seeds(seeds).targetFrom(targetFrom).lrkitVersion(lrkitVersion).alwaysRangeTest(rangeTest != null)
                .snapshotPolicies(snapshots.policies());
        for (PlannedPolicy policy : policies) {
            request.policy(policy.request(stepsPerEpoch), policy.length(), policy.role());
        }
        return request.build();
    }

    /**
     * The policy labelled {@code label}, if there is one.
     *
     * @param label a policy's label
     * @return the policy, or empty
     */
    public Optional<PlannedPolicy> policy(String label) {
        return policies.stream().filter(policy -> policy.label().equals(label)).findFirst();
    }

    /**
     * Every policy's budget on the preferred dataset: {@code fixed 14 epochs (7000 it), triangular2 ...}.
     *
     * @return the budgets, comma-separated
     */
    public String budgets() {
        long stepsPerEpoch = setup.stepsPerEpoch();
        StringBuilder text = new StringBuilder();
        for (PlannedPolicy policy : policies) {
            text.append(text.length() == 0 ? "" : ", ").append(policy.label()).append(' ')
                    .append(policy.budget(stepsPerEpoch));
        }
        return text.toString();
    }
}

package org.lrkit.experiment.reproduce;

import java.util.List;

/**
 * A snapshot ensemble of one run against the run's final model alone (Loshchilov &amp; Hutter 2017, Table 2):
 * the test accuracy of each of the last {@code M} cycle-end snapshots, of their ensemble (softmax outputs
 * averaged) and of the final model.
 *
 * @param label the policy
 * @param seed the run's seed
 * @param members the snapshots averaged, oldest first
 * @param ensembleAccuracy the ensemble's test accuracy
 * @param finalAccuracy the final model's test accuracy, as the run recorded it
 */
public record EnsembleOutcome(String label, long seed, List<Member> members, double ensembleAccuracy,
        double finalAccuracy) {

    /**
     * One snapshot.
     *
     * @param file its file name
     * @param cycle the 0-based cycle it ends
     * @param epoch the epochs trained when it was taken
     * @param accuracy its own test accuracy
     */
    public record Member(String file, long cycle, double epoch, double accuracy) {
    }

    /**
     * Copies the members.
     *
     * @param label the policy
     * @param seed the run's seed
     * @param members the snapshots averaged, oldest first; copied
     * @param ensembleAccuracy the ensemble's test accuracy
     * @param finalAccuracy the final model's test accuracy
     */
    public EnsembleOutcome {
        members = List.copyOf(members);
    }

    /**
     * How many snapshots the ensemble averages.
     *
     * @return the number of members
     */
    public int size() {
        return members.size();
    }
}

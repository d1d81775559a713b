package org.lrkit.experiment.reproduce;

import java.util.List;

/**
 * The snapshot ensembles of a reproduction (Loshchilov &amp; Hutter 2017, section 3.4 and Table 2): the runs
 * of the named policies save the model at every cycle end of their learning rate, and afterwards the ensemble
 * of the last {@code lastM} snapshots (softmax outputs averaged) is evaluated on the test set beside the final
 * model alone.
 *
 * @param policies the labels of the policies whose runs take snapshots
 * @param lastM how many of the newest snapshots the ensemble averages (fewer when a run has fewer)
 */
public record SnapshotPlan(List<String> policies, int lastM) {

    /** No snapshots. */
    public static final SnapshotPlan NONE = new SnapshotPlan(List.of(), 1);

    /**
     * Checks the values.
     *
     * @param policies the labels of the policies whose runs take snapshots; copied
     * @param lastM how many of the newest snapshots the ensemble averages, {@code >= 1}
     * @throws IllegalArgumentException if {@code lastM < 1}
     */
    public SnapshotPlan {
        policies = List.copyOf(policies);
        if (lastM < 1) {
            throw new IllegalArgumentException("lastM must be >= 1, got " + lastM);
        }
    }

    /**
     * Whether any policy takes snapshots.
     *
     * @return whether {@link #policies()} is empty
     */
    public boolean isEmpty() {
        return policies.isEmpty();
    }
}

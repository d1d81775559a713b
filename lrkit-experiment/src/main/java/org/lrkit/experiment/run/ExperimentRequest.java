package org.lrkit.experiment.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lrkit.djl.train.TrainingLength;

/**
 * What a command asks of an {@link Experiment}: which policies to train, for how long and with which seeds,
 * the range test that fills in {@code auto}, and where checkpoints go. Built with {@link #builder}, whose
 * setters name every value; what is not set keeps its default.
 *
 * <pre>{@code
 * ExperimentRequest request = ExperimentRequest.builder("compare", "lrkit compare ...", sweep)
 *         .policy(PolicyRequest.parse("auto"), TrainingLength.epochs(6))
 *         .policy(PolicyRequest.parse("step=multiStepDecay(initial=0.05, milestones=[94], factor=0.1)"),
 *                 TrainingLength.epochs(6))
 *         .seeds(0, 1, 2)
 *         .build();
 * }</pre>
 *
 * @param command {@code train}, {@code compare}, {@code demo} or {@code reproduce}
 * @param commandLine the command line as typed, for {@code config.json}
 * @param policies the policies, labels unique
 * @param lengths how long each policy trains (one per policy)
 * @param roles what each policy is there for (one per policy, may be empty)
 * @param seeds the seeds
 * @param target the accuracy the table counts epochs to, NaN for the default
 * @param targetFrom the policy whose final accuracy is the target when {@code target} is NaN, or
 *     {@code null}
 * @param sweep the range test's sweep (run only if a policy needs it)
 * @param rangeSeed the range test's seed
 * @param checkpointDirectory where checkpoints go, or {@code null} for the run directory
 * @param checkpointEvery epochs between checkpoints
 * @param lrkitVersion the running lrkit's version
 * @param alwaysRangeTest run the range test even when no policy needs it (its advice is then a result,
 *     recorded in {@code summary.json} and the report)
 * @param snapshotPolicies the labels of the policies whose runs save a snapshot of the model at every cycle
 *     end of their learning rate, for a snapshot ensemble (see {@link ExperimentConfig#snapshotPolicies})
 */
public record ExperimentRequest(String command, String commandLine, List<PolicyRequest> policies,
        List<TrainingLength> lengths, List<String> roles, long[] seeds, double target, String targetFrom,
        RangeFinder.SweepSettings sweep, long rangeSeed, Path checkpointDirectory, int checkpointEvery,
        String lrkitVersion, boolean alwaysRangeTest, List<String> snapshotPolicies) {

    /**
     * Checks that the lists match and the values are in range.
     *
     * @param command {@code train}, {@code compare}, {@code demo} or {@code reproduce}
     * @param commandLine the command line as typed
     * @param policies the policies, at least one; copied
     * @param lengths how long each policy trains, one per policy; copied
     * @param roles what each policy is there for, one per policy; copied
     * @param seeds the seeds, at least one; copied
     * @param target the accuracy the table counts epochs to, NaN for the default
     * @param targetFrom the policy whose final accuracy is the target when {@code target} is NaN, or {@code null}
     * @param sweep the range test's sweep, or {@code null}
     * @param rangeSeed the range test's seed
     * @param checkpointDirectory where checkpoints go, or {@code null} for the run directory
     * @param checkpointEvery epochs between checkpoints, {@code >= 1}
     * @param lrkitVersion the running lrkit's version
     * @param alwaysRangeTest run the range test even when no policy needs it; needs a {@code sweep}
     * @param snapshotPolicies the labels of the policies that save snapshots, each one of the policies' labels; copied
     * @throws IllegalArgumentException if there is no policy, the lists are not equally long, there is no seed, {@code
     *     checkpointEvery < 1}, a range test is asked for without a sweep, or a snapshot label names no policy
     */
    public ExperimentRequest {
        policies = List.copyOf(policies);
        lengths = List.copyOf(lengths);
        roles = List.copyOf(roles);
        seeds = seeds.clone();
        if (policies.isEmpty()) {
            throw new IllegalArgumentException("give at least one --policy, e.g. --policy auto --policy "
                    + "\"step=multiStepDecay(initial=0.05, milestones=[94, 141], factor=0.1)\"");
        }
        if (policies.size() != lengths.size() || policies.size() != roles.size()) {
            throw new IllegalArgumentException("one length and one role per policy");
        }
        if (seeds.length == 0) {
            throw new IllegalArgumentException("--seeds must be >= 1");
        }
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("--checkpoint-every must be >= 1, got " + checkpointEvery);
        }
        if (alwaysRangeTest && sweep == null) {
            throw new IllegalArgumentException("a range test is asked for but no sweep is given");
        }
        snapshotPolicies = List.copyOf(snapshotPolicies);
        for (String label : snapshotPolicies) {
            if (policies.stream().noneMatch(policy -> policy.label().equals(label))) {
                throw new IllegalArgumentException("snapshots are asked for policy '" + label
                        + "', which is not among the policies");
            }
        }
    }

    /**
     * The seeds, copied so that the request stays unchanged.
     *
     * @return a new array of the seeds
     */
    @Override
    public long[] seeds() {
        return seeds.clone();
    }

    /**
     * A builder for the request of {@code command}.
     *
     * @param command {@code train}, {@code compare}, {@code demo} or {@code reproduce}
     * @param commandLine the command line as typed
     * @param sweep the range test's sweep, run when some policy says {@code auto}
     * @return a new builder
     */
    public static Builder builder(String command, String commandLine, RangeFinder.SweepSettings sweep) {
        return new Builder(command, commandLine, sweep);
    }

    /** Builds an {@link ExperimentRequest}; defaults: seed 0, the default target, checkpoints every epoch. */
    public static final class Builder {

        private final String command;
        private final String commandLine;
        private final RangeFinder.SweepSettings sweep;
        private final List<PolicyRequest> policies = new ArrayList<>();
        private final List<TrainingLength> lengths = new ArrayList<>();
        private final List<String> roles = new ArrayList<>();
        private long[] seeds = {0};
        private double target = Double.NaN;
        private String targetFrom;
        private Path checkpointDirectory;
        private int checkpointEvery = 1;
        private String lrkitVersion = "unknown";
        private boolean alwaysRangeTest;
        private List<String> snapshotPolicies = List.of();

        private Builder(String command, String commandLine, RangeFinder.SweepSettings sweep) {
            this.command = command;
            this.commandLine = commandLine;
            this.sweep = sweep;
        }

        /**
         * Adds a policy trained for {@code length}.
         *
         * @param policy the policy
         * @param length how long it trains
         * @return this builder
         */
        public Builder policy(PolicyRequest policy, TrainingLength length) {
            return policy(policy, length, "");
        }

        /**
         * Adds a policy trained for {@code length}, with what it is there for ({@code "the baseline"}).
         *
         * @param policy the policy
         * @param length how long it trains
         * @param role what it is there for, or an empty string
         * @return this builder
         */
        public Builder policy(PolicyRequest policy, TrainingLength length, String role) {
            policies.add(policy);
            lengths.add(length);
            roles.add(role);
            return this;
        }

        /**
         * Every policy trains once per seed; the range test runs with the first.
         *
         * @param values the seeds; copied
         * @return this builder
         */
        public Builder seeds(long... values) {
            seeds = values.clone();
            return this;
        }

        /**
         * The accuracy the results table counts epochs to; NaN for the default.
         *
         * @param value the target accuracy in {@code [0, 1]}, or NaN
         * @return this builder
         */
        public Builder target(double value) {
            target = value;
            return this;
        }

        /**
         * The policy whose final accuracy is the target when none is given.
         *
         * @param label a policy's label, or {@code null}
         * @return this builder
         */
        public Builder targetFrom(String label) {
            targetFrom = label;
            return this;
        }

        /**
         * Where checkpoints go and how often.
         *
         * @param directory a folder, or {@code null} for the run directory
         * @param everyEpochs epochs between checkpoints, {@code >= 1}
         * @return this builder
         */
        public Builder checkpoints(Path directory, int everyEpochs) {
            checkpointDirectory = directory;
            checkpointEvery = everyEpochs;
            return this;
        }

        /**
         * The running lrkit's version, recorded in {@code config.json}.
         *
         * @param version the version, e.g. {@code "1.0.0"}
         * @return this builder
         */
        public Builder lrkitVersion(String version) {
            lrkitVersion = version;
            return this;
        }

        /**
         * Runs the range test even when no policy needs it: its advice is then a result.
         *
         * @param value whether to run the range test whatever the policies
         * @return this builder
         */
        public Builder alwaysRangeTest(boolean value) {
            alwaysRangeTest = value;
            return this;
        }

        /**
         * The labels of the policies that save a snapshot at every cycle end, for a snapshot ensemble.
         *
         * @param labels the policies' labels; copied
         * @return this builder
         */
        public Builder snapshotPolicies(List<String> labels) {
            snapshotPolicies = List.copyOf(labels);
            return this;
        }

        /**
         * The request.
         *
         * @return the request
         * @throws IllegalArgumentException if a value is out of range, in one line
         */
        public ExperimentRequest build() {
            return new ExperimentRequest(command, commandLine, PolicyRequest.uniqueLabels(policies), lengths, roles,
                    seeds, target, targetFrom, sweep, seeds.length > 0 ? seeds[0] : 0,
                    checkpointDirectory, checkpointEvery, lrkitVersion, alwaysRangeTest, snapshotPolicies);
        }
    }
}

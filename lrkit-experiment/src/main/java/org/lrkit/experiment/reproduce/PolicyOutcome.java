package org.lrkit.experiment.reproduce;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lrkit.experiment.report.Numbers;
import org.lrkit.experiment.report.RunData;
import org.lrkit.experiment.run.PolicyPlan;

/**
 * What one policy of a run directory achieved over its seeds: the final test accuracy of each completed run
 * and the mean test-accuracy curve, from which a claim is checked.
 *
 * <p>The curve is the mean over the completed runs of the accuracy after each epoch ({@code epochs.csv}),
 * followed by the final accuracy at the end of the budget when the budget ends inside an epoch (a length in
 * iterations such as the CLR paper's). The arrays are not copied; do not change them.
 *
 * @param label the policy's label
 * @param epochs its budget in epochs (fractional for a length in steps)
 * @param steps its budget in optimizer steps
 * @param runs how many seeds it has
 * @param finals the final test accuracy of each completed run
 * @param curveEpochs the epochs of the curve's points, increasing
 * @param curveAccuracy the mean test accuracy at each point
 */
public record PolicyOutcome(String label, double epochs, long steps, int runs, double[] finals,
        double[] curveEpochs, double[] curveAccuracy) {

    /**
     * Checks that the curve's arrays match.
     *
     * @param label the policy's label
     * @param epochs its budget in epochs
     * @param steps its budget in optimizer steps
     * @param runs how many seeds it has
     * @param finals the final test accuracy of each completed run
     * @param curveEpochs the epochs of the curve's points, increasing
     * @param curveAccuracy the mean test accuracy at each point, as many as {@code curveEpochs}
     * @throws IllegalArgumentException if the curve's arrays are not equally long
     */
    public PolicyOutcome {
        if (curveEpochs.length != curveAccuracy.length) {
            throw new IllegalArgumentException("the curve needs one accuracy per epoch, got " + curveEpochs.length
                    + " epochs and " + curveAccuracy.length + " accuracies");
        }
    }

    /**
     * The outcome of every policy of a run directory, in the order of its {@code config.json}.
     *
     * @param data the run directory's data
     * @return one outcome per policy
     */
    public static List<PolicyOutcome> of(RunData data) {
        long stepsPerEpoch = data.stepsPerEpoch();
        List<PolicyOutcome> outcomes = new ArrayList<>();
        for (PolicyPlan policy : data.policies()) {
            List<RunData.Run> runs = data.runsOf(policy.label());
            List<RunData.Run> completed = runs.stream().filter(run -> run.status().equals("completed")).toList();
            double[] finals = completed.stream().mapToDouble(PolicyOutcome::finalAccuracy)
                    .filter(Double::isFinite).toArray();
            double epochs = policy.epochs() > 0 ? policy.epochs()
                    : stepsPerEpoch > 0 ? (double) policy.steps() / stepsPerEpoch : Double.NaN;
            int points = completed.stream().mapToInt(run -> run.epoch().length).min().orElse(0);
            List<Double> curveEpochs = new ArrayList<>();
            List<Double> curveAccuracy = new ArrayList<>();
            for (int i = 0; i < points; i++) {
                int index = i;
                curveEpochs.add(completed.get(0).epoch()[i]);
                curveAccuracy.add(Numbers.mean(completed.stream().mapToDouble(run -> run.accuracy()[index]).toArray()));
            }
            double last = curveEpochs.isEmpty() ? 0 : curveEpochs.get(curveEpochs.size() - 1);
            if (finals.length > 0 && epochs > last + 1e-9) {
                curveEpochs.add(epochs);
                curveAccuracy.add(Numbers.mean(finals));
            }
            outcomes.add(new PolicyOutcome(policy.label(), epochs, policy.steps(), runs.size(), finals,
                    curveEpochs.stream().mapToDouble(Double::doubleValue).toArray(),
                    curveAccuracy.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return outcomes;
    }

    /**
     * One policy's outcome over several run directories that each trained it on other seeds (one
     * {@code lrkit train} per seed): the finals of all, and the mean curve over the completed runs, each run
     * weighing the same, as {@link #of(RunData)} gives for one directory with all the seeds.
     *
     * <pre>{@code
     * PolicyOutcome step = PolicyOutcome.pooled("step-32", List.of(seed0, seed1, seed2));
     * }</pre>
     *
     * @param label the pooled outcome's label
     * @param parts the outcomes of the same policy, same budget, one per directory; at least one
     * @return the pooled outcome
     * @throws IllegalArgumentException if there are no parts, or their budgets differ
     */
    public static PolicyOutcome pooled(String label, List<PolicyOutcome> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("pooled needs at least one outcome, got none");
        }
        PolicyOutcome first = parts.get(0);
        for (PolicyOutcome part : parts) {
            if (part.steps() != first.steps() || Math.abs(part.epochs() - first.epochs()) > 1e-9) {
                throw new IllegalArgumentException("pooled outcomes must have one budget, got " + first.steps()
                        + " steps (" + first.label() + ") and " + part.steps() + " (" + part.label() + ")");
            }
        }
        List<PolicyOutcome> completed = parts.stream().filter(part -> part.completed() > 0).toList();
        int points = completed.stream().mapToInt(part -> part.curveEpochs().length).min().orElse(0);
        double[] curveEpochs = points == 0 ? new double[0] : Arrays.copyOf(completed.get(0).curveEpochs(), points);
        double[] curveAccuracy = new double[points];
        int weight = completed.stream().mapToInt(PolicyOutcome::completed).sum();
        for (PolicyOutcome part : completed) {
            for (int i = 0; i < points; i++) {
                curveAccuracy[i] += part.curveAccuracy()[i] * part.completed() / weight;
            }
        }
        double[] finals = parts.stream().flatMapToDouble(part -> Arrays.stream(part.finals())).toArray();
        return new PolicyOutcome(label, first.epochs(), first.steps(), parts.stream().mapToInt(PolicyOutcome::runs)
                .sum(), finals, curveEpochs, curveAccuracy);
    }

    private static double finalAccuracy(RunData.Run run) {
        if (!Double.isNaN(run.finalAccuracy())) {
            return run.finalAccuracy();
        }
        double[] accuracy = run.accuracy();
        return accuracy.length == 0 ? Double.NaN : accuracy[accuracy.length - 1];
    }

    /**
     * The mean final test accuracy over the completed runs, NaN when none completed.
     *
     * @return the mean, or NaN
     */
    public double finalMean() {
        return Numbers.mean(finals);
    }

    /**
     * The sample standard deviation of the final test accuracies, NaN for fewer than two runs.
     *
     * @return the standard deviation, or NaN
     */
    public double finalStd() {
        return Numbers.std(finals);
    }

    /**
     * How many runs completed.
     *
     * @return the length of {@link #finals()}
     */
    public int completed() {
        return finals.length;
    }

    /**
     * The first epoch at which the mean curve reached {@code target}, NaN if it never did.
     *
     * @param target a test accuracy in {@code [0, 1]}
     * @return the epoch, or NaN
     */
    public double firstEpochReaching(double target) {
        for (int i = 0; i < curveEpochs.length; i++) {
            if (curveAccuracy[i] >= target - 1e-12) {
                return curveEpochs[i];
            }
        }
        return Double.NaN;
    }

    /**
     * The mean accuracy after epoch {@code epoch}, NaN if the curve has no point there.
     *
     * @param epoch an epoch of the curve
     * @return the mean accuracy, or NaN
     */
    public double accuracyAt(double epoch) {
        for (int i = 0; i < curveEpochs.length; i++) {
            if (Math.abs(curveEpochs[i] - epoch) < 1e-9) {
                return curveAccuracy[i];
            }
        }
        return Double.NaN;
    }

    /**
     * The best point of the mean curve, NaN when it is empty.
     *
     * @return the highest finite mean accuracy, or NaN
     */
    public double bestAccuracy() {
        return Arrays.stream(curveAccuracy).filter(Double::isFinite).max().orElse(Double.NaN);
    }
}

package org.lrkit.experiment.reproduce;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lrkit.experiment.report.Numbers;
import org.lrkit.experiment.report.ResultTable;

/**
 * One row of a reproduction: a claim of the paper beside what lrkit measured, the budgets, the speed-up, the
 * verdict and the command that regenerates it.
 *
 * @param experiment the experiment's id
 * @param version the experiment's version
 * @param scale the scale it ran at
 * @param dataset the dataset read (which the LeNet experiment chooses at run time)
 * @param claim the claim
 * @param baseline the outcome of the claim's baseline
 * @param fast the outcome of the claim's fast policy
 * @param check the verdict and the speed-up
 * @param command the command that regenerates the row
 */
public record ReproductionRow(String experiment, int version, Scale scale, String dataset, Claim claim,
        PolicyOutcome baseline, PolicyOutcome fast, ClaimCheck check, String command) {

    /**
     * The paper's figure, as the claim states it.
     *
     * @return the paper's figure
     */
    public String paperFigure() {
        return claim.paperFigure();
    }

    /**
     * lrkit's figure: {@code triangular2 79.0% +/- 0.4 vs fixed 79.3% +/- 0.2 (3 seeds, cifar10)}.
     *
     * @return the figure, on one line
     */
    public String lrkitFigure() {
        int seeds = Math.max(fast.runs(), baseline.runs());
        return accuracy(fast) + " vs " + accuracy(baseline) + " (" + seeds + (seeds == 1 ? " seed, " : " seeds, ")
                + dataset + ")";
    }

    private static String accuracy(PolicyOutcome outcome) {
        String text = outcome.label() + " " + Numbers.percent(outcome.finalMean(), outcome.finalStd(),
                outcome.completed());
        return outcome.completed() < outcome.runs() ? text + " (" + outcome.completed() + "/" + outcome.runs()
                + " runs completed)" : text;
    }

    /**
     * The budgets compared: {@code triangular2 5 epochs (2500 it) vs fixed 14 epochs (7000 it)}.
     *
     * @return the budgets, on one line
     */
    public String budgets() {
        return budget(fast) + " vs " + budget(baseline);
    }

    private static String budget(PolicyOutcome outcome) {
        return outcome.label() + " " + ResultTable.epochs(outcome.epochs()) + (outcome.epochs() == 1 ? " epoch"
                : " epochs") + " (" + outcome.steps() + " it)";
    }

    /**
     * The speed-up in epochs to the same accuracy: {@code 2.8x (triangular2 reached fixed's 79.3% after 5
     * of its epochs; fixed trained 14)} or {@code not reached (best 78.1%)}.
     *
     * @return the text, on one line
     */
    public String speedup() {
        String target = Numbers.percent(baseline.finalMean());
        if (Double.isNaN(check.speedup())) {
            return "not reached (" + fast.label() + "'s best " + Numbers.percent(fast.bestAccuracy()) + " against "
                    + baseline.label() + "'s final " + target + ")";
        }
        return check.speedupText() + " (" + fast.label() + " reached " + baseline.label() + "'s " + target
                + " after epoch " + ResultTable.epochs(check.reachedAt()) + "; " + baseline.label() + " trained "
                + ResultTable.epochs(baseline.epochs()) + ")";
    }

    /**
     * As an element of the {@code rows} array of {@code reproduction.json}.
     *
     * @return the row as a JSON object
     */
    public Map<String, Object> toJson() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("experiment", experiment);
        map.put("version", version);
        map.put("scale", scale.word());
        map.put("dataset", dataset);
        map.put("claim", claim.statement());
        map.put("paper", claim.paperFigure());
        map.put("lrkit", lrkitFigure());
        map.put("budgets", budgets());
        map.put("speedup", check.speedup());
        map.put("speedupText", speedup());
        map.put("claimedSpeedup", claim.claimsSpeedup() ? claim.claimedSpeedup() : null);
        map.put("verdict", check.verdict().words());
        map.put("why", check.explanation());
        map.put("tolerance", claim.tolerance());
        map.put("baseline", outcome(baseline));
        map.put("fast", outcome(fast));
        map.put("differenceMean", check.difference());
        map.put("command", command);
        return map;
    }

    private static Map<String, Object> outcome(PolicyOutcome outcome) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("label", outcome.label());
        map.put("epochs", outcome.epochs());
        map.put("steps", outcome.steps());
        map.put("runs", outcome.runs());
        map.put("completed", outcome.completed());
        map.put("finalAccuracyMean", outcome.finalMean());
        map.put("finalAccuracyStd", outcome.finalStd());
        map.put("finalAccuracies", outcome.finals());
        map.put("curveEpochs", outcome.curveEpochs());
        map.put("curveAccuracy", outcome.curveAccuracy());
        return map;
    }
}

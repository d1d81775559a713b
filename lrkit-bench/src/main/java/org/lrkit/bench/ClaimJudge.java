package org.lrkit.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lrkit.experiment.report.Json;
import org.lrkit.experiment.report.RunData;
import org.lrkit.experiment.reproduce.Claim;
import org.lrkit.experiment.reproduce.ClaimCheck;
import org.lrkit.experiment.reproduce.PolicyOutcome;
import org.lrkit.experiment.reproduce.Scale;

/**
 * The verdict on a claim carried by the budgets, from runs that {@code lrkit train} wrote one seed per run
 * directory: the same rules ({@link ClaimCheck}, fixed 2026-12-04) that {@code lrkit reproduce} applies to its
 * own runs, for a measurement a bench script drives.
 *
 * <pre>
 * java -cp benchmarks.jar org.lrkit.bench.ClaimJudge --statement "one-cycle in 8 epochs ..." \
 *     --baseline step-32=DIR,DIR,DIR --fast one-cycle-8=DIR,DIR,DIR --tolerance 0.005 --budget-ratio 4
 * </pre>
 *
 * <p>Prints one JSON object: the verdict, its explanation, {@code F - B}, the epoch at which the fast policy's
 * mean curve reached {@code B}, and each side's finals, mean and standard deviation.
 */
public final class ClaimJudge {

    private ClaimJudge() {
    }

    /**
     * Judges the claim.
     *
     * @param args {@code --statement TEXT --baseline LABEL=DIR[,DIR...] --fast LABEL=DIR[,DIR...]
     *     --tolerance T --budget-ratio R}
     * @throws IOException if a run directory cannot be read
     */
    public static void main(String[] args) throws IOException {
        System.out.print(Json.write(judge(args)));
    }

    /** The verdict and its readings, as {@link #main} prints them. */
    static Map<String, Object> judge(String... args) throws IOException {
        Options options = Options.parse(args, "--statement", "--baseline", "--fast", "--tolerance", "--budget-ratio");
        PolicyOutcome baseline = outcome("--baseline", options.required("--baseline"));
        PolicyOutcome fast = outcome("--fast", options.required("--fast"));
        Claim claim = Claim.byBudget(options.required("--statement"), "this measurement's own claim",
                baseline.label(), fast.label(), number("--tolerance", options.required("--tolerance")),
                number("--budget-ratio", options.required("--budget-ratio")));
        ClaimCheck check = ClaimCheck.of(claim, baseline, fast, Scale.CPU);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("statement", claim.statement());
        result.put("verdict", check.verdict().words());
        result.put("explanation", check.explanation());
        result.put("difference", check.difference());
        result.put("reached_at_epoch", check.reachedAt());
        result.put("tolerance", claim.tolerance());
        result.put("claimed_budget_ratio", claim.claimedBudgetRatio());
        result.put("baseline", describe(baseline));
        result.put("fast", describe(fast));
        return result;
    }

    /** {@code LABEL=DIR[,DIR...]}: the pooled outcome of the first policy of each run directory. */
    static PolicyOutcome outcome(String option, String value) throws IOException {
        int equals = value.indexOf('=');
        if (equals <= 0 || equals == value.length() - 1) {
            throw new IllegalArgumentException(option + " must be LABEL=DIR[,DIR...], got '" + value + "'");
        }
        List<PolicyOutcome> parts = new ArrayList<>();
        for (String directory : value.substring(equals + 1).split(",")) {
            List<PolicyOutcome> outcomes = PolicyOutcome.of(RunData.read(Path.of(directory.strip())));
            if (outcomes.size() != 1) {
                throw new IllegalArgumentException(option + ": " + directory + " trained " + outcomes.size()
                        + " policies; give run directories of one policy each");
            }
            parts.add(outcomes.get(0));
        }
        return PolicyOutcome.pooled(value.substring(0, equals), parts);
    }

    private static double number(String option, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, got '" + text + "'", e);
        }
    }

    private static Map<String, Object> describe(PolicyOutcome outcome) {
        Map<String, Object> side = new LinkedHashMap<>();
        side.put("label", outcome.label());
        side.put("epochs", outcome.epochs());
        side.put("runs", outcome.runs());
        side.put("completed", outcome.completed());
        side.put("finals", Arrays.stream(outcome.finals()).boxed().toList());
        side.put("mean", outcome.finalMean());
        side.put("std", outcome.finalStd());
        return side;
    }
}

package org.lrkit.experiment.reproduce;

import java.util.Locale;
import java.util.regex.Pattern;
import org.lrkit.experiment.report.ResultTable;
import org.lrkit.experiment.run.PolicyRequest;
import org.lrkit.djl.train.TrainingLength;

/**
 * One policy of a reproduction at one scale: its label (the same at every scale, so that the claims can name
 * it), what it stands for in the paper, its spec (step counts may be written in epochs, see
 * {@link SpecTemplate}) and how long it trains.
 *
 * @param label the short name in tables, charts and the folder {@code runs/<label>/}
 * @param role what the policy is in the paper and how this scale sets it, for people
 * @param spec the policy's spec
 * @param length how long it trains, in epochs or in optimizer steps (iterations, as the CLR paper counts)
 */
public record PlannedPolicy(String label, String role, SpecTemplate spec, TrainingLength length) {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,47}");

    /**
     * Checks the label and that nothing is missing.
     *
     * @param label the short name: 1-48 letters, digits, {@code .}, {@code _}, {@code +} or {@code -}, starting with a
     *     letter or digit
     * @param role what the policy is in the paper, not blank
     * @param spec the policy's spec, not null
     * @param length how long it trains, not null
     * @throws IllegalArgumentException if the label breaks that rule, the role is blank, or a value is null
     */
    public PlannedPolicy {
        if (label == null || !LABEL.matcher(label).matches()) {
            throw new IllegalArgumentException("a policy label must be 1-48 letters, digits, '.', '_', '+' or '-',"
                    + " got '" + label + "'");
        }
        if (role == null || role.isBlank()) {
            throw new IllegalArgumentException("policy " + label + " needs a role");
        }
        if (spec == null || length == null) {
            throw new IllegalArgumentException("policy " + label + " needs a spec and a length");
        }
    }

    /**
     * A policy trained for {@code steps} optimizer steps.
     *
     * @param label the short name
     * @param role what the policy is in the paper
     * @param spec the spec text, with the placeholders of {@link SpecTemplate}
     * @param steps the length in optimizer steps
     * @return the policy
     */
    public static PlannedPolicy steps(String label, String role, String spec, long steps) {
        return new PlannedPolicy(label, role, new SpecTemplate(spec), TrainingLength.steps(steps));
    }

    /**
     * A policy trained for {@code epochs} epochs.
     *
     * @param label the short name
     * @param role what the policy is in the paper
     * @param spec the spec text, with the placeholders of {@link SpecTemplate}
     * @param epochs the length in epochs
     * @return the policy
     */
    public static PlannedPolicy epochs(String label, String role, String spec, long epochs) {
        return new PlannedPolicy(label, role, new SpecTemplate(spec), TrainingLength.epochs(epochs));
    }

    /**
     * The {@code --policy} it becomes for data of {@code stepsPerEpoch} steps per epoch.
     *
     * @param stepsPerEpoch optimizer steps per epoch of the data
     * @return the request, its spec resolved for that data
     */
    public PolicyRequest request(long stepsPerEpoch) {
        return PolicyRequest.labelled(label, spec.text(), spec.resolve(stepsPerEpoch));
    }

    /**
     * Its optimizer steps for data of {@code stepsPerEpoch} steps per epoch.
     *
     * @param stepsPerEpoch optimizer steps per epoch of the data
     * @return the planned optimizer steps
     */
    public long steps(long stepsPerEpoch) {
        return length.plannedSteps(stepsPerEpoch);
    }

    /**
     * Its length in epochs (fractional for a length in steps).
     *
     * @param stepsPerEpoch optimizer steps per epoch of the data
     * @return the length in epochs
     */
    public double epochs(long stepsPerEpoch) {
        return length.epochs() > 0 ? length.epochs() : (double) length.steps() / stepsPerEpoch;
    }

    /**
     * Its budget for people: {@code 14 epochs (7000 it)}.
     *
     * @param stepsPerEpoch optimizer steps per epoch of the data
     * @return the budget text
     */
    public String budget(long stepsPerEpoch) {
        double epochs = epochs(stepsPerEpoch);
        return String.format(Locale.ROOT, "%s epoch%s (%d it)", ResultTable.epochs(epochs), epochs == 1 ? "" : "s",
                steps(stepsPerEpoch));
    }
}

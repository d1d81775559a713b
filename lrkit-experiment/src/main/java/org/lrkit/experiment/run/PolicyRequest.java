package org.lrkit.experiment.run;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.lrkit.schedule.Policy;
import org.lrkit.spec.AutoArguments;
import org.lrkit.spec.AutoValues;
import org.lrkit.spec.Spec;
import org.lrkit.spec.SpecFile;
import org.lrkit.spec.SpecSyntaxException;
import org.lrkit.spec.Specs;

/**
 * A policy as given on the command line ({@code --policy}), parsed once: a spec ({@code oneCyclePolicy(peak=0.1,
 * totalSteps=auto)}), a spec file ({@code @policy.txt}, {@code #} comment lines ignored), or {@code auto}
 * (a one-cycle policy peaking at the range test's suggestion), optionally labelled {@code label=spec}.
 *
 * <p>In the spec, {@code auto} stands for the run's length in steps where an argument is a length, and for
 * the range test's learning rate elsewhere ({@link AutoArguments}); {@link #resolve} fills them in once the
 * run's length and the range test are known, and {@link #policy} builds the result.
 *
 * <pre>{@code
 * PolicyRequest request = PolicyRequest.parse("auto");
 * request.needsRangeTest();                         // true
 * Spec spec = request.resolve(4680, advice.autoValues(4680));   // oneCyclePolicy(peak=0.13, totalSteps=4680)
 * Policy policy = request.policy(spec);
 * }</pre>
 *
 * @param label a short name for tables, plots and the run's folder
 * @param given the argument as it was typed
 * @param spec the parsed spec (the file's content for {@code @file}; the one-cycle spec for {@code auto}),
 *     {@code auto} arguments still in it
 */
public record PolicyRequest(String label, String given, Spec spec) {

    /** What {@code auto} alone stands for. */
    public static final String AUTO_SPEC = "oneCyclePolicy(peak=auto, totalSteps=auto)";

    /** Significant digits of a learning rate from the range test, so that a resolved spec stays readable. */
    public static final int AUTO_DIGITS = 3;

    /** The most characters of given text that an error message repeats. */
    private static final int MAX_ECHO = 240;

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,47}");
    private static final Pattern LABELLED = Pattern.compile("([A-Za-z0-9][A-Za-z0-9._+-]*)=(.*)", Pattern.DOTALL);

    /**
     * Checks the label.
     *
     * @param label a short name: 1-48 letters, digits, {@code .}, {@code _}, {@code +} or {@code -}, starting with a
     *     letter or digit
     * @param given the argument as it was typed
     * @param spec the parsed spec, {@code auto} arguments still in it
     * @throws IllegalArgumentException if the label breaks that rule
     */
    public PolicyRequest {
        checkLabel("--policy label", label);
    }

    /**
     * Checks a policy label, which names a folder of the run directory ({@code runs/<label>/}): 1-48 letters,
     * digits, {@code .}, {@code _}, {@code +} or {@code -}, starting with a letter or digit, so that no label
     * reaches outside the run directory.
     *
     * @param what what the label is, for the message ({@code "--policy label"})
     * @param label the label to check; {@code null} fails
     * @throws IllegalArgumentException naming the label and the rule
     */
    public static void checkLabel(String what, String label) {
        if (label == null || !LABEL.matcher(label).matches()) {
            throw new IllegalArgumentException(what + " '" + capped(String.valueOf(label)) + "' must be 1-48 letters,"
                    + " digits, '.', '_', '+' or '-', starting with a letter or digit");
        }
    }

    /**
     * Reads one {@code --policy} argument.
     *
     * @param argument a {@code --policy} argument: a spec, {@code label=spec}, {@code @file} or {@code auto}
     * @return the request
     * @throws IllegalArgumentException if a spec file cannot be read, the text is empty or not a spec, with
     *     one line
     */
    public static PolicyRequest parse(String argument) {
        String given = argument.strip();
        String label = null;
        String body = given;
        var labelled = LABELLED.matcher(given);
        if (labelled.matches() && !labelled.group(1).contains("(")) {
            label = labelled.group(1);
            body = labelled.group(2).strip();
        }
        String text = SpecFile.textOf("--policy", body);
        if (text.isBlank()) {
            throw new IllegalArgumentException("--policy '" + argument + "' is empty; give a spec such as "
                    + "oneCyclePolicy(peak=0.1, totalSteps=auto), a spec file @file.txt, or auto");
        }
        boolean auto = text.strip().equalsIgnoreCase("auto");
        Spec spec = parseSpec(auto ? AUTO_SPEC : text.strip());
        return new PolicyRequest(label != null ? label : auto ? "one-cycle" : spec.name(), given, spec);
    }

    /**
     * A request for a spec text written by lrkit itself (a demo or a reproduction), under its label.
     *
     * @param label the label, checked by {@link #checkLabel}
     * @param given the text to show as typed
     * @param specText the spec text
     * @return the request
     * @throws IllegalArgumentException if the text is not a spec, with one line
     */
    public static PolicyRequest labelled(String label, String given, String specText) {
        return new PolicyRequest(label, given, parseSpec(specText));
    }

    private static Spec parseSpec(String text) {
        try {
            return Spec.parse(text);
        } catch (SpecSyntaxException e) {
            throw new IllegalArgumentException("--policy '" + e.excerpt() + "': " + e.problem() + " at position "
                    + e.position(), e);
        }
    }

    /**
     * Labels made unique by appending {@code -2}, {@code -3}, ... to repeats.
     *
     * @param requests the requests, in order
     * @return the requests in the same order, repeated labels (compared ignoring case) made unique
     */
    public static List<PolicyRequest> uniqueLabels(Collection<PolicyRequest> requests) {
        List<PolicyRequest> unique = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (PolicyRequest request : requests) {
            String label = request.label();
            for (int i = 2; used.contains(label.toLowerCase(Locale.ROOT)); i++) {
                label = request.label() + "-" + i;
            }
            used.add(label.toLowerCase(Locale.ROOT));
            unique.add(new PolicyRequest(label, request.given(), request.spec()));
        }
        return unique;
    }

    /**
     * Whether some {@code auto} in the spec is a learning rate, which needs a range test.
     *
     * @return whether a range test is needed to resolve the spec
     */
    public boolean needsRangeTest() {
        return AutoArguments.needsLearningRates(spec);
    }

    /**
     * The spec with every {@code auto} replaced: lengths by {@code plannedSteps}, learning rates by
     * {@code learningRates} rounded to {@value #AUTO_DIGITS} significant digits. The policy is not built;
     * {@link #policy} does that.
     *
     * @param plannedSteps the run's length in optimizer steps
     * @param learningRates the range test's values, or {@link AutoValues#NONE} when none was run
     * @return the resolved spec, without {@code auto}
     * @throws IllegalArgumentException if an {@code auto} has no value, in one line naming the policy
     */
    public Spec resolve(long plannedSteps, AutoValues learningRates) {
        try {
            return AutoArguments.resolve(spec, plannedSteps, learningRates.roundedTo(AUTO_DIGITS));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--policy " + label + ": " + oneLine(e.getMessage()), e);
        }
    }

    /**
     * Builds the policy of a resolved spec.
     *
     * @param resolved a spec without {@code auto}
     * @return the policy
     * @throws IllegalArgumentException in one line, naming the policy
     */
    public Policy policy(Spec resolved) {
        try {
            return Specs.build(resolved);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--policy " + label + ": " + oneLine(e.getMessage()), e);
        }
    }

    /**
     * Builds the policy of a resolved spec for a run of {@code plannedSteps} steps and checks that the run can
     * follow it ({@link Policy#checkValues}: the learning rate finite and {@code >= 0}, the momentum and beta1 in
     * {@code [0, 1)} at every step).
     *
     * @param resolved a spec without {@code auto}
     * @param plannedSteps the run's length in optimizer steps
     * @return the policy
     * @throws IllegalArgumentException in one line, naming the policy, the step and the value
     */
    public Policy policy(Spec resolved, long plannedSteps) {
        Policy policy = policy(resolved);
        try {
            policy.checkValues(plannedSteps);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--policy " + label + ": " + oneLine(e.getMessage())
                    + "; change the spec so that it stays in range", e);
        }
        return policy;
    }

    private static String oneLine(String text) {
        return capped(text == null ? "" : text.replaceAll("\\s*\\n\\s*", " ").strip());
    }

    /** {@code text}, or its start and end around {@code ... (N characters) ...} when it is too long to echo. */
    private static String capped(String text) {
        if (text.length() <= MAX_ECHO) {
            return text;
        }
        return text.substring(0, MAX_ECHO / 2) + " ... (" + text.length() + " characters) ... "
                + text.substring(text.length() - MAX_ECHO / 4);
    }
}

package org.lrkit.experiment.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;
import org.lrkit.experiment.report.Numbers;
import org.lrkit.schedule.Policy;
import org.lrkit.spec.Argument;
import org.lrkit.spec.AutoValues;
import org.lrkit.spec.Spec;
import org.lrkit.spec.SpecSyntaxException;
import org.lrkit.spec.SpecValue;
import org.lrkit.spec.Specs;

/**
 * A policy as given on the command line ({@code --policy}): a spec ({@code oneCyclePolicy(peak=0.1,
 * totalSteps=auto)}), a spec file ({@code @policy.txt}, {@code #} comment lines ignored), or {@code auto}
 * (a one-cycle policy peaking at the range test's suggestion), optionally labelled {@code label=spec}.
 *
 * <p>In a spec, {@code auto} stands for the run's length in steps where an argument is a length
 * ({@link #STEP_KEYS}: {@code totalSteps}, {@code total_steps}, {@code steps}, ...), and for the range
 * test's suggestion where it is a learning rate ({@code peak}, {@code max_lr}, {@code base_lr}, ...; the
 * range test runs only when some spec needs it).
 *
 * @param label a short name for tables, plots and the run's folder
 * @param given the argument as it was typed
 * @param text the spec text (the file's content for {@code @file}; the one-cycle spec for {@code auto})
 */
public record PolicyRequest(String label, String given, String text) {

    /** Arguments for which {@code auto} means the run's length in optimizer steps. */
    public static final Set<String> STEP_KEYS = Set.of("totalSteps", "total_steps", "steps", "decay_steps",
            "transition_steps", "T_max");

    /** What {@code auto} alone stands for. */
    public static final String AUTO_SPEC = "oneCyclePolicy(peak=auto, totalSteps=auto)";

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,47}");
    private static final Pattern LABELLED = Pattern.compile("([A-Za-z0-9][A-Za-z0-9._+-]*)=(.*)", Pattern.DOTALL);

    /**
     * Reads one {@code --policy} argument.
     *
     * @throws IllegalArgumentException if a spec file cannot be read or the text is empty, with one line
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
        String text;
        if (body.startsWith("@")) {
            text = readFile(Path.of(body.substring(1).strip()));
        } else {
            text = body;
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException("--policy '" + argument + "' is empty; give a spec such as "
                    + "oneCyclePolicy(peak=0.1, totalSteps=auto), a spec file @file.txt, or auto");
        }
        boolean auto = text.strip().equalsIgnoreCase("auto");
        if (auto) {
            text = AUTO_SPEC;
        }
        if (label == null) {
            label = auto ? "one-cycle" : defaultLabel(text);
        }
        if (!LABEL.matcher(label).matches()) {
            throw new IllegalArgumentException("--policy label '" + label + "' must be 1-48 letters, digits, '.',"
                    + " '_', '+' or '-', starting with a letter or digit");
        }
        PolicyRequest request = new PolicyRequest(label, given, text.strip());
        request.spec(); // a syntax error fails here, before anything runs
        return request;
    }

    private static String readFile(Path file) {
        try {
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.strip().startsWith("#")) {
                    lines.add(line);
                }
            }
            return String.join("\n", lines).strip();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--policy @" + file + ": no such file", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("--policy @" + file + ": cannot read it: " + e.getMessage(), e);
        }
    }

    private static String defaultLabel(String text) {
        try {
            return Spec.parse(text).name();
        } catch (IllegalArgumentException e) {
            return "policy";
        }
    }

    /** Labels made unique by appending {@code -2}, {@code -3}, ... to repeats. */
    public static List<PolicyRequest> uniqueLabels(Collection<PolicyRequest> requests) {
        List<PolicyRequest> unique = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (PolicyRequest request : requests) {
            String label = request.label();
            for (int i = 2; used.contains(label.toLowerCase(Locale.ROOT)); i++) {
                label = request.label() + "-" + i;
            }
            used.add(label.toLowerCase(Locale.ROOT));
            unique.add(new PolicyRequest(label, request.given(), request.text()));
        }
        return unique;
    }

    /** The parsed spec. */
    public Spec spec() {
        try {
            return Spec.parse(text);
        } catch (SpecSyntaxException e) {
            throw new IllegalArgumentException("--policy '" + oneLine(text) + "': " + e.problem() + " at position "
                    + e.position(), e);
        }
    }

    /** Whether some {@code auto} in the spec is a learning rate, which needs a range test. */
    public boolean needsRangeTest() {
        return needsRangeTest(spec());
    }

    private static boolean needsRangeTest(Spec spec) {
        for (Argument argument : spec.arguments()) {
            if (needsRangeTest(argument.key(), argument.value())) {
                return true;
            }
        }
        return false;
    }

    private static boolean needsRangeTest(String key, SpecValue value) {
        if (value instanceof SpecValue.Word word && word.value().equals("auto")) {
            return !STEP_KEYS.contains(key);
        }
        if (value instanceof SpecValue.Nested nested) {
            return needsRangeTest(nested.spec());
        }
        if (value instanceof SpecValue.ListValue list) {
            return list.values().stream().anyMatch(v -> needsRangeTest(key, v));
        }
        return false;
    }

    /**
     * The spec text with every {@code auto} replaced: lengths by {@code plannedSteps}, learning rates by
     * {@code learningRates} (rounded to three significant digits, so that the text stays readable).
     *
     * @param learningRates the range test's values, or {@link AutoValues#NONE} when none was run
     * @throws IllegalArgumentException if an {@code auto} has no value or the policy is invalid, in one line
     */
    public String resolve(long plannedSteps, AutoValues learningRates) {
        String text = resolveText(plannedSteps, learningRates);
        policy(text);
        return text;
    }

    /**
     * As {@link #resolve}, without building the policy: checks only that every {@code auto} has a value.
     */
    public String resolveText(long plannedSteps, AutoValues learningRates) {
        List<String> numbers = new ArrayList<>();
        String text = resolve(spec(), plannedSteps, learningRates, numbers).toString();
        // Learning rates went in as placeholder words, so that they print as 8.11e-4 rather than 8.11E-4.
        for (int i = numbers.size() - 1; i >= 0; i--) {
            text = text.replace(placeholder(i), numbers.get(i));
        }
        return text;
    }

    private static String placeholder(int index) {
        return "lrkit_auto_" + index + "_";
    }

    /**
     * Builds the policy of a resolved spec text.
     *
     * @throws IllegalArgumentException in one line, naming the policy
     */
    public Policy policy(String resolvedText) {
        try {
            return Specs.parsePolicy(resolvedText);
        } catch (SpecSyntaxException e) {
            throw new IllegalArgumentException("--policy '" + oneLine(resolvedText) + "': " + e.problem(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--policy " + label + ": " + oneLine(e.getMessage()), e);
        }
    }

    private Spec resolve(Spec spec, long plannedSteps, AutoValues learningRates, List<String> numbers) {
        List<Argument> arguments = new ArrayList<>();
        for (Argument argument : spec.arguments()) {
            arguments.add(Argument.of(argument.key(),
                    resolve(spec.name(), argument.key(), argument.value(), plannedSteps, learningRates, numbers)));
        }
        return Spec.of(spec.name(), arguments.toArray(Argument[]::new));
    }

    private SpecValue resolve(String specName, String key, SpecValue value, long plannedSteps,
            AutoValues learningRates, List<String> numbers) {
        if (value instanceof SpecValue.Word word && word.value().equals("auto")) {
            if (STEP_KEYS.contains(key)) {
                return SpecValue.of(plannedSteps);
            }
            OptionalDouble rate = learningRates.valueFor(specName, key);
            if (rate.isEmpty()) {
                throw new IllegalArgumentException("--policy " + label + ": " + specName + "(" + key + "=auto) has "
                        + "no value: auto stands for the run's length in steps (" + String.join(", ",
                                STEP_KEYS.stream().sorted().toList()) + ") or for a learning rate from the range test "
                        + "(peak, max_lr, base_lr, ...); give " + key + " a number");
            }
            numbers.add(Numbers.number(rate.getAsDouble()));
            return SpecValue.word(placeholder(numbers.size() - 1));
        }
        if (value instanceof SpecValue.Nested nested) {
            return SpecValue.nested(resolve(nested.spec(), plannedSteps, learningRates, numbers));
        }
        if (value instanceof SpecValue.ListValue list) {
            return SpecValue.list(list.values().stream()
                    .map(v -> resolve(specName, key, v, plannedSteps, learningRates, numbers)).toList());
        }
        return value;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\n\\s*", " ").strip();
    }
}

package org.lrkit.experiment.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lrkit.experiment.run.PolicyRequest;
import org.lrkit.spec.SpecValue;

/**
 * A sweep's grid, read from a grid file: the policies to train and the values of every setting, each
 * combination one run ({@link SweepRun}).
 *
 * <p>The file has one {@code name = value} line per setting; {@code #} starts a comment and blank lines are
 * skipped:
 *
 * <pre>
 * # one-cycle and step decay at 3 peaks, and auto, each with 2 seeds: 14 runs
 * dataset = fashion-mnist-embedded
 * epochs = 3
 * seed = 0, 1
 * peak = 0.01, 0.03, 0.1
 * policy = one-cycle=oneCyclePolicy(peak={peak}, totalSteps=auto)
 * policy = step=multiStepDecay(initial={peak}, milestones=[70, 105], factor=0.1)
 * policy = auto
 * </pre>
 *
 * <ul>
 *   <li>{@code policy} lines (one per policy, as {@code lrkit train --policy} takes it: a spec, {@code
 *       label=spec}, {@code @file} or {@code auto}) may hold placeholders such as {@code {peak}}; each names an
 *       axis of the grid, and a policy runs once for each combination of the axes it uses (a policy without
 *       {@code {peak}} is not repeated for every peak).</li>
 *   <li>Every other name is an option of {@code lrkit train} without its dashes ({@code batch-size}, {@code
 *       model}, {@code weight-decay}, {@code seed}, ...; a flag takes {@code true} or {@code false}), or an
 *       axis that a placeholder uses. Several values, separated by commas, make the setting an axis: every
 *       policy runs with each.</li>
 *   <li>The sweep chooses {@code out}, {@code resume}, {@code threads} and the output options itself; they
 *       cannot be set.</li>
 * </ul>
 *
 * <p>The runs are the policies in file order, each with its placeholders' combinations, then the settings'
 * combinations in file order, the last line varying fastest. Errors are all collected and thrown together
 * ({@link GridException}): an unknown axis, a placeholder with no axis, an empty axis or value, a name given
 * twice, a value listed twice, a spec that does not parse, two policies with one label.
 */
public final class Grid {

    /** Runs a grid may make before {@code lrkit sweep} asks for {@code --yes}. */
    public static final int RUN_LIMIT = 200;

    /** The name of the policy lines. */
    public static final String POLICY = "policy";

    /** Options of {@code lrkit train} that the sweep sets for every run itself. */
    public static final Set<String> RESERVED = Set.of("out", "resume", "threads", "json", "quiet", "q", "verbose",
            "help", "version", "checkpoint-dir");

    private static final Pattern LINE = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9_-]*)\\s*=(.*)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_-]*)}");
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._+=-]");

    /** One policy line: its argument with placeholders, its line and the placeholders it uses. */
    private record Template(String argument, int line, List<String> variables) {
    }

    /** One setting or axis line. */
    private record Values(List<String> values, int line) {
    }

    private final String text;
    private final List<Template> policies;
    private final Map<String, Values> settings;
    private final Map<String, Values> variables;

    private Grid(String text, List<Template> policies, Map<String, Values> settings, Map<String, Values> variables) {
        this.text = text;
        this.policies = policies;
        this.settings = settings;
        this.variables = variables;
    }

    /**
     * Reads a grid file's text.
     *
     * @param source the file's name as the user gave it, for the messages
     * @param text the file's text
     * @param isSetting whether a name is an option of {@code lrkit train} (without dashes)
     * @return the grid
     * @throws GridException with one line per error
     */
    public static Grid parse(String source, String text, Predicate<String> isSetting) {
        List<String> errors = new ArrayList<>();
        List<Template> policies = new ArrayList<>();
        Map<String, Values> named = new LinkedHashMap<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = stripComment(lines[i]).strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher matcher = LINE.matcher(line);
            if (!matcher.matches()) {
                errors.add("line " + number + ": '" + capped(line) + "' is not 'name = value'");
                continue;
            }
            String name = matcher.group(1);
            String value = matcher.group(2).strip();
            if (name.equals(POLICY)) {
                if (value.isEmpty()) {
                    errors.add("line " + number + ": the policy is empty; give a spec, label=spec, @file or auto");
                } else {
                    policies.add(new Template(value, number, placeholders(value)));
                }
                continue;
            }
            Values earlier = named.get(name);
            if (earlier != null) {
                errors.add("line " + number + ": '" + name + "' is given again (first on line " + earlier.line()
                        + "); list every value on one line, separated by commas");
                continue;
            }
            List<String> values = splitValues(name, value, number, errors);
            named.put(name, new Values(values, number));
        }
        Set<String> used = new LinkedHashSet<>();
        policies.forEach(policy -> used.addAll(policy.variables()));
        Map<String, Values> settings = new LinkedHashMap<>();
        Map<String, Values> variables = new LinkedHashMap<>();
        named.forEach((name, values) -> {
            if (RESERVED.contains(name)) {
                errors.add("line " + values.line() + ": '" + name + "' cannot be set in a grid: lrkit sweep sets it"
                        + " for every run" + (name.equals("threads") ? " (give lrkit sweep --threads)" : ""));
            } else if (used.contains(name)) {
                variables.put(name, values);
            } else if (isSetting.test(name)) {
                settings.put(name, values);
            } else {
                errors.add("line " + values.line() + ": unknown axis '" + name + "': not an option of lrkit train"
                        + " (see lrkit train --help), and no policy uses {" + name + "}");
            }
        });
        for (Template policy : policies) {
            for (String variable : policy.variables()) {
                if (!named.containsKey(variable)) {
                    errors.add("line " + policy.line() + ": the policy uses {" + variable + "}, but the grid has no '"
                            + variable + "' axis; add a line such as " + variable + " = 0.01, 0.1");
                }
            }
        }
        if (policies.isEmpty()) {
            errors.add("the grid has no policy; add a line such as 'policy = auto' or 'policy = "
                    + "oneCyclePolicy(peak={peak}, totalSteps=auto)' with 'peak = 0.01, 0.1'");
        }
        Grid grid = new Grid(text, List.copyOf(policies), settings, variables);
        if (errors.isEmpty()) {
            grid.checkPolicies(errors);
        }
        if (!errors.isEmpty()) {
            throw new GridException(source, errors);
        }
        return grid;
    }

    /**
     * The grid file's text, as read: what a sweep records so that {@code --resume} reads the same grid.
     *
     * @return the text
     */
    public String text() {
        return text;
    }

    /**
     * The number of runs, without listing them: for each policy, the product of the sizes of the axes it
     * uses, times the product of the settings' sizes.
     *
     * @return the number of runs, saturated at {@link Long#MAX_VALUE}
     */
    public long runCount() {
        long settingRuns = 1;
        for (Values values : settings.values()) {
            settingRuns = multiply(settingRuns, values.values().size());
        }
        long total = 0;
        for (Template policy : policies) {
            long runs = settingRuns;
            for (String variable : policy.variables()) {
                runs = multiply(runs, variables.get(variable).values().size());
            }
            total = total > Long.MAX_VALUE - runs ? Long.MAX_VALUE : total + runs;
        }
        return total;
    }

    /**
     * Every run of the grid, in order (see the class comment).
     *
     * @return the runs, indexed from 0
     * @throws IllegalStateException if the grid makes more than {@link Integer#MAX_VALUE} runs
     */
    public List<SweepRun> runs() {
        if (runCount() > Integer.MAX_VALUE) {
            throw new IllegalStateException("the grid makes " + runCount() + " runs, too many to list");
        }
        List<SweepRun> runs = new ArrayList<>();
        List<Map<String, String>> settingCombinations = combinations(new ArrayList<>(settings.keySet()), settings);
        for (Template policy : policies) {
            for (Map<String, String> fill : combinations(policy.variables(), variables)) {
                PolicyRequest request = PolicyRequest.parse(filled(policy.argument(), fill));
                for (Map<String, String> setting : settingCombinations) {
                    Map<String, String> axes = new LinkedHashMap<>();
                    fill.forEach((name, value) -> {
                        if (variables.get(name).values().size() > 1) {
                            axes.put(name, value);
                        }
                    });
                    setting.forEach((name, value) -> {
                        if (!name.equals("seed") && settings.get(name).values().size() > 1) {
                            axes.put(name, value);
                        }
                    });
                    String seed = setting.getOrDefault("seed", "0");
                    runs.add(new SweepRun(runs.size(), request.label(), filled(policy.argument(), fill),
                            isRangeTestPeak(request), setting, axes, seed, folder(request.label(), axes, seed)));
                }
            }
        }
        return Collections.unmodifiableList(runs);
    }

    /** Checks each policy's spec at every fill and that no two policies share a label. */
    private void checkPolicies(List<String> errors) {
        Map<String, Integer> labels = new LinkedHashMap<>();
        for (Template policy : policies) {
            String label = null;
            for (Map<String, String> fill : combinations(policy.variables(), variables)) {
                try {
                    label = PolicyRequest.parse(filled(policy.argument(), fill)).label();
                } catch (IllegalArgumentException e) {
                    errors.add("line " + policy.line() + ": " + e.getMessage()
                            + (fill.isEmpty() ? "" : " (with " + fill + ")"));
                    label = null;
                    break;
                }
            }
            if (label == null) {
                continue;
            }
            Integer earlier = labels.putIfAbsent(label, policy.line());
            if (earlier != null) {
                errors.add("line " + policy.line() + ": the policy's label '" + label + "' is also line " + earlier
                        + "'s; name them apart with label=spec");
            }
        }
    }

    private static boolean isRangeTestPeak(PolicyRequest request) {
        return request.spec().get("peak")
                .filter(value -> value instanceof SpecValue.Word word && word.toString().equalsIgnoreCase("auto"))
                .isPresent();
    }

    private static String folder(String label, Map<String, String> axes, String seed) {
        StringBuilder folder = new StringBuilder("runs/").append(label).append('/');
        if (!axes.isEmpty()) {
            List<String> parts = new ArrayList<>();
            axes.forEach((name, value) -> parts.add(name + "=" + value));
            folder.append(UNSAFE.matcher(String.join(",", parts)).replaceAll("_")).append('/');
        }
        return folder.append("seed-").append(UNSAFE.matcher(seed).replaceAll("_")).toString();
    }

    /** Every combination of the named axes' values, the last name varying fastest. */
    private static List<Map<String, String>> combinations(List<String> names, Map<String, Values> axes) {
        List<Map<String, String>> result = new ArrayList<>();
        result.add(new LinkedHashMap<>());
        for (String name : names) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : result) {
                for (String value : axes.get(name).values()) {
                    Map<String, String> extended = new LinkedHashMap<>(partial);
                    extended.put(name, value);
                    next.add(extended);
                }
            }
            result = next;
        }
        return result;
    }

    private static String filled(String template, Map<String, String> fill) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(fill.get(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static List<String> placeholders(String argument) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(argument);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return List.copyOf(names);
    }

    private static List<String> splitValues(String name, String value, int line, List<String> errors) {
        if (value.isEmpty()) {
            errors.add("line " + line + ": axis '" + name + "' has no values; list them, e.g. " + name
                    + " = 0.01, 0.1");
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String item = part.strip();
            if (item.isEmpty()) {
                errors.add("line " + line + ": axis '" + name + "' has an empty value in '" + capped(value) + "'");
            } else if (values.contains(item)) {
                errors.add("line " + line + ": axis '" + name + "' lists " + item + " twice");
            } else {
                values.add(item);
            }
        }
        return List.copyOf(values);
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static long multiply(long a, long b) {
        return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }

    private static String capped(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}

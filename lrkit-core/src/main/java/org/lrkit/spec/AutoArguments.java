package org.lrkit.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The one place where the word {@code auto} in a spec gets its value. An argument written {@code auto}
 * stands for the run's length in optimizer steps when its key names a length ({@link #STEP_KEYS}:
 * {@code totalSteps}, {@code total_steps}, {@code steps}, {@code decay_steps}, {@code transition_steps},
 * {@code T_max}), and for a learning rate from a range test anywhere else ({@code peak}, {@code max_lr},
 * {@code base_lr}, ...; the values come from an {@link AutoValues}, usually
 * {@code org.lrkit.rangetest.RangeTestAdvice#autoValues(long)}).
 *
 * <p>Resolution is pure: it returns a new {@link Spec} in which no {@code auto} is left, at any depth
 * (nested specs and lists included), or fails with one line naming the spec, the argument and the fix.
 *
 * <pre>{@code
 * Spec given = Spec.parse("oneCyclePolicy(peak=auto, totalSteps=auto)");
 * AutoArguments.needsLearningRates(given);                          // true: a range test must run
 * AutoArguments.resolve(given, 4680, (spec, key) -> OptionalDouble.of(0.13));
 * // oneCyclePolicy(peak=0.13, totalSteps=4680)
 * }</pre>
 */
public final class AutoArguments {

    /** Arguments for which {@code auto} means the run's length in optimizer steps. */
    public static final Set<String> STEP_KEYS = Set.of("totalSteps", "total_steps", "steps", "decay_steps",
            "transition_steps", "T_max");

    private static final String AUTO = "auto";

    private AutoArguments() {
    }

    /**
     * Whether some {@code auto} in {@code spec} stands for a learning rate, so that a range test must run.
     *
     * @param spec the parsed spec, nested specs and lists included
     * @return true if an argument outside {@link #STEP_KEYS} is written {@code auto}
     */
    public static boolean needsLearningRates(Spec spec) {
        for (Argument argument : spec.arguments()) {
            if (needsLearningRate(argument.key(), argument.value())) {
                return true;
            }
        }
        return false;
    }

    private static boolean needsLearningRate(String key, SpecValue value) {
        if (isAuto(value)) {
            return !STEP_KEYS.contains(key);
        }
        if (value instanceof SpecValue.Nested nested) {
            return needsLearningRates(nested.spec());
        }
        if (value instanceof SpecValue.ListValue list) {
            return list.values().stream().anyMatch(v -> needsLearningRate(key, v));
        }
        return false;
    }

    /**
     * The spec with every {@code auto} replaced: a length by {@code plannedSteps}, a learning rate by its
     * value from {@code learningRates}.
     *
     * @param spec the parsed spec
     * @param plannedSteps the run's length in optimizer steps, {@code > 0}
     * @param learningRates the range test's values, or {@link AutoValues#NONE} when none was run
     * @return the spec without {@code auto}, otherwise the same
     * @throws IllegalArgumentException if {@code plannedSteps <= 0} or an {@code auto} has no value
     */
    public static Spec resolve(Spec spec, long plannedSteps, AutoValues learningRates) {
        if (plannedSteps <= 0) {
            throw new IllegalArgumentException("plannedSteps must be > 0, got " + plannedSteps);
        }
        return resolve(spec, OptionalLong.of(plannedSteps), learningRates);
    }

    /**
     * As {@link #resolve(Spec, long, AutoValues)} where the run's length is not known: a length written
     * {@code auto} is an error.
     *
     * @param spec the parsed spec
     * @param learningRates the range test's values, or {@link AutoValues#NONE} when none was run
     * @return the spec without {@code auto}, otherwise the same
     * @throws IllegalArgumentException if a length (a key of {@link #STEP_KEYS}) is written {@code auto}, or a
     *     learning rate written {@code auto} has no value
     */
    public static Spec resolve(Spec spec, AutoValues learningRates) {
        return resolve(spec, OptionalLong.empty(), learningRates);
    }

    private static Spec resolve(Spec spec, OptionalLong plannedSteps, AutoValues learningRates) {
        List<Argument> arguments = new ArrayList<>();
        for (Argument argument : spec.arguments()) {
            arguments.add(Argument.of(argument.key(),
                    resolve(spec.name(), argument.key(), argument.value(), plannedSteps, learningRates)));
        }
        return Spec.of(spec.name(), arguments.toArray(Argument[]::new));
    }

    private static SpecValue resolve(String specName, String key, SpecValue value, OptionalLong plannedSteps,
            AutoValues learningRates) {
        if (isAuto(value)) {
            return STEP_KEYS.contains(key) ? length(specName, key, plannedSteps)
                    : learningRate(specName, key, learningRates);
        }
        if (value instanceof SpecValue.Nested nested) {
            return SpecValue.nested(resolve(nested.spec(), plannedSteps, learningRates));
        }
        if (value instanceof SpecValue.ListValue list) {
            return SpecValue.list(list.values().stream()
                    .map(v -> resolve(specName, key, v, plannedSteps, learningRates)).toList());
        }
        return value;
    }

    private static SpecValue length(String specName, String key, OptionalLong plannedSteps) {
        if (plannedSteps.isEmpty()) {
            throw new IllegalArgumentException(specName + "(" + key + "=auto) has no value: " + key + "=auto stands"
                    + " for the run's length in steps, which is known only when a run is planned; give " + key
                    + " a number");
        }
        return SpecValue.of(plannedSteps.getAsLong());
    }

    private static SpecValue learningRate(String specName, String key, AutoValues learningRates) {
        OptionalDouble rate = learningRates.valueFor(specName, key);
        if (rate.isEmpty()) {
            throw new IllegalArgumentException(specName + "(" + key + "=auto) has no value: " + key + "=auto needs"
                    + " a value from a learning-rate range test (auto stands for a learning rate such as peak, max_lr"
                    + " or base_lr, or for the run's length in steps where the argument is one of "
                    + String.join(", ", STEP_KEYS.stream().sorted().toList()) + "); run one (lrkit find) or give "
                    + key + " a number");
        }
        return SpecValue.of(rate.getAsDouble());
    }

    private static boolean isAuto(SpecValue value) {
        return value instanceof SpecValue.Word word && word.value().equals(AUTO);
    }
}

package org.lrkit.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Schedule;

/**
 * Turns spec text into schedules and policies, and lists what can be written.
 *
 * <p>Two families of names are understood:
 * <ul>
 *   <li>lrkit's own schedules, named like their Java types with lrkit's argument names:
 *       {@code oneCyclePolicy(peak=0.1, totalSteps=1000)}, {@code sgdr(peak=0.05, firstPeriod=3900,
 *       periodMultiplier=2)}, {@code warmup(steps=500, then=cosine(from=0.1, to=0.0, steps=9500))};
 *   <li>compatibility specs that take another library's scheduler under its own name, argument names and
 *       defaults and give exactly its values: {@code torch.OneCycleLR(max_lr=0.1, total_steps=1000)},
 *       {@code keras.CosineDecayRestarts(...)}, {@code fastai.fit_one_cycle(...)},
 *       {@code optax.sgdr_schedule(...)}, {@code timm.CosineLRScheduler(...)}. Where the original reads its
 *       base learning rate from the optimizer, the spec takes it as {@code base_lr}.
 * </ul>
 *
 * <pre>{@code
 * Policy policy = Specs.parsePolicy("torch.OneCycleLR(max_lr=0.1, total_steps=1000, three_phase=true)");
 * double lr = policy.learningRate().valueAt(0);                       // 0.004
 * Schedule sgdr = Specs.parseSchedule("sgdr(peak=0.05, firstPeriod=10, periodMultiplier=2)");
 * }</pre>
 *
 * <p>Every error is an {@link IllegalArgumentException} naming the spec, the argument, the rule and the
 * value, with the allowed names or values where it helps.
 */
public final class Specs {

    private static final Map<String, SpecType> TYPES = new LinkedHashMap<>();

    static {
        Stream.of(NativeSpecs.types(), TorchSpecs.types(), LibrarySpecs.types())
                .flatMap(List::stream)
                .forEach(type -> TYPES.put(type.name(), type));
    }

    private Specs() {
    }

    /**
     * Parses and builds a policy (learning rate plus any momentum or beta1 schedule).
     *
     * @param text the spec text, e.g. {@code oneCyclePolicy(peak=0.1, totalSteps=1000)}
     * @return the policy the spec describes
     * @throws SpecSyntaxException if the text is not a well-formed spec
     * @throws IllegalArgumentException if the spec names no known schedule, or its arguments are missing,
     *     unknown or out of range
     */
    public static Policy parsePolicy(String text) {
        return build(Spec.parse(text));
    }

    /**
     * Parses and builds a policy whose arguments may be written {@code auto}, taking their values from
     * {@code auto} (for instance a range test's advice).
     *
     * @param text the spec text, where arguments may be written {@code auto}
     * @param auto the values for {@code auto}, e.g. {@code RangeTestAdvice.autoValues(totalSteps)}
     * @return the policy the resolved spec describes
     * @throws IllegalArgumentException naming the argument when {@code auto} has no value for it
     */
    public static Policy parsePolicy(String text, AutoValues auto) {
        return build(AutoArguments.resolve(Spec.parse(text), auto));
    }

    /**
     * Parses and builds a learning-rate schedule.
     *
     * @param text the spec text, e.g. {@code cosine(from=0.1, to=0.0, steps=1000)}
     * @return the learning-rate schedule the spec describes
     * @throws IllegalArgumentException also when the spec schedules momentum or beta1, which a schedule
     *     cannot carry; use {@link #parsePolicy} for those
     */
    public static Schedule parseSchedule(String text) {
        Policy policy = parsePolicy(text);
        if (policy.momentum().isPresent() || policy.beta1().isPresent()) {
            throw new IllegalArgumentException(Spec.parse(text).name() + " schedules momentum too; "
                    + "read it with Specs.parsePolicy to keep it");
        }
        return policy.learningRate();
    }

    /**
     * Builds the policy a parsed spec describes.
     *
     * @param spec the parsed spec
     * @return the policy
     * @throws IllegalArgumentException if the spec names no known schedule (suggesting the nearest names), or
     *     its arguments are missing, unknown or out of range (the message prefixed with the spec's name)
     */
    public static Policy build(Spec spec) {
        SpecType type = TYPES.get(spec.name());
        if (type == null) {
            throw new IllegalArgumentException("unknown schedule '" + spec.name() + "'"
                    + Suggestions.didYouMean(spec.name(), TYPES.keySet())
                    + "; known names: " + String.join(", ", TYPES.keySet()));
        }
        try {
            return type.build(spec);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            if (message != null && (message.startsWith(spec.name() + " has no argument ")
                    || message.startsWith(spec.name() + " needs the argument "))) {
                throw e;
            }
            throw new IllegalArgumentException(spec.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every name a spec can use, with its arguments, in a stable order (lrkit's own first).
     *
     * @return an unmodifiable list of catalog entries
     */
    public static List<SpecDescription> catalog() {
        return TYPES.values().stream().map(SpecType::description).toList();
    }
}

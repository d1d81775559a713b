package org.lrkit.djl.optim;

import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lrkit.Checks;

/**
 * Per-parameter settings of a {@link ScheduledOptimizer}: learning-rate multipliers chosen by parameter-name
 * prefix (discriminative learning rates: smaller rates for early layers) and whether biases and
 * normalisation parameters are exempt from weight decay.
 *
 * <p>Parameter names are the keys of DJL's {@code block.getParameters()}, such as {@code "01Conv2d_weight"}
 * or {@code "03SequentialBlock_02Linear_bias"}. When several prefixes match a name, the longest wins.
 * Every prefix must match at least one parameter of the model the optimizer is bound to, so that a typo is
 * an error rather than a silently ignored rule.
 *
 * <pre>{@code
 * ParameterGroups groups = ParameterGroups.uniform()
 *         .withLearningRateMultiplier("01", 0.1)          // first block: a tenth of the policy's rate
 *         .withLearningRateMultiplier("02", 0.3)
 *         .exemptingBiasAndNormFromWeightDecay();         // no decay on biases, BatchNorm gamma and beta
 * }</pre>
 */
public final class ParameterGroups {

    private static final Set<Parameter.Type> BIAS_AND_NORM =
            Set.of(Parameter.Type.BIAS, Parameter.Type.GAMMA, Parameter.Type.BETA);

    private final Map<String, Double> multipliers;
    private final boolean exemptBiasAndNorm;

    private ParameterGroups(Map<String, Double> multipliers, boolean exemptBiasAndNorm) {
        this.multipliers = Collections.unmodifiableMap(new LinkedHashMap<>(multipliers));
        this.exemptBiasAndNorm = exemptBiasAndNorm;
    }

    /**
     * The same settings for every parameter: multiplier 1, weight decay everywhere.
     *
     * @return groups with no prefix and no exemption
     */
    public static ParameterGroups uniform() {
        return new ParameterGroups(Map.of(), false);
    }

    /**
     * These groups with parameters whose name starts with {@code prefix} trained at {@code multiplier}
     * times the policy's learning rate.
     *
     * @param prefix a non-empty parameter-name prefix, not already given
     * @param multiplier a finite factor {@code >= 0} (0 freezes the group)
     * @return new groups; these are unchanged
     * @throws IllegalArgumentException if {@code prefix} is null, empty or already given, or
     *     {@code multiplier} is not finite or is {@code < 0}
     */
    public ParameterGroups withLearningRateMultiplier(String prefix, double multiplier) {
        Checks.notNull("prefix", prefix);
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("prefix must not be empty; to scale every parameter, scale the policy "
                    + "(schedule.scaledBy(factor)) instead");
        }
        Checks.nonNegative("multiplier", multiplier);
        if (multipliers.containsKey(prefix)) {
            throw new IllegalArgumentException("prefix '" + prefix + "' already has multiplier " + multipliers.get(prefix)
                    + "; give each prefix once");
        }
        Map<String, Double> more = new LinkedHashMap<>(multipliers);
        more.put(prefix, multiplier);
        return new ParameterGroups(more, exemptBiasAndNorm);
    }

    /**
     * These groups with learning-rate multipliers spread geometrically over {@code prefixes}: the first gets
     * {@code first}, the last {@code last} and those between the geometric steps between them (fastai's
     * {@code slice(lo, hi)} for discriminative fine-tuning).
     *
     * @param prefixes two or more prefixes, from the input side of the model to the output
     * @param first the multiplier of the first prefix, {@code > 0}
     * @param last the multiplier of the last prefix, {@code > 0}
     * @return new groups; these are unchanged
     * @throws IllegalArgumentException if {@code prefixes} is null, has fewer than 2 prefixes, or one that is
     *     empty or already given, or {@code first} or {@code last} is not finite or is {@code <= 0}
     */
    public ParameterGroups withGeometricMultipliers(List<String> prefixes, double first, double last) {
        Checks.notNull("prefixes", prefixes);
        if (prefixes.size() < 2) {
            throw new IllegalArgumentException("prefixes must name at least 2 groups, got " + prefixes.size()
                    + "; use withLearningRateMultiplier for one");
        }
        Checks.positive("first", first);
        Checks.positive("last", last);
        ParameterGroups groups = this;
        int n = prefixes.size();
        for (int i = 0; i < n; i++) {
            double multiplier = first * Math.pow(last / first, (double) i / (n - 1));
            groups = groups.withLearningRateMultiplier(prefixes.get(i), i == n - 1 ? last : multiplier);
        }
        return groups;
    }

    /**
     * These groups with biases and normalisation parameters (BatchNorm/LayerNorm gamma and beta) exempt from
     * weight decay.
     *
     * @return new groups; these are unchanged
     */
    public ParameterGroups exemptingBiasAndNormFromWeightDecay() {
        return new ParameterGroups(multipliers, true);
    }

    /**
     * The prefixes and their multipliers, in the order given.
     *
     * @return an unmodifiable map from prefix to multiplier, empty for {@link #uniform()}
     */
    public Map<String, Double> learningRateMultipliers() {
        return multipliers;
    }

    /**
     * Whether biases and normalisation parameters are exempt from weight decay.
     *
     * @return true after {@link #exemptingBiasAndNormFromWeightDecay()}
     */
    public boolean exemptsBiasAndNorm() {
        return exemptBiasAndNorm;
    }

    /**
     * The settings of one parameter.
     *
     * @param name the parameter's name in {@code block.getParameters()}
     * @param type the parameter's DJL type
     * @return the multiplier of the longest matching prefix (1 if none) and whether weight decay applies
     * @throws IllegalArgumentException if {@code name} or {@code type} is null
     */
    public Settings settingsFor(String name, Parameter.Type type) {
        Checks.notNull("name", name);
        Checks.notNull("type", type);
        String best = null;
        for (String prefix : multipliers.keySet()) {
            if (name.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        double multiplier = best == null ? 1.0 : multipliers.get(best);
        boolean decays = !(exemptBiasAndNorm && BIAS_AND_NORM.contains(type));
        return new Settings(multiplier, decays);
    }

    /**
     * Checks that every prefix matches at least one of {@code names}.
     *
     * @param names the parameter names of the model
     * @throws IllegalArgumentException naming the prefixes that match nothing and the names there are
     */
    public void checkPrefixesMatch(Collection<String> names) {
        List<String> unmatched = new ArrayList<>();
        for (String prefix : multipliers.keySet()) {
            if (names.stream().noneMatch(name -> name.startsWith(prefix))) {
                unmatched.add(prefix);
            }
        }
        if (!unmatched.isEmpty()) {
            throw new IllegalArgumentException("learning-rate prefixes " + unmatched + " match no parameter of the model; "
                    + "its parameters are " + names);
        }
    }

    @Override
    public String toString() {
        return "ParameterGroups[multipliers=" + multipliers + ", exemptBiasAndNorm=" + exemptBiasAndNorm + "]";
    }

    /**
     * The settings of one parameter.
     *
     * @param learningRateMultiplier the factor on the policy's learning rate
     * @param weightDecay whether weight decay applies to the parameter
     */
    public record Settings(double learningRateMultiplier, boolean weightDecay) {
    }
}

package org.lrkit.spec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.OptionalDouble;

/**
 * Values for arguments written {@code auto} in a spec, such as {@code oneCyclePolicy(peak=auto, ...)},
 * usually from a learning-rate range test ({@code org.lrkit.rangetest.RangeTestAdvice#autoValues}).
 * {@link AutoArguments#resolve} puts them into a spec.
 *
 * <pre>{@code
 * AutoValues peakOnly = (spec, key) -> key.equals("peak") ? OptionalDouble.of(0.0581734) : OptionalDouble.empty();
 * peakOnly.roundedTo(3).valueFor("oneCyclePolicy", "peak");   // OptionalDouble[0.0582]
 * }</pre>
 */
@FunctionalInterface
public interface AutoValues {

    /** No value for anything: every {@code auto} is an error. */
    AutoValues NONE = (specName, key) -> OptionalDouble.empty();

    /**
     * The value for argument {@code key} of the spec named {@code specName}, if there is one.
     *
     * @param specName the name of the (possibly nested) spec the argument belongs to, e.g. {@code oneCycle}
     * @param key the argument name, e.g. {@code peak}
     * @return the value, typically a learning rate, or empty when this source has none
     */
    OptionalDouble valueFor(String specName, String key);

    /**
     * These values rounded to {@code digits} significant digits, so that a resolved spec reads
     * {@code peak=0.0582} rather than {@code peak=0.05817342}.
     *
     * @param digits significant digits, 1 to 17
     * @return values that answer as these do, rounded; empty and non-finite values pass unchanged
     * @throws IllegalArgumentException if {@code digits} is outside 1 to 17
     */
    default AutoValues roundedTo(int digits) {
        if (digits < 1 || digits > 17) {
            throw new IllegalArgumentException("digits must be in 1..17, got " + digits);
        }
        MathContext context = new MathContext(digits);
        return (specName, key) -> {
            OptionalDouble value = valueFor(specName, key);
            if (value.isEmpty() || !Double.isFinite(value.getAsDouble())) {
                return value;
            }
            return OptionalDouble.of(new BigDecimal(value.getAsDouble()).round(context).doubleValue());
        };
    }
}

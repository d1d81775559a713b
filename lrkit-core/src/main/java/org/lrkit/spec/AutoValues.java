package org.lrkit.spec;

import java.util.OptionalDouble;

/**
 * Values for arguments written {@code auto} in a spec, such as {@code oneCyclePolicy(peak=auto, ...)},
 * usually from a learning-rate range test ({@code org.lrkit.rangetest.RangeTestAdvice#autoValues}).
 */
@FunctionalInterface
public interface AutoValues {

    /** No value for anything: every {@code auto} is an error. */
    AutoValues NONE = (specName, key) -> OptionalDouble.empty();

    /** The value for argument {@code key} of the spec named {@code specName}, if there is one. */
    OptionalDouble valueFor(String specName, String key);
}

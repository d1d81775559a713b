package org.lrkit.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Schedule;

/** A named entry of the catalog: its description and how its arguments build a policy. */
final class SpecType {

    private final String name;
    private final String summary;
    private final List<ParameterDescription> parameters = new ArrayList<>();
    private Function<Arguments, Policy> builder;

    private SpecType(String name, String summary) {
        this.name = name;
        this.summary = summary;
    }

    static SpecType named(String name, String summary) {
        return new SpecType(name, summary);
    }

    /** Declares a required argument. */
    SpecType required(String parameter, String description) {
        parameters.add(new ParameterDescription(parameter, null, description));
        return this;
    }

    /** Declares an optional argument with its default in spec syntax ({@code none} when derived). */
    SpecType optional(String parameter, String defaultText, String description) {
        parameters.add(new ParameterDescription(parameter, defaultText, description));
        return this;
    }

    /** Sets how the arguments build a policy; ends the declaration. */
    SpecType buildsPolicy(Function<Arguments, Policy> policyBuilder) {
        this.builder = policyBuilder;
        return this;
    }

    /** Sets how the arguments build a learning-rate schedule; ends the declaration. */
    SpecType builds(Function<Arguments, Schedule> scheduleBuilder) {
        this.builder = arguments -> Policy.of(scheduleBuilder.apply(arguments));
        return this;
    }

    String name() {
        return name;
    }

    SpecDescription description() {
        return new SpecDescription(name, summary, parameters);
    }

    Policy build(Spec spec) {
        return builder.apply(new Arguments(spec, description()));
    }
}

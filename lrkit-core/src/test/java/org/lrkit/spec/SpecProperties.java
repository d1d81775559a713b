package org.lrkit.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.constraints.LongRange;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Schedule;
import org.lrkit.schedule.ScheduleArbitraries;

/** Text round trips of random native schedules and policies, and refusals of invalid values in spec text. */
class SpecProperties {

    private static final ScheduleArbitraries WIDE = ScheduleArbitraries.wide();

    @Provide
    Arbitrary<Schedule> schedules() {
        return WIDE.schedules();
    }

    @Provide
    Arbitrary<Schedule> leaves() {
        return WIDE.leaves();
    }

    @Provide
    Arbitrary<Policy> policies() {
        return WIDE.policies();
    }

    @Property(tries = 1000)
    void everyLeafScheduleRoundTrips(@ForAll("leaves") Schedule schedule) {
        String spec = schedule.toSpec();
        Schedule parsed = Specs.parseSchedule(spec);
        assertThat(parsed).as(spec).isEqualTo(schedule);
        assertThat(parsed.toSpec()).isEqualTo(spec);
    }

    @Property(tries = 1000)
    void nestedSchedulesRoundTrip(@ForAll("schedules") Schedule schedule) {
        String spec = schedule.toSpec();
        Schedule parsed = Specs.parseSchedule(spec);
        assertThat(parsed).as(spec).isEqualTo(schedule);
        assertThat(parsed.toSpec()).isEqualTo(spec);
        assertThat(Specs.parsePolicy(spec)).isEqualTo(Policy.of(schedule));
    }

    @Property(tries = 500)
    void policiesRoundTrip(@ForAll("policies") Policy policy) {
        String spec = policy.toSpec();
        Policy parsed = Specs.parsePolicy(spec);
        assertThat(parsed).as(spec).isEqualTo(policy);
        assertThat(parsed.toSpec()).isEqualTo(spec);
        if (policy.momentum().isPresent() || policy.beta1().isPresent()) {
            assertThat(spec).startsWith("policy(lr=");
            assertThatThrownBy(() -> Specs.parseSchedule(spec)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("policy schedules momentum too");
        } else {
            assertThat(Specs.parseSchedule(spec)).isEqualTo(policy.learningRate());
        }
    }

    @Property(tries = 500)
    void parsedSchedulesGiveTheSameValues(@ForAll("schedules") Schedule schedule,
                                          @ForAll @LongRange(min = 0, max = 100_000) long step) {
        Schedule parsed = Specs.parseSchedule(schedule.toSpec());
        assertThat(outcome(parsed, step)).isEqualTo(outcome(schedule, step));
    }

    private static Object outcome(Schedule schedule, long step) {
        try {
            return schedule.valueAt(step);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    // ---- invalid values in spec text ---------------------------------------------------------------------------

    /** Spec texts with one positive whole-number argument left as {@code %s}, and that argument's name. */
    @Provide
    Arbitrary<Tuple2<String, String>> positiveIntegerArguments() {
        return Arbitraries.of(
                Tuple.of("cosine(from=1, to=0, steps=%s)", "steps"),
                Tuple.of("linear(from=1, to=0, steps=%s, pastEnd=error)", "steps"),
                Tuple.of("polynomial(from=1, to=0, steps=%s)", "steps"),
                Tuple.of("stepDecay(initial=1, stepSize=%s)", "stepSize"),
                Tuple.of("warmup(steps=%s, then=constant(value=1))", "steps"),
                Tuple.of("join(first=constant(value=1), steps=%s, then=constant(value=2))", "steps"),
                Tuple.of("cyclical(base=0, peak=1, stepsUp=%s)", "stepsUp"),
                Tuple.of("cyclical(base=0, peak=1, stepsUp=3, stepsDown=%s)", "stepsDown"),
                Tuple.of("clrDecay(base=0.1, peak=1, stepSize=%s)", "stepSize"),
                Tuple.of("oneCycle(start=0.1, peak=1, end=0, stepsUp=%s, stepsDown=5)", "stepsUp"),
                Tuple.of("oneCycle(start=0.1, peak=1, end=0, stepsUp=5, stepsDown=%s)", "stepsDown"));
    }

    /** Spec texts with one argument that must be a positive number left as {@code %s}. */
    @Provide
    Arbitrary<Tuple2<String, String>> positiveRealArguments() {
        return Arbitraries.of(
                Tuple.of("sgdr(peak=1, firstPeriod=%s)", "firstPeriod"),
                Tuple.of("sgdr(peak=1, firstPeriod=10, peakDecay=%s)", "peakDecay"),
                Tuple.of("sgdr(peak=1, firstPeriod=10, floorDecay=%s)", "floorDecay"),
                Tuple.of("sgdr(peak=1, firstPeriod=10, timeExponent=%s)", "timeExponent"),
                Tuple.of("polynomial(from=1, to=0, steps=10, power=%s)", "power"),
                Tuple.of("stepDecay(initial=1, stepSize=3, factor=%s)", "factor"),
                Tuple.of("multiStepDecay(initial=1, milestones=[3], factor=%s)", "factor"),
                Tuple.of("exponentialDecay(initial=1, factor=%s)", "factor"),
                Tuple.of("cyclical(base=0, peak=1, stepsUp=3, scaling=expRange, gamma=%s)", "gamma"));
    }

    private static String name(String spec) {
        return spec.substring(0, spec.indexOf('('));
    }

    @Property(tries = 300)
    void nonPositiveWholeNumbersAreRefusedNamingSpecAndArgument(
            @ForAll("positiveIntegerArguments") Tuple2<String, String> template,
            @ForAll @LongRange(min = Long.MIN_VALUE, max = 0) long value) {
        String spec = String.format(template.get1(), value);
        assertThatThrownBy(() -> Specs.parsePolicy(spec)).as(spec).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(name(spec) + ": " + template.get2() + " must be > 0, got " + value);
    }

    @Property(tries = 300)
    void nonPositiveNumbersAreRefusedNamingSpecAndArgument(
            @ForAll("positiveRealArguments") Tuple2<String, String> template,
            @ForAll("nonPositive") double value) {
        String spec = String.format(template.get1(), value);
        assertThatThrownBy(() -> Specs.parsePolicy(spec)).as(spec).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(name(spec) + ": " + template.get2() + " must be ")
                .hasMessageContaining("got " + value);
    }

    @Provide
    Arbitrary<Double> nonPositive() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(0.0, -0.0, -Double.MIN_VALUE, -Double.MAX_VALUE)),
                Tuple.of(4, WIDE.positive().map(x -> -x)));
    }

    @Property(tries = 200)
    void negativeMilestonesAndSkipsAreRefused(@ForAll @LongRange(min = Long.MIN_VALUE, max = -1) long value) {
        assertThatThrownBy(() -> Specs.parseSchedule("multiStepDecay(initial=1, milestones=[" + value + "])"))
                .hasMessage("multiStepDecay: milestones[0] must be >= 0, got " + value);
        assertThatThrownBy(() -> Specs.parseSchedule("skip(schedule=constant(value=1), steps=" + value + ")"))
                .hasMessage("skip: steps must be >= 0, got " + value);
        assertThatThrownBy(() -> Specs.parseSchedule("sgdr(peak=1, firstPeriod=3, cycleLimit=" + value + ")"))
                .hasMessage("sgdr: cycleLimit must be >= 0, got " + value);
    }
}

package org.lrkit.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleConsumer;
import java.util.function.LongConsumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.constraints.LongRange;
import org.lrkit.schedule.CycleScaling.ExpRange;
import org.lrkit.schedule.CycleScaling.ExpRangeDecay;
import org.lrkit.spec.Specs;

/** Properties of the schedules over random valid parameters: bounds, monotone phases, periods, restarts. */
class ScheduleProperties {

    private static final ScheduleArbitraries MODERATE = ScheduleArbitraries.moderate();

    /** A few ulps of the largest magnitude involved: room for the rounding of one formula, no more. */
    private static double slack(double... values) {
        double largest = 0;
        for (double value : values) {
            largest = Math.max(largest, Math.abs(value));
        }
        return 8 * Math.ulp(largest);
    }

    private static void assertWithin(double value, double low, double high, String what) {
        double slack = slack(low, high);
        assertThat(value).as(what).isBetween(low - slack, high + slack);
    }

    /** The value at a step, or the message of the error raised there. */
    private static Object outcome(Schedule schedule, long step) {
        try {
            return schedule.valueAt(step);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    // ---- generators ------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<Long> steps() {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.longs().between(0, 5_000)),
                Tuple.of(1, Arbitraries.longs().between(0, 1_000_000_000_000L)));
    }

    @Provide
    Arbitrary<Cyclical> amplitudeCyclicals() {
        Arbitrary<CycleScaling> scalings = Arbitraries.oneOf(
                Arbitraries.just(new CycleScaling.Triangular()),
                Arbitraries.just(new CycleScaling.Triangular2()),
                MODERATE.positiveFraction().map(gamma -> new ExpRange(gamma, ExpRangeDecay.AMPLITUDE)));
        return MODERATE.cyclicals(scalings);
    }

    @Provide
    Arbitrary<Cyclical> bothBoundsCyclicals() {
        return MODERATE.cyclicals(MODERATE.positiveFraction().map(g -> new ExpRange(g, ExpRangeDecay.BOTH_BOUNDS)));
    }

    @Provide
    Arbitrary<Cyclical> triangulars() {
        return MODERATE.cyclicals(Arbitraries.just(new CycleScaling.Triangular()));
    }

    @Provide
    Arbitrary<Sgdr> sgdrs() {
        return MODERATE.sgdrs();
    }

    @Provide
    Arbitrary<OneCycle> oneCycles() {
        return MODERATE.oneCycles();
    }

    /** Two-phase one-cycles with {@code start < peak} and {@code end < peak}, every shape. */
    @Provide
    Arbitrary<OneCycle> risingThenFalling() {
        return Combinators.combine(MODERATE.positive(), MODERATE.positive(), MODERATE.positive(),
                Arbitraries.longs().between(1, 300), Arbitraries.longs().between(1, 300), MODERATE.shapes())
                .as((start, end, gap, up, down, shape) -> new OneCycle(start, Math.max(start, end) * (1 + gap) + gap,
                        end, up, down, 0, shape, PastEnd.HOLD));
    }

    @Provide
    Arbitrary<Anneal> anneals() {
        return MODERATE.anneals().map(a -> new Anneal(a.shape(), a.from(), a.to(), Math.min(a.steps(), 500),
                PastEnd.HOLD));
    }

    @Provide
    Arbitrary<Schedule> schedules() {
        return MODERATE.schedules();
    }

    // ---- bounds ------------------------------------------------------------------------------------------------

    @Property(tries = 1000)
    void cyclicalStaysBetweenBaseAndPeak(@ForAll("amplitudeCyclicals") Cyclical clr, @ForAll("steps") long step) {
        assertWithin(clr.valueAt(step), Math.min(clr.base(), clr.peak()), Math.max(clr.base(), clr.peak()),
                clr + " at " + step);
    }

    @Property(tries = 500)
    void bothBoundsDecayStaysBetweenZeroAndTheBounds(@ForAll("bothBoundsCyclicals") Cyclical clr,
                                                     @ForAll("steps") long step) {
        double low = Math.min(0, Math.min(clr.base(), clr.peak()));
        double high = Math.max(0, Math.max(clr.base(), clr.peak()));
        assertWithin(clr.valueAt(step), low, high, clr + " at " + step);
    }

    @Property(tries = 1000)
    void sgdrStaysWithinTheFloorAndPeakOfItsCycle(@ForAll("sgdrs") Sgdr sgdr,
                                                  @ForAll @LongRange(min = 0, max = 500) long step) {
        long cycle = sgdr.cycleOf(step);
        double value = sgdr.valueAt(step);
        if (sgdr.cycleLimit() > 0 && cycle >= sgdr.cycleLimit()) {
            assertThat(value).isEqualTo(sgdr.floor() * Math.pow(sgdr.floorDecay(), sgdr.cycleLimit() - 1));
            return;
        }
        double peak = sgdr.peak() * Math.pow(sgdr.peakDecay(), cycle);
        double floor = sgdr.floor() * Math.pow(sgdr.floorDecay(), cycle);
        assertWithin(value, Math.min(peak, floor), Math.max(peak, floor), sgdr + " at " + step);
        // overall: between the lowest floor and the highest peak of the cycles so far (geometric sequences
        // take their extremes at the first or the current cycle)
        assertWithin(value, Math.min(Math.min(sgdr.floor(), floor), Math.min(sgdr.peak(), peak)),
                Math.max(Math.max(sgdr.peak(), peak), Math.max(sgdr.floor(), floor)), sgdr + " at " + step);
    }

    @Property(tries = 1000)
    void oneCycleStaysInTheHullOfStartPeakAndEnd(@ForAll("oneCycles") OneCycle oneCycle, @ForAll("steps") long step) {
        OneCycle held = oneCycle.withPastEnd(PastEnd.HOLD);
        double low = Math.min(held.start(), Math.min(held.peak(), held.end()));
        double high = Math.max(held.start(), Math.max(held.peak(), held.end()));
        assertWithin(held.valueAt(step), low, high, held + " at " + step);
        assertWithin(held.valueAt(Math.min(step, held.stepsUp())), Math.min(held.start(), held.peak()),
                Math.max(held.start(), held.peak()), held + " rising");
    }

    @Property(tries = 1000)
    void annealStaysBetweenFromAndTo(@ForAll("anneals") Anneal anneal, @ForAll("steps") long step) {
        assertWithin(anneal.valueAt(step), Math.min(anneal.from(), anneal.to()), Math.max(anneal.from(), anneal.to()),
                anneal + " at " + step);
    }

    // ---- monotone phases ---------------------------------------------------------------------------------------

    @Property(tries = 300)
    void oneCycleRisesToThePeakThenFalls(@ForAll("risingThenFalling") OneCycle oneCycle) {
        for (long step = 0; step < oneCycle.lastStep() + 5; step++) {
            double now = oneCycle.valueAt(step);
            double next = oneCycle.valueAt(step + 1);
            double slack = slack(now, next);
            if (step < oneCycle.stepsUp()) {
                assertThat(next).as("%s rising at %d", oneCycle, step).isGreaterThanOrEqualTo(now - slack);
            } else {
                assertThat(next).as("%s falling at %d", oneCycle, step).isLessThanOrEqualTo(now + slack);
            }
        }
        assertThat(oneCycle.valueAt(oneCycle.stepsUp())).isEqualTo(oneCycle.peak());
    }

    @Property(tries = 300)
    void annealIsMonotone(@ForAll("anneals") Anneal anneal) {
        double direction = Math.signum(anneal.to() - anneal.from());
        for (long step = 0; step <= anneal.steps() + 2; step++) {
            double change = (anneal.valueAt(step + 1) - anneal.valueAt(step)) * direction;
            assertThat(change).as("%s at %d", anneal, step)
                    .isGreaterThanOrEqualTo(-slack(anneal.from(), anneal.to()));
        }
        assertThat(anneal.valueAt(0)).isEqualTo(anneal.from());
        assertThat(anneal.valueAt(anneal.steps())).isEqualTo(anneal.to());
    }

    @Property(tries = 300)
    void sgdrMovesTowardsTheFloorInsideEachCycle(@ForAll("sgdrs") Sgdr sgdr) {
        for (long step = 0; step < 300; step++) {
            long cycle = sgdr.cycleOf(step);
            if (sgdr.cycleOf(step + 1) != cycle || (sgdr.cycleLimit() > 0 && cycle >= sgdr.cycleLimit())) {
                continue;
            }
            double warmup = sgdr.warmupEveryCycle() || cycle == 0 ? sgdr.warmupSteps() : 0.0;
            if (step - sgdr.cycleStart(cycle) < warmup) {
                continue;
            }
            double peak = sgdr.peak() * Math.pow(sgdr.peakDecay(), cycle);
            double floor = sgdr.floor() * Math.pow(sgdr.floorDecay(), cycle);
            double change = (sgdr.valueAt(step + 1) - sgdr.valueAt(step)) * Math.signum(peak - floor);
            assertThat(change).as("%s at %d", sgdr, step).isLessThanOrEqualTo(slack(peak, floor));
        }
    }

    // ---- periods and restarts ------------------------------------------------------------------------------------

    @Property(tries = 1000)
    void triangularCyclesRepeatExactly(@ForAll("triangulars") Cyclical clr,
                                       @ForAll @LongRange(min = 0, max = 1_000_000) long step,
                                       @ForAll @LongRange(min = 1, max = 1_000_000) long cycles) {
        assertThat(clr.valueAt(step + cycles * clr.cycleLength())).isEqualTo(clr.valueAt(step));
        assertThat(clr.positionAt(step + cycles * clr.cycleLength()).phase()).isEqualTo(clr.positionAt(step).phase());
    }

    @Property(tries = 1000)
    void sgdrRestartsAtItsPeak(@ForAll("sgdrs") Sgdr sgdr) {
        for (int cycle = 0; cycle < 30; cycle++) {
            double start = sgdr.cycleStart(cycle);
            if (start != Math.rint(start) || start > 1e15) {
                continue;
            }
            long step = (long) start;
            boolean limited = sgdr.cycleLimit() > 0 && cycle >= sgdr.cycleLimit();
            double peak = sgdr.peak() * Math.pow(sgdr.peakDecay(), cycle);
            double floor = sgdr.floor() * Math.pow(sgdr.floorDecay(), cycle);
            boolean warmsUp = sgdr.warmupSteps() > 0 && (sgdr.warmupEveryCycle() || cycle == 0);
            double expected = limited ? sgdr.floor() * Math.pow(sgdr.floorDecay(), sgdr.cycleLimit() - 1)
                    : warmsUp ? floor : peak;
            assertThat(sgdr.cycleOf(step)).as("%s cycle of %d", sgdr, step).isEqualTo(cycle);
            assertThat(sgdr.valueAt(step)).as("%s at restart %d", sgdr, step).isEqualTo(expected);
            if (step > 0 && !limited) {
                assertThat(sgdr.isCycleEnd(step - 1)).as("%s end before %d", sgdr, step).isTrue();
            }
        }
    }

    @Provide
    Arbitrary<Sgdr> anySgdrs() {
        return ScheduleArbitraries.wide().sgdrs();
    }

    @Provide
    Arbitrary<Long> anySteps() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.longs().between(0, 10_000)),
                Tuple.of(2, Arbitraries.longs().between(0, Long.MAX_VALUE)),
                Tuple.of(1, Arbitraries.of(0L, 1L, Long.MAX_VALUE)));
    }

    @Property(tries = 1000)
    void cycleOfIsTheLastCycleStartedByTheStep(@ForAll("anySgdrs") Sgdr sgdr, @ForAll("anySteps") long step) {
        long cycle = sgdr.cycleOf(step);
        assertThat(cycle).isNotNegative();
        assertThat(sgdr.cycleStart(cycle)).as("%s start of cycle %d <= %d", sgdr, cycle, step)
                .isLessThanOrEqualTo((double) step);
        if (cycle < Long.MAX_VALUE - 1) {
            assertThat(sgdr.cycleStart(cycle + 1)).as("%s start of cycle %d > %d", sgdr, cycle + 1, step)
                    .isGreaterThan((double) step);
        }
    }

    // ---- local time --------------------------------------------------------------------------------------------

    @Property(tries = 500)
    void joinRunsItsSecondScheduleInLocalTime(@ForAll("schedules") Schedule first, @ForAll("schedules") Schedule then,
                                              @ForAll @LongRange(min = 1, max = 3_000) long steps,
                                              @ForAll @LongRange(min = 0, max = 3_000) long k) {
        Join join = new Join(first, steps, then);
        assertThat(outcome(join, steps + k)).isEqualTo(outcome(then, k));
        assertThat(outcome(join, k % steps)).isEqualTo(outcome(first, k % steps));
    }

    @Property(tries = 500)
    void warmupRunsItsScheduleInLocalTime(@ForAll("schedules") Schedule then,
                                          @ForAll @LongRange(min = 1, max = 3_000) long steps,
                                          @ForAll @LongRange(min = 0, max = 3_000) long k) {
        Assume.that(outcome(then, 0) instanceof Double);
        Warmup warmup = new Warmup(Interpolation.LINEAR, steps, 0.0, then);
        assertThat(outcome(warmup, steps + k)).isEqualTo(outcome(then, k));
        assertThat(warmup.valueAt(0)).isEqualTo(0.0);
    }

    @Property(tries = 500)
    void skipShiftsTime(@ForAll("schedules") Schedule schedule, @ForAll @LongRange(min = 0, max = 3_000) long steps,
                        @ForAll @LongRange(min = 0, max = 3_000) long k) {
        assertThat(outcome(new Skip(schedule, steps), k)).isEqualTo(outcome(schedule, steps + k));
    }

    // ---- order independence ------------------------------------------------------------------------------------

    @Property(tries = 300)
    void valuesDoNotDependOnTheOrderOfQuestions(@ForAll("schedules") Schedule schedule, @ForAll Random random) {
        List<Long> steps = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            steps.add(random.nextInt(10) < 8 ? (long) random.nextInt(4_000) : (long) (random.nextDouble() * 1e12));
        }
        List<Object> inOrder = steps.stream().map(step -> outcome(schedule, step)).toList();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        Object[] shuffled = new Object[steps.size()];
        for (int i : order) {
            shuffled[i] = outcome(schedule, steps.get(i));
        }
        assertThat(shuffled).containsExactly(inOrder.toArray());
        Schedule fresh = Specs.parseSchedule(schedule.toSpec());
        assertThat(steps.stream().map(step -> outcome(fresh, step)).toList()).isEqualTo(inOrder);
    }

    // ---- invalid arguments ---------------------------------------------------------------------------------------

    private static final Schedule ONE = new Constant(1.0);

    private static Tuple2<String, DoubleConsumer> real(String name, DoubleConsumer call) {
        return Tuple.of(name, call);
    }

    private static Tuple2<String, LongConsumer> integer(String name, LongConsumer call) {
        return Tuple.of(name, call);
    }

    @Provide
    Arbitrary<Tuple2<String, DoubleConsumer>> positiveRealParameters() {
        return Arbitraries.of(
                real("power", v -> Schedule.polynomial(1, 0, 10, v)),
                real("factor", v -> new StepDecay(1, 10, v)),
                real("factor", v -> new MultiStepDecay(1, new long[] {3}, v)),
                real("factor", v -> new ExponentialDecay(1, v)),
                real("gamma", v -> Cyclical.expRange(0, 1, 2, v)),
                real("firstPeriod", v -> Sgdr.of(1, 0, v, 2)),
                real("peakDecay", v -> Sgdr.of(1, 0, 10, 2).withDecay(v, 1)),
                real("floorDecay", v -> Sgdr.of(1, 0, 10, 2).withDecay(1, v)),
                real("timeExponent", v -> new Sgdr(1, 0, 10, 2, 1, 1, 0, false, 0, v)));
    }

    @Provide
    Arbitrary<Tuple2<String, DoubleConsumer>> nonNegativeRealParameters() {
        return Arbitraries.of(
                real("gamma", v -> new InverseTimeDecay(1, v, 0.75)),
                real("power", v -> new InverseTimeDecay(1, 1e-4, v)),
                real("warmupSteps", v -> Sgdr.of(1, 0, 10, 2).withWarmup(v, true)),
                real("epochs", v -> new TrainingClock(10).steps(v)),
                real("fractionUp", v -> OneCycle.of(0, 1, 0, 100, v, 0, Interpolation.LINEAR)),
                real("fractionFinal", v -> OneCycle.of(0, 1, 0, 100, 0.3, v, Interpolation.LINEAR)));
    }

    @Provide
    Arbitrary<Tuple2<String, DoubleConsumer>> finiteRealParameters() {
        return Arbitraries.of(
                real("value", v -> new Constant(v)),
                real("from", v -> Schedule.cosine(v, 0, 10)),
                real("to", v -> Schedule.linear(1, v, 10)),
                real("initial", v -> new StepDecay(v, 10, 0.1)),
                real("initial", v -> new InverseTimeDecay(v, 1e-4, 0.75)),
                real("start", v -> ONE.withWarmup(Interpolation.LINEAR, 5, v)),
                real("factor", v -> ONE.scaledBy(v)),
                real("offset", v -> ONE.plus(v)),
                real("min", v -> ONE.clampedTo(v, 1)),
                real("max", v -> ONE.clampedTo(0, v)),
                real("base", v -> Cyclical.triangular(v, 1, 2)),
                real("peak", v -> Cyclical.triangular2(0, v, 2)),
                real("peak", v -> Sgdr.of(v, 0, 10, 2)),
                real("floor", v -> Sgdr.of(1, v, 10, 2)),
                real("end", v -> OneCycle.of(0, 1, v, 100, 0.3, 0, Interpolation.COSINE)),
                real("values[1]", v -> new Piecewise(Interpolation.LINEAR, new double[] {0, 1}, new double[] {1, v},
                        PastEnd.HOLD)));
    }

    @Provide
    Arbitrary<Tuple2<String, LongConsumer>> positiveIntegerParameters() {
        return Arbitraries.of(
                integer("steps", v -> Schedule.linear(1, 0, v)),
                integer("steps", v -> Schedule.polynomial(1, 0, v, 2)),
                integer("stepSize", v -> new StepDecay(1, v, 0.1)),
                integer("steps", v -> ONE.withWarmup(Interpolation.COSINE, v, 0)),
                integer("steps", v -> ONE.followedBy(v, ONE)),
                integer("stepsUp", v -> new Cyclical(0, 1, v, 2, new CycleScaling.Triangular())),
                integer("stepsDown", v -> new Cyclical(0, 1, 2, v, new CycleScaling.Triangular())),
                integer("stepsUp", v -> new OneCycle(0, 1, 0, v, 2, 0, Interpolation.LINEAR, PastEnd.HOLD)),
                integer("stepsDown", v -> new OneCycle(0, 1, 0, 2, v, 0, Interpolation.LINEAR, PastEnd.HOLD)),
                integer("stepsPerEpoch", v -> new TrainingClock(v)),
                integer("batchesPerEpoch", v -> TrainingClock.ofBatches(v, 1, TrainingClock.Remainder.STEP)),
                integer("accumulationSteps", v -> TrainingClock.ofBatches(10, v, TrainingClock.Remainder.DROP)));
    }

    @Provide
    Arbitrary<Tuple2<String, LongConsumer>> nonNegativeIntegerParameters() {
        return Arbitraries.of(
                integer("steps", v -> ONE.skipping(v)),
                integer("stepsFinal", v -> new OneCycle(0, 1, 0, 2, 2, v, Interpolation.LINEAR, PastEnd.HOLD)),
                integer("cycleLimit", v -> Sgdr.of(1, 0, 10, 2).withCycleLimit(v)),
                integer("milestones[0]", v -> new MultiStepDecay(1, new long[] {v}, 0.1)),
                integer("step", v -> Sgdr.of(1, 0, 10, 2).valueAt(v)),
                integer("step", v -> Cyclical.triangular(0, 1, 3).valueAt(v)),
                integer("step", v -> OneCycle.of(0, 1, 0, 100, 0.3, 0, Interpolation.LINEAR).valueAt(v)),
                integer("step", v -> new TrainingClock(3).epochs(v)));
    }

    @Provide
    Arbitrary<Double> notPositive() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
                        -Double.MIN_VALUE, -Double.MAX_VALUE)),
                Tuple.of(3, MODERATE.positive().map(x -> -x)));
    }

    @Provide
    Arbitrary<Double> negativeOrNotFinite() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                        -Double.MIN_VALUE, -Double.MAX_VALUE)),
                Tuple.of(3, MODERATE.positive().map(x -> -x)));
    }

    @Provide
    Arbitrary<Double> notFinite() {
        return Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    }

    private static void assertRefused(Tuple2<String, ? extends Object> parameter, Runnable call, Object value) {
        assertThatThrownBy(call::run).as("%s = %s", parameter.get1(), value)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(parameter.get1() + " must ")
                .hasMessageContaining(String.valueOf(value));
    }

    @Property(tries = 300)
    void positiveRealParametersRefuseEverythingElse(@ForAll("positiveRealParameters") Tuple2<String, DoubleConsumer> p,
                                                    @ForAll("notPositive") double value) {
        assertRefused(p, () -> p.get2().accept(value), value);
    }

    @Property(tries = 300)
    void nonNegativeRealParametersRefuseNegativesAndNonFinite(
            @ForAll("nonNegativeRealParameters") Tuple2<String, DoubleConsumer> p,
            @ForAll("negativeOrNotFinite") double value) {
        assertRefused(p, () -> p.get2().accept(value), value);
    }

    @Property(tries = 200)
    void finiteRealParametersRefuseNanAndInfinities(@ForAll("finiteRealParameters") Tuple2<String, DoubleConsumer> p,
                                                   @ForAll("notFinite") double value) {
        assertRefused(p, () -> p.get2().accept(value), value);
    }

    @Property(tries = 300)
    void positiveIntegerParametersRefuseZeroAndNegatives(
            @ForAll("positiveIntegerParameters") Tuple2<String, LongConsumer> p,
            @ForAll @LongRange(min = Long.MIN_VALUE, max = 0) long value) {
        assertRefused(p, () -> p.get2().accept(value), value);
    }

    @Property(tries = 300)
    void nonNegativeIntegerParametersRefuseNegatives(
            @ForAll("nonNegativeIntegerParameters") Tuple2<String, LongConsumer> p,
            @ForAll @LongRange(min = Long.MIN_VALUE, max = -1) long value) {
        assertRefused(p, () -> p.get2().accept(value), value);
    }
}

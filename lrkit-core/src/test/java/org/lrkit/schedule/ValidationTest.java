package org.lrkit.schedule;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lrkit.schedule.CycleScaling.ExpRange;
import org.lrkit.schedule.CycleScaling.ExpRangeDecay;
import org.lrkit.schedule.CycleScaling.ScaleBasis;

/**
 * Every invalid argument of every schedule record and factory is refused with an
 * {@link IllegalArgumentException} whose message names the parameter, the rule and the value received.
 */
class ValidationTest {

    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final Schedule ONE = new Constant(1.0);
    private static final CycleScaling TRIANGULAR = new CycleScaling.Triangular();

    private static Arguments bad(String label, ThrowingCallable action, String... fragments) {
        return Arguments.of(Named.of(label, action), fragments);
    }

    /** The same call with NaN, +Infinity and -Infinity for a parameter that must be finite. */
    private static Stream<Arguments> notFinite(String label, String parameter, java.util.function.DoubleConsumer call) {
        return Stream.of(NAN, INF, -INF).map(value -> bad(label + " " + parameter + "=" + value,
                () -> call.accept(value), parameter + " must be a finite number, got " + value));
    }

    static Stream<Arguments> invalidArguments() {
        List<Stream<Arguments>> cases = new ArrayList<>();

        // constant
        cases.add(notFinite("Constant", "value", v -> new Constant(v)));

        // anneal
        cases.add(notFinite("Anneal", "from", v -> new Anneal(Interpolation.LINEAR, v, 0, 10, PastEnd.HOLD)));
        cases.add(notFinite("Anneal", "to", v -> new Anneal(Interpolation.LINEAR, 1, v, 10, PastEnd.HOLD)));
        cases.add(Stream.of(
                bad("Anneal shape=null", () -> new Anneal(null, 1, 0, 10, PastEnd.HOLD), "shape must not be null"),
                bad("Anneal pastEnd=null", () -> new Anneal(Interpolation.LINEAR, 1, 0, 10, null),
                        "pastEnd must not be null"),
                bad("Anneal steps=0", () -> new Anneal(Interpolation.LINEAR, 1, 0, 0, PastEnd.HOLD), "steps must be > 0, got 0"),
                bad("Anneal steps=-5", () -> Schedule.cosine(1, 0, -5), "steps must be > 0, got -5"),
                bad("Anneal exponential to 0", () -> Schedule.exponential(1, 0, 10),
                        "an exponential curve needs from and to non-zero and of the same sign", "from=1.0, to=0.0"),
                bad("Anneal exponential from 0", () -> Schedule.exponential(0, 1, 10),
                        "an exponential curve needs from and to", "from=0.0, to=1.0"),
                bad("Anneal exponential sign change", () -> Schedule.exponential(-1, 1, 10),
                        "non-zero and of the same sign", "from=-1.0, to=1.0")));

        // polynomial
        cases.add(notFinite("Polynomial", "from", v -> Schedule.polynomial(v, 0, 10, 1)));
        cases.add(notFinite("Polynomial", "to", v -> Schedule.polynomial(1, v, 10, 1)));
        cases.add(notFinite("Polynomial", "power", v -> Schedule.polynomial(1, 0, 10, v)));
        cases.add(Stream.of(
                bad("Polynomial steps=0", () -> Schedule.polynomial(1, 0, 0, 1), "steps must be > 0, got 0"),
                bad("Polynomial power=0", () -> Schedule.polynomial(1, 0, 10, 0), "power must be > 0, got 0.0"),
                bad("Polynomial power=-1", () -> Schedule.polynomial(1, 0, 10, -1), "power must be > 0, got -1.0"),
                bad("Polynomial pastEnd=null", () -> new Polynomial(1, 0, 10, 1, null), "pastEnd must not be null")));

        // decays
        cases.add(notFinite("StepDecay", "initial", v -> new StepDecay(v, 10, 0.1)));
        cases.add(notFinite("StepDecay", "factor", v -> new StepDecay(1, 10, v)));
        cases.add(notFinite("MultiStepDecay", "initial", v -> new MultiStepDecay(v, new long[] {1}, 0.1)));
        cases.add(notFinite("MultiStepDecay", "factor", v -> new MultiStepDecay(1, new long[] {1}, v)));
        cases.add(notFinite("ExponentialDecay", "initial", v -> new ExponentialDecay(v, 0.9)));
        cases.add(notFinite("ExponentialDecay", "factor", v -> new ExponentialDecay(1, v)));
        cases.add(notFinite("InverseTimeDecay", "initial", v -> new InverseTimeDecay(v, 1e-4, 0.75)));
        cases.add(notFinite("InverseTimeDecay", "gamma", v -> new InverseTimeDecay(1, v, 0.75)));
        cases.add(notFinite("InverseTimeDecay", "power", v -> new InverseTimeDecay(1, 1e-4, v)));
        cases.add(Stream.of(
                bad("StepDecay stepSize=0", () -> new StepDecay(1, 0, 0.1), "stepSize must be > 0, got 0"),
                bad("StepDecay factor=0", () -> new StepDecay(1, 10, 0), "factor must be > 0, got 0.0"),
                bad("StepDecay factor<0", () -> new StepDecay(1, 10, -0.5), "factor must be > 0, got -0.5"),
                bad("MultiStepDecay milestones=null", () -> new MultiStepDecay(1, null, 0.1),
                        "milestones must not be null"),
                bad("MultiStepDecay negative milestone", () -> new MultiStepDecay(1, new long[] {5, -1}, 0.1),
                        "milestones[1] must be >= 0, got -1"),
                bad("MultiStepDecay unsorted", () -> new MultiStepDecay(1, new long[] {10, 30, 20}, 0.1),
                        "milestones must be in increasing order", "milestones[1]=30 > milestones[2]=20", "sort them"),
                bad("MultiStepDecay factor=0", () -> new MultiStepDecay(1, new long[] {1}, 0), "factor must be > 0, got 0.0"),
                bad("ExponentialDecay factor=0", () -> new ExponentialDecay(1, 0), "factor must be > 0, got 0.0"),
                bad("ExponentialDecay factor<0", () -> new ExponentialDecay(1, -0.9), "factor must be > 0, got -0.9"),
                bad("InverseTimeDecay gamma<0", () -> new InverseTimeDecay(1, -1e-4, 0.75),
                        "gamma must be >= 0, got -1.0E-4"),
                bad("InverseTimeDecay power<0", () -> new InverseTimeDecay(1, 1e-4, -0.75),
                        "power must be >= 0, got -0.75")));

        // warmup and composition
        cases.add(notFinite("Warmup", "start", v -> new Warmup(Interpolation.LINEAR, 5, v, ONE)));
        cases.add(notFinite("Scaled", "factor", v -> new Scaled(ONE, v)));
        cases.add(notFinite("Offset", "offset", v -> new Offset(ONE, v)));
        cases.add(notFinite("Clamped", "min", v -> new Clamped(ONE, v, 1)));
        cases.add(notFinite("Clamped", "max", v -> new Clamped(ONE, 0, v)));
        cases.add(Stream.of(
                bad("Warmup shape=null", () -> new Warmup(null, 5, 0, ONE), "shape must not be null"),
                bad("Warmup steps=0", () -> new Warmup(Interpolation.LINEAR, 0, 0, ONE), "steps must be > 0, got 0"),
                bad("Warmup steps<0", () -> ONE.withWarmup(Interpolation.LINEAR, -2, 0), "steps must be > 0, got -2"),
                bad("Warmup then=null", () -> new Warmup(Interpolation.LINEAR, 5, 0, null), "then must not be null"),
                bad("Warmup exponential from 0", () -> new Warmup(Interpolation.EXPONENTIAL, 5, 0, ONE),
                        "an exponential curve needs start and the first value of the warmed-up schedule non-zero",
                        "start=0.0"),
                bad("Warmup exponential sign change", () -> new Warmup(Interpolation.EXPONENTIAL, 5, -0.1, ONE),
                        "non-zero and of the same sign", "start=-0.1"),
                bad("Warmup exponential to a zero first value",
                        () -> new Warmup(Interpolation.EXPONENTIAL, 5, 0.1, Schedule.linear(0, 1, 10)),
                        "the first value of the warmed-up schedule=0.0"),
                bad("Join first=null", () -> new Join(null, 5, ONE), "first must not be null"),
                bad("Join then=null", () -> new Join(ONE, 5, null), "then must not be null"),
                bad("Join steps=0", () -> new Join(ONE, 0, ONE), "steps must be > 0, got 0"),
                bad("Join steps<0", () -> ONE.followedBy(-1, ONE), "steps must be > 0, got -1"),
                bad("Scaled schedule=null", () -> new Scaled(null, 2), "schedule must not be null"),
                bad("Offset schedule=null", () -> new Offset(null, 2), "schedule must not be null"),
                bad("Clamped schedule=null", () -> new Clamped(null, 0, 1), "schedule must not be null"),
                bad("Clamped min>max", () -> ONE.clampedTo(1, 0), "min must be <= max, got min=1.0, max=0.0"),
                bad("Skip schedule=null", () -> new Skip(null, 2), "schedule must not be null"),
                bad("Skip steps<0", () -> ONE.skipping(-1), "steps must be >= 0, got -1")));

        // cyclical
        cases.add(notFinite("Cyclical", "base", v -> new Cyclical(v, 1, 2, 2, TRIANGULAR)));
        cases.add(notFinite("Cyclical", "peak", v -> new Cyclical(0, v, 2, 2, TRIANGULAR)));
        cases.add(notFinite("ExpRange", "gamma", v -> Cyclical.expRange(0, 1, 2, v)));
        cases.add(Stream.of(
                bad("Cyclical base=peak", () -> Cyclical.triangular(0.1, 0.1, 5),
                        "peak must differ from base, got base=peak=0.1", "constant(value=0.1)"),
                bad("Cyclical withBounds base=peak", () -> Cyclical.triangular(0.1, 1, 5).withBounds(0.9, 0.9),
                        "peak must differ from base, got base=peak=0.9"),
                bad("Cyclical stepsUp=0", () -> new Cyclical(0, 1, 0, 2, TRIANGULAR), "stepsUp must be > 0, got 0"),
                bad("Cyclical stepsDown=0", () -> new Cyclical(0, 1, 2, 0, TRIANGULAR), "stepsDown must be > 0, got 0"),
                bad("Cyclical stepsDown<0", () -> new Cyclical(0, 1, 2, -3, TRIANGULAR), "stepsDown must be > 0, got -3"),
                bad("Cyclical.triangular stepSize=0", () -> Cyclical.triangular(0, 1, 0), "stepSize must be > 0, got 0"),
                bad("Cyclical.triangular2 stepSize<0", () -> Cyclical.triangular2(0, 1, -1), "stepSize must be > 0, got -1"),
                bad("Cyclical.expRange stepSize=0", () -> Cyclical.expRange(0, 1, 0, 0.9), "stepSize must be > 0, got 0"),
                bad("Cyclical scaling=null", () -> new Cyclical(0, 1, 2, 2, null), "scaling must not be null"),
                bad("Cyclical length overflows", () -> new Cyclical(0, 1, Long.MAX_VALUE, 1, TRIANGULAR),
                        "stepsUp + stepsDown must fit in a long", "stepsUp=" + Long.MAX_VALUE, "stepsDown=1"),
                bad("ExpRange gamma=0", () -> Cyclical.expRange(0, 1, 2, 0), "gamma must be in (0, 1], got 0.0"),
                bad("ExpRange gamma>1", () -> Cyclical.expRange(0, 1, 2, 1.5), "gamma must be in (0, 1], got 1.5"),
                bad("ExpRange gamma<0", () -> new ExpRange(-0.1, ExpRangeDecay.AMPLITUDE),
                        "gamma must be in (0, 1], got -0.1"),
                bad("ExpRange decay=null", () -> new ExpRange(0.9, null), "decay must not be null"),
                bad("Custom basis=null", () -> new CycleScaling.Custom(null, x -> 1), "basis must not be null"),
                bad("Custom function=null", () -> new CycleScaling.Custom(ScaleBasis.STEP, null),
                        "function must not be null"),
                bad("decayPolicy stepSize=0", () -> Cyclical.decayPolicy(0.1, 1, 0), "stepSize must be > 0, got 0")));

        // sgdr
        cases.add(notFinite("Sgdr", "peak", v -> Sgdr.of(v, 0, 10, 2)));
        cases.add(notFinite("Sgdr", "floor", v -> Sgdr.of(1, v, 10, 2)));
        cases.add(notFinite("Sgdr", "firstPeriod", v -> Sgdr.of(1, 0, v, 2)));
        cases.add(notFinite("Sgdr", "periodMultiplier", v -> Sgdr.of(1, 0, 10, v)));
        cases.add(notFinite("Sgdr", "peakDecay", v -> Sgdr.of(1, 0, 10, 2).withDecay(v, 1)));
        cases.add(notFinite("Sgdr", "floorDecay", v -> Sgdr.of(1, 0, 10, 2).withDecay(1, v)));
        cases.add(notFinite("Sgdr", "warmupSteps", v -> Sgdr.of(1, 0, 10, 2).withWarmup(v, false)));
        cases.add(notFinite("Sgdr", "timeExponent", v -> new Sgdr(1, 0, 10, 2, 1, 1, 0, false, 0, v)));
        cases.add(Stream.of(
                bad("Sgdr floor>peak", () -> Sgdr.of(0.1, 0.2, 10, 2), "floor must be <= peak, got floor=0.2, peak=0.1"),
                bad("Sgdr firstPeriod=0", () -> Sgdr.of(1, 0, 0, 2), "firstPeriod must be > 0, got 0.0"),
                bad("Sgdr firstPeriod<0", () -> Sgdr.of(1, 0, -10, 2), "firstPeriod must be > 0, got -10.0"),
                bad("Sgdr periodMultiplier<1", () -> Sgdr.of(1, 0, 10, 0.5),
                        "periodMultiplier must be >= 1.0, got 0.5"),
                bad("Sgdr peakDecay=0", () -> Sgdr.of(1, 0, 10, 2).withDecay(0, 1), "peakDecay must be > 0, got 0.0"),
                bad("Sgdr floorDecay<0", () -> Sgdr.of(1, 0, 10, 2).withDecay(1, -1), "floorDecay must be > 0, got -1.0"),
                bad("Sgdr warmupSteps<0", () -> Sgdr.of(1, 0, 10, 2).withWarmup(-1, false),
                        "warmupSteps must be >= 0, got -1.0"),
                bad("Sgdr warmupSteps=firstPeriod", () -> Sgdr.of(1, 0, 10, 2).withWarmup(10, true),
                        "warmupSteps must be < firstPeriod, got warmupSteps=10.0, firstPeriod=10.0"),
                bad("Sgdr warmupSteps>firstPeriod", () -> Sgdr.of(1, 0, 2.5, 2).withWarmup(3, false),
                        "warmupSteps must be < firstPeriod, got warmupSteps=3.0, firstPeriod=2.5"),
                bad("Sgdr cycleLimit<0", () -> Sgdr.of(1, 0, 10, 2).withCycleLimit(-1), "cycleLimit must be >= 0, got -1"),
                bad("Sgdr timeExponent=0", () -> new Sgdr(1, 0, 10, 2, 1, 1, 0, false, 0, 0),
                        "timeExponent must be > 0, got 0.0")));

        // one-cycle
        cases.add(notFinite("OneCycle", "start", v -> new OneCycle(v, 1, 0, 2, 2, 0, Interpolation.LINEAR,
                PastEnd.HOLD)));
        cases.add(notFinite("OneCycle", "peak", v -> new OneCycle(0, v, 0, 2, 2, 0, Interpolation.LINEAR,
                PastEnd.HOLD)));
        cases.add(notFinite("OneCycle", "end", v -> new OneCycle(0, 1, v, 2, 2, 0, Interpolation.LINEAR,
                PastEnd.HOLD)));
        cases.add(notFinite("OneCycle.of", "fractionUp", v -> OneCycle.of(0, 1, 0, 100, v, 0, Interpolation.LINEAR)));
        cases.add(notFinite("OneCycle.of", "fractionFinal", v -> OneCycle.of(0, 1, 0, 100, 0.3, v,
                Interpolation.LINEAR)));
        cases.add(notFinite("OneCycle.mirrored", "start",
                v -> OneCycle.of(0, 1, 0, 100, 0.3, 0, Interpolation.LINEAR).mirrored(v, 0.85)));
        cases.add(Stream.of(
                bad("OneCycle stepsUp=0", () -> new OneCycle(0, 1, 0, 0, 2, 0, Interpolation.LINEAR, PastEnd.HOLD),
                        "stepsUp must be > 0, got 0"),
                bad("OneCycle stepsDown=0", () -> new OneCycle(0, 1, 0, 2, 0, 0, Interpolation.LINEAR, PastEnd.HOLD),
                        "stepsDown must be > 0, got 0"),
                bad("OneCycle stepsFinal<0", () -> new OneCycle(0, 1, 0, 2, 2, -1, Interpolation.LINEAR, PastEnd.HOLD),
                        "stepsFinal must be >= 0, got -1"),
                bad("OneCycle shape=null", () -> new OneCycle(0, 1, 0, 2, 2, 0, null, PastEnd.HOLD),
                        "shape must not be null"),
                bad("OneCycle pastEnd=null", () -> new OneCycle(0, 1, 0, 2, 2, 0, Interpolation.LINEAR, null),
                        "pastEnd must not be null"),
                bad("OneCycle exponential start 0", () -> new OneCycle(0, 1, 0.1, 2, 2, 0, Interpolation.EXPONENTIAL, PastEnd.HOLD),
                        "an exponential curve needs start and peak non-zero", "start=0.0, peak=1.0"),
                bad("OneCycle exponential end 0", () -> new OneCycle(0.1, 1, 0, 2, 2, 0, Interpolation.EXPONENTIAL, PastEnd.HOLD),
                        "an exponential curve needs peak and end non-zero", "peak=1.0, end=0.0"),
                bad("OneCycle.of totalSteps=2", () -> OneCycle.of(0, 1, 0, 2, 0.5, 0, Interpolation.LINEAR),
                        "totalSteps must be >= 3", "got 2"),
                bad("OneCycle.of fractionUp>1", () -> OneCycle.of(0, 1, 0, 100, 1.5, 0, Interpolation.LINEAR),
                        "fractionUp must be in [0, 1] (a fraction, not a percentage), got 1.5"),
                bad("OneCycle.of fractionUp as a percentage", () -> OneCycle.of(0, 1, 0, 100, 30, 0,
                        Interpolation.LINEAR),
                        "fractionUp must be in [0, 1] (a fraction, not a percentage), got 30.0"),
                bad("OneCycle.of fractionFinal<0", () -> OneCycle.of(0, 1, 0, 100, 0.3, -0.1, Interpolation.LINEAR),
                        "fractionFinal must be in [0, 1]", "got -0.1"),
                bad("OneCycle.of shape=null", () -> OneCycle.of(0, 1, 0, 100, 0.3, 0, null), "shape must not be null"),
                bad("OneCycle.withPastEnd(null)", () -> OneCycle.of(0, 1, 0, 100, 0.3, 0, Interpolation.LINEAR).withPastEnd(null),
                        "pastEnd must not be null")));

        // piecewise
        cases.add(notFinite("Piecewise", "knots[1]", v -> new Piecewise(Interpolation.LINEAR, new double[] {0, v},
                new double[] {1, 0}, PastEnd.HOLD)));
        cases.add(notFinite("Piecewise", "values[1]", v -> new Piecewise(Interpolation.LINEAR, new double[] {0, 1},
                new double[] {1, v}, PastEnd.HOLD)));
        cases.add(Stream.of(
                bad("Piecewise shape=null", () -> new Piecewise(null, new double[] {0, 1}, new double[] {1, 0},
                        PastEnd.HOLD), "shape must not be null"),
                bad("Piecewise knots=null", () -> new Piecewise(Interpolation.LINEAR, null, new double[] {1, 0},
                        PastEnd.HOLD),
                        "knots must not be null"),
                bad("Piecewise values=null", () -> new Piecewise(Interpolation.LINEAR, new double[] {0, 1}, null,
                        PastEnd.HOLD),
                        "values must not be null"),
                bad("Piecewise pastEnd=null", () -> new Piecewise(Interpolation.LINEAR, new double[] {0, 1},
                        new double[] {1, 0}, null), "pastEnd must not be null"),
                bad("Piecewise one knot", () -> new Piecewise(Interpolation.LINEAR, new double[] {0}, new double[] {1},
                        PastEnd.HOLD), "knots and values must have the same length, at least 2, got 1 knots and 1 values"),
                bad("Piecewise length mismatch", () -> new Piecewise(Interpolation.LINEAR, new double[] {0, 1, 2},
                        new double[] {1, 0}, PastEnd.HOLD), "got 3 knots and 2 values"),
                bad("Piecewise first knot not 0", () -> new Piecewise(Interpolation.LINEAR, new double[] {1, 2},
                        new double[] {1, 0}, PastEnd.HOLD), "knots[0] must be 0, got 1.0"),
                bad("Piecewise first knot NaN", () -> new Piecewise(Interpolation.LINEAR, new double[] {NAN, 2},
                        new double[] {1, 0}, PastEnd.HOLD), "knots[0]", "NaN"),
                bad("Piecewise repeated knot", () -> new Piecewise(Interpolation.LINEAR, new double[] {0, 2, 2},
                        new double[] {1, 0, 1}, PastEnd.HOLD), "knots must be strictly increasing",
                        "knots[1]=2.0 >= knots[2]=2.0"),
                bad("Piecewise decreasing knots", () -> new Piecewise(Interpolation.LINEAR, new double[] {0, 3, 2.5},
                        new double[] {1, 0, 1}, PastEnd.HOLD), "knots[1]=3.0 >= knots[2]=2.5"),
                bad("Piecewise exponential through 0", () -> new Piecewise(Interpolation.EXPONENTIAL,
                        new double[] {0, 1, 2},
                        new double[] {1, 0.5, 0}, PastEnd.HOLD), "an exponential curve needs values[1] and values[2]",
                        "values[2]=0.0")));

        return cases.stream().flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidArguments")
    void refusedWithAMessageNamingParameterRuleAndValue(ThrowingCallable action, String[] fragments) {
        var thrown = assertThatThrownBy(action).isInstanceOf(IllegalArgumentException.class);
        for (String fragment : fragments) {
            thrown.hasMessageContaining(fragment);
        }
    }

    static Stream<Arguments> everySchedule() {
        Cyclical clr = Cyclical.triangular(0.1, 1, 2);
        return Stream.<Schedule>of(
                ONE,
                Schedule.linear(1, 0, 10),
                Schedule.cosine(1, 0, 10),
                Schedule.exponential(1, 0.1, 10),
                new Anneal(Interpolation.LINEAR, 1, 0, 10, PastEnd.EXTRAPOLATE),
                Schedule.polynomial(1, 0, 10, 2),
                new StepDecay(1, 10, 0.1),
                new MultiStepDecay(1, new long[] {1, 2}, 0.1),
                new ExponentialDecay(1, 0.9),
                new InverseTimeDecay(1, 1e-4, 0.75),
                new Warmup(Interpolation.LINEAR, 3, 0, ONE),
                new Join(ONE, 3, ONE),
                new Scaled(ONE, 2),
                new Offset(ONE, 2),
                new Clamped(ONE, 0, 2),
                new Skip(ONE, 3),
                clr,
                Cyclical.expRange(0.1, 1, 2, 0.9),
                Sgdr.of(1, 0, 10, 2),
                OneCycle.of(0, 1, 0, 100, 0.3, 0, Interpolation.COSINE),
                OneCycle.of(0, 1, 0, 100, 0.3, 0, Interpolation.COSINE).withPastEnd(PastEnd.EXTRAPOLATE),
                new Piecewise(Interpolation.LINEAR, new double[] {0, 1}, new double[] {1, 0}, PastEnd.EXTRAPOLATE))
                .map(schedule -> Arguments.of(Named.of(schedule.toString(), schedule)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everySchedule")
    void negativeStepsAreRefused(Schedule schedule) {
        assertThatThrownBy(() -> schedule.valueAt(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("step must be >= 0").hasMessageContaining("got -1");
        assertThatThrownBy(() -> schedule.valueAt(Long.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("step must be >= 0");
        schedule.cycles().ifPresent(cycles -> {
            assertThatThrownBy(() -> cycles.positionAt(-1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("step must be >= 0");
            assertThatThrownBy(() -> cycles.nextCycleEnd(-1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("step must be >= 0");
        });
    }
}

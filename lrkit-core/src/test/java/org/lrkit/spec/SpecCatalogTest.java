package org.lrkit.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.lrkit.schedule.Anneal;
import org.lrkit.schedule.Constant;
import org.lrkit.schedule.Cyclical;
import org.lrkit.schedule.Interpolation;
import org.lrkit.schedule.OneCycle;
import org.lrkit.schedule.PastEnd;
import org.lrkit.schedule.Piecewise;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Schedule;
import org.lrkit.schedule.Sgdr;

/** The catalog of lrkit's own specs: one working example per name, defaults, and every kind of error. */
class SpecCatalogTest {

    private static final double TOLERANCE = 1e-15;

    /** One example per native name, with a check of what it builds. */
    private static final Map<String, Example> EXAMPLES = new LinkedHashMap<>();

    private record Example(String spec, Consumer<Policy> check) {
    }

    private static void example(String spec, Consumer<Policy> check) {
        EXAMPLES.put(spec.substring(0, spec.indexOf('(')), new Example(spec, check));
    }

    private static Consumer<Policy> equalTo(Schedule expected) {
        return policy -> assertThat(policy).isEqualTo(Policy.of(expected));
    }

    private static Consumer<Policy> valueAt(long step, double expected) {
        return policy -> {
            assertThat(policy.momentum()).isEmpty();
            assertThat(policy.learningRate().valueAt(step)).isCloseTo(expected, within(TOLERANCE));
        };
    }

    static {
        example("constant(value=0.1)", equalTo(new Constant(0.1)));
        example("linear(from=1, to=0, steps=10)", equalTo(new Anneal(Interpolation.LINEAR, 1, 0, 10, PastEnd.HOLD)));
        example("cosine(from=1, to=0, steps=10, pastEnd=extrapolate)", valueAt(12, 0.09549150281252633));
        example("exponential(from=1, to=0.01, steps=10)", valueAt(5, 0.1));
        example("polynomial(from=1, to=0, steps=10)", valueAt(5, 0.5));
        example("stepDecay(initial=0.1, stepSize=3)", valueAt(3, 0.01));
        example("multiStepDecay(initial=1, milestones=[2, 4, 4], factor=0.5)", valueAt(4, 0.125));
        example("exponentialDecay(initial=2, factor=0.5)", valueAt(2, 0.5));
        example("inverseTimeDecay(initial=0.01)", valueAt(10_000, 0.005946035575013605));
        example("warmup(steps=4, then=constant(value=1))", valueAt(1, 0.25));
        example("join(first=constant(value=1), steps=2, then=constant(value=2))", valueAt(2, 2.0));
        example("scaled(schedule=constant(value=1), factor=3)", valueAt(9, 3.0));
        example("offset(schedule=constant(value=1), offset=0.5)", valueAt(9, 1.5));
        example("clamped(schedule=linear(from=2, to=-2, steps=4), min=0, max=1)", valueAt(0, 1.0));
        example("timeWarp(schedule=linear(from=0, to=10, steps=10), fromStep=2, speed=0.5)", valueAt(2, 2.0));
        example("skip(schedule=linear(from=1, to=0, steps=10), steps=4)", valueAt(0, 0.6));
        example("cyclical(base=0.1, peak=1, stepsUp=2)", equalTo(Cyclical.triangular(0.1, 1, 2)));
        example("clrDecay(base=0.1, peak=1, stepSize=3)", equalTo(Cyclical.decayPolicy(0.1, 1, 3)));
        example("sgdr(peak=1, firstPeriod=2, periodMultiplier=2)", equalTo(Sgdr.of(1, 0, 2, 2)));
        example("oneCycle(start=0.1, peak=1, end=0.001, stepsUp=3, stepsDown=5)",
                equalTo(new OneCycle(0.1, 1, 0.001, 3, 5, 0, Interpolation.COSINE, PastEnd.HOLD)));
        example("oneCyclePolicy(peak=0.1, totalSteps=1000)", policy -> {
            OneCycle lr = OneCycle.of(0.1 / 25, 0.1, 0.1 / 25 / 1e4, 1000, 0.3, 0.0, Interpolation.COSINE);
            assertThat(policy).isEqualTo(Policy.of(lr).withMomentum(lr.mirrored(0.95, 0.85)));
        });
        example("piecewise(knots=[0, 2, 4], values=[0, 1, 0])", equalTo(new Piecewise(Interpolation.LINEAR,
                new double[] {0, 2, 4}, new double[] {0, 1, 0}, PastEnd.HOLD)));
        example("policy(lr=constant(value=0.1), momentum=constant(value=0.9), beta1=constant(value=0.8))",
                policy -> assertThat(policy).isEqualTo(Policy.of(new Constant(0.1)).withMomentum(new Constant(0.9))
                        .withBeta1(new Constant(0.8))));
    }

    static Stream<Named<Example>> examples() {
        return EXAMPLES.values().stream().map(example -> Named.of(example.spec(), example));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyNativeNameBuilds(Example example) {
        example.check().accept(Specs.parsePolicy(example.spec()));
    }

    @Test
    void theExamplesCoverEveryNativeName() {
        assertThat(Specs.catalog().stream().map(SpecDescription::name).filter(name -> !name.contains(".")))
                .containsExactlyInAnyOrderElementsOf(EXAMPLES.keySet());
    }

    @Test
    void catalogEntriesAreDescribed() {
        assertThat(Specs.catalog()).extracting(SpecDescription::name).doesNotHaveDuplicates();
        for (SpecDescription description : Specs.catalog()) {
            assertThat(description.summary()).as(description.name()).isNotBlank();
            assertThat(description.parameters()).as(description.name()).isNotEmpty();
            for (ParameterDescription parameter : description.parameters()) {
                assertThat(parameter.description()).as(description.name() + "." + parameter.name()).isNotBlank();
                if (!parameter.required()) {
                    assertThat(Spec.parse("x(v=" + parameter.defaultText() + ")").get("v"))
                            .as("default of " + description.name() + "." + parameter.name()).isPresent();
                }
            }
        }
        SpecDescription cosine = Specs.catalog().stream().filter(d -> d.name().equals("cosine")).findFirst()
                .orElseThrow();
        assertThat(cosine.parameters()).extracting(ParameterDescription::name)
                .containsExactly("from", "to", "steps", "pastEnd");
        assertThat(cosine.parameters()).extracting(ParameterDescription::required)
                .containsExactly(true, true, true, false);
    }

    // ---- defaults ------------------------------------------------------------------------------------------------

    @Test
    void defaults() {
        assertThat(Specs.parseSchedule("sgdr(peak=1, firstPeriod=3)")).isEqualTo(Sgdr.of(1, 0, 3, 1));
        assertThat(Specs.parseSchedule("cyclical(base=0.1, peak=1, stepsUp=2, stepsDown=6, scaling=expRange, "
                + "gamma=0.9)")).isEqualTo(new Cyclical(0.1, 1, 2, 6,
                        new org.lrkit.schedule.CycleScaling.ExpRange(0.9,
                                org.lrkit.schedule.CycleScaling.ExpRangeDecay.AMPLITUDE)));
        assertThat(Specs.parseSchedule("warmup(steps=3, then=constant(value=1))"))
                .isEqualTo(new org.lrkit.schedule.Warmup(Interpolation.LINEAR, 3, 0.0, new Constant(1)));
        assertThat(Specs.parseSchedule("oneCyclePolicy(peak=0.1, totalSteps=100, cycleMomentum=false)"))
                .isEqualTo(OneCycle.of(0.1 / 25, 0.1, 0.1 / 25 / 1e4, 100, 0.3, 0.0, Interpolation.COSINE));
        Policy threePhase = Specs.parsePolicy("oneCyclePolicy(peak=1, totalSteps=101, fractionUp=0.4, "
                + "fractionFinal=0.2, start=0.1, end=0.001, shape=linear, momentumHigh=0.9, momentumLow=0.8)");
        OneCycle lr = OneCycle.of(0.1, 1, 0.001, 101, 0.4, 0.2, Interpolation.LINEAR);
        assertThat(threePhase).isEqualTo(Policy.of(lr).withMomentum(lr.mirrored(0.9, 0.8)));
    }

    @Test
    void oneCycleAcceptsEveryShapeItsRecordAccepts() {
        OneCycle exponential = new OneCycle(0.01, 1, 1e-4, 2, 2, 0, Interpolation.EXPONENTIAL, PastEnd.HOLD);
        assertThat(Specs.parseSchedule(exponential.toSpec())).isEqualTo(exponential);
        assertThat(Specs.parseSchedule("oneCycle(start=0.01, peak=1, end=0.0001, stepsUp=2, stepsDown=2, "
                + "shape=exponential)").valueAt(1)).isCloseTo(0.1, within(TOLERANCE));
    }

    // ---- errors -----------------------------------------------------------------------------------------------------

    @Test
    void unknownNameSuggestsTheClosest() {
        assertThatThrownBy(() -> Specs.parseSchedule("cosin(from=1, to=0, steps=3)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown schedule 'cosin' (did you mean cosine?)")
                .hasMessageContaining("known names: constant, linear, cosine");
        assertThatThrownBy(() -> Specs.parsePolicy("torch.OneCycle(max_lr=1, total_steps=10)"))
                .hasMessageStartingWith("unknown schedule 'torch.OneCycle' (did you mean torch.OneCycleLR?)");
        assertThatThrownBy(() -> Specs.parsePolicy("Sgdr(peak=1, firstPeriod=3)"))
                .hasMessageContaining("did you mean sgdr?");
        assertThatThrownBy(() -> Specs.parsePolicy("qqqqqqqqqqqq()"))
                .hasMessageStartingWith("unknown schedule 'qqqqqqqqqqqq'; known names: ")
                .hasMessageNotContaining("did you mean");
    }

    @Test
    void unknownArgumentListsTheArguments() {
        assertThatThrownBy(() -> Specs.parseSchedule("cosine(from=1, to=0, stpes=3)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cosine has no argument 'stpes' (did you mean steps?); its arguments are: from, to, "
                        + "steps, pastEnd");
        assertThatThrownBy(() -> Specs.parseSchedule("sgdr(peak=1, firstPeriod=3, zzzzzzzzzz=1)"))
                .hasMessageStartingWith("sgdr has no argument 'zzzzzzzzzz'; its arguments are: peak, floor, "
                        + "firstPeriod, periodMultiplier, peakDecay, floorDecay, warmupSteps, warmupEveryCycle, "
                        + "cycleLimit, timeExponent");
    }

    @Test
    void missingRequiredArgumentIsNamed() {
        assertThatThrownBy(() -> Specs.parseSchedule("cosine(from=1, to=0)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cosine needs the argument steps (length in steps)");
        assertThatThrownBy(() -> Specs.parseSchedule("sgdr(peak=1)"))
                .hasMessageStartingWith("sgdr needs the argument firstPeriod");
        assertThatThrownBy(() -> Specs.parseSchedule("warmup(steps=5, then=cosine(from=1))"))
                .hasMessage("warmup: cosine needs the argument to (value at step `steps`)");
        assertThatThrownBy(() -> Specs.parseSchedule("cosine(from=1, to=0, steps=none)"))
                .hasMessageStartingWith("cosine needs the argument steps");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "cosine(from=abc, to=0, steps=3)                            | cosine: from must be a number, got word abc",
        "cosine(from=1, to='x', steps=3)                            | cosine: to must be a number, got string",
        "cosine(from=1, to=0, steps=2.5)                            | cosine: steps must be a whole number, got number 2.5",
        "cosine(from=1, to=0, steps=[3])                            | cosine: steps must be a whole number, got list [3]",
        "sgdr(peak=1, firstPeriod=3, warmupEveryCycle=1)            | sgdr: warmupEveryCycle must be true or false, got integer 1",
        "cosine(from=1, to=0, steps=3, pastEnd=forever)             | cosine: pastEnd must be one of hold, error, extrapolate, got forever",
        "warmup(shape=square, steps=3, then=constant(value=1))      | warmup: shape must be one of linear, cosine, exponential, got square",
        "oneCyclePolicy(peak=0.1, totalSteps=100, shape=exponential) | oneCyclePolicy: shape must be one of",
        "cyclical(base=0, peak=1, stepsUp=2, scaling=sine)          | cyclical: scaling must be one of triangular, triangular2, expRange, got sine",
        "warmup(steps=3, then=0.5)                                  | warmup: then must be a schedule spec such as",
        "multiStepDecay(initial=1, milestones=[1, two])             | multiStepDecay: milestones must be a whole number, got word two",
        "constant(value=constant(value=1))                          | constant: value must be a number, got spec constant(value=1)",
    })
    void wrongKindOfValue(String spec, String message) {
        assertThatThrownBy(() -> Specs.parsePolicy(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void expRangeNeedsGammaAndOnlyExpRangeTakesIt() {
        assertThatThrownBy(() -> Specs.parseSchedule("cyclical(base=0, peak=1, stepsUp=2, scaling=expRange)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cyclical: scaling=expRange needs gamma");
        assertThatThrownBy(() -> Specs.parseSchedule("cyclical(base=0, peak=1, stepsUp=2, gamma=0.9)"))
                .hasMessageStartingWith("cyclical: gamma and decay apply to scaling=expRange only, got "
                        + "scaling=triangular");
        assertThatThrownBy(() -> Specs.parseSchedule("cyclical(base=0, peak=1, stepsUp=2, scaling=triangular2, "
                + "decay=bothBounds)")).hasMessageContaining("got scaling=triangular2");
        assertThatThrownBy(() -> Specs.parseSchedule("cyclical(base=0, peak=1, stepsUp=2, scaling=expRange, "
                + "gamma=1.5)")).hasMessage("cyclical: gamma must be in (0, 1], got 1.5");
        assertThatThrownBy(() -> Specs.parseSchedule("cyclical(base=0, peak=1, stepsUp=2, scaling=expRange, "
                + "gamma=0.9, decay=both)")).hasMessageStartingWith("cyclical: decay must be one of amplitude, bothBounds");
        assertThatThrownBy(() -> Specs.parseSchedule("cyclical(base=0.5, peak=0.5, stepsUp=2)"))
                .hasMessageStartingWith("cyclical: peak must differ from base, got base=peak=0.5");
        assertThat(Specs.parseSchedule("cyclical(base=0, peak=1, stepsUp=2, gamma=none)"))
                .isEqualTo(Cyclical.triangular(0, 1, 2));
    }

    @Test
    void policiesCarryMomentumAndSchedulesRefuseIt() {
        String spec = "policy(lr=constant(value=0.1), momentum=constant(value=0.9))";
        assertThat(Specs.parsePolicy(spec)).isEqualTo(Policy.of(new Constant(0.1)).withMomentum(new Constant(0.9)));
        assertThatThrownBy(() -> Specs.parseSchedule(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("policy schedules momentum too; read it with Specs.parsePolicy to keep it");
        assertThatThrownBy(() -> Specs.parseSchedule("oneCyclePolicy(peak=0.1, totalSteps=100)"))
                .hasMessageStartingWith("oneCyclePolicy schedules momentum too");
        assertThatThrownBy(() -> Specs.parseSchedule("torch.CyclicLR(base_lr=0.1, max_lr=1)"))
                .hasMessageStartingWith("torch.CyclicLR schedules momentum too");
        assertThatThrownBy(() -> Specs.parseSchedule("policy(lr=constant(value=0.1), beta1=constant(value=0.9))"))
                .hasMessageStartingWith("policy schedules momentum too");
        assertThat(Specs.parseSchedule("policy(lr=constant(value=0.1))")).isEqualTo(new Constant(0.1));
        assertThat(Specs.parseSchedule("torch.CyclicLR(base_lr=0.1, max_lr=1, cycle_momentum=false)"))
                .isEqualTo(new Cyclical(0.1, 1, 2000, 2000, new org.lrkit.schedule.CycleScaling.Triangular()));
    }

    @Test
    void aNestedSpecThatCarriesMomentumIsRefusedInAScheduleSlot() {
        assertThatThrownBy(() -> Specs.parsePolicy("warmup(steps=10, then=oneCyclePolicy(peak=0.1, totalSteps=100))"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("warmup: then takes a schedule, but oneCyclePolicy(peak=0.1, totalSteps=100) "
                        + "also schedules momentum or beta1");
        assertThatThrownBy(() -> Specs.parsePolicy("policy(lr=policy(lr=constant(value=1), "
                + "momentum=constant(value=0.9)))"))
                .hasMessageStartingWith("policy: lr takes a schedule, but policy(");
        assertThatThrownBy(() -> Specs.parsePolicy("policy(lr=constant(value=1), "
                + "momentum=torch.CyclicLR(base_lr=0.8, max_lr=0.9))"))
                .hasMessageStartingWith("policy: momentum takes a schedule, but torch.CyclicLR(");
    }

    @Test
    void errorsAreTaggedWithEverySpecOnTheWay() {
        assertThatThrownBy(() -> Specs.parseSchedule("cosine(from=1, to=0, steps=0)"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cosine: steps must be > 0, got 0")
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Specs.parseSchedule("warmup(steps=5, then=cosine(from=1, to=0, steps=0))"))
                .hasMessage("warmup: cosine: steps must be > 0, got 0");
        // a parameter named like its spec gets the prefix too
        assertThatThrownBy(() -> Specs.parseSchedule("offset(schedule=constant(value=1), offset=abc)"))
                .hasMessage("offset: offset must be a number, got word abc");
        assertThatThrownBy(() -> Specs.parseSchedule("warmup(steps=5, then=offset(schedule=constant(value=1), "
                + "offset=abc))")).hasMessage("warmup: offset: offset must be a number, got word abc");
        // and so does a spec nested in one of the same name
        assertThatThrownBy(() -> Specs.parseSchedule("scaled(factor=2, schedule=scaled(factor=2, "
                + "schedule=constant(value=abc)))"))
                .hasMessage("scaled: scaled: constant: value must be a number, got word abc");
        assertThatThrownBy(() -> Specs.parseSchedule("sgdr(peak=0.1, floor=0.2, firstPeriod=3)"))
                .hasMessage("sgdr: floor must be <= peak, got floor=0.2, peak=0.1; swap them");
        assertThatThrownBy(() -> Specs.parseSchedule("oneCyclePolicy(peak=0.1, totalSteps=100, start=0.2)"))
                .hasMessageStartingWith("oneCyclePolicy: start must be < peak, got start=0.2, peak=0.1");
        assertThatThrownBy(() -> Specs.parseSchedule("oneCyclePolicy(peak=0.1, totalSteps=100, end=0.01)"))
                .hasMessageStartingWith("oneCyclePolicy: end must be <= start, got end=0.01, start=0.004");
        assertThatThrownBy(() -> Specs.parsePolicy("oneCyclePolicy(peak=0.1, totalSteps=100, momentumLow=0.99)"))
                .hasMessage("oneCyclePolicy: momentumLow must be <= momentumHigh, got momentumLow=0.99, "
                        + "momentumHigh=0.95");
        assertThatThrownBy(() -> Specs.parsePolicy("oneCyclePolicy(peak=0.1, totalSteps=100, fractionUp=30)"))
                .hasMessageStartingWith("oneCyclePolicy: fractionUp must be in [0, 1] (a fraction, not a percentage)");
        assertThatThrownBy(() -> Specs.parsePolicy("oneCyclePolicy(peak=0.1, totalSteps=100, fractionUp=0.001)"))
                .hasMessageContaining("leaves the rising phase with no step");
    }

    // ---- torch.OneCycleLR ---------------------------------------------------------------------------------------

    @Test
    void oneCycleLrRefusesPhasesOfNoLength() {
        assertThatThrownBy(() -> Specs.parsePolicy("torch.OneCycleLR(max_lr=1, total_steps=10, pct_start=0.05)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("torch.OneCycleLR: pct_start=0.05 with total_steps=10 gives phase 0 no length")
                .hasMessageContaining("pct_start * total_steps > 1");
        assertThatThrownBy(() -> Specs.parsePolicy("torch.OneCycleLR(max_lr=1, total_steps=10, pct_start=0.1)"))
                .hasMessageContaining("gives phase 0 no length (it would end at step 0.0)");
        assertThatThrownBy(() -> Specs.parsePolicy("torch.OneCycleLR(max_lr=1, total_steps=10, pct_start=0.6, "
                + "three_phase=true)")).hasMessageContaining("gives phase 2 no length")
                .hasMessageContaining("and pct_start < 0.5");
        assertThat(Specs.parsePolicy("torch.OneCycleLR(max_lr=1, total_steps=10, pct_start=0.5, three_phase=true)")
                .learningRate().valueAt(4)).isEqualTo(1.0);
    }

    @Test
    void oneCycleLrPastTheEnd() {
        Schedule cosine = Specs.parsePolicy("torch.OneCycleLR(max_lr=1, total_steps=10)").learningRate();
        // knots 0, 2, 9: the cosine extrapolated to step 10 mirrors step 8
        assertThat(cosine.valueAt(10)).isCloseTo(cosine.valueAt(8), within(TOLERANCE));
        assertThat(cosine.valueAt(9)).isEqualTo(1.0 / 25 / 1e4);
        Schedule linear = Specs.parsePolicy("torch.OneCycleLR(max_lr=1, total_steps=10, anneal_strategy=linear)")
                .learningRate();
        assertThat(linear.valueAt(10)).isCloseTo(-0.14285257142857133, within(1e-12));
        Policy held = Specs.parsePolicy("torch.OneCycleLR(max_lr=1, total_steps=10, past_end=hold)");
        assertThat(held.learningRate().valueAt(10)).isEqualTo(1.0 / 25 / 1e4);
        assertThat(held.momentum().orElseThrow().valueAt(10)).isEqualTo(0.95);
        Policy error = Specs.parsePolicy("torch.OneCycleLR(max_lr=1, total_steps=10, past_end=error)");
        assertThat(error.learningRate().valueAt(9)).isEqualTo(1.0 / 25 / 1e4);
        assertThatThrownBy(() -> error.learningRate().valueAt(10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("step 10 is past the end of piecewise(");
    }
}

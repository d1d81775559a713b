package org.lrkit.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lrkit.schedule.Anneal;
import org.lrkit.schedule.Clamped;
import org.lrkit.schedule.Constant;
import org.lrkit.schedule.CycleScaling;
import org.lrkit.schedule.Cyclical;
import org.lrkit.schedule.ExponentialDecay;
import org.lrkit.schedule.Interpolation;
import org.lrkit.schedule.InverseTimeDecay;
import org.lrkit.schedule.Join;
import org.lrkit.schedule.MultiStepDecay;
import org.lrkit.schedule.Offset;
import org.lrkit.schedule.OneCycle;
import org.lrkit.schedule.PastEnd;
import org.lrkit.schedule.Piecewise;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Polynomial;
import org.lrkit.schedule.Scaled;
import org.lrkit.schedule.Sgdr;
import org.lrkit.schedule.Skip;
import org.lrkit.schedule.StepDecay;
import org.lrkit.schedule.TimeWarp;
import org.lrkit.schedule.Warmup;

/** lrkit's own schedules and policies, named like their Java types, with the same argument names. */
final class NativeSpecs {

    static final Map<String, PastEnd> PAST_END = words(PastEnd.values(), PastEnd::word);
    static final Map<String, Interpolation> SHAPES = words(Interpolation.values(), Interpolation::word);
    private static final Map<String, Interpolation> CYCLE_SHAPES =
            words(new Interpolation[] {Interpolation.LINEAR, Interpolation.COSINE}, Interpolation::word);
    private static final Map<String, CycleScaling.ExpRangeDecay> EXP_RANGE_DECAY =
            words(CycleScaling.ExpRangeDecay.values(), CycleScaling.ExpRangeDecay::word);
    private static final String PAST_END_TEXT = "what steps after the end return: hold, error or extrapolate";

    private NativeSpecs() {
    }

    static <E> Map<String, E> words(E[] values, java.util.function.Function<E, String> word) {
        Map<String, E> map = new LinkedHashMap<>();
        for (E value : values) {
            map.put(word.apply(value), value);
        }
        return map;
    }

    static List<SpecType> types() {
        return List.of(
                SpecType.named("constant", "the same value at every step")
                        .required("value", "the value")
                        .builds(a -> new Constant(a.real("value"))),
                anneal(Interpolation.LINEAR), anneal(Interpolation.COSINE), anneal(Interpolation.EXPONENTIAL),
                SpecType.named("polynomial", "polynomial decay to + (from - to)(1 - t/steps)^power")
                        .required("from", "value at step 0")
                        .required("to", "value at step `steps`")
                        .required("steps", "length in steps")
                        .optional("power", "1.0", "exponent (> 0)")
                        .optional("pastEnd", "hold", PAST_END_TEXT)
                        .builds(a -> new Polynomial(a.real("from"), a.real("to"), a.integer("steps"),
                                a.real("power"), a.choice("pastEnd", PAST_END))),
                SpecType.named("stepDecay", "multiply by `factor` every `stepSize` steps")
                        .required("initial", "value before the first decay")
                        .required("stepSize", "steps between decays")
                        .optional("factor", "0.1", "multiplier at each decay")
                        .builds(a -> new StepDecay(a.real("initial"), a.integer("stepSize"), a.real("factor"))),
                SpecType.named("multiStepDecay", "multiply by `factor` at each milestone step")
                        .required("initial", "value before the first milestone")
                        .required("milestones", "steps of the decays, in increasing order, e.g. [30, 60]")
                        .optional("factor", "0.1", "multiplier at each milestone")
                        .builds(a -> new MultiStepDecay(a.real("initial"), a.integers("milestones"),
                                a.real("factor"))),
                SpecType.named("exponentialDecay", "initial * factor^step")
                        .required("initial", "value at step 0")
                        .required("factor", "multiplier per step")
                        .builds(a -> new ExponentialDecay(a.real("initial"), a.real("factor"))),
                SpecType.named("inverseTimeDecay", "Caffe's inv policy: initial * (1 + gamma step)^-power")
                        .required("initial", "value at step 0")
                        .optional("gamma", "1.0E-4", "time scale")
                        .optional("power", "0.75", "exponent")
                        .builds(a -> new InverseTimeDecay(a.real("initial"), a.real("gamma"), a.real("power"))),
                SpecType.named("warmup", "a warm-up from `start` to the first value of `then`, which follows")
                        .optional("shape", "linear", "curve: linear, cosine or exponential")
                        .required("steps", "length of the warm-up in steps")
                        .optional("start", "0.0", "value at step 0")
                        .required("then", "the schedule after the warm-up, in local time")
                        .builds(a -> new Warmup(a.choice("shape", SHAPES), a.integer("steps"), a.real("start"),
                                a.schedule("then"))),
                SpecType.named("join", "`first` for `steps` steps, then `then` in local time")
                        .required("first", "the first schedule")
                        .required("steps", "steps of the first schedule")
                        .required("then", "the schedule after it")
                        .builds(a -> new Join(a.schedule("first"), a.integer("steps"), a.schedule("then"))),
                SpecType.named("scaled", "a schedule times a constant")
                        .required("schedule", "the schedule")
                        .required("factor", "the multiplier")
                        .builds(a -> new Scaled(a.schedule("schedule"), a.real("factor"))),
                SpecType.named("offset", "a schedule plus a constant")
                        .required("schedule", "the schedule")
                        .required("offset", "the constant added")
                        .builds(a -> new Offset(a.schedule("schedule"), a.real("offset"))),
                SpecType.named("clamped", "a schedule limited to [min, max]")
                        .required("schedule", "the schedule")
                        .required("min", "lower bound")
                        .required("max", "upper bound")
                        .builds(a -> new Clamped(a.schedule("schedule"), a.real("min"), a.real("max"))),
                SpecType.named("timeWarp", "a schedule run at another speed from fromStep on (elastic resume)")
                        .required("schedule", "the schedule")
                        .required("fromStep", "first warped step")
                        .required("speed", "original steps per new step")
                        .builds(a -> new TimeWarp(a.schedule("schedule"), a.integer("fromStep"), a.real("speed"))),
                SpecType.named("skip", "a schedule entered `steps` steps in")
                        .required("schedule", "the schedule")
                        .required("steps", "steps skipped")
                        .builds(a -> new Skip(a.schedule("schedule"), a.integer("steps"))),
                cyclical(),
                SpecType.named("clrDecay", "the CLR paper's decay ablation: peak down to base over stepSize, then base")
                        .required("base", "final value")
                        .required("peak", "value at step 0")
                        .required("stepSize", "steps of the decline")
                        .builds(a -> Cyclical.decayPolicy(a.real("base"), a.real("peak"), a.integer("stepSize"))),
                sgdr(),
                SpecType.named("oneCycle", "one cycle start -> peak -> end (two-phase) or start -> peak -> "
                                + "start -> end (three-phase), phase lengths in steps")
                        .required("start", "value at step 0")
                        .required("peak", "value at step stepsUp")
                        .required("end", "value at the last step")
                        .required("stepsUp", "steps of the rising phase")
                        .required("stepsDown", "steps of the falling phase")
                        .optional("stepsFinal", "0", "steps of the annihilation phase; 0 = two phases")
                        .optional("shape", "cosine", "curve of each phase: linear, cosine or exponential")
                        .optional("pastEnd", "hold", PAST_END_TEXT)
                        .builds(a -> new OneCycle(a.real("start"), a.real("peak"), a.real("end"),
                                a.integer("stepsUp"), a.integer("stepsDown"), a.integer("stepsFinal"),
                                a.choice("shape", SHAPES), a.choice("pastEnd", PAST_END))),
                oneCyclePolicy(),
                SpecType.named("piecewise", "interpolation through knots at (possibly fractional) steps")
                        .optional("shape", "linear", "curve of each segment")
                        .required("knots", "steps of the knots, first 0, increasing")
                        .required("values", "value at each knot")
                        .optional("pastEnd", "hold", PAST_END_TEXT)
                        .builds(a -> new Piecewise(a.choice("shape", SHAPES), a.reals("knots"), a.reals("values"),
                                a.choice("pastEnd", PAST_END))),
                SpecType.named("policy", "a learning-rate schedule with momentum and/or Adam beta1 schedules")
                        .required("lr", "the learning-rate schedule")
                        .optional("momentum", "none", "the SGD momentum schedule")
                        .optional("beta1", "none", "the Adam beta1 schedule")
                        .buildsPolicy(a -> {
                            Policy policy = Policy.of(a.schedule("lr"));
                            if (a.isSet("momentum")) {
                                policy = policy.withMomentum(a.schedule("momentum"));
                            }
                            return a.isSet("beta1") ? policy.withBeta1(a.schedule("beta1")) : policy;
                        }));
    }

    private static SpecType anneal(Interpolation shape) {
        return SpecType.named(shape.word(), shape.word() + " interpolation from `from` at step 0 to `to` at step `steps`")
                .required("from", "value at step 0")
                .required("to", "value at step `steps`")
                .required("steps", "length in steps")
                .optional("pastEnd", "hold", PAST_END_TEXT)
                .builds(a -> new Anneal(shape, a.real("from"), a.real("to"), a.integer("steps"),
                        a.choice("pastEnd", PAST_END)));
    }

    private static SpecType cyclical() {
        Map<String, String> scalings = words(new String[] {"triangular", "triangular2", "expRange"}, s -> s);
        return SpecType.named("cyclical", "Smith's cyclical learning rate: a triangle wave between base and peak")
                .required("base", "value at the start of each cycle")
                .required("peak", "value at the top of each cycle")
                .required("stepsUp", "steps from base to peak")
                .optional("stepsDown", "none", "steps from peak to base (default: stepsUp)")
                .optional("scaling", "triangular", "triangular, triangular2 (amplitude halves each cycle) or "
                        + "expRange (amplitude times gamma^step)")
                .optional("gamma", "none", "decay per step, for scaling=expRange only")
                .optional("decay", "amplitude", "for expRange: amplitude (reference code) or bothBounds "
                        + "(paper's text)")
                .builds(a -> {
                    String scaling = a.choice("scaling", scalings);
                    if (!scaling.equals("expRange") && (a.isSet("gamma") || a.isSet("decay"))) {
                        throw new IllegalArgumentException("gamma and decay apply to scaling=expRange only, got "
                                + "scaling=" + scaling + "; remove them or set scaling=expRange");
                    }
                    if (scaling.equals("expRange") && !a.isSet("gamma")) {
                        throw new IllegalArgumentException("scaling=expRange needs gamma, the decay per step "
                                + "in (0, 1], e.g. gamma=0.99994");
                    }
                    CycleScaling cycleScaling = switch (scaling) {
                        case "triangular" -> new CycleScaling.Triangular();
                        case "triangular2" -> new CycleScaling.Triangular2();
                        default -> new CycleScaling.ExpRange(a.real("gamma"), a.choice("decay", EXP_RANGE_DECAY));
                    };
                    long up = a.integer("stepsUp");
                    return new Cyclical(a.real("base"), a.real("peak"), up,
                            a.isSet("stepsDown") ? a.integer("stepsDown") : up, cycleScaling);
                });
    }

    private static SpecType sgdr() {
        return SpecType.named("sgdr", "cosine annealing with warm restarts (Loshchilov & Hutter), periods in steps")
                .required("peak", "value after each restart")
                .optional("floor", "0.0", "value the cosine anneals to")
                .required("firstPeriod", "length of the first cycle in steps (may be fractional)")
                .optional("periodMultiplier", "1.0", "growth of the period per restart (>= 1, real)")
                .optional("peakDecay", "1.0", "peak multiplier per restart")
                .optional("floorDecay", "1.0", "floor multiplier per restart")
                .optional("warmupSteps", "0.0", "linear warm-up at the start of a cycle, in steps")
                .optional("warmupEveryCycle", "false", "warm up every cycle, not only the first")
                .optional("cycleLimit", "0", "hold the floor after this many cycles; 0 = never")
                .optional("timeExponent", "1.0", "k-decay exponent on the fraction of the cycle")
                .builds(a -> new Sgdr(a.real("peak"), a.real("floor"), a.real("firstPeriod"),
                        a.real("periodMultiplier"), a.real("peakDecay"), a.real("floorDecay"),
                        a.real("warmupSteps"), a.flag("warmupEveryCycle"), a.integer("cycleLimit"),
                        a.real("timeExponent")));
    }

    private static SpecType oneCyclePolicy() {
        return SpecType.named("oneCyclePolicy", "the one-cycle policy over totalSteps steps with cyclical momentum")
                .required("peak", "the largest learning rate")
                .required("totalSteps", "steps in the run; the last one gets `end`")
                .optional("fractionUp", "0.3", "fraction of the run spent rising")
                .optional("fractionFinal", "0.0", "fraction spent in annihilation (three-phase when > 0)")
                .optional("start", "none", "learning rate at step 0 (default: peak / 25)")
                .optional("end", "none", "learning rate at the last step (default: start / 1e4)")
                .optional("shape", "cosine", "curve of each phase: linear or cosine")
                .optional("cycleMomentum", "true", "schedule momentum inversely to the learning rate")
                .optional("momentumHigh", "0.95", "momentum at the start and the end")
                .optional("momentumLow", "0.85", "momentum at the peak learning rate")
                .buildsPolicy(a -> {
                    double peak = a.real("peak");
                    double start = a.isSet("start") ? a.real("start") : peak / 25.0;
                    double end = a.isSet("end") ? a.real("end") : start / 1e4;
                    if (!(start < peak)) {
                        throw new IllegalArgumentException("start must be < peak, got start=" + start
                                + ", peak=" + peak + "; the learning rate rises to the peak");
                    }
                    if (!(end <= start)) {
                        throw new IllegalArgumentException("end must be <= start, got end=" + end + ", start="
                                + start + "; the annihilation phase goes far below the start");
                    }
                    OneCycle lr = OneCycle.builder()
                            .start(start)
                            .peak(peak)
                            .end(end)
                            .totalSteps(a.integer("totalSteps"))
                            .fractionUp(a.real("fractionUp"))
                            .fractionFinal(a.real("fractionFinal"))
                            .shape(a.choice("shape", CYCLE_SHAPES))
                            .build();
                    if (!a.flag("cycleMomentum")) {
                        return Policy.of(lr);
                    }
                    double high = a.real("momentumHigh");
                    double low = a.real("momentumLow");
                    if (!(low <= high)) {
                        throw new IllegalArgumentException("momentumLow must be <= momentumHigh, got momentumLow="
                                + low + ", momentumHigh=" + high);
                    }
                    return Policy.of(lr).withMomentum(lr.mirrored(high, low));
                });
    }
}

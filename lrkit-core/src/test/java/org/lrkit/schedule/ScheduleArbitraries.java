package org.lrkit.schedule;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.lrkit.schedule.CycleScaling.ExpRange;
import org.lrkit.schedule.CycleScaling.ExpRangeDecay;

/**
 * Generators of valid built-in schedules with random parameters, for property tests. {@link #wide()} draws
 * numbers from the whole finite range (signed zeros, subnormals, {@code 1e300}, full-precision mantissas)
 * for text round trips; {@link #moderate()} keeps magnitudes in {@code [1e-4, 1e3]} so that values can be
 * computed and compared without overflow.
 */
public final class ScheduleArbitraries {

    private final boolean wide;

    private ScheduleArbitraries(boolean wide) {
        this.wide = wide;
    }

    /** Parameters from the whole finite range of doubles and longs. */
    public static ScheduleArbitraries wide() {
        return new ScheduleArbitraries(true);
    }

    /** Parameters of moderate size: values can be computed without overflow. */
    public static ScheduleArbitraries moderate() {
        return new ScheduleArbitraries(false);
    }

    // ---- numbers -------------------------------------------------------------------------------------------

    /** A magnitude {@code > 0}: log-uniform with a full mantissa, round decimals, and (wide) extremes. */
    public Arbitrary<Double> positive() {
        double low = wide ? -300 : -4;
        double high = wide ? 300 : 3;
        Arbitrary<Double> logUniform = Arbitraries.randomValue(r -> Math.pow(10, low + (high - low) * r.nextDouble()));
        Arbitrary<Double> decimals = Arbitraries.doubles().between(1e-3, 100).ofScale(3).filter(x -> x > 0);
        Arbitrary<Double> edges = wide
                ? Arbitraries.of(Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300, 0.1, 1.0, 1e300, Double.MAX_VALUE)
                : Arbitraries.of(1e-4, 0.1, 1.0, 1e3);
        return Arbitraries.frequencyOf(Tuple.of(4, logUniform), Tuple.of(3, decimals), Tuple.of(1, edges));
    }

    /** Any finite value: a positive magnitude with a random sign, or a (signed) zero. */
    public Arbitrary<Double> real() {
        Arbitrary<Double> signed = Combinators.combine(positive(), Arbitraries.of(1.0, -1.0)).as((m, s) -> m * s);
        return Arbitraries.frequencyOf(Tuple.of(8, signed), Tuple.of(1, Arbitraries.of(0.0, -0.0)));
    }

    /** A value in {@code (0, 1]}. */
    public Arbitrary<Double> positiveFraction() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.randomValue(r -> 1.0 - r.nextDouble())),
                Tuple.of(2, Arbitraries.randomValue(r -> 1.0 - Math.pow(10, -6 * r.nextDouble()))),
                Tuple.of(1, Arbitraries.of(1.0, 0.5, 0.99994, Double.MIN_VALUE)));
    }

    /** A step count {@code >= 1} no larger than {@code max}. */
    public Arbitrary<Long> steps(long max) {
        long cap = wide ? max : Math.min(max, 2_000);
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.longs().between(1, Math.min(cap, 50))),
                Tuple.of(3, Arbitraries.longs().between(1, cap)),
                Tuple.of(1, Arbitraries.of(1L, cap)));
    }

    public Arbitrary<Long> steps() {
        return steps(Long.MAX_VALUE);
    }

    public Arbitrary<Interpolation> shapes() {
        return Arbitraries.of(Interpolation.class);
    }

    public Arbitrary<PastEnd> pastEnds() {
        return Arbitraries.of(PastEnd.class);
    }

    private static double nonZero(double value) {
        return value == 0.0 ? 1.0 : Math.abs(value);
    }

    // ---- leaves --------------------------------------------------------------------------------------------

    public Arbitrary<Constant> constants() {
        return real().map(Constant::new);
    }

    public Arbitrary<Anneal> anneals() {
        return Combinators.combine(shapes(), real(), real(), steps(), pastEnds(), Arbitraries.of(1.0, -1.0))
                .as((shape, from, to, steps, pastEnd, sign) -> shape == Interpolation.EXPONENTIAL
                        ? new Anneal(shape, sign * nonZero(from), sign * nonZero(to), steps, pastEnd)
                        : new Anneal(shape, from, to, steps, pastEnd));
    }

    public Arbitrary<Polynomial> polynomials() {
        return Combinators.combine(real(), real(), steps(), positive(), pastEnds()).as(Polynomial::new);
    }

    public Arbitrary<StepDecay> stepDecays() {
        return Combinators.combine(real(), steps(), positive()).as(StepDecay::new);
    }

    public Arbitrary<MultiStepDecay> multiStepDecays() {
        Arbitrary<long[]> milestones = Arbitraries.longs().between(0, wide ? Long.MAX_VALUE : 3_000)
                .list().ofMaxSize(6)
                .map(list -> list.stream().mapToLong(Long::longValue).sorted().toArray());
        Arbitrary<long[]> withRepeats = milestones.map(m -> m.length > 1 ? withRepeat(m) : m);
        return Combinators.combine(real(), Arbitraries.oneOf(milestones, withRepeats), positive())
                .as(MultiStepDecay::new);
    }

    private static long[] withRepeat(long[] sorted) {
        long[] repeated = sorted.clone();
        repeated[1] = repeated[0];
        return repeated;
    }

    public Arbitrary<ExponentialDecay> exponentialDecays() {
        return Combinators.combine(real(), positive()).as(ExponentialDecay::new);
    }

    public Arbitrary<InverseTimeDecay> inverseTimeDecays() {
        Arbitrary<Double> nonNegative = Arbitraries.frequencyOf(Tuple.of(5, positive()), Tuple.of(1, Arbitraries.just(0.0)));
        return Combinators.combine(real(), nonNegative, nonNegative).as(InverseTimeDecay::new);
    }

    public Arbitrary<CycleScaling> scalings() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(new CycleScaling.Triangular())),
                Tuple.of(1, Arbitraries.just(new CycleScaling.Triangular2())),
                Tuple.of(2, Combinators.combine(positiveFraction(), Arbitraries.of(ExpRangeDecay.class))
                        .as(ExpRange::new)));
    }

    public Arbitrary<Cyclical> cyclicals() {
        return cyclicals(scalings());
    }

    public Arbitrary<Cyclical> cyclicals(Arbitrary<? extends CycleScaling> scalings) {
        long half = Long.MAX_VALUE / 2;
        return Combinators.combine(real(), real(), steps(half), steps(half), scalings)
                .as((base, peak, up, down, scaling) -> new Cyclical(base,
                        base.doubleValue() != peak.doubleValue() ? peak : base == 0 ? 1.0 : -base, up, down, scaling));
    }

    /** SGDR with every field random: floor &lt;= peak, warm-up shorter than the first period. */
    public Arbitrary<Sgdr> sgdrs() {
        Arbitrary<Double> multipliers = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(1.0)),
                Tuple.of(2, Arbitraries.of(2.0, 3.0, 1.5)),
                Tuple.of(2, Arbitraries.randomValue(r -> 1.0 + 3 * r.nextDouble())));
        Arbitrary<Double> periods = wide ? positive()
                : Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.longs().between(1, 60).map(Long::doubleValue)),
                        Tuple.of(1, Arbitraries.randomValue(r -> 0.5 + 60 * r.nextDouble())));
        Arbitrary<Double> decays = wide ? positive() : Arbitraries.randomValue(r -> 0.2 + 1.3 * r.nextDouble());
        Arbitrary<Double> warmupShare = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(0.0)),
                Tuple.of(2, Arbitraries.randomValue(r -> r.nextDouble() * 0.9)));
        Arbitrary<Long> limits = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(0L)),
                Tuple.of(2, Arbitraries.longs().between(1, 8)),
                Tuple.of(1, Arbitraries.longs().between(0, wide ? Long.MAX_VALUE : 20)));
        Arbitrary<Double> exponents = wide ? positive()
                : Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(1.0)),
                        Tuple.of(1, Arbitraries.randomValue(r -> 0.3 + 3 * r.nextDouble())));
        Arbitrary<double[]> bounds = Combinators.combine(real(), real())
                .as((a, b) -> new double[] {Math.max(a, b), Math.min(a, b)});
        Arbitrary<double[]> shape = Combinators.combine(periods, multipliers, decays, decays, warmupShare, exponents)
                .as((period, multiplier, peakDecay, floorDecay, share, exponent)
                        -> new double[] {period, multiplier, peakDecay, Math.min(peakDecay, floorDecay), share * period,
                                exponent});
        return Combinators.combine(bounds, shape, Arbitraries.of(true, false), limits)
                .as((b, s, everyCycle, limit) -> new Sgdr(b[0], b[1], s[0], s[1], s[2], s[3],
                        s[4] < s[0] ? s[4] : 0.0, everyCycle, limit, s[5]));
    }

    public Arbitrary<OneCycle> oneCycles() {
        Arbitrary<double[]> values = Combinators.combine(real(), real(), real(), Arbitraries.of(1.0, -1.0))
                .as((a, b, c, sign) -> new double[] {a, b, c, sign});
        Arbitrary<Long> finals = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0L)),
                Tuple.of(1, steps(Long.MAX_VALUE / 4)));
        return Combinators.combine(values, steps(Long.MAX_VALUE / 4), steps(Long.MAX_VALUE / 4), finals, shapes(),
                pastEnds()).as((v, up, down, last, shape, pastEnd) -> shape == Interpolation.EXPONENTIAL
                        ? new OneCycle(v[3] * nonZero(v[0]), v[3] * nonZero(v[1]), v[3] * nonZero(v[2]), up, down,
                                last, shape, pastEnd)
                        : new OneCycle(v[0], v[1], v[2], up, down, last, shape, pastEnd));
    }

    public Arbitrary<Piecewise> piecewises() {
        Arbitrary<List<Double>> gaps = (wide ? positive() : Arbitraries.randomValue(r -> 0.1 + 100 * r.nextDouble()))
                .list().ofMinSize(1).ofMaxSize(5);
        return Combinators.combine(shapes(), gaps, real().list().ofSize(6), Arbitraries.of(1.0, -1.0), pastEnds())
                .as((shape, gapList, valueList, sign, pastEnd) -> {
                    double[] knots = new double[gapList.size() + 1];
                    double[] values = new double[knots.length];
                    for (int i = 0; i < knots.length; i++) {
                        knots[i] = i == 0 ? 0.0 : knots[i - 1] + gapList.get(i - 1);
                        double value = valueList.get(i);
                        values[i] = shape == Interpolation.EXPONENTIAL ? sign * nonZero(value) : value;
                    }
                    // wide gaps can overflow or be absorbed by a large knot: such draws are discarded
                    return isStrictlyIncreasingAndFinite(knots) ? new Piecewise(shape, knots, values, pastEnd) : null;
                })
                .filter(java.util.Objects::nonNull);
    }

    private static boolean isStrictlyIncreasingAndFinite(double[] knots) {
        for (int i = 1; i < knots.length; i++) {
            if (!Double.isFinite(knots[i]) || !(knots[i] > knots[i - 1])) {
                return false;
            }
        }
        return true;
    }

    /** Every kind of leaf schedule. */
    public Arbitrary<Schedule> leaves() {
        return Arbitraries.oneOf(List.of(constants(), anneals(), polynomials(), stepDecays(), multiStepDecays(),
                exponentialDecays(), inverseTimeDecays(), cyclicals(), sgdrs(), oneCycles(), piecewises()));
    }

    // ---- composition ---------------------------------------------------------------------------------------

    /** Leaves and wrappers around them (warmup, join, scaled, offset, clamped, skip), nested up to {@code depth}. */
    public Arbitrary<Schedule> schedules(int depth) {
        if (depth <= 0) {
            return leaves();
        }
        Arbitrary<Schedule> inner = Arbitraries.lazy(() -> schedules(depth - 1));
        return Arbitraries.frequencyOf(Tuple.of(2, leaves()), Tuple.of(1, wrappers(inner)));
    }

    public Arbitrary<Schedule> schedules() {
        return schedules(3);
    }

    private Arbitrary<Schedule> wrappers(Arbitrary<Schedule> inner) {
        Arbitrary<Schedule> warmups = Combinators.combine(shapes(), steps(), real(), inner)
                .as((shape, steps, start, then) -> {
                    double first;
                    try {
                        first = then.valueAt(0);
                    } catch (IllegalArgumentException e) {
                        // a schedule that raises at step 0 (skipped past the end of pastEnd=error) cannot be
                        // warmed up to: Warmup reads its first value when built
                        return new Scaled(then, start);
                    }
                    boolean exponentialOk = first != 0.0 && Double.isFinite(first);
                    if (shape == Interpolation.EXPONENTIAL && exponentialOk) {
                        return new Warmup(shape, steps, Math.copySign(nonZero(start), first), then);
                    }
                    return new Warmup(shape == Interpolation.EXPONENTIAL ? Interpolation.LINEAR : shape, steps, start,
                            then);
                });
        Arbitrary<Schedule> joins = Combinators.combine(inner, steps(), inner).as(Join::new);
        Arbitrary<Schedule> scaled = Combinators.combine(inner, real()).as(Scaled::new);
        Arbitrary<Schedule> offsets = Combinators.combine(inner, real()).as(Offset::new);
        Arbitrary<Schedule> clamped = Combinators.combine(inner, real(), real())
                .as((schedule, a, b) -> new Clamped(schedule, Math.min(a, b), Math.max(a, b)));
        Arbitrary<Long> skipped = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0L)),
                Tuple.of(3, steps(wide ? Long.MAX_VALUE / 2 : 2_000)));
        Arbitrary<Schedule> skips = Combinators.combine(inner, skipped).as(Skip::new);
        return Arbitraries.oneOf(List.of(warmups, joins, scaled, offsets, clamped, skips));
    }

    /** Policies: a learning rate with or without momentum and beta1 schedules. */
    public Arbitrary<Policy> policies() {
        Arbitrary<Schedule> schedules = schedules(2);
        Arbitrary<Boolean> flags = Arbitraries.of(true, false);
        return Combinators.combine(schedules, schedules, schedules, flags, flags)
                .as((lr, momentum, beta1, withMomentum, withBeta1) -> {
                    Policy policy = Policy.of(lr);
                    policy = withMomentum ? policy.withMomentum(momentum) : policy;
                    return withBeta1 ? policy.withBeta1(beta1) : policy;
                });
    }
}

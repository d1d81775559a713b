package org.lrkit.schedule;

import java.util.Optional;
import java.util.OptionalLong;
import org.lrkit.Checks;
import org.lrkit.schedule.CycleScaling.ExpRange;

/**
 * Cyclical learning rates (Smith 2017, "Cyclical Learning Rates for Training Neural Networks"): a triangle
 * wave between {@code base} and {@code peak}, rising for {@code stepsUp} steps and falling for
 * {@code stepsDown}, repeated for ever.
 *
 * <p>With {@code L = stepsUp + stepsDown}, cycle {@code c = floor(t / L)} and position {@code p = t mod L}
 * (exact integer arithmetic):
 * <pre>
 *   s(t) = p / stepsUp                 if p &lt;= stepsUp   (0 -&gt; 1)
 *        = (L - p) / stepsDown         otherwise         (1 -&gt; 0)
 *   v(t) = base + (peak - base) * s(t) * f(c, t)      f from the {@link CycleScaling}
 * </pre>
 * PyTorch's {@code CyclicLR} is this with {@code stepsUp = step_size_up}. A falling cycle
 * ({@code peak < base}) gives the cyclical momentum that mirrors a cyclical learning rate:
 * {@code lr.withBounds(0.9, 0.8)}.
 *
 * <pre>{@code
 * Cyclical lr = Cyclical.triangular(0.001, 0.006, 2000);   // the CLR paper's CIFAR-10 bounds, stepsize 2000
 * // spec: cyclical(base=0.001, peak=0.006, stepsUp=2000, stepsDown=2000, scaling=triangular)
 * }</pre>
 *
 * <p>Cycles: cycle {@code c} covers steps {@code [cL, (c+1)L)}; its end is the step before the next cycle,
 * where the value is one step above {@code base}. Defined for every step.
 *
 * @param base value at the start of each cycle
 * @param peak value at the top of each cycle (below {@code base} for a falling cycle), {@code != base}
 * @param stepsUp steps from base to peak, {@code > 0}
 * @param stepsDown steps from peak back to base, {@code > 0}
 * @param scaling how the amplitude changes across cycles
 */
public record Cyclical(double base, double peak, long stepsUp, long stepsDown, CycleScaling scaling)
        implements Schedule, CycleStructure {

    /**
     * Creates a cyclical schedule.
     *
     * @param base value at the start of each cycle, finite
     * @param peak value at the top of each cycle, finite, {@code != base}
     * @param stepsUp optimizer steps from base to peak, {@code > 0}
     * @param stepsDown optimizer steps from peak back to base, {@code > 0}
     * @param scaling how the amplitude changes across cycles, not null
     * @throws IllegalArgumentException if {@code base} or {@code peak} is not finite, {@code peak == base},
     *     {@code stepsUp} or {@code stepsDown} is {@code <= 0}, {@code scaling} is null, or
     *     {@code stepsUp + stepsDown} overflows a {@code long}
     */
    public Cyclical {
        Checks.finite("base", base);
        Checks.finite("peak", peak);
        if (base == peak) {
            throw new IllegalArgumentException("peak must differ from base, got base=peak=" + base
                    + "; use constant(value=" + base + ") for a constant schedule");
        }
        Checks.positive("stepsUp", stepsUp);
        Checks.positive("stepsDown", stepsDown);
        Checks.notNull("scaling", scaling);
        if (stepsUp > Long.MAX_VALUE - stepsDown) {
            throw new IllegalArgumentException("stepsUp + stepsDown must fit in a long, got stepsUp=" + stepsUp
                    + ", stepsDown=" + stepsDown);
        }
    }

    /**
     * A symmetric triangular cycle (Smith's {@code triangular} policy) with half-cycle {@code stepSize}.
     *
     * @param base value at the start of each cycle, finite
     * @param peak value at the top of each cycle, finite, {@code != base}
     * @param stepSize optimizer steps of each half-cycle (up, then down), {@code > 0}
     * @return the cyclical schedule
     * @throws IllegalArgumentException if a bound is not finite, {@code peak == base} or {@code stepSize <= 0}
     */
    public static Cyclical triangular(double base, double peak, long stepSize) {
        return new Cyclical(base, peak, Checks.positive("stepSize", stepSize), stepSize,
                new CycleScaling.Triangular());
    }

    /**
     * A symmetric cycle whose amplitude halves every cycle (Smith's {@code triangular2}).
     *
     * @param base value at the start of each cycle, finite
     * @param peak value at the top of the first cycle, finite, {@code != base}
     * @param stepSize optimizer steps of each half-cycle (up, then down), {@code > 0}
     * @return the cyclical schedule
     * @throws IllegalArgumentException if a bound is not finite, {@code peak == base} or {@code stepSize <= 0}
     */
    public static Cyclical triangular2(double base, double peak, long stepSize) {
        return new Cyclical(base, peak, Checks.positive("stepSize", stepSize), stepSize,
                new CycleScaling.Triangular2());
    }

    /**
     * A symmetric cycle whose amplitude decays by {@code gamma} per step (Smith's {@code exp_range}).
     *
     * @param base value at the start of each cycle, finite
     * @param peak value at the top of the first cycle, finite, {@code != base}
     * @param stepSize optimizer steps of each half-cycle (up, then down), {@code > 0}
     * @param gamma factor on the amplitude per optimizer step, in {@code (0, 1]}
     * @return the cyclical schedule
     * @throws IllegalArgumentException if a bound is not finite, {@code peak == base}, {@code stepSize <= 0}
     *     or {@code gamma} is not in {@code (0, 1]}
     */
    public static Cyclical expRange(double base, double peak, long stepSize, double gamma) {
        return new Cyclical(base, peak, Checks.positive("stepSize", stepSize), stepSize,
                new ExpRange(gamma, CycleScaling.ExpRangeDecay.AMPLITUDE));
    }

    /**
     * The {@code decay} policy of the CLR paper's ablation: start at {@code peak}, fall linearly to
     * {@code base} over {@code stepSize} steps, then hold {@code base}.
     *
     * @param base value held from step {@code stepSize} on, finite
     * @param peak value at step 0, finite
     * @param stepSize optimizer steps of the fall, {@code > 0}
     * @return a linear {@link Anneal} from {@code peak} to {@code base}
     * @throws IllegalArgumentException if a bound is not finite or {@code stepSize <= 0}
     */
    public static Schedule decayPolicy(double base, double peak, long stepSize) {
        return new Anneal(Interpolation.LINEAR, peak, base, Checks.positive("stepSize", stepSize), PastEnd.HOLD);
    }

    /**
     * The same cycle between other bounds, e.g. the momentum that mirrors a learning-rate cycle.
     *
     * @param base the new value at the start of each cycle, finite
     * @param peak the new value at the top of each cycle, finite, {@code != base}
     * @return a cyclical schedule with the same steps and scaling
     * @throws IllegalArgumentException if a bound is not finite or {@code peak == base}
     */
    public Cyclical withBounds(double base, double peak) {
        return new Cyclical(base, peak, stepsUp, stepsDown, scaling);
    }

    /**
     * Steps in one cycle.
     *
     * @return {@code stepsUp + stepsDown}, in optimizer steps
     */
    public long cycleLength() {
        return stepsUp + stepsDown;
    }

    @Override
    public double valueAt(long step) {
        Checks.step(step);
        long length = stepsUp + stepsDown;
        long cycle = step / length;
        long position = step - cycle * length;
        double rise = position <= stepsUp ? (double) position / stepsUp : (double) (length - position) / stepsDown;
        double factor = scaling.factor(cycle, step);
        if (scaling.scalesBase()) {
            return (base + (peak - base) * rise) * factor;
        }
        return base + (peak - base) * rise * factor;
    }

    @Override
    public Optional<CycleStructure> cycles() {
        return Optional.of(this);
    }

    @Override
    public CyclePosition positionAt(long step) {
        Checks.step(step);
        long length = stepsUp + stepsDown;
        long position = step % length;
        return position < stepsUp
                ? new CyclePosition(step / length, "up", (double) position / stepsUp)
                : new CyclePosition(step / length, "down", (double) (position - stepsUp) / stepsDown);
    }

    @Override
    public OptionalLong nextCycleEnd(long step) {
        long length = stepsUp + stepsDown;
        return OptionalLong.of((Checks.step(step) / length + 1) * length - 1);
    }

    @Override
    public String toSpec() {
        SpecText text = SpecText.of("cyclical").add("base", base).add("peak", peak).add("stepsUp", stepsUp)
                .add("stepsDown", stepsDown).word("scaling", scaling.word());
        if (scaling instanceof ExpRange expRange) {
            text.add("gamma", expRange.gamma()).word("decay", expRange.decay().word());
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return scaling instanceof CycleScaling.Custom ? "cyclical(base=" + base + ", peak=" + peak
                + ", stepsUp=" + stepsUp + ", stepsDown=" + stepsDown + ", scaling=custom)" : toSpec();
    }
}

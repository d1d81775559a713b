package org.lrkit.schedule;

import java.util.Optional;
import java.util.OptionalLong;
import org.lrkit.Checks;

/**
 * The one-cycle policy (Smith &amp; Topin 2018, "Super-Convergence"; Smith 2018): one large cycle from
 * {@code start} up to {@code peak} and down again, then an annihilation phase far below the start.
 *
 * <p>Phases, each an interpolation along {@code shape} (linear as in the paper, or cosine as in fastai):
 * <pre>
 *   up     steps [0, stepsUp]                          start -&gt; peak
 *   down   steps [stepsUp, stepsUp + stepsDown]         peak  -&gt; start  (three-phase)
 *                                                      peak  -&gt; end    (two-phase: stepsFinal = 0)
 *   final  steps [stepsUp + stepsDown, lastStep()]      start -&gt; end    (annihilation, three-phase only)
 * </pre>
 * The peak is reached exactly at step {@code stepsUp} and {@code end} exactly at {@link #lastStep()}; past
 * it the {@link PastEnd} rule applies. {@link #of} spreads a run of {@code totalSteps} steps over the phases
 * so that the last step, {@code totalSteps - 1}, trains with {@code end}.
 *
 * <p>The same shape with other values is the cyclical momentum that mirrors the learning rate
 * ({@code 0.95 -> 0.85 -> 0.95}): {@link #mirrored}.
 *
 * <pre>{@code
 * OneCycle lr = OneCycle.of(0.004, 0.1, 4e-7, 1000, 0.3, 0.0, Interpolation.COSINE);   // 1000 steps, 30% up
 * Policy policy = Policy.of(lr).withMomentum(lr.mirrored(0.95, 0.85));
 * // spec: oneCycle(start=0.004, peak=0.1, end=4.0E-7, stepsUp=300, stepsDown=699, stepsFinal=0,
 * //                shape=cosine, pastEnd=hold)
 * }</pre>
 *
 * @param start value at step 0 (and at the start of the annihilation phase), finite
 * @param peak value at step {@code stepsUp}, finite
 * @param end value at the last step, finite
 * @param stepsUp length of the rising phase, {@code > 0}
 * @param stepsDown length of the falling phase, {@code > 0}
 * @param stepsFinal length of the annihilation phase, {@code >= 0}; 0 makes a two-phase cycle
 * @param shape curve of every phase
 * @param pastEnd what steps after {@link #lastStep()} return
 */
public record OneCycle(double start, double peak, double end, long stepsUp, long stepsDown, long stepsFinal,
        Interpolation shape, PastEnd pastEnd) implements Schedule, CycleStructure {

    public OneCycle {
        Checks.finite("start", start);
        Checks.finite("peak", peak);
        Checks.finite("end", end);
        Checks.positive("stepsUp", stepsUp);
        Checks.positive("stepsDown", stepsDown);
        Checks.nonNegative("stepsFinal", stepsFinal);
        Checks.notNull("shape", shape);
        Checks.notNull("pastEnd", pastEnd);
        shape.checkEndpoints("start", start, "peak", peak);
        shape.checkEndpoints("peak", peak, "end", end);
    }

    /**
     * A one-cycle schedule over a run of {@code totalSteps} steps: {@code round(fractionUp * (totalSteps-1))}
     * steps up, {@code round(fractionFinal * (totalSteps-1))} steps of annihilation (0 for two phases), the
     * rest down, so that step {@code totalSteps - 1} gets {@code end}.
     *
     * @throws IllegalArgumentException if a phase would get no step, naming the fraction to change
     */
    public static OneCycle of(double start, double peak, double end, long totalSteps, double fractionUp,
            double fractionFinal, Interpolation shape) {
        if (totalSteps < 3) {
            throw new IllegalArgumentException("totalSteps must be >= 3 (one step up, one down, one at the end), got "
                    + totalSteps);
        }
        Checks.fraction("fractionUp", fractionUp);
        Checks.fraction("fractionFinal", fractionFinal);
        long intervals = totalSteps - 1;
        long up = Math.round(fractionUp * intervals);
        long last = Math.round(fractionFinal * intervals);
        long down = intervals - up - last;
        if (up <= 0) {
            throw new IllegalArgumentException("fractionUp=" + fractionUp + " of totalSteps=" + totalSteps
                    + " leaves the rising phase with no step; raise fractionUp or totalSteps");
        }
        if (fractionFinal > 0 && last <= 0) {
            throw new IllegalArgumentException("fractionFinal=" + fractionFinal + " of totalSteps=" + totalSteps
                    + " leaves the annihilation phase with no step; raise fractionFinal, or set it to 0 "
                    + "for a two-phase cycle");
        }
        if (down <= 0) {
            throw new IllegalArgumentException("fractionUp=" + fractionUp + " and fractionFinal=" + fractionFinal
                    + " of totalSteps=" + totalSteps + " leave the falling phase with no step; "
                    + "their sum must stay below 1");
        }
        return new OneCycle(start, peak, end, up, down, last, shape, PastEnd.HOLD);
    }

    /** The step at which {@code end} is reached: {@code stepsUp + stepsDown + stepsFinal}. */
    public long lastStep() {
        return stepsUp + stepsDown + stepsFinal;
    }

    /** Whether this cycle has an annihilation phase. */
    public boolean threePhase() {
        return stepsFinal > 0;
    }

    /**
     * The same phases between other values: {@code high -> low -> high}, held at {@code high} through the
     * annihilation phase. This is the cyclical momentum of the one-cycle policy.
     */
    public OneCycle mirrored(double high, double low) {
        return new OneCycle(high, low, high, stepsUp, stepsDown, stepsFinal, shape, pastEnd);
    }

    /** This schedule with another rule for steps past {@link #lastStep()}. */
    public OneCycle withPastEnd(PastEnd rule) {
        return new OneCycle(start, peak, end, stepsUp, stepsDown, stepsFinal, shape, rule);
    }

    @Override
    public double valueAt(long step) {
        if (Horizon.holds(step, lastStep(), pastEnd, this)) {
            return end;
        }
        if (step <= stepsUp) {
            return shape.interpolate(start, peak, (double) step / stepsUp);
        }
        long sincePeak = step - stepsUp;
        if (stepsFinal == 0) {
            return shape.interpolate(peak, end, (double) sincePeak / stepsDown);
        }
        if (sincePeak <= stepsDown) {
            return shape.interpolate(peak, start, (double) sincePeak / stepsDown);
        }
        return shape.interpolate(start, end, (double) (sincePeak - stepsDown) / stepsFinal);
    }

    @Override
    public Optional<CycleStructure> cycles() {
        return Optional.of(this);
    }

    @Override
    public CyclePosition positionAt(long step) {
        Checks.step(step);
        if (step > lastStep()) {
            return new CyclePosition(1, "hold", 0.0);
        }
        if (step < stepsUp) {
            return new CyclePosition(0, "up", (double) step / stepsUp);
        }
        if (step - stepsUp <= stepsDown && (step - stepsUp < stepsDown || stepsFinal == 0)) {
            return new CyclePosition(0, "down", (double) (step - stepsUp) / stepsDown);
        }
        return new CyclePosition(0, "final", (double) (step - stepsUp - stepsDown) / stepsFinal);
    }

    @Override
    public OptionalLong nextCycleEnd(long step) {
        return Checks.step(step) <= lastStep() ? OptionalLong.of(lastStep()) : OptionalLong.empty();
    }

    @Override
    public String toSpec() {
        return SpecText.of("oneCycle").add("start", start).add("peak", peak).add("end", end)
                .add("stepsUp", stepsUp).add("stepsDown", stepsDown).add("stepsFinal", stepsFinal)
                .word("shape", shape.word()).word("pastEnd", pastEnd.word()).toString();
    }

    @Override
    public String toString() {
        return toSpec();
    }
}

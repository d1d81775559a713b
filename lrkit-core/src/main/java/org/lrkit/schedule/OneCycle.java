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
 * <p><b>Building one.</b> Start from {@link #builder()}: every value is named, and what is not given takes
 * fastai's defaults (start {@code peak / 25}, end {@code start / 1e4}, 30% of the run rising, no annihilation
 * phase, cosine curves), the same as the {@code oneCyclePolicy} spec. {@link #of} is the same in one
 * positional call; the canonical constructor takes the phase lengths in steps.
 *
 * <pre>{@code
 * OneCycle lr = OneCycle.builder()
 *         .peak(0.1)
 *         .totalSteps(1000)            // 300 steps up from 0.004, 699 down to 4e-7
 *         .build();
 * OneCycle threePhase = OneCycle.builder().start(0.004).peak(0.1).end(4e-7).totalSteps(1000)
 *         .fractionUp(0.45).fractionFinal(0.1).shape(Interpolation.LINEAR).build();
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

    /**
     * Creates a one-cycle schedule from its phase lengths.
     *
     * @param start value at step 0 (and at the start of the annihilation phase), finite
     * @param peak value at step {@code stepsUp}, finite
     * @param end value at the last step, finite
     * @param stepsUp length of the rising phase in optimizer steps, {@code > 0}
     * @param stepsDown length of the falling phase in optimizer steps, {@code > 0}
     * @param stepsFinal length of the annihilation phase in optimizer steps, {@code >= 0}; 0 makes a two-phase
     *     cycle
     * @param shape curve of every phase, not null
     * @param pastEnd what steps after {@link #lastStep()} return, not null
     * @throws IllegalArgumentException if a value is not finite, {@code stepsUp} or {@code stepsDown} is
     *     {@code <= 0}, {@code stepsFinal < 0}, {@code shape} or {@code pastEnd} is null, or {@code shape} is
     *     exponential and start, peak and end are not all non-zero and of the same sign
     */
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
     * @param start value at step 0 (and at the start of the annihilation phase), finite
     * @param peak value at the top of the cycle, finite
     * @param end value at step {@code totalSteps - 1}, finite
     * @param totalSteps length of the run in optimizer steps, {@code >= 3}
     * @param fractionUp fraction of the run spent rising, in {@code [0, 1]}
     * @param fractionFinal fraction of the run spent in annihilation, in {@code [0, 1]}; 0 for two phases
     * @param shape curve of every phase, not null
     * @return the schedule, held at {@code end} past the last step
     * @throws IllegalArgumentException if {@code totalSteps < 3}, a fraction is outside {@code [0, 1]}, a
     *     phase would get no step (naming the fraction to change), or a value breaks a rule of the canonical
     *     constructor
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

    /**
     * A builder naming each value of a one-cycle schedule; {@code peak} and {@code totalSteps} are required.
     *
     * <pre>{@code
     * OneCycle lr = OneCycle.builder().peak(0.1).totalSteps(1000).build();
     * }</pre>
     *
     * @return a new builder with fastai's defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The step at which {@code end} is reached: {@code stepsUp + stepsDown + stepsFinal}.
     *
     * @return the last planned optimizer step, 0-based
     */
    public long lastStep() {
        return stepsUp + stepsDown + stepsFinal;
    }

    /**
     * Whether this cycle has an annihilation phase.
     *
     * @return true if {@code stepsFinal > 0}
     */
    public boolean threePhase() {
        return stepsFinal > 0;
    }

    /**
     * The same phases between other values: {@code high -> low -> high}, held at {@code high} through the
     * annihilation phase. This is the cyclical momentum of the one-cycle policy.
     *
     * @param high value at step 0, through the annihilation phase and at the end, finite (momentum 0.95,
     *     say)
     * @param low value at the peak step, finite (momentum 0.85, say)
     * @return a one-cycle schedule with the same phases, shape and past-end rule
     * @throws IllegalArgumentException if a value is not finite, or the shape is exponential and the values
     *     are not both non-zero and of the same sign
     */
    public OneCycle mirrored(double high, double low) {
        return new OneCycle(high, low, high, stepsUp, stepsDown, stepsFinal, shape, pastEnd);
    }

    /**
     * This schedule with another rule for steps past {@link #lastStep()}.
     *
     * @param rule what steps after the last one return, not null
     * @return a one-cycle schedule with the same values and phases
     * @throws IllegalArgumentException if {@code rule} is null
     */
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

    /**
     * Builds a {@link OneCycle} from named values over a run of {@code totalSteps} steps ({@link OneCycle#of}
     * spreads them over the phases). Unset values take fastai's defaults: start {@code peak / 25}, end
     * {@code start / 1e4}, {@code fractionUp} 0.3, {@code fractionFinal} 0 (two phases), cosine curves, held
     * past the end. The numbers are checked by {@link #build()}, with {@link OneCycle#of}'s rules and messages.
     *
     * <pre>{@code
     * OneCycle lr = OneCycle.builder().peak(0.1).totalSteps(10_000).fractionUp(0.25).build();
     * }</pre>
     */
    public static final class Builder {

        private Double start;
        private Double peak;
        private Double end;
        private long totalSteps;
        private boolean totalStepsSet;
        private double fractionUp = 0.3;
        private double fractionFinal = 0.0;
        private Interpolation shape = Interpolation.COSINE;
        private PastEnd pastEnd = PastEnd.HOLD;

        private Builder() {
        }

        /**
         * The value at step 0 (and at the start of the annihilation phase); default {@code peak / 25}.
         *
         * @param value the start value, finite (checked by {@link #build()})
         * @return this builder
         */
        public Builder start(double value) {
            this.start = value;
            return this;
        }

        /**
         * The highest value, reached after the rising phase (required).
         *
         * @param value the peak value (the maximal learning rate, say), finite (checked by {@link #build()})
         * @return this builder
         */
        public Builder peak(double value) {
            this.peak = value;
            return this;
        }

        /**
         * The value at the last step; default {@code start / 1e4}.
         *
         * @param value the end value, finite (checked by {@link #build()})
         * @return this builder
         */
        public Builder end(double value) {
            this.end = value;
            return this;
        }

        /**
         * The length of the run in optimizer steps, at least 3 (required).
         *
         * @param steps the number of optimizer steps, {@code >= 3} (checked by {@link #build()})
         * @return this builder
         */
        public Builder totalSteps(long steps) {
            this.totalSteps = steps;
            this.totalStepsSet = true;
            return this;
        }

        /**
         * The fraction of the run spent rising, in [0, 1]; default 0.3 (build refuses a phase with no step).
         *
         * @param fraction a fraction of {@code totalSteps}, in {@code [0, 1]} (checked by {@link #build()})
         * @return this builder
         */
        public Builder fractionUp(double fraction) {
            this.fractionUp = fraction;
            return this;
        }

        /**
         * The fraction of the run spent in annihilation, in [0, 1]; default 0 (a two-phase cycle).
         *
         * @param fraction a fraction of {@code totalSteps}, in {@code [0, 1]} (checked by {@link #build()})
         * @return this builder
         */
        public Builder fractionFinal(double fraction) {
            this.fractionFinal = fraction;
            return this;
        }

        /**
         * The curve of every phase; default {@link Interpolation#COSINE}.
         *
         * @param curve the interpolation of every phase, not null
         * @return this builder
         * @throws IllegalArgumentException if {@code curve} is null
         */
        public Builder shape(Interpolation curve) {
            this.shape = Checks.notNull("shape", curve);
            return this;
        }

        /**
         * What steps after the last one return; default {@link PastEnd#HOLD}.
         *
         * @param rule the past-end rule, not null
         * @return this builder
         * @throws IllegalArgumentException if {@code rule} is null
         */
        public Builder pastEnd(PastEnd rule) {
            this.pastEnd = Checks.notNull("pastEnd", rule);
            return this;
        }

        /**
         * The schedule.
         *
         * @return a new one-cycle schedule from the values set and the defaults
         * @throws IllegalArgumentException if {@code peak} or {@code totalSteps} was not set, or a value breaks
         *     a rule of {@link OneCycle#of} (a non-finite value, a fraction outside [0, 1], a phase with no step)
         */
        public OneCycle build() {
            if (peak == null) {
                throw new IllegalArgumentException("peak must be set, got none; call peak(...), "
                        + "e.g. OneCycle.builder().peak(0.1).totalSteps(1000)");
            }
            if (!totalStepsSet) {
                throw new IllegalArgumentException("totalSteps must be set, got none; call totalSteps(...), "
                        + "e.g. OneCycle.builder().peak(0.1).totalSteps(1000)");
            }
            double first = start == null ? peak / 25.0 : start;
            double last = end == null ? first / 1e4 : end;
            return of(first, peak, last, totalSteps, fractionUp, fractionFinal, shape).withPastEnd(pastEnd);
        }
    }
}

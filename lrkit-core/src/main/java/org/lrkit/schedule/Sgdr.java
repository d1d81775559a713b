package org.lrkit.schedule;

import java.util.Optional;
import java.util.OptionalLong;
import org.lrkit.Checks;

/**
 * Cosine annealing with warm restarts, SGDR (Loshchilov &amp; Hutter 2017, eq. 5), updated every step.
 *
 * <p>Cycle {@code i} (0-based) lasts {@code T_i = firstPeriod * periodMultiplier^i} steps and starts at
 * {@code S_i = firstPeriod * (periodMultiplier^i - 1) / (periodMultiplier - 1)} ({@code i * firstPeriod}
 * when the multiplier is 1). With {@code T_cur = t - S_i} the steps since the restart:
 * <pre>
 *   peak_i  = peak  * peakDecay^i
 *   floor_i = floor * floorDecay^i
 *   v(t) = floor_i + (peak_i - floor_i) * (1 + cos(pi * (T_cur / T_i)^timeExponent)) / 2
 * </pre>
 * An optional linear warm-up from {@code floor_i} to {@code peak_i} takes the first {@code warmupSteps}
 * steps of the first cycle (or of every cycle) and the cosine then spans the rest of that cycle, so
 * restarts stay where the periods put them. After {@code cycleLimit} cycles (0 = never) the schedule
 * holds the last cycle's floor.
 *
 * <p>Periods may be fractional (time measured in epochs of a given number of steps: see
 * {@link TrainingClock}); the restart a step belongs to is found by comparing the step with the exact
 * cycle starts {@code S_i}, never by a floating logarithm alone, so a step that lands on a restart always
 * gets the restart's peak (PyTorch's, timm's and Keras's log-based index can miss it by one).
 *
 * <p><b>Building one.</b> Start from {@link #builder()}: every value is named, and what is not given is plain
 * SGDR (floor 0, period multiplier 1, no decay, no warm-up, no cycle limit, time exponent 1). {@link #of} is
 * plain SGDR in one positional call, and {@link #withDecay}, {@link #withWarmup} and {@link #withCycleLimit}
 * vary an existing schedule.
 *
 * <pre>{@code
 * Sgdr lr = Sgdr.builder()
 *         .peak(0.05)
 *         .firstPeriod(10 * 390)         // T0 = 10 epochs of 390 steps
 *         .periodMultiplier(2.0)         // T_mult = 2
 *         .build();                      // = Sgdr.of(0.05, 0.0, 10 * 390, 2.0)
 * // spec: sgdr(peak=0.05, floor=0.0, firstPeriod=3900.0, periodMultiplier=2.0, peakDecay=1.0,
 * //            floorDecay=1.0, warmupSteps=0.0, warmupEveryCycle=false, cycleLimit=0, timeExponent=1.0)
 * }</pre>
 *
 * <p>Cycles: the end of cycle {@code i} is the last step before {@code S_(i+1)}. Defined for every step.
 *
 * @param peak value right after each restart (before peak decay), finite
 * @param floor value the cosine anneals towards (before floor decay), finite, {@code <= peak}
 * @param firstPeriod length of the first cycle in steps, {@code > 0} (may be fractional)
 * @param periodMultiplier growth of the period at each restart, {@code >= 1} (real numbers allowed)
 * @param peakDecay multiplier of the peak at each restart, {@code > 0}
 * @param floorDecay multiplier of the floor at each restart, {@code > 0}
 * @param warmupSteps steps of linear warm-up at the start of a cycle, {@code >= 0} and shorter than the
 *     first period
 * @param warmupEveryCycle whether every cycle warms up (otherwise only the first)
 * @param cycleLimit number of cycles after which the floor is held, {@code >= 0} (0 = unlimited)
 * @param timeExponent exponent {@code k} applied to the fraction of the cycle (k-decay), {@code > 0}; 1 is
 *     plain SGDR
 */
public record Sgdr(double peak, double floor, double firstPeriod, double periodMultiplier, double peakDecay,
        double floorDecay, double warmupSteps, boolean warmupEveryCycle, long cycleLimit, double timeExponent)
        implements Schedule, CycleStructure {

    /**
     * Creates an SGDR schedule from all its values.
     *
     * @param peak value right after each restart (before peak decay), finite
     * @param floor value the cosine anneals towards (before floor decay), finite, {@code <= peak}
     * @param firstPeriod length of the first cycle in optimizer steps, finite, {@code > 0} (may be fractional)
     * @param periodMultiplier growth of the period at each restart, finite, {@code >= 1}
     * @param peakDecay multiplier of the peak at each restart, finite, {@code > 0}
     * @param floorDecay multiplier of the floor at each restart, finite, {@code > 0}
     * @param warmupSteps optimizer steps of linear warm-up at the start of a cycle, finite, {@code >= 0} and
     *     {@code < firstPeriod}
     * @param warmupEveryCycle whether every cycle warms up (otherwise only the first)
     * @param cycleLimit number of cycles after which the floor is held, {@code >= 0} (0 = unlimited)
     * @param timeExponent exponent {@code k} applied to the fraction of the cycle, finite, {@code > 0}
     * @throws IllegalArgumentException if a value is not finite or outside its range, {@code floor > peak},
     *     {@code warmupSteps >= firstPeriod}, or a positive floor with {@code floorDecay > peakDecay} would rise
     *     above the peak before the cycle limit (or ever, without one)
     */
    public Sgdr {
        Checks.finite("peak", peak);
        Checks.finite("floor", floor);
        if (floor > peak) {
            throw new IllegalArgumentException("floor must be <= peak, got floor=" + floor + ", peak=" + peak
                    + "; swap them");
        }
        Checks.positive("firstPeriod", firstPeriod);
        Checks.atLeast("periodMultiplier", periodMultiplier, 1.0);
        Checks.positive("peakDecay", peakDecay);
        Checks.positive("floorDecay", floorDecay);
        Checks.nonNegative("warmupSteps", warmupSteps);
        if (warmupSteps >= firstPeriod) {
            throw new IllegalArgumentException("warmupSteps must be < firstPeriod, got warmupSteps="
                    + warmupSteps + ", firstPeriod=" + firstPeriod + "; shorten the warm-up or lengthen the period");
        }
        Checks.nonNegative("cycleLimit", cycleLimit);
        Checks.positive("timeExponent", timeExponent);
        if (floor > 0 && floorDecay > peakDecay) {
            // floor_i > peak_i once (floorDecay/peakDecay)^i > peak/floor
            double crossing = Math.log(peak / floor) / Math.log(floorDecay / peakDecay);
            if (cycleLimit == 0 || crossing < cycleLimit - 1) {
                throw new IllegalArgumentException("floorDecay=" + floorDecay + " > peakDecay=" + peakDecay
                        + " lifts the floor (" + floor + ") above the peak (" + peak + ") after "
                        + (long) Math.floor(crossing + 1) + " restarts; use floorDecay <= peakDecay, or a "
                        + "cycleLimit that ends the restarts before then");
            }
        }
    }

    /**
     * A builder naming each value of an SGDR schedule; {@code peak} and {@code firstPeriod} are required.
     *
     * <pre>{@code
     * Sgdr lr = Sgdr.builder().peak(0.05).floor(1e-4).firstPeriod(3900).periodMultiplier(2).build();
     * }</pre>
     *
     * @return a new builder with plain SGDR's defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Plain SGDR: restarts to {@code peak}, anneals to {@code floor}, no decay, no warm-up, no limit.
     *
     * @param peak value right after each restart, finite
     * @param floor value the cosine anneals towards, finite, {@code <= peak}
     * @param firstPeriod length of the first cycle in optimizer steps, finite, {@code > 0} (may be fractional)
     * @param periodMultiplier growth of the period at each restart, finite, {@code >= 1}
     * @return the schedule
     * @throws IllegalArgumentException if a value is not finite, {@code floor > peak}, {@code firstPeriod <= 0}
     *     or {@code periodMultiplier < 1}
     */
    public static Sgdr of(double peak, double floor, double firstPeriod, double periodMultiplier) {
        return new Sgdr(peak, floor, firstPeriod, periodMultiplier, 1.0, 1.0, 0.0, false, 0, 1.0);
    }

    /**
     * This schedule with the peak and floor multiplied at each restart.
     *
     * @param peakDecay multiplier of the peak at each restart, finite, {@code > 0}
     * @param floorDecay multiplier of the floor at each restart, finite, {@code > 0}
     * @return an SGDR schedule with the other values unchanged
     * @throws IllegalArgumentException if a multiplier is not a finite value {@code > 0}, or a positive floor
     *     would rise above the peak (see the canonical constructor)
     */
    public Sgdr withDecay(double peakDecay, double floorDecay) {
        return new Sgdr(peak, floor, firstPeriod, periodMultiplier, peakDecay, floorDecay, warmupSteps,
                warmupEveryCycle, cycleLimit, timeExponent);
    }

    /**
     * This schedule with a linear warm-up at the start of the first cycle, or of every cycle.
     *
     * @param warmupSteps optimizer steps of warm-up, finite, {@code >= 0} and {@code < firstPeriod}
     * @param everyCycle whether every cycle warms up (otherwise only the first)
     * @return an SGDR schedule with the other values unchanged
     * @throws IllegalArgumentException if {@code warmupSteps} is not finite, {@code < 0} or
     *     {@code >= firstPeriod}
     */
    public Sgdr withWarmup(double warmupSteps, boolean everyCycle) {
        return new Sgdr(peak, floor, firstPeriod, periodMultiplier, peakDecay, floorDecay, warmupSteps,
                everyCycle, cycleLimit, timeExponent);
    }

    /**
     * This schedule holding its last floor after {@code cycleLimit} cycles.
     *
     * @param cycleLimit number of cycles after which the floor is held, {@code >= 0} (0 = unlimited)
     * @return an SGDR schedule with the other values unchanged
     * @throws IllegalArgumentException if {@code cycleLimit < 0}, or a positive floor would rise above the
     *     peak within the limit (see the canonical constructor)
     */
    public Sgdr withCycleLimit(long cycleLimit) {
        return new Sgdr(peak, floor, firstPeriod, periodMultiplier, peakDecay, floorDecay, warmupSteps,
                warmupEveryCycle, cycleLimit, timeExponent);
    }

    /**
     * The step at which cycle {@code cycle} starts (the restart), possibly fractional.
     *
     * @param cycle 0-based cycle index, {@code >= 0}
     * @return the start {@code S_cycle} in optimizer steps; 0 for cycle 0
     */
    public double cycleStart(long cycle) {
        if (periodMultiplier == 1.0) {
            return firstPeriod * cycle;
        }
        return firstPeriod * (Math.pow(periodMultiplier, cycle) - 1.0) / (periodMultiplier - 1.0);
    }

    /**
     * The length of cycle {@code cycle} in steps, possibly fractional.
     *
     * @param cycle 0-based cycle index, {@code >= 0}
     * @return the period {@code T_cycle} in optimizer steps
     */
    public double period(long cycle) {
        return periodMultiplier == 1.0 ? firstPeriod : firstPeriod * Math.pow(periodMultiplier, cycle);
    }

    /**
     * The 0-based cycle that {@code step} belongs to: the largest {@code i} with {@code cycleStart(i) <= step}.
     *
     * @param step 0-based optimizer step, {@code >= 0}
     * @return the 0-based cycle index, ignoring the cycle limit
     * @throws IllegalArgumentException if {@code step < 0}
     */
    public long cycleOf(long step) {
        Checks.step(step);
        double estimate = periodMultiplier == 1.0
                ? step / firstPeriod
                : Math.log1p(step * (periodMultiplier - 1.0) / firstPeriod) / Math.log(periodMultiplier);
        // Bracket the answer around the estimate, widening the bracket geometrically, then bisect: the estimate
        // is off by at most one in practice, but where it or cycleStart overflows (tiny periods, huge steps) a
        // step-by-step walk would never end. Invariant: cycleStart(low) <= step < cycleStart(high), with
        // high = Long.MAX_VALUE standing for "beyond the last representable cycle".
        long guess = (long) Math.min(Math.max(0.0, Math.floor(estimate)), 0x1p62);
        long low = 0;
        long high = Long.MAX_VALUE;
        long width = 1;
        if (cycleStart(guess) <= step) {
            low = guess;
            while (width <= Long.MAX_VALUE - low - 1 && cycleStart(low + width) <= step) {
                low += width;
                width = Math.min(width, Long.MAX_VALUE / 2) * 2;
            }
            if (width <= Long.MAX_VALUE - low - 1) {
                high = low + width;
            }
        } else {
            high = guess;
            while (high - width > 0 && cycleStart(high - width) > step) {
                high -= width;
                width = Math.min(width, Long.MAX_VALUE / 2) * 2;
            }
            low = Math.max(0, high - width);
        }
        while (high - low > 1) {
            long middle = low + (high - low) / 2;
            if (cycleStart(middle) <= step) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private boolean limited(long cycle) {
        return cycleLimit > 0 && cycle >= cycleLimit;
    }

    @Override
    public double valueAt(long step) {
        long cycle = cycleOf(step);
        if (limited(cycle)) {
            return floor * Math.pow(floorDecay, (double) (cycleLimit - 1));
        }
        double cyclePeak = peakDecay == 1.0 ? peak : peak * Math.pow(peakDecay, (double) cycle);
        double cycleFloor = floorDecay == 1.0 ? floor : floor * Math.pow(floorDecay, (double) cycle);
        double sinceRestart = step - cycleStart(cycle);
        double warmup = warmupEveryCycle || cycle == 0 ? warmupSteps : 0.0;
        if (sinceRestart < warmup) {
            return Interpolation.LINEAR.interpolate(cycleFloor, cyclePeak, sinceRestart / warmup);
        }
        double fraction = (sinceRestart - warmup) / (period(cycle) - warmup);
        if (timeExponent != 1.0) {
            fraction = Math.pow(fraction, timeExponent);
        }
        return Interpolation.COSINE.interpolate(cyclePeak, cycleFloor, fraction);
    }

    @Override
    public Optional<CycleStructure> cycles() {
        return Optional.of(this);
    }

    @Override
    public CyclePosition positionAt(long step) {
        long cycle = cycleOf(step);
        if (limited(cycle)) {
            return new CyclePosition(cycleLimit, "hold", 0.0);
        }
        double sinceRestart = step - cycleStart(cycle);
        double warmup = warmupEveryCycle || cycle == 0 ? warmupSteps : 0.0;
        if (sinceRestart < warmup) {
            return new CyclePosition(cycle, "warmup", sinceRestart / warmup);
        }
        return new CyclePosition(cycle, "anneal", (sinceRestart - warmup) / (period(cycle) - warmup));
    }

    @Override
    public OptionalLong nextCycleEnd(long step) {
        long cycle = cycleOf(step);
        if (limited(cycle)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of((long) Math.ceil(cycleStart(cycle + 1)) - 1);
    }

    @Override
    public String toSpec() {
        return SpecText.of("sgdr").add("peak", peak).add("floor", floor).add("firstPeriod", firstPeriod)
                .add("periodMultiplier", periodMultiplier).add("peakDecay", peakDecay)
                .add("floorDecay", floorDecay).add("warmupSteps", warmupSteps)
                .add("warmupEveryCycle", warmupEveryCycle).add("cycleLimit", cycleLimit)
                .add("timeExponent", timeExponent).toString();
    }

    @Override
    public String toString() {
        return toSpec();
    }

    /**
     * Builds an {@link Sgdr} from named values. Unset values are plain SGDR's: floor 0, period multiplier 1,
     * peak and floor decay 1, no warm-up, no cycle limit, time exponent 1. The numbers are checked by
     * {@link #build()}, with the record's rules and messages (e.g. {@code floor <= peak}).
     *
     * <pre>{@code
     * Sgdr lr = Sgdr.builder().peak(0.05).firstPeriod(3900).periodMultiplier(2).peakDecay(0.9)
     *         .warmupSteps(195).warmupEveryCycle(true).build();
     * }</pre>
     */
    public static final class Builder {

        private Double peak;
        private double floor;
        private Double firstPeriod;
        private double periodMultiplier = 1.0;
        private double peakDecay = 1.0;
        private double floorDecay = 1.0;
        private double warmupSteps;
        private boolean warmupEveryCycle;
        private long cycleLimit;
        private double timeExponent = 1.0;

        private Builder() {
        }

        /**
         * The value right after each restart, before peak decay (required).
         *
         * @param value the peak (the maximal learning rate, say), finite (checked by {@link #build()})
         * @return this builder
         */
        public Builder peak(double value) {
            this.peak = value;
            return this;
        }

        /**
         * The value the cosine anneals towards, before floor decay; default 0.
         *
         * @param value the floor, finite, {@code <= peak} (checked by {@link #build()})
         * @return this builder
         */
        public Builder floor(double value) {
            this.floor = value;
            return this;
        }

        /**
         * The length of the first cycle in optimizer steps, {@code > 0}, may be fractional (required).
         *
         * @param steps the first period in optimizer steps (checked by {@link #build()})
         * @return this builder
         */
        public Builder firstPeriod(double steps) {
            this.firstPeriod = steps;
            return this;
        }

        /**
         * The growth of the period at each restart, {@code >= 1}; default 1 (equal cycles).
         *
         * @param multiplier the period multiplier (checked by {@link #build()})
         * @return this builder
         */
        public Builder periodMultiplier(double multiplier) {
            this.periodMultiplier = multiplier;
            return this;
        }

        /**
         * The multiplier of the peak at each restart, {@code > 0}; default 1.
         *
         * @param multiplier the peak decay (checked by {@link #build()})
         * @return this builder
         */
        public Builder peakDecay(double multiplier) {
            this.peakDecay = multiplier;
            return this;
        }

        /**
         * The multiplier of the floor at each restart, {@code > 0}; default 1.
         *
         * @param multiplier the floor decay (checked by {@link #build()})
         * @return this builder
         */
        public Builder floorDecay(double multiplier) {
            this.floorDecay = multiplier;
            return this;
        }

        /**
         * Steps of linear warm-up at the start of the first cycle, {@code >= 0}; default 0.
         *
         * @param steps warm-up length in optimizer steps, {@code < firstPeriod} (checked by {@link #build()})
         * @return this builder
         */
        public Builder warmupSteps(double steps) {
            this.warmupSteps = steps;
            return this;
        }

        /**
         * Whether every cycle warms up, not only the first; default false.
         *
         * @param everyCycle true to warm up at every restart
         * @return this builder
         */
        public Builder warmupEveryCycle(boolean everyCycle) {
            this.warmupEveryCycle = everyCycle;
            return this;
        }

        /**
         * The number of cycles after which the floor is held, {@code >= 0}; default 0 (unlimited).
         *
         * @param cycles the cycle limit (checked by {@link #build()})
         * @return this builder
         */
        public Builder cycleLimit(long cycles) {
            this.cycleLimit = cycles;
            return this;
        }

        /**
         * The exponent applied to the fraction of the cycle (k-decay), {@code > 0}; default 1.
         *
         * @param exponent the time exponent (checked by {@link #build()})
         * @return this builder
         */
        public Builder timeExponent(double exponent) {
            this.timeExponent = exponent;
            return this;
        }

        /**
         * The schedule.
         *
         * @return a new SGDR schedule from the values set and the defaults
         * @throws IllegalArgumentException if {@code peak} or {@code firstPeriod} was not set, or the values
         *     break a rule of {@link Sgdr} (floor above peak, warm-up not shorter than the first period, ...)
         */
        public Sgdr build() {
            if (peak == null) {
                throw new IllegalArgumentException("peak must be set, got none; call peak(...), "
                        + "e.g. Sgdr.builder().peak(0.05).firstPeriod(3900)");
            }
            if (firstPeriod == null) {
                throw new IllegalArgumentException("firstPeriod must be set, got none; call firstPeriod(...), "
                        + "e.g. Sgdr.builder().peak(0.05).firstPeriod(3900)");
            }
            return new Sgdr(peak, floor, firstPeriod, periodMultiplier, peakDecay, floorDecay, warmupSteps,
                    warmupEveryCycle, cycleLimit, timeExponent);
        }
    }
}

package org.lrkit.rangetest;

import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.lrkit.Checks;
import org.lrkit.schedule.Cyclical;
import org.lrkit.schedule.Interpolation;
import org.lrkit.schedule.OneCycle;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Sgdr;
import org.lrkit.spec.AutoValues;

/**
 * What a range test suggests, and the policies built from it.
 *
 * <p>The {@code peakRule} ({@link PeakRule}) gives the peak that {@code auto} trains a one-cycle policy at, for
 * a run of a given length. A policy that starts at its top rate without a warm-up (step decay, SGDR) or comes
 * back to it every few hundred steps (a cyclical policy) gets a quarter of that peak, its {@link #heldRate};
 * the base of a cyclical policy is a quarter of its top (Smith 2017, section 3.3: "base_lr = max_lr/3 or
 * /4"). The heuristics' {@code consensus} (the log-scale median of the suggestions) and Smith's bounds
 * {@code clrLower}/{@code clrUpper} are kept for comparison and for {@code lrkit find}'s table.
 * {@link #autoValues(long)} lets a spec say {@code peak=auto}:
 * <pre>{@code
 * RangeTestAdvice advice = Suggestions.advise(curve, OptimizerFamily.SGD);
 * Policy policy = Specs.parsePolicy("oneCyclePolicy(peak=auto, totalSteps=4690)", advice.autoValues(4690));
 * }</pre>
 *
 * @param suggestions every heuristic's learning rate
 * @param consensus the median of the suggestions on a log scale
 * @param intervalLow the smallest suggestion
 * @param intervalHigh the largest suggestion
 * @param clrLower Smith's lower bound (the loss starts to fall, or the accuracy to rise)
 * @param clrUpper Smith's upper bound (the loss stops improving, or the accuracy peaks)
 * @param peakRule what the curve says about the peak {@code auto} trains at
 * @param warnings why the curve may not have a clear valley, or why the peak may be too low; empty when all
 *     is clear
 */
public record RangeTestAdvice(List<Suggestion> suggestions, double consensus, double intervalLow,
        double intervalHigh, double clrLower, double clrUpper, PeakRule peakRule, List<String> warnings) {

    /** The specs whose {@code auto} learning rate is the one-cycle peak; every other one gets the held rate. */
    public static final Set<String> ONE_CYCLE_SPECS = Set.of("oneCycle", "oneCyclePolicy", "torch.OneCycleLR",
            "fastai.fit_one_cycle", "optax.cosine_onecycle_schedule");
    /** How many times a one-cycle peak is above the rate a policy without a warm-up holds. */
    public static final double HELD_RATIO = 4;
    /** How many times the top of a cyclical policy is above its base. */
    public static final double CYCLICAL_RATIO = 4;

    /**
     * Creates advice; the lists are copied.
     *
     * @param suggestions every heuristic's learning rate, not null
     * @param consensus the median of the suggestions on a log scale
     * @param intervalLow the smallest suggestion
     * @param intervalHigh the largest suggestion
     * @param clrLower Smith's lower bound
     * @param clrUpper Smith's upper bound
     * @param peakRule what the curve says about the peak {@code auto} trains at, not null
     * @param warnings why the curve may not have a clear valley; empty when all is clear; not null
     * @throws IllegalArgumentException if {@code peakRule} is null
     */
    public RangeTestAdvice {
        suggestions = List.copyOf(suggestions);
        Checks.notNull("peakRule", peakRule);
        warnings = List.copyOf(warnings);
    }

    /**
     * The peak learning rate {@code auto} trains a one-cycle policy of {@code totalSteps} steps at.
     *
     * @param totalSteps length of the run in optimizer steps, {@code > 0}
     * @return the peak learning rate, from {@link PeakRule#peak}
     * @throws IllegalArgumentException if {@code totalSteps < 1}
     */
    public double peak(long totalSteps) {
        return peakRule.peak(totalSteps);
    }

    /**
     * The rate {@code auto} gives a policy of {@code totalSteps} steps that starts at its top rate or returns
     * to it often (step decay, SGDR, the top of a cyclical policy): a quarter of the one-cycle peak.
     *
     * @param totalSteps length of the run in optimizer steps, {@code > 0}
     * @return the held learning rate, {@code peak(totalSteps) / HELD_RATIO}
     * @throws IllegalArgumentException if {@code totalSteps < 1}
     */
    public double heldRate(long totalSteps) {
        return peak(totalSteps) / HELD_RATIO;
    }

    /**
     * Whether no warning was raised.
     *
     * @return true if {@link #warnings()} is empty
     */
    public boolean clearValley() {
        return warnings.isEmpty();
    }

    /**
     * A triangular cyclical learning rate from a quarter of the held rate to the held rate (for a run of
     * {@code totalSteps} steps), with half-cycles of {@code stepSize} steps.
     *
     * @param stepSize optimizer steps of each half-cycle, {@code > 0}
     * @param totalSteps length of the run in optimizer steps, {@code > 0}
     * @return a triangular {@link Cyclical} schedule
     * @throws IllegalArgumentException if {@code stepSize} or {@code totalSteps} is {@code < 1}
     */
    public Cyclical cyclical(long stepSize, long totalSteps) {
        double top = heldRate(totalSteps);
        return Cyclical.triangular(top / CYCLICAL_RATIO, top, stepSize);
    }

    /**
     * A one-cycle policy over {@code totalSteps} steps to the peak, starting at a 25th of it and ending at a
     * 10,000th of the start, warming up over 30% of the run (the warm-up {@link PeakRule} assumes), with
     * momentum 0.95 -> 0.85 -> 0.95.
     *
     * @param totalSteps length of the run in optimizer steps, {@code >= 3}
     * @return a policy with a one-cycle learning rate and its mirrored momentum
     * @throws IllegalArgumentException if {@code totalSteps < 3}, or the run is too short for every phase to
     *     get a step
     */
    public Policy oneCycle(long totalSteps) {
        double peak = peak(totalSteps);
        double start = peak / PeakRule.WARMUP_RATIO;
        OneCycle lr = OneCycle.of(start, peak, start / 1e4, totalSteps, PeakRule.WARMUP_FRACTION, 0.0,
                Interpolation.COSINE);
        return Policy.of(lr).withMomentum(lr.mirrored(0.95, 0.85));
    }

    /**
     * SGDR restarting at the held rate, for a run of {@code totalSteps} steps.
     *
     * @param firstPeriod length of the first cycle in optimizer steps, {@code > 0} (may be fractional)
     * @param periodMultiplier growth of the period at each restart, {@code >= 1}
     * @param totalSteps length of the run in optimizer steps, {@code > 0}
     * @return plain SGDR annealing to 0
     * @throws IllegalArgumentException if {@code totalSteps < 1}, {@code firstPeriod <= 0} or
     *     {@code periodMultiplier < 1}
     */
    public Sgdr sgdr(double firstPeriod, double periodMultiplier, long totalSteps) {
        return Sgdr.of(heldRate(totalSteps), 0.0, firstPeriod, periodMultiplier);
    }

    /**
     * Values for {@code auto} in a spec of a run of {@code totalSteps} steps: the peak of a one-cycle spec
     * ({@link #ONE_CYCLE_SPECS}) is {@link #peak}; the base of a cyclical spec ({@code base} of {@code cyclical},
     * {@code base_lr} of {@code torch.CyclicLR}) is a quarter of the held rate; every other peak, maximum,
     * initial or base learning rate is the {@link #heldRate}.
     *
     * @param totalSteps length of the run in optimizer steps, {@code > 0}
     * @return the values for {@code auto}, by spec name and key
     * @throws IllegalArgumentException if {@code totalSteps < 1}
     */
    public AutoValues autoValues(long totalSteps) {
        double peak = peak(totalSteps);
        double held = heldRate(totalSteps);
        return (specName, key) -> {
            boolean cyclical = specName.equals("cyclical") || specName.equals("torch.CyclicLR");
            if (cyclical && (key.equals("base") || key.equals("base_lr"))) {
                return OptionalDouble.of(held / CYCLICAL_RATIO);
            }
            return switch (key) {
                case "peak", "max_lr", "lr_max", "peak_value", "base_lr", "initial_learning_rate", "initial" ->
                        OptionalDouble.of(ONE_CYCLE_SPECS.contains(specName) ? peak : held);
                default -> OptionalDouble.empty();
            };
        };
    }
}

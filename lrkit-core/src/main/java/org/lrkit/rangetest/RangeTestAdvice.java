package org.lrkit.rangetest;

import java.util.List;
import java.util.OptionalDouble;
import org.lrkit.schedule.Cyclical;
import org.lrkit.schedule.OneCycle;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Sgdr;
import org.lrkit.schedule.Shape;
import org.lrkit.spec.AutoValues;

/**
 * What a range test suggests, and the policies built from it.
 *
 * <p>The {@code consensus} (the log-scale median of the suggestions) is the peak learning rate of a
 * one-cycle or SGDR policy; {@code clrLower} and {@code clrUpper} are the bounds of a cyclical learning
 * rate. {@link #autoValues()} lets a spec say {@code peak=auto}:
 * <pre>{@code
 * RangeTestAdvice advice = Suggestions.advise(curve);
 * Policy policy = Specs.parsePolicy("oneCyclePolicy(peak=auto, totalSteps=4690)", advice.autoValues());
 * }</pre>
 *
 * @param suggestions every heuristic's learning rate
 * @param consensus the median of the suggestions on a log scale
 * @param intervalLow the smallest suggestion
 * @param intervalHigh the largest suggestion
 * @param clrLower Smith's lower bound (the loss starts to fall, or the accuracy to rise)
 * @param clrUpper Smith's upper bound (the loss stops improving, or the accuracy peaks)
 * @param warnings why the curve may not have a clear valley; empty when it has one
 */
public record RangeTestAdvice(List<Suggestion> suggestions, double consensus, double intervalLow,
        double intervalHigh, double clrLower, double clrUpper, List<String> warnings) {

    public RangeTestAdvice {
        suggestions = List.copyOf(suggestions);
        warnings = List.copyOf(warnings);
    }

    /** Whether no warning was raised. */
    public boolean clearValley() {
        return warnings.isEmpty();
    }

    /** A triangular cyclical learning rate between Smith's bounds, with half-cycles of {@code stepSize} steps. */
    public Cyclical cyclical(long stepSize) {
        return Cyclical.triangular(clrLower, clrUpper, stepSize);
    }

    /**
     * A one-cycle policy over {@code totalSteps} steps peaking at the consensus, starting at a 25th of it
     * and ending at a 10,000th of the start, with momentum 0.95 -> 0.85 -> 0.95.
     */
    public Policy oneCycle(long totalSteps) {
        OneCycle lr = OneCycle.of(consensus / 25, consensus, consensus / 25 / 1e4, totalSteps, 0.3, 0.0,
                Shape.COSINE);
        return Policy.of(lr).withMomentum(lr.mirrored(0.95, 0.85));
    }

    /** SGDR with the consensus as peak. */
    public Sgdr sgdr(double firstPeriod, double periodMultiplier) {
        return Sgdr.of(consensus, 0.0, firstPeriod, periodMultiplier);
    }

    /**
     * Values for {@code auto} in a spec: the bounds of cyclical specs ({@code base}/{@code peak} of
     * {@code cyclical}, {@code base_lr}/{@code max_lr} of {@code torch.CyclicLR}) are Smith's bounds; every
     * other peak or base learning rate is the consensus.
     */
    public AutoValues autoValues() {
        return (specName, key) -> {
            boolean cyclical = specName.equals("cyclical") || specName.equals("torch.CyclicLR");
            if (cyclical && (key.equals("base") || key.equals("base_lr"))) {
                return OptionalDouble.of(clrLower);
            }
            if (cyclical && (key.equals("peak") || key.equals("max_lr"))) {
                return OptionalDouble.of(clrUpper);
            }
            return switch (key) {
                case "peak", "max_lr", "lr_max", "peak_value", "base_lr", "initial_learning_rate" ->
                        OptionalDouble.of(consensus);
                default -> OptionalDouble.empty();
            };
        };
    }
}

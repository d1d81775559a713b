package org.lrkit.rangetest;

import java.util.List;
import java.util.OptionalDouble;
import org.lrkit.Checks;
import org.lrkit.schedule.Cyclical;
import org.lrkit.schedule.OneCycle;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Sgdr;
import org.lrkit.schedule.Shape;
import org.lrkit.spec.AutoValues;

/**
 * What a range test suggests, and the policies built from it.
 *
 * <p>The {@code peak} ({@link PeakRule}: with SGD a tenth of the rate at which the sweep diverged, with
 * Adam the rate at the sweep's lowest loss) is what {@code auto} trains at: the peak of a one-cycle or
 * SGDR policy, and the top of a cyclical one, whose base is a quarter of it (Smith 2017, section 3.3:
 * "base_lr = max_lr/3 or /4"). The heuristics' {@code consensus} (the log-scale median of the
 * suggestions) and Smith's bounds {@code clrLower}/{@code clrUpper} are kept for comparison and for
 * {@code lrkit find}'s table. {@link #autoValues()} lets a spec say {@code peak=auto}:
 * <pre>{@code
 * RangeTestAdvice advice = Suggestions.advise(curve, OptimizerFamily.SGD);
 * Policy policy = Specs.parsePolicy("oneCyclePolicy(peak=auto, totalSteps=4690)", advice.autoValues());
 * }</pre>
 *
 * @param suggestions every heuristic's learning rate
 * @param consensus the median of the suggestions on a log scale
 * @param intervalLow the smallest suggestion
 * @param intervalHigh the largest suggestion
 * @param clrLower Smith's lower bound (the loss starts to fall, or the accuracy to rise)
 * @param clrUpper Smith's upper bound (the loss stops improving, or the accuracy peaks)
 * @param peakReading the peak {@code auto} trains at, with the rule that read it ({@link PeakRule})
 * @param warnings why the curve may not have a clear valley, or why the peak is only a lower bound; empty
 *     when all is clear
 */
public record RangeTestAdvice(List<Suggestion> suggestions, double consensus, double intervalLow,
        double intervalHigh, double clrLower, double clrUpper, Suggestion peakReading, List<String> warnings) {

    /** How many times the top of a cyclical policy is above its base. */
    public static final double CYCLICAL_RATIO = 4;

    public RangeTestAdvice {
        suggestions = List.copyOf(suggestions);
        Checks.notNull("peakReading", peakReading);
        Checks.positive("peakReading.learningRate", peakReading.learningRate());
        warnings = List.copyOf(warnings);
    }

    /** The peak learning rate {@code auto} trains at. */
    public double peak() {
        return peakReading.learningRate();
    }

    /** Whether no warning was raised. */
    public boolean clearValley() {
        return warnings.isEmpty();
    }

    /**
     * A triangular cyclical learning rate from a quarter of the peak to the peak, with half-cycles of
     * {@code stepSize} steps.
     */
    public Cyclical cyclical(long stepSize) {
        return Cyclical.triangular(peak() / CYCLICAL_RATIO, peak(), stepSize);
    }

    /**
     * A one-cycle policy over {@code totalSteps} steps to the peak, starting at a 25th of it and ending at a
     * 10,000th of the start, with momentum 0.95 -> 0.85 -> 0.95.
     */
    public Policy oneCycle(long totalSteps) {
        double peak = peak();
        OneCycle lr = OneCycle.of(peak / 25, peak, peak / 25 / 1e4, totalSteps, 0.3, 0.0, Shape.COSINE);
        return Policy.of(lr).withMomentum(lr.mirrored(0.95, 0.85));
    }

    /** SGDR restarting at the peak. */
    public Sgdr sgdr(double firstPeriod, double periodMultiplier) {
        return Sgdr.of(peak(), 0.0, firstPeriod, periodMultiplier);
    }

    /**
     * Values for {@code auto} in a spec: the base of a cyclical spec ({@code base} of {@code cyclical},
     * {@code base_lr} of {@code torch.CyclicLR}) is a quarter of the peak; every other peak, maximum or
     * base learning rate is the peak.
     */
    public AutoValues autoValues() {
        return (specName, key) -> {
            boolean cyclical = specName.equals("cyclical") || specName.equals("torch.CyclicLR");
            if (cyclical && (key.equals("base") || key.equals("base_lr"))) {
                return OptionalDouble.of(peak() / CYCLICAL_RATIO);
            }
            return switch (key) {
                case "peak", "max_lr", "lr_max", "peak_value", "base_lr", "initial_learning_rate" ->
                        OptionalDouble.of(peak());
                default -> OptionalDouble.empty();
            };
        };
    }
}

package org.lrkit.schedule;

import java.util.Arrays;
import org.lrkit.Checks;

/**
 * Multi-step decay: the value is multiplied by {@code factor} at each milestone,
 * {@code v(t) = initial * factor^(number of milestones <= t)} (PyTorch's {@code MultiStepLR}, Caffe's
 * {@code multistep}). A milestone listed twice decays twice, as in PyTorch. O(log m) per step.
 *
 * <pre>{@code
 * Schedule lr = new MultiStepDecay(0.1, new long[] {60 * 390, 120 * 390, 160 * 390}, 0.2);  // WRN recipe
 * }</pre>
 *
 * @param initial value before the first milestone
 * @param milestones steps at which the value decays, non-decreasing, each {@code >= 0} (copied)
 * @param factor multiplier applied at each milestone, {@code > 0}
 */
public record MultiStepDecay(double initial, long[] milestones, double factor) implements Schedule {

    /**
     * Creates a multi-step decay.
     *
     * @param initial value before the first milestone, finite
     * @param milestones optimizer steps at which the value decays, non-decreasing, each {@code >= 0}
     *     (copied)
     * @param factor multiplier applied at each milestone, finite, {@code > 0}
     * @throws IllegalArgumentException if {@code initial} is not finite, {@code milestones} is null, has a
     *     negative entry or decreases, or {@code factor} is not a finite value {@code > 0}
     */
    public MultiStepDecay {
        Checks.finite("initial", initial);
        Checks.notNull("milestones", milestones);
        milestones = milestones.clone();
        for (int i = 0; i < milestones.length; i++) {
            Checks.nonNegative("milestones[" + i + "]", milestones[i]);
            if (i > 0 && milestones[i] < milestones[i - 1]) {
                throw new IllegalArgumentException("milestones must be in increasing order, but milestones["
                        + (i - 1) + "]=" + milestones[i - 1] + " > milestones[" + i + "]=" + milestones[i]
                        + "; sort them");
            }
        }
        Checks.positive("factor", factor);
    }

    /**
     * The milestones (a copy).
     *
     * @return the optimizer steps at which the value decays, in non-decreasing order
     */
    @Override
    public long[] milestones() {
        return milestones.clone();
    }

    @Override
    public double valueAt(long step) {
        Checks.step(step);
        return initial * Math.pow(factor, passedMilestones(step));
    }

    /** Number of milestones {@code <= step}. */
    private int passedMilestones(long step) {
        int low = 0;
        int high = milestones.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (milestones[mid] <= step) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MultiStepDecay that && Double.compare(initial, that.initial) == 0
                && Arrays.equals(milestones, that.milestones) && Double.compare(factor, that.factor) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Double.hashCode(initial) + Arrays.hashCode(milestones)) + Double.hashCode(factor);
    }

    @Override
    public String toSpec() {
        return SpecText.of("multiStepDecay").add("initial", initial).add("milestones", milestones)
                .add("factor", factor).toString();
    }

    @Override
    public String toString() {
        return toSpec();
    }
}

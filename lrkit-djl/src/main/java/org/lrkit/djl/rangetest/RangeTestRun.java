package org.lrkit.djl.rangetest;

import org.lrkit.Checks;
import org.lrkit.rangetest.RangeTestCurve;

/**
 * One sweep of a range test: its seed, the momentum and weight decay it ran with, and its curve.
 *
 * @param seed the seed of its data order and engine randomness
 * @param momentum the constant momentum (or Adam's beta1) of the sweep, or NaN when the optimizer's own
 *     constant applied
 * @param weightDecay the weight decay of a weight-decay grid value, or NaN when the optimizer's own applied
 * @param curve the recorded curve
 */
public record RangeTestRun(long seed, double momentum, double weightDecay, RangeTestCurve curve) {

    /**
     * Checks the components; see the record description.
     *
     * @param seed the seed of its data order and engine randomness
     * @param momentum the constant momentum (or Adam's beta1) of the sweep, or NaN
     * @param weightDecay the weight decay of a weight-decay grid value, or NaN
     * @param curve the recorded curve, not null
     * @throws IllegalArgumentException if {@code curve} is null
     */
    public RangeTestRun {
        Checks.notNull("curve", curve);
    }
}

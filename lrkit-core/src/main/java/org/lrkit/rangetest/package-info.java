/**
 * The learning-rate range test and learning-rate estimates, independent of any training engine.
 *
 * <p>A range test (Smith 2017, section 3.3) trains for a few hundred steps while the learning rate sweeps
 * upwards ({@link org.lrkit.rangetest.Sweep}), records the loss ({@link org.lrkit.rangetest.RangeTestRecorder})
 * and reads suggestions off the curve ({@link org.lrkit.rangetest.Suggestions}), which then build a
 * policy ({@link org.lrkit.rangetest.RangeTestAdvice}). The engine adapter (lrkit-djl) runs the steps and
 * restores the model afterwards. {@link org.lrkit.rangetest.HessianFreeEstimate} is Smith &amp; Topin's
 * estimate of the optimal learning rate from successive weights.
 */
package org.lrkit.rangetest;

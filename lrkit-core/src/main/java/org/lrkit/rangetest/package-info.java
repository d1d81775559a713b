/**
 * The learning-rate range test, independent of any training engine.
 *
 * <p>A range test (Smith 2017, section 3.3) trains for a few hundred steps while the learning rate sweeps
 * upwards ({@link org.lrkit.rangetest.Sweep}), records the loss ({@link org.lrkit.rangetest.RangeTestRecorder})
 * and reads suggestions off the curve ({@link org.lrkit.rangetest.Suggestions}), which then build a
 * policy ({@link org.lrkit.rangetest.RangeTestAdvice}). Curves of several seeds combine into a median with a
 * band ({@link org.lrkit.rangetest.RangeTestCurve}, {@link org.lrkit.rangetest.CurveBand}). The engine adapter
 * (lrkit-djl) runs the steps and restores the model afterwards. Smith &amp; Topin's estimate of the optimal
 * learning rate from successive weights is in {@link org.lrkit.curvature}.
 */
package org.lrkit.rangetest;

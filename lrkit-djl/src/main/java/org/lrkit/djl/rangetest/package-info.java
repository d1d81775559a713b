/**
 * The learning-rate range test and the Hessian-free learning-rate estimates on DJL.
 *
 * <ul>
 *   <li>{@link org.lrkit.djl.rangetest.RangeTest} runs a range test on the model and data (several seeds,
 *       validation mode, momentum or weight-decay grids) and restores the model bit for bit
 *       ({@link org.lrkit.djl.rangetest.TrainingSnapshot}); {@link org.lrkit.djl.rangetest.RangeTestReport}
 *       writes the curves as CSV and JSON.
 *   <li>{@link org.lrkit.djl.rangetest.HessianFreeMonitor} logs Smith &amp; Topin's estimate from successive
 *       weights during training, globally and per layer.
 *   <li>{@link org.lrkit.djl.rangetest.CurvatureProbe} measures the curvature along the gradient with a
 *       finite-difference Hessian-vector product.
 * </ul>
 *
 * The engine-independent parts (sweeps, smoothing, suggestions, the estimates' arithmetic) are in
 * {@code org.lrkit.rangetest} of lrkit-core.
 */
package org.lrkit.djl.rangetest;

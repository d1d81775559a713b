/**
 * The learning-rate range test on DJL.
 *
 * <ul>
 *   <li>{@link org.lrkit.djl.rangetest.RangeTest} runs a range test on the model and data (several seeds,
 *       validation mode, momentum or weight-decay grids) and restores the model bit for bit
 *       ({@link org.lrkit.djl.rangetest.TrainingSnapshot}); its {@link org.lrkit.djl.rangetest.RangeTestResult}
 *       holds the curves, the advice and the timing. The files of a range test (CSV and JSON) are written by
 *       {@code org.lrkit.experiment.report.RangeTestReport} in lrkit-experiment, with the other run files.
 *   <li>{@link org.lrkit.djl.rangetest.RangeTest#forModel} is the one-call form for a fresh model: it
 *       initializes the block from input shapes and builds its own optimizer following the sweep
 *       ({@code RangeTest.forModel(model, new Shape(1, 784)).data(source).build().run()}).
 * </ul>
 *
 * The engine-independent parts (sweeps, smoothing, suggestions, the median over seeds) are in
 * {@code org.lrkit.rangetest} of lrkit-core. The curvature-based estimates (Hessian-free, curvature probe) are
 * in {@code org.lrkit.djl.curvature}.
 */
package org.lrkit.djl.rangetest;

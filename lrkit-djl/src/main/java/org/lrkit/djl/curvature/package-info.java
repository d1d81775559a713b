/**
 * Curvature-based learning-rate estimates measured on a DJL model during or beside training.
 *
 * <ul>
 *   <li>{@link org.lrkit.djl.curvature.HessianFreeMonitor} logs Smith &amp; Topin's Hessian-free estimate
 *       from successive weights during training, globally and per layer
 *       ({@link org.lrkit.djl.curvature.HessianFreeRecord}, {@link org.lrkit.djl.curvature.LayerEstimate}).
 *   <li>{@link org.lrkit.djl.curvature.CurvatureProbe} measures the curvature along the gradient on one batch
 *       with a finite-difference Hessian-vector product ({@link org.lrkit.djl.curvature.CurvatureEstimate});
 *       {@link org.lrkit.djl.curvature.CurvatureMonitor} runs it every few steps of training.
 * </ul>
 *
 * <pre>{@code
 * HessianFreeMonitor monitor = HessianFreeMonitor.every(10, model.getBlock(), optimizer);
 * TrainingRun.builder(model, optimizer)...listener(monitor).build().run();
 * }</pre>
 *
 * <p>Both are {@link org.lrkit.djl.train.TrainingRunListener}s. The engine-independent arithmetic is
 * {@link org.lrkit.curvature.HessianFreeEstimate} in lrkit-core. Reference: L. N. Smith and N. Topin,
 * "Super-Convergence: Very Fast Training of Neural Networks Using Large Learning Rates" (2018), section 4.
 */
package org.lrkit.djl.curvature;

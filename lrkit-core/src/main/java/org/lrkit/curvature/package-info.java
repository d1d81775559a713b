/**
 * Learning-rate estimates from the curvature of the loss, independent of any training engine.
 *
 * <p>{@link org.lrkit.curvature.HessianFreeEstimate} is Smith &amp; Topin's Hessian-free estimate of the
 * optimal learning rate (Super-Convergence, 2018, section 4): from three successive weight snapshots,
 * {@code lr * sum|w2 - w1| / sum|2 w2 - w1 - w3|}, the secant step size {@code |dw| / |dg|} along the
 * training path, smoothed by a moving average. The engine adapter ({@code org.lrkit.djl.curvature} in
 * lrkit-djl) computes the L1 sums on the tensors and feeds them here.
 *
 * <pre>{@code
 * HessianFreeEstimate estimate = HessianFreeEstimate.authors();          // decay 0.9, average from 0.1
 * double smoothed = estimate.observe(lr, l1FirstDifference, l1SecondDifference);
 * }</pre>
 *
 * <p>{@link org.lrkit.curvature.MomentumCorrectedEstimate} is the same estimate for SGD with momentum, whose
 * weight differences are the momentum buffer rather than the gradient: it recovers the gradients
 * {@code g_t = -(w_{t+1} - w_t) / lr_t + m_t (w_t - w_{t-1}) / lr_{t-1}} from five snapshots and returns
 * {@code sum|g_1| / sum|H g_1|}.
 *
 * <p>The learning-rate range test, the other way to choose a learning rate, is in
 * {@link org.lrkit.rangetest}.
 */
package org.lrkit.curvature;

/**
 * lrkit-core: learning-rate schedules and policies, their text form and the engine-independent parts of
 * choosing a learning rate. No runtime dependencies.
 *
 * <ul>
 *   <li>{@link org.lrkit.schedule}: {@code Schedule} and {@code Policy}, the front door of the API (one-cycle,
 *       SGDR, cyclical, step decay, warm-up, composition).
 *   <li>{@link org.lrkit.spec}: the text form of schedules and policies, {@code oneCyclePolicy(peak=0.1,
 *       totalSteps=1000)}, and the compatibility names of PyTorch, Keras, fastai and timm.
 *   <li>{@link org.lrkit.rangetest}: the learning-rate range test's sweep, curve and suggestions.
 *   <li>{@link org.lrkit.curvature}: Smith &amp; Topin's Hessian-free estimate of the learning rate.
 * </ul>
 *
 * <p>{@link org.lrkit.Checks} holds the argument checks every type uses, so that each error names the
 * parameter, the rule, the value and the fix: {@code "stepsUp must be > 0, got 0"}.
 */
package org.lrkit;

/**
 * Per-image augmentation in plain Java on uint8 CHW images: {@link org.lrkit.vision.transform.Normalization}
 * (per-channel mean and std), {@link org.lrkit.vision.transform.RandomCrop} with zero or reflect padding,
 * {@link org.lrkit.vision.transform.HorizontalFlip} and {@link org.lrkit.vision.transform.Cutout}, fused by
 * {@link org.lrkit.vision.transform.Augmentation} into one pass that writes floats into a batch buffer. Random
 * choices ({@link org.lrkit.vision.transform.Draw}) come from a re-seedable
 * {@link org.lrkit.vision.transform.Rng}, so the pipeline is reproducible.
 */
package org.lrkit.vision.transform;

package org.lrkit.vision.transform;

/**
 * How {@link RandomCrop} fills the border it pads around an image before cropping.
 */
public enum PadMode {
    /**
     * Black pixels (byte value 0), padded <em>before</em> normalization, so a padded pixel becomes
     * {@code (0 - mean) / std}. This is what torchvision's {@code RandomCrop(32, padding=4)} does to the
     * uint8 image (He et al. 2016, the standard CIFAR augmentation).
     */
    ZERO,
    /**
     * Mirror the image at its edge without repeating the edge pixel: index {@code -1} reads {@code 1},
     * index {@code n} reads {@code n-2} (numpy {@code np.pad(mode='reflect')}, torchvision
     * {@code padding_mode='reflect'}), as in Page's DAWNBench ResNet-9 pipeline (2018). Requires the padding
     * to be smaller than the image side.
     */
    REFLECT
}

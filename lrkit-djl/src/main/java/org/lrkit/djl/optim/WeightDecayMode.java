package org.lrkit.djl.optim;

/**
 * How an optimizer applies weight decay {@code wd} to a weight {@code w} with learning rate {@code lr}.
 */
public enum WeightDecayMode {
    /** L2 regularisation, added to the gradient before anything else: {@code g += wd * w} (PyTorch's SGD and Adam). */
    L2,
    /**
     * Decoupled weight decay (Loshchilov &amp; Hutter, AdamW): the weight shrinks directly,
     * {@code w -= lr * wd * w}, and the gradient is left alone.
     */
    DECOUPLED
}

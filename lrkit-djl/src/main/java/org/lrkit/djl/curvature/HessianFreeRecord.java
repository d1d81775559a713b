package org.lrkit.djl.curvature;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Hessian-free estimate of the optimal learning rate, for the whole model and per layer (see
 * {@link HessianFreeMonitor}).
 *
 * @param step the optimizer step after which the third snapshot was taken
 * @param learningRate the base learning rate of that step
 * @param estimate this triple's global estimate
 * @param average the global moving average
 * @param firstDifferenceL1 global {@code sum |w2 - w1|}
 * @param gradientDifferenceL1 global {@code sum |(w2 - w1)/lr1 - (w3 - w2)/lr2|}
 * @param layers per layer (in the block's order), its estimate and moving average
 * @param momentum the momentum of the window's middle step ({@code m_1}), NaN where the optimizer is not SGD
 * @param corrected the global momentum-corrected estimate {@code sum|g_1| / sum|H g_1|} of
 *     {@link org.lrkit.curvature.MomentumCorrectedEstimate}; equal to {@code estimate} without momentum, NaN
 *     where it cannot be computed (the first window under momentum, Nesterov, Adam, decoupled weight decay)
 */
public record HessianFreeRecord(long step, double learningRate, double estimate, double average,
        double firstDifferenceL1, double gradientDifferenceL1, Map<String, LayerEstimate> layers, double momentum,
        double corrected) {

    /**
     * Copies the layer map, keeping its order; see the record description.
     *
     * @param step the optimizer step after which the third snapshot was taken
     * @param learningRate the base learning rate of that step
     * @param estimate this triple's global estimate
     * @param average the global moving average
     * @param firstDifferenceL1 global {@code sum |w2 - w1|}
     * @param gradientDifferenceL1 global {@code sum |(w2 - w1)/lr1 - (w3 - w2)/lr2|}
     * @param layers per layer (in the block's order), its estimate and moving average; not null
     * @param momentum the momentum of the window's middle step, NaN where the optimizer is not SGD
     * @param corrected the global momentum-corrected estimate, NaN where it cannot be computed
     * @throws NullPointerException if {@code layers} is null
     */
    public HessianFreeRecord {
        layers = Collections.unmodifiableMap(new LinkedHashMap<>(layers));
    }

    /**
     * A record without the momentum-corrected estimate (momentum and corrected estimate NaN).
     *
     * @param step the optimizer step after which the third snapshot was taken
     * @param learningRate the base learning rate of that step
     * @param estimate this triple's global estimate
     * @param average the global moving average
     * @param firstDifferenceL1 global {@code sum |w2 - w1|}
     * @param gradientDifferenceL1 global {@code sum |(w2 - w1)/lr1 - (w3 - w2)/lr2|}
     * @param layers per layer (in the block's order), its estimate and moving average; not null
     * @throws NullPointerException if {@code layers} is null
     */
    public HessianFreeRecord(long step, double learningRate, double estimate, double average,
            double firstDifferenceL1, double gradientDifferenceL1, Map<String, LayerEstimate> layers) {
        this(step, learningRate, estimate, average, firstDifferenceL1, gradientDifferenceL1, layers, Double.NaN,
                Double.NaN);
    }
}

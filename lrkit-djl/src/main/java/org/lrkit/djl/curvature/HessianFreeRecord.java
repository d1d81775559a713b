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
 */
public record HessianFreeRecord(long step, double learningRate, double estimate, double average,
        double firstDifferenceL1, double gradientDifferenceL1, Map<String, LayerEstimate> layers) {

    public HessianFreeRecord {
        layers = Collections.unmodifiableMap(new LinkedHashMap<>(layers));
    }
}

package org.lrkit.vision.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Objects;

/**
 * Local response normalization as Caffe's {@code LRN} layer computes it (DJL 0.36 has no such block, so this
 * one is built from DJL's average pooling): each value is divided by
 * {@code (k + alpha/n * sum of squares over its local region)^beta}, where {@code n} is the number of values
 * in the region ({@code size} channels across channels, {@code size x size} pixels within a channel), the
 * region is zero-padded at the borders and {@code n} always counts the padding. Caffe fixes {@code k = 1}
 * within a channel. Krizhevsky et al., NIPS 2012 (across channels); Jia et al., Caffe, 2014 (both regions).
 * No parameters.
 */
public final class LocalResponseNorm extends AbstractBlock {

    /** Where the local region extends. */
    public enum Region {
        /** Over {@code size} neighbouring channels at the same pixel. */
        ACROSS_CHANNELS,
        /** Over a {@code size x size} square of pixels in the same channel. */
        WITHIN_CHANNEL
    }

    private static final byte VERSION = 1;

    private final int size;
    private final double alpha;
    private final double beta;
    private final double k;
    private final Region region;

    /**
     * An LRN block.
     *
     * @param size side of the local region, odd and {@code >= 1}
     * @param alpha scale, finite and {@code >= 0}
     * @param beta exponent, finite and {@code >= 0}
     * @param k additive constant, finite and {@code > 0} (Caffe: 1)
     * @param region across or within channels
     */
    public LocalResponseNorm(int size, double alpha, double beta, double k, Region region) {
        super(VERSION);
        this.region = Objects.requireNonNull(region, "region");
        if (size < 1 || size % 2 == 0) {
            throw new IllegalArgumentException("size must be odd and >= 1 (Caffe's local_size), got " + size);
        }
        if (!(alpha >= 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and >= 0, got " + alpha);
        }
        if (!(beta >= 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("beta must be finite and >= 0, got " + beta);
        }
        if (!(k > 0) || !Double.isFinite(k)) {
            throw new IllegalArgumentException("k must be finite and > 0, got " + k);
        }
        this.size = size;
        this.alpha = alpha;
        this.beta = beta;
        this.k = k;
    }

    /**
     * Caffe's {@code norm_region: WITHIN_CHANNEL} with {@code k = 1}.
     *
     * @param size side of the square region in pixels ({@code local_size}), odd and {@code >= 1}
     * @param alpha scale, finite and {@code >= 0}
     * @param beta exponent, finite and {@code >= 0}
     * @return the block
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static LocalResponseNorm withinChannel(int size, double alpha, double beta) {
        return new LocalResponseNorm(size, alpha, beta, 1.0, Region.WITHIN_CHANNEL);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray squares = x.square();
        int half = size / 2;
        NDArray mean;
        if (region == Region.WITHIN_CHANNEL) {
            mean = Pool.avgPool2d(squares, new Shape(size, size), new Shape(1, 1), new Shape(half, half), false, true);
        } else {
            Shape s = x.getShape();
            NDArray stacked = squares.reshape(s.get(0), 1, s.get(1), s.get(2), s.get(3));
            mean = Pool.avgPool3d(stacked, new Shape(size, 1, 1), new Shape(1, 1, 1), new Shape(half, 0, 0), false,
                    true).reshape(s);
        }
        NDArray scale = mean.mul(alpha).add(k).pow(-beta);
        return new NDList(x.mul(scale));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    public String toString() {
        return "LocalResponseNorm(size=" + size + ", alpha=" + alpha + ", beta=" + beta + ", k=" + k + ", " + region
                + ")";
    }
}

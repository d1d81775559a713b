package org.lrkit.vision.model;

import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks, before a network is built, that an input shape survives its spatial layers: records the
 * convolutions and poolings a model applies, then computes the feature-map size after each and rejects an
 * input that shrinks below 1x1, naming the layer and the smallest input that works.
 */
final class InputGeometry {

    private record Op(String layer, int kernel, int stride, int padding, boolean ceil) {
        int apply(int size) {
            int span = size + 2 * padding - kernel;
            if (span < 0) {
                return 0;
            }
            int out = (ceil ? (span + stride - 1) / stride : span / stride) + 1;
            if (ceil && (out - 1) * stride >= size + padding) {
                out--; // the last window must start inside the input or its left padding (Caffe, PyTorch)
            }
            return out;
        }
    }

    private final String model;
    private final Shape input;
    private final List<Op> ops = new ArrayList<>();

    private InputGeometry(String model, Shape input) {
        this.model = model;
        this.input = input;
    }

    /**
     * Starts checking {@code input}, which must be {@code (channels, height, width)} with all three > 0.
     *
     * @throws IllegalArgumentException if it is not
     */
    static InputGeometry of(String model, Shape input) {
        Objects.requireNonNull(input, "inputShape");
        if (input.dimension() != 3 || input.get(0) < 1 || input.get(1) < 1 || input.get(2) < 1) {
            throw new IllegalArgumentException("inputShape must be (channels, height, width) with each > 0, got "
                    + input + " for " + model + "; e.g. new Shape(3, 32, 32) for CIFAR");
        }
        if (input.get(1) > Integer.MAX_VALUE || input.get(2) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("inputShape height and width must fit an int, got " + input);
        }
        return new InputGeometry(model, input);
    }

    /** Checks {@code numClasses >= 1}, for the model's output layer. */
    static void checkClasses(String model, int numClasses) {
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be >= 1, got " + numClasses + " for " + model);
        }
    }

    /** A square convolution or pooling window in floor mode. */
    InputGeometry window(String layer, int kernel, int stride, int padding) {
        ops.add(new Op(layer, kernel, stride, padding, false));
        return this;
    }

    /** A square pooling window in ceil mode (Caffe's pooling). */
    InputGeometry ceilWindow(String layer, int kernel, int stride, int padding) {
        ops.add(new Op(layer, kernel, stride, padding, true));
        return this;
    }

    /** Input channels. */
    int channels() {
        return (int) input.get(0);
    }

    /** Output height after all recorded layers. */
    int height() {
        return run((int) input.get(1), null);
    }

    /** Output width after all recorded layers. */
    int width() {
        return run((int) input.get(2), null);
    }

    /**
     * Checks the input against the recorded layers.
     *
     * @throws IllegalArgumentException if a layer's output would be empty
     */
    InputGeometry check() {
        String[] failed = new String[1];
        int h = run((int) input.get(1), failed);
        String failedH = failed[0];
        int w = run((int) input.get(2), failed);
        if (h < 1 || w < 1) {
            int minimum = 1;
            while (run(minimum, null) < 1) {
                minimum++;
            }
            throw new IllegalArgumentException("inputShape " + input + " is too small for " + model + ": layer "
                    + (h < 1 ? failedH : failed[0]) + " would get an empty feature map; use images of at least "
                    + minimum + "x" + minimum);
        }
        return this;
    }

    private int run(int size, String[] failed) {
        for (Op op : ops) {
            size = op.apply(size);
            if (size < 1) {
                if (failed != null) {
                    failed[0] = op.layer();
                }
                return 0;
            }
        }
        return size;
    }
}

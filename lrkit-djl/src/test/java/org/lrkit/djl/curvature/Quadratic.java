package org.lrkit.djl.curvature;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.dataset.ArrayDataset;
import java.util.List;

/**
 * Least squares on an orthogonal design, a quadratic whose curvature is known in closed form: the design
 * {@code X} is the 8x8 Hadamard matrix with column {@code j} scaled by {@code s_j}, so with DJL's L2 loss
 * {@code f(w) = |Xw - y|^2 / (2n)} the Hessian is {@code A = X^T X / n = diag(s_j^2)}. Plain gradient
 * descent with learning rate {@code lr} maps {@code w - w*} to {@code (I - lr A)(w - w*)}.
 */
final class Quadratic {

    static final int N = 8;

    final double[] scale;
    final double[][] x;
    final double[] target;
    final double[] y;

    Quadratic(double[] scale, double[] target) {
        this.scale = scale.clone();
        this.target = target.clone();
        int[][] h = hadamard();
        x = new double[N][N];
        y = new double[N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                x[i][j] = h[i][j] * scale[j];
                y[i] += x[i][j] * target[j];
            }
        }
    }

    /** The 8x8 Sylvester Hadamard matrix: entries +-1, orthogonal columns. */
    static int[][] hadamard() {
        int[][] h = {{1}};
        while (h.length < N) {
            int n = h.length;
            int[][] next = new int[2 * n][2 * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    next[i][j] = h[i][j];
                    next[i][j + n] = h[i][j];
                    next[i + n][j] = h[i][j];
                    next[i + n][j + n] = -h[i][j];
                }
            }
            h = next;
        }
        return h;
    }

    /** The Hessian's diagonal, {@code s_j^2}. */
    double curvature(int j) {
        return scale[j] * scale[j];
    }

    /** The gradient {@code A (w - w*)}. */
    double[] gradient(double[] w) {
        double[] g = new double[N];
        for (int j = 0; j < N; j++) {
            g[j] = curvature(j) * (w[j] - target[j]);
        }
        return g;
    }

    /** One step of gradient descent in double precision. */
    double[] step(double[] w, double lr) {
        double[] g = gradient(w);
        double[] next = new double[N];
        for (int j = 0; j < N; j++) {
            next[j] = w[j] - lr * g[j];
        }
        return next;
    }

    /** The full data set as one batch per epoch. */
    ArrayDataset dataset(NDManager manager) {
        float[] xs = new float[N * N];
        float[] ys = new float[N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                xs[i * N + j] = (float) x[i][j];
            }
            ys[i] = (float) y[i];
        }
        return new ArrayDataset.Builder().setData(manager.create(xs, new Shape(N, N)))
                .optLabels(manager.create(ys, new Shape(N, 1))).setSampling(N, false).build();
    }

    /** One linear unit without bias over all 8 features: the quadratic in 8 weights. */
    static Block single() {
        return Linear.builder().setUnits(1).optBias(false).build();
    }

    /**
     * Two layers, each one linear unit without bias over its own 4 features, outputs added: the same
     * quadratic, with the Hessian block-diagonal between the layers ({@code 01SequentialBlock_02Linear} sees
     * features 0-3, {@code 02SequentialBlock_02Linear} features 4-7).
     */
    static Block twoLayers() {
        Block left = new SequentialBlock()
                .add(new LambdaBlock(list -> new NDList(list.singletonOrThrow().get(":, 0:4"))))
                .add(Linear.builder().setUnits(1).optBias(false).build());
        Block right = new SequentialBlock()
                .add(new LambdaBlock(list -> new NDList(list.singletonOrThrow().get(":, 4:8"))))
                .add(Linear.builder().setUnits(1).optBias(false).build());
        return new ParallelBlock(outputs -> new NDList(outputs.get(0).singletonOrThrow()
                .add(outputs.get(1).singletonOrThrow())), List.of(left, right));
    }

    /** A model of {@code block}, initialized, with all weights set to {@code w} (in feature order). */
    static Model model(Block block, double[] w) {
        Model model = Model.newInstance("quadratic");
        model.setBlock(block);
        block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, N));
        int offset = 0;
        for (var pair : block.getParameters()) {
            NDArray array = pair.getValue().getArray();
            int size = (int) array.size();
            float[] values = new float[size];
            for (int k = 0; k < size; k++) {
                values[k] = (float) w[offset + k];
            }
            array.set(values);
            offset += size;
        }
        return model;
    }

    /** The model's weights, in feature order, as doubles. */
    static double[] weights(Block block) {
        double[] w = new double[N];
        int offset = 0;
        for (var pair : block.getParameters()) {
            float[] values = pair.getValue().getArray().toFloatArray();
            for (float v : values) {
                w[offset++] = v;
            }
        }
        return w;
    }
}

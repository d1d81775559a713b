package org.lrkit.djl.testing;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.dataset.ArrayDataset;
import java.util.Random;

/** Small data made in the test and small models, so that every test runs in seconds on 2 cores. */
public final class Fixtures {

    /** Features of the blob data. */
    public static final int FEATURES = 8;
    /** Classes of every data set here. */
    public static final int CLASSES = 3;
    /** Side of the stripe images. */
    public static final int SIDE = 8;

    private Fixtures() {
    }

    /**
     * {@code n} points in {@link #FEATURES} dimensions from {@link #CLASSES} Gaussian blobs (separable, with
     * some overlap so accuracy is not trivially 1).
     */
    public static ArrayDataset blobs(NDManager manager, int n, long seed, int samplingBatch) {
        Random random = new Random(seed);
        Random centersRandom = new Random(7);
        float[][] centers = new float[CLASSES][FEATURES];
        for (float[] center : centers) {
            for (int f = 0; f < FEATURES; f++) {
                center[f] = (float) (centersRandom.nextGaussian() * 1.5);
            }
        }
        float[] x = new float[n * FEATURES];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            int label = i % CLASSES;
            y[i] = label;
            for (int f = 0; f < FEATURES; f++) {
                x[i * FEATURES + f] = centers[label][f] + (float) random.nextGaussian();
            }
        }
        return new ArrayDataset.Builder()
                .setData(manager.create(x, new Shape(n, FEATURES)))
                .optLabels(manager.create(y, new Shape(n)))
                .setSampling(samplingBatch, false)
                .build();
    }

    /**
     * {@code n} one-channel {@link #SIDE}x{@link #SIDE} images of horizontal, vertical or diagonal stripes
     * with noise and random phase.
     */
    public static ArrayDataset stripes(NDManager manager, int n, long seed, int samplingBatch) {
        Random random = new Random(seed);
        float[] x = new float[n * SIDE * SIDE];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            int label = i % CLASSES;
            y[i] = label;
            int phase = random.nextInt(2);
            for (int r = 0; r < SIDE; r++) {
                for (int c = 0; c < SIDE; c++) {
                    int coordinate = label == 0 ? r : label == 1 ? c : r + c;
                    float value = (coordinate + phase) % 2 == 0 ? 1f : -1f;
                    x[i * SIDE * SIDE + r * SIDE + c] = value + (float) (random.nextGaussian() * 0.8);
                }
            }
        }
        return new ArrayDataset.Builder()
                .setData(manager.create(x, new Shape(n, 1, SIDE, SIDE)))
                .optLabels(manager.create(y, new Shape(n)))
                .setSampling(samplingBatch, false)
                .build();
    }

    /** A two-layer perceptron: 16 hidden ReLU units, {@link #CLASSES} outputs. */
    public static Block mlp() {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(16).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(CLASSES).build());
    }

    /** The MLP's input shape. */
    public static Shape mlpInput() {
        return new Shape(1, FEATURES);
    }

    /** A tiny CNN with BatchNorm: conv 3x3 (8) - BatchNorm - ReLU - max pool - linear. */
    public static Block cnn() {
        return new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(8).build())
                .add(BatchNorm.builder().build())
                .add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(CLASSES).build());
    }

    /** The CNN's input shape. */
    public static Shape cnnInput() {
        return new Shape(1, 1, SIDE, SIDE);
    }

    /** A model holding {@code block}. */
    public static Model model(String name, Block block) {
        Model model = Model.newInstance(name);
        model.setBlock(block);
        return model;
    }

    /** A model holding {@code block}, initialized from seed 42: the same initial weights whatever ran before. */
    public static Model initialized(String name, Block block, Shape input) {
        Model model = model(name, block);
        model.getNDManager().getEngine().setRandomSeed(42);
        block.initialize(model.getNDManager(), DataType.FLOAT32, input);
        return model;
    }
}
